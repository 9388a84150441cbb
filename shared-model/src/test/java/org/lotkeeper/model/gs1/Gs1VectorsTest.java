package org.lotkeeper.model.gs1;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.model.gs1.Gs1TestSupport.decode;
import static org.lotkeeper.model.gs1.Gs1TestSupport.decodeFails;

/** The GS1 test vectors (docs/GS1.md, "Test vectors"), row by row (this year = 2026). */
class Gs1VectorsTest {

    private static final Gtin GTIN = Gtin.of("09501101530003");

    private static void assertGtinLotExpiry(Gs1Data data) {
        assertThat(data.gtin()).contains(GTIN);
        assertThat(data.lot()).contains(LotCode.of("ABC123"));
        assertThat(data.expiry()).contains(LocalDate.of(2025, 12, 31));
    }

    @Test
    void gtinAlone() {
        assertThat(decode("0109501101530003").gtin()).contains(GTIN);
    }

    @Test
    void gtinWithWrongCheckDigitIsRefused() {
        Gs1Exception e = decodeFails("0109501101530004");
        assertThat(e.reason()).isEqualTo(Reason.CHECK_DIGIT);
        assertThat(e.position()).isEqualTo(15);
        assertThat(e.ai()).contains("01");
    }

    @Test
    void gtinLotAndExpiryWithSeparator() {
        assertGtinLotExpiry(decode("010950110153000310ABC123<GS>17251231"));
    }

    @Test
    void noSeparatorNeededAfterExpiry() {
        Gs1Data data = decode("01095011015300031725123110ABC123");
        assertGtinLotExpiry(data);
        assertThat(data.elements()).extracting(Gs1Element::ai).containsExactly("01", "17", "10");
    }

    @Test
    void trailingSeparatorIsTolerated() {
        Gs1Data data = decode("010950110153000310ABC123<GS>");
        assertThat(data.lot()).contains(LotCode.of("ABC123"));
    }

    @Test
    void superfluousSeparatorAfterFixedLengthAiIsTolerated() {
        Gs1Data data = decode("0109501101530003<GS>10ABC123");
        assertThat(data.gtin()).contains(GTIN);
        assertThat(data.lot()).contains(LotCode.of("ABC123"));
    }

    /**
     * The design's vector table lists {@code 01095011015300031713123110A} as "error: month 13", but its AI 17 value
     * is {@code 131231}: YYMMDD reads that as 31 December 2013, a real date (the same table reads
     * {@code 250229} and {@code 991231} as YYMMDD). The month-13 case is tested with
     * {@code 251331}; this test pins down what the listed string really means.
     */
    @Test
    void expiry131231IsThe31stOfDecember2013NotMonth13() {
        assertThat(decode("01095011015300031713123110A").expiry()).contains(LocalDate.of(2013, 12, 31));
    }

    @Test
    void month13IsAnInvalidDate() {
        Gs1Exception e = decodeFails("01095011015300031725133110A");
        assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE);
        assertThat(e.position()).isEqualTo(20);
        assertThat(e.ai()).contains("17");
        assertThat(e.getMessage()).contains("month 13");
    }

    @Test
    void twentyNinthOfFebruary2025DoesNotExist() {
        Gs1Exception e = decodeFails("01095011015300031725022910A");
        assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE);
        assertThat(e.position()).isEqualTo(22);
        assertThat(e.getMessage()).contains("29 February 2025");
    }

    @Test
    void year99IsLastCentury() {
        assertThat(decode("01095011015300031799123110A").expiry()).contains(LocalDate.of(1999, 12, 31));
    }

    @Test
    void netWeightWithTwoDecimals() {
        Gs1Data data = decode("01095011015300033102001234");
        assertThat(data.netQuantity()).contains(Quantity.of(new BigDecimal("12.34"), Uom.KGM));
    }

    @Test
    void ai3106DoesNotExist() {
        Gs1Exception e = decodeFails("01095011015300033106001234");
        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_AI);
        assertThat(e.ai()).contains("3106");
        assertThat(e.position()).isEqualTo(16);
    }

    @Test
    void gtinWithLeadingZerosKeepsAll14Digits() {
        assertThat(decode("0100012345678905").gtin()).contains(Gtin.of("00012345678905"));
    }

    @Test
    void hashIsNotAllowedInALot() {
        Gs1Exception e = decodeFails("010950110153000310AB#12");
        assertThat(e.reason()).isEqualTo(Reason.BAD_CHARACTER);
        assertThat(e.position()).isEqualTo(20);
        assertThat(e.ai()).contains("10");
    }

    @Test
    void lotOf21CharactersIsTooLong() {
        Gs1Exception e = decodeFails("0109501101530003" + "10" + "ABCDEFGHIJKLMNOPQRSTU");
        assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
        assertThat(e.position()).isEqualTo(38);
    }

    @Test
    void sscc() {
        assertThat(decode("00006141411234567890").sscc()).contains(Sscc.of("006141411234567890"));
    }

    @Test
    void ssccWithWrongCheckDigitIsRefused() {
        Gs1Exception e = decodeFails("00006141411234567891");
        assertThat(e.reason()).isEqualTo(Reason.CHECK_DIGIT);
        assertThat(e.position()).isEqualTo(19);
    }

    @Test
    void gtinTogetherWithContentGtinIsAForbiddenPair() {
        Gs1Exception e = decodeFails("01123456789012310212345678901231");
        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_PAIR);
        assertThat(e.ai()).contains("02");
        assertThat(e.position()).isEqualTo(16);
    }

    @Test
    void gs1128WithSymbologyIdentifier() {
        Gs1Data data = decode("]C1010950110153000310ABC123<GS>17251231");
        assertGtinLotExpiry(data);
        assertThat(data.symbology()).isEqualTo(Symbology.GS1_128);
    }

    @Test
    void zxingDataMatrixTextWithLeadingSeparator() {
        Gs1Data data = decode("]d2<GS>010950110153000310ABC123<GS>17251231");
        assertGtinLotExpiry(data);
        assertThat(data.symbology()).isEqualTo(Symbology.GS1_DATAMATRIX);
    }

    @Test
    void humanReadableForm() {
        Gs1Data data = decode("(01)09501101530003(10)ABC123(17)251231");
        assertGtinLotExpiry(data);
        assertThat(data.form()).isEqualTo(Gs1Form.HUMAN_READABLE);
    }

    @Test
    void digitalLinkWithLotSerialAndExpiry() {
        Gs1Data data = decode("https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426");
        assertThat(data.gtin()).contains(Gtin.of("09520123456788"));
        assertThat(data.lot()).contains(LotCode.of("ABC1"));
        assertThat(data.serial()).contains("12345");
        assertThat(data.expiry()).contains(LocalDate.of(2018, 4, 26));
        assertThat(data.form()).isEqualTo(Gs1Form.DIGITAL_LINK);
    }

    @Test
    void physicalLocationWithExtension() {
        Gs1Data data = decode("4140614141000005254WH-A-01");
        assertThat(data.physicalLocation()).contains(Gln.of("0614141000005"));
        assertThat(data.glnExtension()).contains("WH-A-01");
    }
}
