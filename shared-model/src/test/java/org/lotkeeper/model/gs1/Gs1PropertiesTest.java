package org.lotkeeper.model.gs1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gs1Digits;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.model.gs1.Gs1TestSupport.CLOCK_2026;
import static org.lotkeeper.model.gs1.Gs1TestSupport.DECODER;

class Gs1PropertiesTest {

    private static final String SET_82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final Gs1Decoder TILDE = DECODER.withSeparator('~');

    // ---------------------------------------------------------------- never anything but Gs1Exception

    /** Decodes, and returns null when the decoder refused the text with its own error at a sane position. */
    private static Gs1Data decodeOrNull(Gs1Decoder decoder, String text) {
        try {
            Gs1Data data = decoder.decode(text);
            assertThat(data).isNotNull();
            assertThat(data.elements()).isNotEmpty();
            return data;
        } catch (Gs1Exception e) {
            assertThat(e.position()).isBetween(0, text == null ? 0 : text.length());
            assertThat(e.getMessage()).isNotBlank().contains(" — ");
            return null;
        }
    }

    @Property(tries = 3000)
    void randomTextNeverThrowsAnythingElse(@ForAll("junk") String text) {
        decodeOrNull(DECODER, text);
        decodeOrNull(TILDE, text);
    }

    @Property(tries = 3000)
    void mutatedValidScansNeverThrowAnythingElse(@ForAll("mutatedScans") String text) {
        Gs1Data data = decodeOrNull(DECODER, text);
        if (data != null) {
            // Whatever was accepted can be written again and read back.
            assertThat(DECODER.decode(Gs1Encoder.elementString(data).barcodeData())
                            .elements())
                    .containsExactlyInAnyOrderElementsOf(data.elements());
        }
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> gs1ish = Arbitraries.strings()
                .withChars("0123456789011017213()[]<>#~|%/+?&= \u001d\u0000\n\r\u007f]CdeQEJ1230")
                .ofMaxLength(80);
        Arbitrary<String> prefixed = Combinators.combine(
                        Arbitraries.of(
                                "",
                                "]C1",
                                "]d2",
                                "]Q1",
                                "]E0",
                                "]e0",
                                "(",
                                "(01)",
                                "\u001d",
                                "https://id.gs1.org/",
                                "https://id.gs1.org/01/09520123456788",
                                "http://x/414/0614141000005/254/",
                                "https://a/01/1?"),
                        gs1ish)
                .as(String::concat);
        return Arbitraries.oneOf(anyChars, gs1ish, prefixed);
    }

    @Provide
    Arbitrary<String> mutatedScans() {
        Arbitrary<String> valid = Arbitraries.of(
                "]C1010950110153000310ABC123\u001d17251231",
                "01095011015300031725123110ABC123",
                "(01)09501101530003(10)ABC123(17)251231",
                "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
                "4140614141000005254WH-A-01",
                "00006141411234567890020950110153000337121\u001d10L1",
                "01095011015300033103001234422276\u001d7003261231235980030061414100041812");
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 80);
        Arbitrary<Character> replacement = Arbitraries.chars().with("0123456789\u001d()/?=&%ABz#~ \n");
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(valid, position, replacement, kind).as((text, at, c, k) -> {
            int i = Math.min(at, text.length());
            return switch (k) {
                case 0 -> text.substring(0, i) + c + text.substring(i); // insert
                case 1 ->
                    i < text.length() ? text.substring(0, i) + text.substring(i + 1) : text.substring(0, i); // delete
                default -> i < text.length() ? text.substring(0, i) + c + text.substring(i + 1) : text + c; // replace
            };
        });
    }

    // ---------------------------------------------------------------- round trips

    @Property(tries = 500)
    void productLabelsRoundTripThroughTheElementString(@ForAll("productLabels") Gs1Data data) {
        Gs1ElementString encoded = Gs1Encoder.elementString(data);
        Gs1Data back = DECODER.decode(encoded.barcodeData());
        assertThat(back.elements()).containsExactlyInAnyOrderElementsOf(data.elements());
        assertThat(back.gtin()).isEqualTo(data.gtin());
        assertThat(back.lot()).isEqualTo(data.lot());
        assertThat(back.expiry()).isEqualTo(data.expiry());
        assertThat(back.netQuantity()).isEqualTo(data.netQuantity());
        assertThat(DECODER.decode("]C1" + encoded.barcodeData()).elements()).isEqualTo(back.elements());
        String tilde = encoded.barcodeData().replace('\u001d', '~');
        assertThat(TILDE.decode(tilde).elements()).isEqualTo(back.elements());
    }

    @Property(tries = 500)
    void productLabelsRoundTripThroughTheDigitalLink(@ForAll("productLabels") Gs1Data data) {
        String uri = Gs1Encoder.digitalLink(data);
        assertThat(DECODER.decode(uri).elements()).containsExactlyInAnyOrderElementsOf(data.elements());
    }

    @Property(tries = 300)
    void humanReadableRoundTripsWhenValuesHoldNoParentheses(@ForAll("productLabels") Gs1Data data) {
        String text = Gs1Encoder.elementString(data).humanReadable();
        if (!text.substring(1).replaceAll("\\((\\d{2,4})\\)", "").contains("(")) {
            assertThat(DECODER.decode(text).elements()).containsExactlyInAnyOrderElementsOf(data.elements());
        }
    }

    @Property(tries = 300)
    void logisticLabelsRoundTrip(@ForAll("logisticLabels") Gs1Data data) {
        assertThat(DECODER.decode(Gs1Encoder.elementString(data).barcodeData()).elements())
                .containsExactlyInAnyOrderElementsOf(data.elements());
        assertThat(DECODER.decode(Gs1Encoder.digitalLink(data)).elements())
                .containsExactlyInAnyOrderElementsOf(data.elements());
    }

    @Property(tries = 200)
    void datesInTheCenturyWindowRoundTrip(@ForAll @IntRange(min = 0, max = 36_524) int days) {
        LocalDate date = LocalDate.of(1977, 1, 1).plusDays(days); // 1977-01-01 … 2076-12-31
        Gs1Data data = Gs1Data.builder(CLOCK_2026)
                .gtin(Gtin.of("09501101530003"))
                .expiry(date)
                .build();
        assertThat(DECODER.decode(Gs1Encoder.elementString(data).barcodeData()).expiry())
                .contains(date);
    }

    @Provide
    Arbitrary<Gs1Data> productLabels() {
        Arbitrary<Gtin> gtins =
                Arbitraries.strings().numeric().ofLength(13).map(d -> Gtin.of(Gs1Digits.withCheckDigit(d)));
        Arbitrary<String> x20 =
                Arbitraries.strings().withChars(SET_82).ofMinLength(1).ofMaxLength(20);
        Arbitrary<LocalDate> dates = Arbitraries.integers()
                .between(-17_000, 17_000)
                .map(d -> LocalDate.of(2026, 6, 15).plusDays(d));
        Arbitrary<Quantity> weights = Arbitraries.integers()
                .between(0, 999_999)
                .flatMap(n ->
                        Arbitraries.integers().between(0, 5).map(s -> Quantity.of(BigDecimal.valueOf(n, s), Uom.KGM)));
        Arbitrary<Quantity> volumes = Arbitraries.integers()
                .between(1, 999_999)
                .flatMap(n ->
                        Arbitraries.of(Uom.LTR, Uom.MTQ, Uom.GLL).map(u -> Quantity.of(BigDecimal.valueOf(n, 2), u)));
        return Combinators.combine(
                        gtins,
                        x20.injectNull(0.3),
                        x20.injectNull(0.5),
                        dates.injectNull(0.3),
                        dates.injectNull(0.7),
                        weights.injectNull(0.5),
                        volumes.injectNull(0.7),
                        Arbitraries.strings().numeric().ofLength(3).injectNull(0.8))
                .as((gtin, lot, serial, expiry, production, weight, volume, origin) -> {
                    Gs1Data.Builder b = Gs1Data.builder(CLOCK_2026).gtin(gtin);
                    if (lot != null) {
                        b.lot(LotCode.of(lot));
                    }
                    if (serial != null) {
                        b.serial(serial);
                    }
                    if (expiry != null) {
                        b.expiry(expiry);
                    }
                    if (production != null) {
                        b.productionDate(production);
                    }
                    if (weight != null) {
                        b.netQuantity(weight);
                    }
                    if (volume != null) {
                        b.grossQuantity(volume);
                    }
                    if (origin != null) {
                        b.countryOfOrigin(origin);
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<Gs1Data> logisticLabels() {
        Arbitrary<Sscc> ssccs =
                Arbitraries.strings().numeric().ofLength(17).map(d -> Sscc.of(Gs1Digits.withCheckDigit(d)));
        Arbitrary<Gtin> gtins =
                Arbitraries.strings().numeric().ofLength(13).map(d -> Gtin.of(Gs1Digits.withCheckDigit(d)));
        Arbitrary<Gln> glns =
                Arbitraries.strings().numeric().ofLength(12).map(d -> Gln.of(Gs1Digits.withCheckDigit(d)));
        Arbitrary<String> x30 =
                Arbitraries.strings().withChars(SET_82).ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> x20 =
                Arbitraries.strings().withChars(SET_82).ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(
                        ssccs,
                        gtins,
                        Arbitraries.longs().between(0, 99_999_999),
                        x20,
                        glns.injectNull(0.5),
                        x30.injectNull(0.5),
                        x30.injectNull(0.7))
                .as((sscc, gtin, count, lot, shipTo, po, grai) -> {
                    Gs1Data.Builder b = Gs1Data.builder(CLOCK_2026)
                            .sscc(sscc)
                            .contentGtin(gtin)
                            .count(count)
                            .lot(LotCode.of(lot));
                    if (shipTo != null) {
                        b.shipTo(shipTo);
                    }
                    if (po != null) {
                        b.customerPo(po);
                    }
                    if (grai != null) {
                        b.giai(grai);
                    }
                    return b.build();
                });
    }

    @Property(tries = 200)
    void locationsRoundTrip(@ForAll("glnDigits") String digits, @ForAll("extensions") String extension) {
        Gs1Data data = Gs1Data.builder(CLOCK_2026)
                .physicalLocation(Gln.of(Gs1Digits.withCheckDigit(digits)))
                .glnExtension(extension)
                .build();
        for (String text : List.of(Gs1Encoder.elementString(data).barcodeData(), Gs1Encoder.digitalLink(data))) {
            Gs1Data back = DECODER.decode(text);
            assertThat(back.physicalLocation()).isEqualTo(data.physicalLocation());
            assertThat(back.glnExtension()).contains(extension);
        }
    }

    @Provide
    Arbitrary<String> glnDigits() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    @Provide
    Arbitrary<String> extensions() {
        return Arbitraries.strings().withChars(SET_82).ofMinLength(1).ofMaxLength(20);
    }
}
