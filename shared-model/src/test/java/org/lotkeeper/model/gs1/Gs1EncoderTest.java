package org.lotkeeper.model.gs1;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotkeeper.model.gs1.Gs1TestSupport.CLOCK_2026;
import static org.lotkeeper.model.gs1.Gs1TestSupport.DECODER;
import static org.lotkeeper.model.gs1.Gs1TestSupport.failure;
import static org.lotkeeper.model.gs1.Gs1TestSupport.gs;

class Gs1EncoderTest {

    private static final Gtin GTIN = Gtin.of("09501101530003");

    private static Gs1Data.Builder builder() {
        return Gs1Data.builder(CLOCK_2026);
    }

    @Test
    void fixedLengthAisFirstAndSeparatorsOnlyBetweenVariableOnes() {
        Gs1Data data = builder()
                .gtin(GTIN)
                .lot(LotCode.of("ABC123"))
                .serial("S1")
                .expiry(LocalDate.of(2027, 3, 31))
                .netQuantity(Quantity.of("12.5", Uom.KGM))
                .build();
        Gs1ElementString encoded = Gs1Encoder.elementString(data);
        assertThat(encoded.barcodeData()).isEqualTo(gs("01095011015300031727033131010001251" + "0ABC123<GS>21S1"));
        assertThat(encoded.humanReadable()).isEqualTo("(01)09501101530003(17)270331(3101)000125(10)ABC123(21)S1");
    }

    @Test
    void noSeparatorAfterTheLastField() {
        Gs1Data data = builder().gtin(GTIN).lot(LotCode.of("L1")).build();
        assertThat(Gs1Encoder.elementString(data).barcodeData()).isEqualTo("010950110153000310L1");
    }

    @Test
    void fixedLengthAisOutsideThePredefinedTableGetASeparator() {
        Gs1Data data = builder()
                .gtin(GTIN)
                .countryOfOrigin("276")
                .lot(LotCode.of("L1"))
                .build();
        assertThat(Gs1Encoder.elementString(data).barcodeData()).isEqualTo(gs("0109501101530003422276<GS>10L1"));
    }

    @Test
    void encodedElementStringDecodesToTheSameElements() {
        Gs1Data data = builder()
                .sscc(Sscc.of("006141411234567890"))
                .contentGtin(GTIN)
                .count(40)
                .lot(LotCode.of("L-7"))
                .bestBefore(LocalDate.of(2027, 1, 31))
                .grossQuantity(Quantity.of("500", Uom.KGM))
                .shipTo(Gln.of("0614141000005"))
                .customerPo("PO-9")
                .build();
        Gs1Data back = DECODER.decode(Gs1Encoder.elementString(data).barcodeData());
        assertThat(back.elements()).containsExactlyInAnyOrderElementsOf(data.elements());
        assertThat(DECODER.decode(Gs1Encoder.elementString(data).humanReadable())
                        .elements())
                .containsExactlyInAnyOrderElementsOf(data.elements());
    }

    @Test
    void digitalLinkOnTheCanonicalDomain() {
        Gs1Data data = builder()
                .gtin(GTIN)
                .serial("S/1")
                .lot(LotCode.of("A B".replace(' ', '+')))
                .expiry(LocalDate.of(2027, 3, 31))
                .netQuantity(Quantity.of("1.5", Uom.LTR))
                .build();
        String uri = Gs1Encoder.digitalLink(data);
        assertThat(uri).isEqualTo("https://id.gs1.org/01/09501101530003/10/A%2BB/21/S%2F1?17=270331&3151=000015");
        assertThat(DECODER.decode(uri).elements()).containsExactlyInAnyOrderElementsOf(data.elements());
    }

    @Test
    void digitalLinkOnAnotherDomainWithAStem() {
        Gs1Data data = builder().gtin(GTIN).build();
        assertThat(Gs1Encoder.digitalLink(data, "https://example.com/dl/"))
                .isEqualTo("https://example.com/dl/01/09501101530003");
    }

    @Test
    void digitalLinkForALocationAndAContainer() {
        Gs1Data location = builder()
                .physicalLocation(Gln.of("0614141000005"))
                .glnExtension("WH-A-01")
                .build();
        assertThat(Gs1Encoder.digitalLink(location)).isEqualTo("https://id.gs1.org/414/0614141000005/254/WH-A-01");
        Gs1Data pallet = builder()
                .sscc(Sscc.of("006141411234567890"))
                .contentGtin(GTIN)
                .count(12)
                .lot(LotCode.of("L1"))
                .build();
        String uri = Gs1Encoder.digitalLink(pallet);
        assertThat(uri).isEqualTo("https://id.gs1.org/00/006141411234567890?02=09501101530003&37=12&10=L1");
        assertThat(DECODER.decode(uri).elements()).containsExactlyElementsOf(pallet.elements());
    }

    @Test
    void digitalLinkNeedsAKey() {
        Gs1Data noKey = builder().customerPo("PO-1").build();
        assertThatThrownBy(() -> Gs1Encoder.digitalLink(noKey)).isInstanceOf(IllegalArgumentException.class);
        Gs1Data data = builder().gtin(GTIN).build();
        assertThatThrownBy(() -> Gs1Encoder.digitalLink(data, "ftp://x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quantitiesAreWrittenInTheirGs1Unit() {
        assertThat(builder()
                        .gtin(GTIN)
                        .netQuantity(Quantity.of("1250", Uom.GRM))
                        .build()
                        .value("3102"))
                .contains("000125");
        assertThat(builder()
                        .gtin(GTIN)
                        .netQuantity(Quantity.of("750", Uom.MLT))
                        .build()
                        .value("3152"))
                .contains("000075");
        assertThat(builder()
                        .gtin(GTIN)
                        .netQuantity(Quantity.of("2", Uom.MTQ))
                        .build()
                        .value("3160"))
                .contains("000002");
        assertThat(builder()
                        .gtin(GTIN)
                        .netQuantity(Quantity.of("55", Uom.GLL))
                        .build()
                        .value("3610"))
                .contains("000055");
        assertThat(builder()
                        .gtin(GTIN)
                        .grossQuantity(Quantity.of("3.25", Uom.LBR))
                        .build()
                        .value("3402"))
                .contains("000325");
        assertThat(builder()
                        .gtin(GTIN)
                        .grossQuantity(Quantity.of("1000", Uom.LTR))
                        .build()
                        .value("3350"))
                .contains("001000");
    }

    @Test
    void quantitiesThatDoNotFitSixDigitsAreRefused() {
        assertThat(failure(() -> builder().netQuantity(Quantity.of("1234567", Uom.KGM)))
                        .reason())
                .isEqualTo(Reason.TOO_LONG);
        assertThat(failure(() -> builder().netQuantity(Quantity.of("0.000001", Uom.KGM)))
                        .reason())
                .isEqualTo(Reason.TOO_LONG);
        assertThat(failure(() -> builder().netQuantity(Quantity.of("5", Uom.H87)))
                        .position())
                .isEqualTo(-1);
    }

    @Test
    void builderChecksValuesAndPairs() {
        assertThat(failure(() -> builder().serial("S#1")).reason()).isEqualTo(Reason.BAD_CHARACTER);
        assertThat(failure(() -> builder().serial("S".repeat(21))).reason()).isEqualTo(Reason.TOO_LONG);
        assertThat(failure(() -> builder().element("3106", "000001")).reason()).isEqualTo(Reason.UNKNOWN_AI);
        assertThat(failure(() -> builder().lot(LotCode.of("L1")).build()).reason())
                .isEqualTo(Reason.MISSING_PAIR);
        assertThat(failure(() -> builder().gtin(GTIN).contentGtin(GTIN).count(1).build())
                        .reason())
                .isEqualTo(Reason.FORBIDDEN_PAIR);
        assertThat(failure(() -> builder().gtin(GTIN).lot(LotCode.of("A")).lot(LotCode.of("B")))
                        .reason())
                .isEqualTo(Reason.DUPLICATE_AI);
    }

    @Test
    void datesOutsideTheCenturyWindowAreRefused() {
        Gs1Exception e = failure(() -> builder().gtin(GTIN).expiry(LocalDate.of(2077, 1, 1)));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE);
        assertThat(e.getMessage()).contains("1977").contains("2076");
        assertThat(builder()
                        .gtin(GTIN)
                        .productionDate(LocalDate.of(1977, 1, 1))
                        .build()
                        .productionDate())
                .contains(LocalDate.of(1977, 1, 1));
    }

    @Test
    void expiryDateTimeInWholeMinutes() {
        Gs1Data data = builder()
                .gtin(GTIN)
                .expiryDateTime(LocalDateTime.of(2026, 12, 31, 23, 59))
                .build();
        assertThat(data.value("7003")).contains("2612312359");
        assertThat(failure(() -> builder().expiryDateTime(LocalDateTime.of(2026, 1, 1, 0, 0, 30)))
                        .reason())
                .isEqualTo(Reason.INVALID_DATE);
    }

    @Test
    void builtDataSaysSo() {
        Gs1Data data = builder().gtin(GTIN).build();
        assertThat(data.form()).isEqualTo(Gs1Form.BUILT);
        assertThat(data.symbology()).isEqualTo(Symbology.NONE);
    }

    @Test
    void decodedDataCanBeReEncodedAsADigitalLink() {
        Gs1Data scanned = DECODER.decode(gs("]C1010950110153000310ABC123<GS>17251231"));
        assertThat(Gs1Encoder.digitalLink(scanned))
                .isEqualTo("https://id.gs1.org/01/09501101530003/10/ABC123?17=251231");
    }
}
