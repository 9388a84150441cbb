package org.lotkeeper.model.quantity;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class QuantityProperties {

    @Provide
    Arbitrary<Quantity> kilograms() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("-1000000000"), new BigDecimal("1000000000"))
                .ofScale(6)
                .map(v -> Quantity.of(v, Uom.KGM));
    }

    @Property
    void additionIsCommutativeAndAssociative(
            @ForAll("kilograms") Quantity a, @ForAll("kilograms") Quantity b, @ForAll("kilograms") Quantity c) {
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
        assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
    }

    @Property
    void subtractionUndoesAddition(@ForAll("kilograms") Quantity a, @ForAll("kilograms") Quantity b) {
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
        assertThat(a.minus(a).isZero()).isTrue();
        assertThat(a.negate().negate()).isEqualTo(a);
    }

    @Property
    void gramsRoundTripThroughKilogramsExactly(@ForAll("kilograms") Quantity a) {
        assertThat(a.to(Uom.GRM).to(Uom.KGM)).isEqualTo(a);
        assertThat(a.to(Uom.GRM).compareTo(a)).isZero();
    }

    @Property
    void wireTextRoundTrips(@ForAll("kilograms") Quantity a) {
        assertThat(Quantity.parse(a.valueText(), a.uom().name())).isEqualTo(a);
        assertThat(a.valueText()).doesNotContain("E");
    }

    @Property
    void parsingArbitraryTextFailsOnlyWithItsOwnError(@ForAll String text, @ForAll String unit) {
        try {
            Quantity q = Quantity.parse(text, unit);
            assertThat(q.uom().name()).isEqualTo(unit);
        } catch (InvalidQuantityException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
