package org.lotkeeper.model.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.model.quantity.InvalidQuantityException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantityTest {

    @Test
    void equalAmountsAreEqualWhateverTheirScale() {
        assertThat(Quantity.parse("12.50", "KGM")).isEqualTo(Quantity.parse("12.5", "KGM"));
        assertThat(Quantity.parse("800", "KGM").valueText()).isEqualTo("800");
        assertThat(Quantity.parse("1.000", "LTR").valueText()).isEqualTo("1");
        assertThat(Quantity.parse("0.0", "H87")).isEqualTo(Quantity.zero(Uom.H87));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "1e3", "1E-2", "1,5", "0x10", "NaN", "Infinity", "--1", "1.2.3", "١٢"})
    void onlyPlainDecimalsAreNumbers(String text) {
        assertThatThrownBy(() -> Quantity.parse(text, "KGM"))
                .isInstanceOfSatisfying(
                        InvalidQuantityException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_NUMBER));
    }

    @Test
    void unknownUnitIsNamed() {
        assertThatThrownBy(() -> Quantity.parse("1", "PAIL"))
                .isInstanceOfSatisfying(InvalidQuantityException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_UNIT);
                    assertThat(e.getMessage()).contains("PAIL");
                });
        assertThatThrownBy(() -> Quantity.parse("1", "kgm")).isInstanceOf(InvalidQuantityException.class);
    }

    @Test
    void absurdMagnitudesAndPrecisionAreRefused() {
        assertThatThrownBy(() -> Quantity.parse("1" + "0".repeat(15), "KGM"))
                .isInstanceOfSatisfying(
                        InvalidQuantityException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThatThrownBy(() -> Quantity.parse("0.0000000001", "KGM"))
                .isInstanceOfSatisfying(
                        InvalidQuantityException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_PRECISE));
        assertThat(Quantity.parse("999999999999999.000000001", "KGM").valueText())
                .isEqualTo("999999999999999.000000001");
    }

    @Test
    void convertsExactlyWithinADimension() {
        assertThat(Quantity.parse("1250", "GRM").to(Uom.KGM)).isEqualTo(Quantity.parse("1.25", "KGM"));
        assertThat(Quantity.parse("1.5", "TNE").inBase()).isEqualTo(Quantity.parse("1500", "KGM"));
        assertThat(Quantity.parse("2", "LBR").inBase()).isEqualTo(Quantity.parse("0.90718474", "KGM"));
        assertThat(Quantity.parse("250", "MLT").to(Uom.LTR)).isEqualTo(Quantity.parse("0.25", "LTR"));
    }

    @Test
    void conversionWithoutAnExactResultFailsInsteadOfRounding() {
        assertThatThrownBy(() -> Quantity.parse("1", "KGM").to(Uom.LBR))
                .isInstanceOfSatisfying(
                        InvalidQuantityException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INEXACT));
        assertThat(Quantity.parse("1", "KGM").valueIn(Uom.LBR, 3, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("2.205");
    }

    @Test
    void massAndVolumeDoNotMix() {
        assertThatThrownBy(() -> Quantity.parse("1", "KGM").plus(Quantity.parse("1", "LTR")))
                .isInstanceOfSatisfying(
                        InvalidQuantityException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_DIMENSION));
        assertThatThrownBy(() -> Quantity.parse("1", "H87").compareTo(Quantity.parse("1", "KGM")))
                .isInstanceOf(InvalidQuantityException.class);
    }

    @Test
    void arithmeticKeepsTheLeftUnitAndEveryDigit() {
        Quantity q =
                Quantity.parse("800", "KGM").minus(Quantity.parse("300", "KGM")).minus(Quantity.parse("500000", "GRM"));
        assertThat(q).isEqualTo(Quantity.zero(Uom.KGM));
        assertThat(Quantity.parse("0.1", "LTR")
                        .plus(Quantity.parse("0.2", "LTR"))
                        .valueText())
                .isEqualTo("0.3");
        assertThat(Quantity.parse("3", "H87").times(new BigDecimal("20"))).isEqualTo(Quantity.parse("60", "H87"));
    }

    @Test
    void positivityIsCheckedOnlyWhereAsked() {
        Quantity delta = Quantity.parse("-1", "H87");
        assertThat(delta.signum()).isNegative();
        assertThat(delta.abs()).isEqualTo(Quantity.parse("1", "H87"));
        assertThatThrownBy(delta::requirePositive)
                .isInstanceOfSatisfying(
                        InvalidQuantityException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_POSITIVE));
        assertThatThrownBy(() -> Quantity.zero(Uom.KGM).requirePositive()).isInstanceOf(InvalidQuantityException.class);
        assertThat(Quantity.parse("0.001", "KGM").requirePositive().isPositive())
                .isTrue();
    }

    @Test
    void comparesAcrossUnitsByAmount() {
        assertThat(Quantity.parse("999", "GRM")).isLessThan(Quantity.parse("1", "KGM"));
        assertThat(Quantity.parse("1000", "GRM").compareTo(Quantity.parse("1", "KGM")))
                .isZero();
        assertThat(Quantity.parse("2", "KGM").min(Quantity.parse("1500", "GRM")))
                .isEqualTo(Quantity.parse("1.5", "KGM"));
    }

    @Test
    void packUnitsConvertToTheItemsBaseUnit() {
        ItemUnits primer = new ItemUnits(Uom.LTR, List.of(new PackUnit("PAIL", new BigDecimal("20"))));
        assertThat(primer.toBase(new BigDecimal("3"), "PAIL")).isEqualTo(Quantity.parse("60", "LTR"));
        assertThat(primer.toBase(new BigDecimal("500"), "MLT")).isEqualTo(Quantity.parse("0.5", "LTR"));
        assertThatThrownBy(() -> primer.toBase(BigDecimal.ONE, "DRUM")).hasMessageContaining("DRUM");
        assertThatThrownBy(() -> primer.toBase(BigDecimal.ONE, "KGM"))
                .isInstanceOfSatisfying(
                        InvalidQuantityException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_DIMENSION));
    }

    @Test
    void packUnitsAreValidated() {
        assertThatThrownBy(() -> new PackUnit("KGM", BigDecimal.ONE)).hasMessageContaining("already a unit");
        assertThatThrownBy(() -> new PackUnit("PAIL", BigDecimal.ZERO)).hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> new PackUnit("pail", BigDecimal.TEN)).isInstanceOf(InvalidQuantityException.class);
        assertThatThrownBy(() -> new ItemUnits(
                        Uom.KGM, List.of(new PackUnit("DRUM", BigDecimal.TEN), new PackUnit("DRUM", BigDecimal.ONE))))
                .hasMessageContaining("twice");
    }

    @Test
    void peopleReadSymbolsNeverRec20Codes() {
        assertThat(Quantity.parse("800", "KGM")).hasToString("800 kg");
        assertThat(Quantity.parse("14", "H87")).hasToString("14 pc");
        assertThat(Quantity.parse("12.5", "LTR")).hasToString("12.5 L");
        assertThat(Quantity.parse("-1", "H87")).hasToString("-1 pc");
        for (Uom u : Uom.values()) {
            assertThat(Quantity.parse("3", u.name()).toString()).doesNotContain(u.name());
        }
    }

    @Test
    void aPersonKeysAUnitByItsSymbolOrItsCodeInAnyCase() {
        assertThat(Uom.keyed("kg")).contains(Uom.KGM);
        assertThat(Uom.keyed("KGM")).contains(Uom.KGM);
        assertThat(Uom.keyed("l")).contains(Uom.LTR);
        assertThat(Uom.keyed("PC")).contains(Uom.H87);
        assertThat(Uom.keyed("ml")).contains(Uom.MLT);
        assertThat(Uom.keyed("pail")).isEmpty();
        assertThat(Uom.keyed(null)).isEmpty();
    }

    @Test
    void packsAreCountedInWordsWithTheBaseQuantityBeside() {
        ItemUnits units = new ItemUnits(Uom.LTR, List.of(new PackUnit("PAIL", new BigDecimal("20"))));
        assertThat(units.shown(new BigDecimal("3"), "PAIL")).isEqualTo("3 pails (60 L)");
        assertThat(units.shown(BigDecimal.ONE, "PAIL")).isEqualTo("1 pail (20 L)");
        assertThat(units.shown(new BigDecimal("60"), "LTR")).isEqualTo("60 L");
        assertThat(units.shown(new BigDecimal("500"), "ML")).isEqualTo("500 mL (0.5 L)");
        assertThat(new PackUnit("BAG_25", BigDecimal.TEN).count(new BigDecimal("2")))
                .isEqualTo("2 bag_25");
    }
}
