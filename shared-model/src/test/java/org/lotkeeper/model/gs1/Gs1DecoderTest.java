package org.lotkeeper.model.gs1;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gln;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotkeeper.model.gs1.Gs1TestSupport.CLOCK_2026;
import static org.lotkeeper.model.gs1.Gs1TestSupport.DECODER;
import static org.lotkeeper.model.gs1.Gs1TestSupport.decode;
import static org.lotkeeper.model.gs1.Gs1TestSupport.decodeFails;
import static org.lotkeeper.model.gs1.Gs1TestSupport.failure;
import static org.lotkeeper.model.gs1.Gs1TestSupport.gs;

class Gs1DecoderTest {

    private static final String GTIN = "0109501101530003";

    @Nested
    class EachAi {

        @Test
        void contentGtinWithCount() {
            Gs1Data data = decode("0209501101530003" + "3712<GS>" + "10L1");
            assertThat(data.contentGtin()).contains(Gtin.of("09501101530003"));
            assertThat(data.count()).hasValue(12);
            assertThat(data.gtin()).isEmpty();
        }

        @Test
        void variableCount() {
            assertThat(decode(GTIN + "3012345678").count()).hasValue(12_345_678);
        }

        @Test
        void allFiveDatesAndTheirTitles() {
            Gs1Data data = decode(GTIN + "11250101" + "13250202" + "15270303" + "16270404" + "17270505");
            assertThat(data.productionDate()).contains(LocalDate.of(2025, 1, 1));
            assertThat(data.packagingDate()).contains(LocalDate.of(2025, 2, 2));
            assertThat(data.bestBefore()).contains(LocalDate.of(2027, 3, 3));
            assertThat(data.sellBy()).contains(LocalDate.of(2027, 4, 4));
            assertThat(data.expiry()).contains(LocalDate.of(2027, 5, 5));
            assertThat(data.elements())
                    .extracting(Gs1Element::title)
                    .containsExactly(
                            "GTIN", "PROD DATE", "PACK DATE", "BEST BEFORE or BEST BY", "SELL BY", "USE BY OR EXPIRY");
        }

        @Test
        void serialAndLotTitles() {
            Gs1Data data = decode(GTIN + "21SN-1<GS>10L/7");
            assertThat(data.serial()).contains("SN-1");
            assertThat(data.lot()).contains(LotCode.of("L/7"));
            assertThat(data.elements().get(2).title()).isEqualTo("BATCH/LOT");
        }

        @Test
        void additionalIdentifiers() {
            Gs1Data data = decode(GTIN + "240ADD-1<GS>241PART-2<GS>21S1<GS>250SEC-3<GS>251SRC-4");
            assertThat(data.additionalId()).contains("ADD-1");
            assertThat(data.customerPartNumber()).contains("PART-2");
            assertThat(data.secondarySerial()).contains("SEC-3");
            assertThat(data.sourceReference()).contains("SRC-4");
        }

        @Test
        void ordersConsignmentsAndShipments() {
            Gs1Data data = decode("400PO-4711<GS>401GINC/1<GS>40209501101530000014");
            assertThat(data.customerPo()).contains("PO-4711");
            assertThat(data.consignment()).contains("GINC/1");
            assertThat(data.shipmentId()).contains("09501101530000014");
        }

        @Test
        void shipmentIdWithWrongCheckDigitIsRefused() {
            Gs1Exception e = decodeFails("40209501101530000013");
            assertThat(e.reason()).isEqualTo(Reason.CHECK_DIGIT);
            assertThat(e.position()).isEqualTo(19);
        }

        @Test
        void allGlns() {
            String gln = "0614141000005";
            Gs1Data data = decode("410" + gln + "411" + gln + "412" + gln + "413" + gln + "414" + gln + "415" + gln
                    + "416" + gln + "417" + gln);
            Gln expected = Gln.of(gln);
            assertThat(data.shipTo()).contains(expected);
            assertThat(data.billTo()).contains(expected);
            assertThat(data.purchasedFrom()).contains(expected);
            assertThat(data.shipFor()).contains(expected);
            assertThat(data.physicalLocation()).contains(expected);
            assertThat(data.invoicingParty()).contains(expected);
            assertThat(data.productionLocation()).contains(expected);
            assertThat(data.party()).contains(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"410", "411", "412", "413", "414", "415", "416", "417"})
        void glnWithWrongCheckDigitIsRefused(String ai) {
            Gs1Exception e = decodeFails(ai + "0614141000006");
            assertThat(e.reason()).isEqualTo(Reason.CHECK_DIGIT);
            assertThat(e.ai()).contains(ai);
            assertThat(e.position()).isEqualTo(15);
        }

        @Test
        void countryOfOriginNeedsASeparatorThoughFixedLength() {
            assertThat(decode(GTIN + "422276<GS>10L1").countryOfOrigin()).contains("276");
            Gs1Exception e = decodeFails(GTIN + "42227610L1");
            assertThat(e.reason()).isEqualTo(Reason.MISSING_SEPARATOR);
            assertThat(e.position()).isEqualTo(22);
            assertThat(e.ai()).contains("422");
        }

        @Test
        void expiryDateAndTime() {
            Gs1Data data = decode(GTIN + "70032612312359");
            assertThat(data.expiryDateTime()).contains(LocalDateTime.of(2026, 12, 31, 23, 59));
        }

        @Test
        void expiryDateAndTimeNeedsASeparator() {
            assertThat(decodeFails(GTIN + "700326123123591").reason()).isEqualTo(Reason.MISSING_SEPARATOR);
        }

        @ParameterizedTest
        @CsvSource({"2612002359, 24", "2612312459, 26", "2612312360, 28", "2613312300, 22"})
        void expiryDateAndTimeMustExist(String value, int position) {
            Gs1Exception e = decodeFails(GTIN + "7003" + value);
            assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE);
            assertThat(e.position()).isEqualTo(position);
        }

        @Test
        void testByDateWithOrWithoutATimeIsTheRetestDay() {
            assertThat(decode(GTIN + "7011270131<GS>10L1").testBy()).contains(LocalDate.of(2027, 1, 31));
            assertThat(decode(GTIN + "70112701311530<GS>10L1").testBy()).contains(LocalDate.of(2027, 1, 31));
            assertThat(decode(GTIN + "7011270200").testBy()).contains(LocalDate.of(2027, 2, 28));
            assertThat(decodeFails(GTIN + "701127013115").reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(decodeFails(GTIN + "70112701312460").reason()).isEqualTo(Reason.INVALID_DATE);
            assertThat(decodeFails(GTIN + "7011271331").reason()).isEqualTo(Reason.INVALID_DATE);
        }

        @Test
        void graiWithAndWithoutSerial() {
            assertThat(decode("800300614141000418").grai()).contains("00614141000418");
            assertThat(decode("800300614141000418DRUM-12").grai()).contains("00614141000418DRUM-12");
        }

        @Test
        void graiMustStartWithZeroAndHaveARightCheckDigit() {
            Gs1Exception lead = decodeFails("800310614141000418");
            assertThat(lead.reason()).isEqualTo(Reason.BAD_CHARACTER);
            assertThat(lead.position()).isEqualTo(4);
            Gs1Exception check = decodeFails("800300614141000419X");
            assertThat(check.reason()).isEqualTo(Reason.CHECK_DIGIT);
            assertThat(check.position()).isEqualTo(17);
            assertThat(decodeFails("80030061414100").reason()).isEqualTo(Reason.TOO_SHORT);
        }

        @Test
        void giai() {
            assertThat(decode("8004061414112345").giai()).contains("061414112345");
        }

        @Test
        void paymentSlipNeedsTheInvoicingParty() {
            assertThat(decode("4150614141000005" + "8020INV-77").paymentSlipReference())
                    .contains("INV-77");
            Gs1Exception e = decodeFails("8020INV-77");
            assertThat(e.reason()).isEqualTo(Reason.MISSING_PAIR);
            assertThat(e.ai()).contains("8020");
        }
    }

    @Nested
    class Measures {

        @ParameterizedTest
        @CsvSource({
            "3100001234, 1234, KGM", "3103001234, 1.234, KGM", "3105001234, 0.01234, KGM",
            "3150000750, 750, LTR", "3152000750, 7.5, LTR", "3163000125, 0.125, MTQ",
            "3201000020, 2, LBR", "3612000500, 5, GLL"
        })
        void netMeasuresBecomeQuantities(String element, String value, Uom uom) {
            assertThat(decode(GTIN + element).netQuantity()).contains(Quantity.of(value, uom));
        }

        @Test
        void grossMeasureIsUsedWhenThereIsNoNetOne() {
            Gs1Data data = decode(GTIN + "3302025000");
            assertThat(data.netQuantity()).isEmpty();
            assertThat(data.grossQuantity()).contains(Quantity.of("250", Uom.KGM));
            assertThat(data.quantity()).contains(Quantity.of("250", Uom.KGM));
        }

        @Test
        void netIsPreferredOverGross() {
            Gs1Data data = decode(GTIN + "3302025000" + "3101002000");
            assertThat(data.quantity()).contains(Quantity.of("200", Uom.KGM));
            assertThat(data.measures()).extracting(Gs1Measure::ai).containsExactly("3302", "3101");
        }

        @Test
        void grossLitres() {
            assertThat(decode(GTIN + "3350001000").grossQuantity()).contains(Quantity.of("1000", Uom.LTR));
        }

        @Test
        void measureInAUnitLotkeeperLacksIsKeptWithoutQuantity() {
            Gs1Data data = decode(GTIN + "3112001250");
            Gs1Measure length = data.measures().get(0);
            assertThat(length.ai()).isEqualTo("3112");
            assertThat(length.title()).isEqualTo("LENGTH (m)");
            assertThat(length.value()).isEqualByComparingTo(new BigDecimal("12.50"));
            assertThat(length.unitCode()).isEqualTo("MTR");
            assertThat(length.quantity()).isEmpty();
            assertThat(data.quantity()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"3106", "3109", "3170", "3380", "3580", "3906"})
        void decimalsAbove5AndUnassignedMeasuresAreUnknown(String ai) {
            Gs1Exception e = decodeFails(GTIN + ai + "001234");
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_AI);
            assertThat(e.ai()).contains(ai);
        }

        @Test
        void sameMeasureWithTwoDecimalPositionsIsADuplicate() {
            Gs1Exception e = decodeFails(GTIN + "3102001234" + "3103012340");
            assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_AI);
            assertThat(e.position()).isEqualTo(26);
        }
    }

    @Nested
    class Dates {

        @Test
        void expiryWithDayZeroMeansLastDayOfMonth() {
            assertThat(decode(GTIN + "17250200").expiry()).contains(LocalDate.of(2025, 2, 28));
            assertThat(decode(GTIN + "17250400").expiry()).contains(LocalDate.of(2025, 4, 30));
        }

        @Test
        void dayZeroInFebruaryOfALeapYearIsThe29th() {
            assertThat(decode(GTIN + "17280200").expiry()).contains(LocalDate.of(2028, 2, 29));
        }

        @Test
        void leapDayExistsInLeapYears() {
            assertThat(decode(GTIN + "17280229").expiry()).contains(LocalDate.of(2028, 2, 29));
            assertThat(decode(GTIN + "17000229").expiry()).contains(LocalDate.of(2000, 2, 29));
        }

        @Test
        void centuryWindowIn2026Maps76To2076And77To1977() {
            assertThat(decode(GTIN + "17761231").expiry()).contains(LocalDate.of(2076, 12, 31));
            assertThat(decode(GTIN + "17770101").expiry()).contains(LocalDate.of(1977, 1, 1));
            assertThat(decode(GTIN + "17000101").expiry()).contains(LocalDate.of(2000, 1, 1));
        }

        @Test
        void centuryWindowFollowsTheInjectedClock() {
            Gs1Decoder in2090 =
                    Gs1Decoder.create().withClock(Clock.fixed(Instant.parse("2090-03-01T00:00:00Z"), ZoneOffset.UTC));
            assertThat(in2090.decode(GTIN + "17391231").expiry()).contains(LocalDate.of(2139, 12, 31));
            assertThat(in2090.decode(GTIN + "17401231").expiry()).contains(LocalDate.of(2140, 12, 31));
            assertThat(in2090.decode(GTIN + "17411231").expiry()).contains(LocalDate.of(2041, 12, 31));
            Gs1Decoder in2049 =
                    Gs1Decoder.create().withClock(Clock.fixed(Instant.parse("2049-06-01T00:00:00Z"), ZoneOffset.UTC));
            assertThat(in2049.decode(GTIN + "17000229").expiry()).contains(LocalDate.of(2000, 2, 29));
            assertThat(in2049.decode(GTIN + "17990101").expiry()).contains(LocalDate.of(2099, 1, 1));
        }

        @Test
        void centuryWindowUsesTheClocksZoneForNewYear() {
            Clock newYearInTokyo = Clock.fixed(Instant.parse("2026-12-31T20:00:00Z"), ZoneId.of("Asia/Tokyo"));
            Gs1Decoder decoder = Gs1Decoder.create().withClock(newYearInTokyo);
            // In Tokyo it is already 2027: 77 is now this century.
            assertThat(decoder.decode(GTIN + "17770101").expiry()).contains(LocalDate.of(2077, 1, 1));
        }

        @Test
        void feb29In2100DoesNotExist() {
            Gs1Decoder in2090 =
                    Gs1Decoder.create().withClock(Clock.fixed(Instant.parse("2090-03-01T00:00:00Z"), ZoneOffset.UTC));
            assertThat(failure(() -> in2090.decode(GTIN + "17000229")).reason()).isEqualTo(Reason.INVALID_DATE);
        }

        @ParameterizedTest
        @CsvSource({"17250132, 22", "17250431, 22", "17250013, 20", "11251300, 20", "15250230, 22"})
        void datesThatDoNotExistAreRefusedAtTheFaultyPart(String element, int position) {
            Gs1Exception e = decodeFails(GTIN + element);
            assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE);
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.getMessage()).endsWith("check the label and type the date");
        }
    }

    @Nested
    class Separators {

        @Test
        void replacementSeparatorFromTheDeviceProfile() {
            Gs1Decoder tilde = DECODER.withSeparator('~');
            Gs1Data data = tilde.decode(GTIN + "10ABC123~17251231");
            assertThat(data.lot()).contains(LotCode.of("ABC123"));
            assertThat(data.expiry()).contains(LocalDate.of(2025, 12, 31));
            assertThat(DECODER.withSeparator('|')
                            .decode("|" + GTIN + "21S1|10L1|")
                            .serial())
                    .contains("S1");
        }

        @Test
        void gsStillWorksWithAReplacementSeparator() {
            assertThat(DECODER.withSeparator('~')
                            .decode(gs(GTIN + "10L1<GS>17251231"))
                            .lot())
                    .contains(LotCode.of("L1"));
        }

        @Test
        void replacementCharacterIsBadWithoutTheProfile() {
            Gs1Exception e = decodeFails(GTIN + "10ABC123~17251231");
            assertThat(e.reason()).isEqualTo(Reason.BAD_CHARACTER);
            assertThat(e.position()).isEqualTo(24);
        }

        @Test
        void separatorThatIsADataCharacterIsRefused() {
            assertThatThrownBy(() -> DECODER.withSeparator('-')).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DECODER.withSeparator('5')).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void lostSeparatorAfterALotIsReportedAsAWarning() {
            Gs1Data data = decode(GTIN + "10ABC12317251231");
            assertThat(data.lot()).contains(LotCode.of("ABC12317251231"));
            assertThat(data.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo(Gs1Warning.Code.POSSIBLY_LOST_SEPARATOR);
                assertThat(w.ai()).isEqualTo("10");
                assertThat(w.position()).isEqualTo(24);
                assertThat(w.message())
                        .isEqualTo("Lot ABC12317251231 may include an expiry date: "
                                + "the separator may have been lost — check the label");
            });
        }

        @Test
        void lostSeparatorAfterASerialBeforeALot() {
            Gs1Data data = decode(GTIN + "21SER9911250101" + "10XYZ");
            assertThat(data.warnings())
                    .singleElement()
                    .satisfies(w -> assertThat(w.message())
                            .startsWith("Serial SER9911250101")
                            .contains("production date"));
        }

        @Test
        void lostSeparatorBeforeAGtinOrAMeasure() {
            assertThat(decode("0209501101530003" + "37" + "12<GS>" + "10AB0109501101530003")
                            .warnings())
                    .singleElement()
                    .satisfies(w -> assertThat(w.message()).contains("a GTIN"));
            assertThat(decode(GTIN + "10LOT3103001234").warnings())
                    .singleElement()
                    .satisfies(w -> assertThat(w.message()).contains("net weight (kg)"));
        }

        @Test
        void lotThatMerelyContainsDigitsGivesNoWarning() {
            assertThat(decode(GTIN + "10ABC17251331").warnings()).isEmpty(); // month 13: not a date
            assertThat(decode(GTIN + "10ABC123<GS>17251231").warnings()).isEmpty();
            assertThat(decode(GTIN + "1017251231").warnings()).isEmpty(); // the whole lot is the "date"
        }

        @Test
        void missingSeparatorAfterAVariableLotSwallowsTheRestUntilItIsTooLong() {
            Gs1Exception e = decodeFails(GTIN + "10ABCDEFGHIJ21SERIAL123");
            assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
            assertThat(e.position()).isEqualTo(38);
        }

        @Test
        void doubleSeparatorsAreTolerated() {
            assertThat(decode("<GS><GS>" + GTIN + "<GS><GS>10L1<GS><GS>").lot()).contains(LotCode.of("L1"));
        }
    }

    @Nested
    class SymbologyIdentifiers {

        @ParameterizedTest
        @CsvSource({"]C1, GS1_128", "]e0, GS1_DATABAR", "]d2, GS1_DATAMATRIX", "]Q3, GS1_QR", "]J1, GS1_DOTCODE"})
        void gs1Symbologies(String identifier, Symbology symbology) {
            Gs1Data data = decode(identifier + GTIN + "10L1");
            assertThat(data.symbology()).isEqualTo(symbology);
            assertThat(data.form()).isEqualTo(Gs1Form.ELEMENT_STRING);
        }

        @Test
        void ean13AndUpcAndEan8AreGtins() {
            Gs1Data ean13 = decode("]E09501101530003");
            assertThat(ean13.gtin()).contains(Gtin.of("09501101530003"));
            assertThat(ean13.symbology()).isEqualTo(Symbology.EAN_UPC);
            assertThat(ean13.form()).isEqualTo(Gs1Form.EAN_UPC);
            assertThat(decode("]E0012345678905").gtin()).contains(Gtin.of("00012345678905"));
            assertThat(decode("]E496385074").gtin()).contains(Gtin.of("00000096385074"));
        }

        @Test
        void eanWithWrongCheckDigitOrLength() {
            assertThat(decodeFails("]E09501101530004").reason()).isEqualTo(Reason.CHECK_DIGIT);
            assertThat(decodeFails("]E0950110153").reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(decodeFails("]E0950110153A003").reason()).isEqualTo(Reason.BAD_CHARACTER);
        }

        @Test
        void plainSymbologiesAreNotGs1() {
            Gs1Exception e = decodeFails("]C0" + GTIN);
            assertThat(e.reason()).isEqualTo(Reason.NOT_GS1);
            assertThat(e.getMessage()).contains("Code 128");
            assertThat(decodeFails("]Q1hello").reason()).isEqualTo(Reason.NOT_GS1);
            assertThat(decodeFails("]A0ABC").reason()).isEqualTo(Reason.NOT_GS1);
        }

        @Test
        void plainQrAndDataMatrixCarryDigitalLinks() {
            Gs1Data qr = decode("]Q1https://id.gs1.org/01/09501101530003");
            assertThat(qr.symbology()).isEqualTo(Symbology.QR);
            assertThat(qr.form()).isEqualTo(Gs1Form.DIGITAL_LINK);
            assertThat(decode("]d1https://id.gs1.org/01/09501101530003").symbology())
                    .isEqualTo(Symbology.DATAMATRIX);
        }

        @Test
        void identifierAloneIsEmpty() {
            assertThat(decodeFails("]C1").reason()).isEqualTo(Reason.EMPTY);
            assertThat(decodeFails("]d2<GS>").reason()).isEqualTo(Reason.EMPTY);
            assertThat(decodeFails("]C").reason()).isEqualTo(Reason.TOO_SHORT);
        }

        @Test
        void positionsCountTheIdentifier() {
            Gs1Exception e = decodeFails("]C10109501101530004");
            assertThat(e.position()).isEqualTo(18);
        }
    }

    @Nested
    class HumanReadable {

        @Test
        void measuresAndVariableFields() {
            Gs1Data data = decode("(01)09501101530003(3103)001234(21)A(B)C(10)L1");
            assertThat(data.netQuantity()).contains(Quantity.of("1.234", Uom.KGM));
            assertThat(data.serial()).contains("A(B)C");
            assertThat(data.lot()).contains(LotCode.of("L1"));
        }

        @Test
        void spacesAroundValuesAreTolerated() {
            Gs1Data data = decode("(01) 09501101530003 (10) ABC123 (17) 251231");
            assertThat(data.lot()).contains(LotCode.of("ABC123"));
            assertThat(data.expiry()).contains(LocalDate.of(2025, 12, 31));
        }

        @Test
        void errorsPointIntoTheHumanReadableText() {
            Gs1Exception check = decodeFails("(01)09501101530004(10)A");
            assertThat(check.reason()).isEqualTo(Reason.CHECK_DIGIT);
            assertThat(check.position()).isEqualTo(17);
            Gs1Exception longGtin = decodeFails("(01)095011015300031(10)A");
            assertThat(longGtin.reason()).isEqualTo(Reason.TOO_LONG);
            assertThat(longGtin.position()).isEqualTo(18);
            Gs1Exception unknown = decodeFails("(01)09501101530003(99)A");
            assertThat(unknown.reason()).isEqualTo(Reason.UNKNOWN_AI);
            assertThat(unknown.ai()).contains("99");
            assertThat(unknown.position()).isEqualTo(19);
        }

        @Test
        void brokenParentheses() {
            assertThat(decodeFails("(01").reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(decodeFails("(0109501101530003").reason()).isEqualTo(Reason.UNKNOWN_AI);
            assertThat(decodeFails("(1)A").reason()).isEqualTo(Reason.UNKNOWN_AI);
        }

        @Test
        void sameResultAsTheElementString() {
            assertThat(decode("(01)09501101530003(17)251231(10)ABC123").elements())
                    .isEqualTo(decode("01095011015300031725123110ABC123").elements());
        }
    }

    @Nested
    class Errors {

        @Test
        void emptyAndNull() {
            assertThat(failure(() -> DECODER.decode(null)).reason()).isEqualTo(Reason.EMPTY);
            assertThat(decodeFails("").reason()).isEqualTo(Reason.EMPTY);
            assertThat(decodeFails("<GS>").reason()).isEqualTo(Reason.EMPTY);
        }

        @Test
        void tenKilobytesOfJunkIsRefusedAtOnce() {
            Gs1Exception e = decodeFails("0".repeat(10_240));
            assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
            assertThat(e.position()).isEqualTo(Gs1Decoder.MAX_LENGTH);
            assertThat(e.getMessage()).contains("10240 characters");
        }

        @Test
        void controlCharactersAreBadCharacters() {
            Gs1Exception inLot = decodeFails(GTIN + "10AB\nC");
            assertThat(inLot.reason()).isEqualTo(Reason.BAD_CHARACTER);
            assertThat(inLot.position()).isEqualTo(20);
            assertThat(inLot.getMessage()).contains("\\u000A");
            assertThat(decodeFails("\u0000" + GTIN).reason()).isEqualTo(Reason.BAD_CHARACTER);
            assertThat(decodeFails(GTIN + "\u0004").reason()).isEqualTo(Reason.BAD_CHARACTER);
        }

        @Test
        void textThatIsNotGs1() {
            Gs1Exception e = decodeFails("WH-A-01");
            assertThat(e.reason()).isEqualTo(Reason.NOT_GS1);
            assertThat(e.position()).isZero();
        }

        @Test
        void lettersWhereAnAiShouldBe() {
            Gs1Exception e = decodeFails(GTIN + "AB");
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_AI);
            assertThat(e.position()).isEqualTo(16);
        }

        @Test
        void truncatedScans() {
            Gs1Exception cutGtin = decodeFails("01095011015300");
            assertThat(cutGtin.reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(cutGtin.position()).isEqualTo(14);
            assertThat(decodeFails(GTIN + "1").reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(decodeFails(GTIN + "31").reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(decodeFails(GTIN + "10").reason()).isEqualTo(Reason.TOO_SHORT);
            Gs1Exception cutBySeparator = decodeFails("01095011015<GS>10L1");
            assertThat(cutBySeparator.reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(cutBySeparator.position()).isEqualTo(11);
        }

        @Test
        void emptyLotBeforeASeparator() {
            Gs1Exception e = decodeFails(GTIN + "10<GS>17251231");
            assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT);
            assertThat(e.position()).isEqualTo(18);
        }

        @Test
        void lettersInAGtin() {
            Gs1Exception e = decodeFails("0109501A01530003");
            assertThat(e.reason()).isEqualTo(Reason.BAD_CHARACTER);
            assertThat(e.position()).isEqualTo(7);
        }

        @Test
        void countLongerThan8Digits() {
            assertThat(decodeFails(GTIN + "30123456789").reason()).isEqualTo(Reason.TOO_LONG);
        }

        @Test
        void gtinWithCountOfTradeItemsIsAForbiddenPair() {
            Gs1Exception e = decodeFails(GTIN + "3712");
            assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_PAIR);
            assertThat(e.ai()).contains("37");
        }

        @ParameterizedTest
        @CsvSource({"10ABC, 10", "21S1, 21", "0209501101530003, 02", "254BIN-1, 254", "8020REF, 8020"})
        void missingPairs(String text, String ai) {
            Gs1Exception e = decodeFails(text);
            assertThat(e.reason()).isEqualTo(Reason.MISSING_PAIR);
            assertThat(e.ai()).contains(ai);
            assertThat(e.position()).isZero();
        }

        @Test
        void syntaxErrorsComeBeforeForbiddenPairsWhichComeBeforeMissingPairs() {
            // 10 without 01 (missing pair), 01 with 02 (forbidden), and a bad check digit at the end.
            assertThat(decodeFails("10L1<GS>" + GTIN + "0209501101530003" + "0000614141123456789" + "1")
                            .reason())
                    .isEqualTo(Reason.CHECK_DIGIT);
            assertThat(decodeFails("10L1<GS>" + GTIN + "0209501101530003").reason())
                    .isEqualTo(Reason.FORBIDDEN_PAIR);
            assertThat(decodeFails("10L1<GS>0209501101530003").reason()).isEqualTo(Reason.MISSING_PAIR);
        }

        @Test
        void firstSyntaxErrorInElementOrderWins() {
            Gs1Exception e = decodeFails(GTIN + "17251331" + "10AB#");
            assertThat(e.reason()).isEqualTo(Reason.INVALID_DATE);
        }

        @Test
        void duplicateAiWithDifferentValuesIsAnError() {
            Gs1Exception e = decodeFails(GTIN + "10L1<GS>10L2");
            assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_AI);
            assertThat(e.position()).isEqualTo(21);
            assertThat(e.ai()).contains("10");
        }

        @Test
        void duplicateAiWithTheSameValueIsKeptOnce() {
            Gs1Data data = decode(GTIN + "10L1<GS>" + GTIN);
            assertThat(data.elements()).hasSize(2);
        }

        @Test
        void messagesTellTheOperatorWhatToDo() {
            assertThat(decodeFails("0109501101530004").getMessage())
                    .isEqualTo("Check digit of GTIN 09501101530004 is wrong — rescan the label or type the GTIN");
            assertThat(decodeFails(GTIN + "10AB#").getMessage()).contains("rescan the label or type the lot");
        }
    }

    @Test
    void dataEqualityIgnoresWarningsButNotForm() {
        assertThat(decode(GTIN + "10L1")).isEqualTo(decode(GTIN + "10L1<GS>"));
        assertThat(decode(GTIN + "10L1")).isNotEqualTo(decode("(01)09501101530003(10)L1"));
        assertThat(decode(GTIN + "10L1").toString()).isEqualTo("(01)09501101530003(10)L1");
    }

    @Test
    void rawValuesByAi() {
        Gs1Data data = decode(GTIN + "3103001234");
        assertThat(data.value("3103")).contains("001234");
        assertThat(data.has("01")).isTrue();
        assertThat(data.has("10")).isFalse();
    }

    @Test
    void decoderIsUsableWithTheSystemClock() {
        assertThat(Gs1Decoder.create().decode(GTIN).gtin()).isPresent();
        assertThat(CLOCK_2026.instant()).isNotNull();
    }
}
