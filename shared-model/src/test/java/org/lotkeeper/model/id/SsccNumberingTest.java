package org.lotkeeper.model.id;

import java.util.HashSet;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.wire.SsccBlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SSCCs numbered from a company prefix and handed out in blocks (docs/DOMAIN.md, "Containers"). */
class SsccNumberingTest {

    @Test
    void theGs1ExampleIsNumberedAsGs1PrintsIt() {
        // GS1 General Specifications' example SSCC: extension 1, prefix 0614141, serial reference 234567890
        assertThat(CompanyPrefix.of("0614141").sscc(1_234_567_890L).value()).isEqualTo("106141412345678908");
        assertThat(CompanyPrefix.of("0614141").sscc(0).value()).isEqualTo("006141410000000005");
    }

    @Test
    void aPrefixHasSixToTwelveDigits() {
        assertThatThrownBy(() -> CompanyPrefix.of("12345"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("6 to 12 digits");
        assertThatThrownBy(() -> CompanyPrefix.of("0614141X")).hasMessageContaining("digits only");
        assertThat(CompanyPrefix.of("061414100000").ssccCapacity()).isEqualTo(100_000L);
        assertThat(CompanyPrefix.of("061414").ssccCapacity()).isEqualTo(100_000_000_000L);
    }

    @Test
    void numbersOutsideThePrefixAreRefused() {
        CompanyPrefix p = CompanyPrefix.of("061414100000");
        assertThatThrownBy(() -> p.sscc(100_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.sscc(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SsccBlock(1, p, 99_990, 20)).hasMessageContaining("does not fit");
    }

    @Property
    void everySsccOfAPrefixIsValidBeginsWithItAndRoundTrips(
            @ForAll("prefixes") CompanyPrefix prefix, @ForAll @IntRange(min = 0, max = 99_999) int number) {
        Sscc sscc = prefix.sscc(number);
        assertThat(Sscc.of(sscc.value())).isEqualTo(sscc);
        assertThat(sscc.value()).hasSize(18).startsWith(sscc.value().charAt(0) + prefix.value());
        assertThat(Gs1Digits.hasValidCheckDigit(sscc.value())).isTrue();
    }

    @Property(tries = 50)
    void blocksThatDoNotOverlapNeverShareAnSscc(
            @ForAll("prefixes") CompanyPrefix prefix, @ForAll @IntRange(min = 1, max = 300) int size) {
        SsccBlock a = new SsccBlock(1, prefix, 0, size);
        SsccBlock b = new SsccBlock(2, prefix, size, size);
        Set<Sscc> seen = new HashSet<>();
        for (SsccBlock block : new SsccBlock[] {a, b}) {
            for (int i = 0; i < block.count(); i++) {
                assertThat(seen.add(block.sscc(i))).as(block.sscc(i).value()).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<CompanyPrefix> prefixes() {
        return Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(12).map(CompanyPrefix::of);
    }
}
