package org.lotkeeper.server.labels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.time.api.Dates;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any lot code of GS1 set 82, any expiry the century window allows and any quantity GS1 can
 * hold: rendered as a PNG label, read back with ZXing, decoded by shared-model — the same lot.
 */
class LabelRoundTripPropertyTest {

    static final String SET_82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    final LabelRenderer renderer = new LabelRenderer(LabelRendererTest.CLOCK);
    final Gs1Decoder decoder = Gs1Decoder.create().withClock(LabelRendererTest.CLOCK);

    @Provide
    Arbitrary<String> lotCodes() {
        return Arbitraries.strings()
                .withChars(SET_82.toCharArray())
                .ofMinLength(1)
                .ofMaxLength(LotCode.MAX_LENGTH);
    }

    @Provide
    Arbitrary<LocalDate> expiries() {
        // the window of 2026: 1977 to 2076
        return Dates.dates().between(LocalDate.of(1977, 1, 1), LocalDate.of(2076, 12, 31));
    }

    @Provide
    Arbitrary<Quantity> quantities() {
        Arbitrary<Quantity> kilograms = Combinators.combine(
                        Arbitraries.integers().between(1, 999_999),
                        Arbitraries.integers().between(0, 5))
                .as((digits, scale) -> Quantity.of(BigDecimal.valueOf(digits, scale), Uom.KGM));
        Arbitrary<Quantity> litres =
                Arbitraries.integers().between(1, 999_999).map(v -> Quantity.of(BigDecimal.valueOf(v, 2), Uom.LTR));
        Arbitrary<Quantity> pieces =
                Arbitraries.longs().between(1, 99_999_999).map(v -> Quantity.of(BigDecimal.valueOf(v), Uom.H87));
        return Arbitraries.oneOf(kilograms, litres, pieces);
    }

    @Example
    void aLotCodeOfQuotesAndPunctuationFoundByCiReadsBack() {
        anyLotLabelReadsBackFromItsPngAsTheSameLot(
                ";l''*", LocalDate.of(1981, 6, 4), Quantity.of(new BigDecimal("0.22"), Uom.LTR), LabelSymbology.BOTH);
    }

    @Property(tries = 40)
    void anyLotLabelReadsBackFromItsPngAsTheSameLot(
            @ForAll("lotCodes") String lot,
            @ForAll("expiries") LocalDate expiry,
            @ForAll("quantities") Quantity quantity,
            @ForAll LabelSymbology which) {
        Label label = renderer.lotLabel(
                new LotLabelData(
                        ItemCode.of("RM-X"), "Anything", Gtin.of("10614141000019"), LotCode.of(lot), expiry, quantity),
                which);

        List<LabelScanner.Read> reads = LabelScanner.scanEachSymbol(renderer.render(label, LabelFormat.PNG), label);

        assertThat(reads).hasSize(label.symbols().size());
        List<Gs1Data> read = reads.stream().map(r -> decoder.decode(r.scan())).toList();
        assertThat(read).allSatisfy(d -> assertThat(d.gtin()).contains(Gtin.of("10614141000019")));
        if (which.matrix()) {
            // one GS1 DataMatrix, last, holds everything
            Gs1Data matrix = read.get(read.size() - 1);
            assertThat(matrix.lot()).contains(LotCode.of(lot));
            assertThat(matrix.expiry()).contains(expiry);
            assertSameQuantity(matrix, quantity);
        }
        if (which.linear()) {
            // the GS1-128 symbols (one, or two for a long lot code) hold everything between them
            List<Gs1Data> linear = which.matrix() ? read.subList(0, read.size() - 1) : read;
            assertThat(linear).hasSizeBetween(1, 2);
            assertThat(linear).anySatisfy(d -> assertThat(d.lot()).contains(LotCode.of(lot)));
            assertThat(linear).anySatisfy(d -> assertThat(d.expiry()).contains(expiry));
            assertThat(linear).anySatisfy(d -> assertSameQuantity(d, quantity));
        }
    }

    private static void assertSameQuantity(Gs1Data d, Quantity quantity) {
        if (quantity.uom() == Uom.H87) {
            assertThat(d.count()).hasValue(quantity.value().longValueExact());
        } else {
            assertThat(d.quantity()).hasValueSatisfying(q -> {
                assertThat(q.uom()).isEqualTo(quantity.uom());
                assertThat(q.value()).isEqualByComparingTo(quantity.value());
            });
        }
    }
}
