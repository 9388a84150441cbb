package org.lotkeeper.model.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.id.ItemCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a result is judged against a test: limits inclusive after rounding to the reported decimals, every kind. */
class JudgementPropertyTest {

    private static SpecTest numeric(BigDecimal min, BigDecimal max, int decimals) {
        return new SpecTest("T", "Test", null, null, TestKind.NUMERIC, min, max, decimals, null, true, false);
    }

    @Property
    void aNumericResultConformsExactlyWhenItsReportedValueIsWithinTheLimits(
            @ForAll("limits") BigDecimal[] limits,
            @ForAll @IntRange(min = 0, max = 4) int decimals,
            @ForAll("values") BigDecimal value) {
        BigDecimal min = limits[0].setScale(decimals, RoundingMode.DOWN);
        BigDecimal max = limits[1].setScale(decimals, RoundingMode.DOWN);
        SpecTest test = numeric(min, max, decimals);
        SpecTest.Result r = test.judge(value.toPlainString());
        BigDecimal reported = value.setScale(decimals, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(r.value())).isEqualByComparingTo(reported);
        assertThat(new BigDecimal(r.value()).scale()).isEqualTo(decimals);
        boolean inside = reported.compareTo(min) >= 0 && reported.compareTo(max) <= 0;
        assertThat(r.judgement()).isEqualTo(inside ? Judgement.CONFORMS : Judgement.OUT_OF_SPECIFICATION);
    }

    @Property
    void bothLimitsConformAndOneStepBeyondEitherDoesNot(
            @ForAll("limits") BigDecimal[] limits, @ForAll @IntRange(min = 0, max = 4) int decimals) {
        BigDecimal min = limits[0].setScale(decimals, RoundingMode.DOWN);
        BigDecimal max = limits[1].setScale(decimals, RoundingMode.DOWN);
        SpecTest test = numeric(min, max, decimals);
        BigDecimal step = BigDecimal.ONE.movePointLeft(decimals);
        assertThat(test.judge(min.toPlainString()).judgement()).isEqualTo(Judgement.CONFORMS);
        assertThat(test.judge(max.toPlainString()).judgement()).isEqualTo(Judgement.CONFORMS);
        assertThat(test.judge(min.subtract(step).toPlainString()).judgement())
                .isEqualTo(Judgement.OUT_OF_SPECIFICATION);
        assertThat(test.judge(max.add(step).toPlainString()).judgement()).isEqualTo(Judgement.OUT_OF_SPECIFICATION);
    }

    @Property
    void anOpenLimitNeverRefusesOnItsSide(@ForAll("values") BigDecimal value) {
        SpecTest atMost = numeric(null, new BigDecimal("0.50"), 2);
        SpecTest atLeast = numeric(new BigDecimal("99.0"), null, 1);
        boolean under = value.setScale(2, RoundingMode.HALF_UP).compareTo(new BigDecimal("0.50")) <= 0;
        boolean over = value.setScale(1, RoundingMode.HALF_UP).compareTo(new BigDecimal("99.0")) >= 0;
        assertThat(atMost.judge(value.toPlainString()).judgement() == Judgement.CONFORMS)
                .isEqualTo(under);
        assertThat(atLeast.judge(value.toPlainString()).judgement() == Judgement.CONFORMS)
                .isEqualTo(over);
    }

    @Property
    void anythingThatIsNotAPlainNumberIsRefusedNamingTheValueNeverJudged(@ForAll @StringLength(max = 30) String text) {
        SpecTest test = numeric(BigDecimal.ZERO, BigDecimal.TEN, 1);
        boolean plain = text.strip().matches("[+-]?(\\d{1,15}(\\.\\d{0,9})?|\\.\\d{1,9})");
        if (plain) {
            assertThat(test.judge(text).judgement()).isNotNull();
        } else {
            assertThatThrownBy(() -> test.judge(text))
                    .isInstanceOfSatisfying(
                            SpecificationException.class,
                            e -> assertThat(e.field()).isEqualTo("value"));
        }
    }

    @Property
    void aNegativeResultIsRefusedInEveryUnitButATemperature(
            @ForAll TestUnit unit, @ForAll @IntRange(min = 1, max = 100_000) int hundredths) {
        SpecTest atMost = new SpecTest(
                "T", "Test", null, unit, TestKind.NUMERIC, null, new BigDecimal("0.50"), 2, null, true, false);
        String negative = BigDecimal.valueOf(-hundredths, 2).toPlainString();
        if (unit == TestUnit.DEGREE_CELSIUS) {
            assertThat(atMost.judge(negative).judgement()).isEqualTo(Judgement.CONFORMS);
        } else {
            assertThatThrownBy(() -> atMost.judge(negative))
                    .isInstanceOfSatisfying(
                            SpecificationException.class,
                            e -> assertThat(e.field()).isEqualTo("value"))
                    .hasMessageContaining("cannot be negative");
        }
    }

    @Test
    void roundingHappensBeforeTheComparisonHalfUp() {
        SpecTest assay = new SpecTest(
                "ASSAY",
                "Assay",
                "HPLC-12",
                TestUnit.PERCENT,
                TestKind.NUMERIC,
                new BigDecimal("99.5"),
                new BigDecimal("100.5"),
                1,
                null,
                true,
                true);
        assertThat(assay.judge("99.45")).isEqualTo(new SpecTest.Result("99.5", Judgement.CONFORMS));
        assertThat(assay.judge("99.44")).isEqualTo(new SpecTest.Result("99.4", Judgement.OUT_OF_SPECIFICATION));
        assertThat(assay.judge(" 100.54 ")).isEqualTo(new SpecTest.Result("100.5", Judgement.CONFORMS));
        assertThat(assay.judge("100.55")).isEqualTo(new SpecTest.Result("100.6", Judgement.OUT_OF_SPECIFICATION));
        assertThat(assay.limits()).isEqualTo("99.5 – 100.5 %");
    }

    @Property
    void passFailConformsOnPassInAnyCaseAndRefusesAnythingElse(@ForAll @StringLength(max = 10) String text) {
        SpecTest test =
                new SpecTest("ID", "Identity", "IR", null, TestKind.PASS_FAIL, null, null, 0, null, true, false);
        String u = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (u.equals("PASS") || u.equals("FAIL")) {
            assertThat(test.judge(text).judgement())
                    .isEqualTo(u.equals("PASS") ? Judgement.CONFORMS : Judgement.OUT_OF_SPECIFICATION);
        } else {
            assertThatThrownBy(() -> test.judge(text)).isInstanceOf(SpecificationException.class);
        }
        assertThat(test.judge("pass").judgement()).isEqualTo(Judgement.CONFORMS);
        assertThat(test.judge("Fail").judgement()).isEqualTo(Judgement.OUT_OF_SPECIFICATION);
    }

    @Property
    void textConformsOnAnAcceptedAnswerInAnyCase(@ForAll("answers") String answer) {
        SpecTest test = new SpecTest(
                "APP",
                "Appearance",
                null,
                null,
                TestKind.TEXT,
                null,
                null,
                0,
                List.of("Clear", "Slightly hazy"),
                false,
                false);
        boolean accepted =
                answer.strip().equalsIgnoreCase("clear") || answer.strip().equalsIgnoreCase("slightly hazy");
        assertThat(test.judge(answer).judgement())
                .isEqualTo(accepted ? Judgement.CONFORMS : Judgement.OUT_OF_SPECIFICATION);
        if (accepted) {
            assertThat(test.judge(answer).value()).isIn("Clear", "Slightly hazy");
        }
    }

    @Test
    void anUnknownTestCodeIsNotInTheSpecificationAndIsRefused() {
        Specification spec = new Specification(
                ItemCode.of("RM-RESIN"),
                2,
                LocalDate.parse("2026-12-01"),
                List.of(numeric(BigDecimal.ONE, BigDecimal.TEN, 0)));
        assertThat(spec.judge("T", "5").judgement()).isEqualTo(Judgement.CONFORMS);
        assertThatThrownBy(() -> spec.judge("VISC", "5")).isInstanceOfSatisfying(SpecificationException.class, e -> {
            assertThat(e.field()).isEqualTo("test");
            assertThat(e.getMessage()).contains("NOT_IN_SPECIFICATION", "VISC", "version 2");
        });
    }

    @Test
    void aSpecificationThatContradictsItselfIsRefusedNamingTheField() {
        assertThatThrownBy(() -> numeric(BigDecimal.TEN, BigDecimal.ONE, 0))
                .isInstanceOfSatisfying(
                        SpecificationException.class, e -> assertThat(e.field()).isEqualTo("max"));
        assertThatThrownBy(() -> numeric(null, null, 0))
                .isInstanceOfSatisfying(
                        SpecificationException.class, e -> assertThat(e.field()).isEqualTo("min"));
        assertThatThrownBy(() -> numeric(new BigDecimal("1.25"), null, 1))
                .isInstanceOfSatisfying(
                        SpecificationException.class, e -> assertThat(e.field()).isEqualTo("min"));
        assertThatThrownBy(() ->
                        new SpecTest("ID", "Identity", null, null, TestKind.PASS_FAIL, null, null, 0, null, true, true))
                .isInstanceOfSatisfying(
                        SpecificationException.class, e -> assertThat(e.field()).isEqualTo("assay"));
        assertThatThrownBy(() -> new SpecTest(
                        "APP", "Appearance", null, null, TestKind.TEXT, null, null, 0, List.of(), true, false))
                .isInstanceOfSatisfying(
                        SpecificationException.class, e -> assertThat(e.field()).isEqualTo("accepted"));
        assertThatThrownBy(() ->
                        new SpecTest("bad code", "x", null, null, TestKind.PASS_FAIL, null, null, 0, null, true, false))
                .isInstanceOfSatisfying(
                        SpecificationException.class, e -> assertThat(e.field()).isEqualTo("code"));
        SpecTest t = numeric(BigDecimal.ONE, BigDecimal.TEN, 0);
        assertThatThrownBy(() -> new Specification(ItemCode.of("X"), 1, LocalDate.parse("2026-12-01"), List.of(t, t)))
                .isInstanceOfSatisfying(
                        SpecificationException.class, e -> assertThat(e.field()).isEqualTo("tests[1].code"));
        assertThatThrownBy(() -> new Specification(ItemCode.of("X"), 0, LocalDate.parse("2026-12-01"), List.of(t)))
                .isInstanceOfSatisfying(
                        SpecificationException.class, e -> assertThat(e.field()).isEqualTo("version"));
    }

    @Provide
    Arbitrary<BigDecimal[]> limits() {
        Arbitrary<BigDecimal> n = Arbitraries.bigDecimals()
                .between(new BigDecimal("-1000"), new BigDecimal("1000"))
                .ofScale(4);
        return n.tuple2()
                .map(t -> t.get1().compareTo(t.get2()) <= 0
                        ? new BigDecimal[] {t.get1(), t.get2()}
                        : new BigDecimal[] {t.get2(), t.get1()});
    }

    @Provide
    Arbitrary<BigDecimal> values() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("-1200"), new BigDecimal("1200"))
                .ofScale(6);
    }

    @Provide
    Arbitrary<String> answers() {
        return Arbitraries.oneOf(
                Arbitraries.of("clear", "CLEAR", " Clear ", "slightly HAZY", "Hazy", "Cloudy", "Clear!"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
    }
}
