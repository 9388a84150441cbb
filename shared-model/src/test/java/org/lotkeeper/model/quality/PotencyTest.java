package org.lotkeeper.model.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Potency: what a batch weighs for an active quantity, and which results establish a lot's potency. */
class PotencyTest {

    @Test
    void theWeightForAnActiveQuantityIsRoundedUpSoTheBatchGetsAtLeastWhatWasAsked() {
        Potency assay = Potency.parse("98.2");
        Quantity gross = assay.grossFor(Quantity.of("40", Uom.KGM), 1);

        assertThat(gross).isEqualTo(Quantity.of("40.8", Uom.KGM));
        assertThat(assay.activeIn(gross)).isEqualTo(Quantity.of("40.0656", Uom.KGM));
        assertThat(assay.activeIn(Quantity.of("459.2", Uom.KGM))).isEqualTo(Quantity.of("450.9344", Uom.KGM));
    }

    @Property
    void theProposedWeightHoldsTheActiveQuantityAndNoMoreThanOneStepOver(
            @ForAll("potencies") Potency potency,
            @ForAll @IntRange(min = 1, max = 100_000) int activeTenths,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        Quantity active = Quantity.of(BigDecimal.valueOf(activeTenths, 1), Uom.KGM);
        Quantity gross = potency.grossFor(active, decimals);
        Quantity step = Quantity.of(BigDecimal.ONE.movePointLeft(decimals), Uom.KGM);

        assertThat(potency.activeIn(gross)).isGreaterThanOrEqualTo(active);
        assertThat(potency.activeIn(gross.minus(step))).isLessThan(active);
    }

    @Property
    void aPotencyReadsBackAsWritten(@ForAll("potencies") Potency potency) {
        assertThat(Potency.parse(potency.toString())).isEqualTo(potency);
    }

    @Provide
    Arbitrary<Potency> potencies() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.1"), new BigDecimal("200"))
                .ofScale(2)
                .filter(p -> p.signum() > 0)
                .map(Potency::new);
    }

    @Test
    void equalPotenciesAreEqualWhateverTheirTrailingZeros() {
        assertThat(Potency.parse("97.50")).isEqualTo(Potency.parse("97.5"));
        assertThat(Potency.parse("100.000").toString()).isEqualTo("100");
    }

    @Test
    void aPotencyIsAPercentageAboveZeroAndAtMostTwoHundred() {
        assertThatThrownBy(() -> Potency.parse("0")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> Potency.parse("200.1")).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> Potency.parse("9.75e1")).hasMessageContaining("like \"97.5\"");
        assertThatThrownBy(() -> Potency.parse("97.1234567")).hasMessageContaining("like \"97.5\"");
        assertThatThrownBy(() -> Potency.parse(null)).hasMessageContaining("nothing");
    }

    @Test
    void onlyAConformingAssayEstablishesAPotency() {
        Specification spec = new Specification(
                ItemCode.of("RM-PIGMENT"),
                1,
                LocalDate.parse("2026-01-01"),
                List.of(
                        new SpecTest(
                                "ASSAY",
                                "TiO2",
                                null,
                                TestUnit.PERCENT,
                                TestKind.NUMERIC,
                                new BigDecimal("97.0"),
                                new BigDecimal("100.5"),
                                1,
                                List.of(),
                                true,
                                true),
                        new SpecTest(
                                "ID",
                                "Identity",
                                null,
                                null,
                                TestKind.PASS_FAIL,
                                null,
                                null,
                                0,
                                List.of(),
                                true,
                                false)));

        assertThat(Inspect.potencyOf(spec, List.of(result("ASSAY", "98.2", Judgement.CONFORMS))))
                .isEqualTo(Potency.parse("98.2"));
        assertThat(Inspect.potencyOf(spec, List.of(result("ASSAY", "96.0", Judgement.OUT_OF_SPECIFICATION))))
                .isNull();
        assertThat(Inspect.potencyOf(spec, List.of(result("ID", "PASS", Judgement.CONFORMS))))
                .isNull();
    }

    private static Inspect.Result result(String test, String value, Judgement judgement) {
        return new Inspect.Result(test, value, judgement);
    }
}
