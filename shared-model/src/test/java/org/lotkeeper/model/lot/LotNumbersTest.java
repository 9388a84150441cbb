package org.lotkeeper.model.lot;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotNumberingException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotNumbersTest {

    private static final LocalDate NOV_20 = LocalDate.of(2026, 11, 20);

    private static Reason reasonOf(String pattern) {
        try {
            LotPattern.parse(pattern);
        } catch (LotNumberingException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.reason();
        }
        throw new AssertionError("pattern '" + pattern + "' was accepted");
    }

    @Nested
    class SupplierLotAndManual {
        @Test
        void supplierLotModeUsesTheSupplierLotCode() {
            assertThat(LotNumbers.fromSupplierLot("ACR-779")).isEqualTo(LotCode.of("ACR-779"));
        }

        @Test
        void supplierLotOutsideSet82IsRefused() {
            assertThatThrownBy(() -> LotNumbers.fromSupplierLot("ACR 779"))
                    .isInstanceOf(InvalidIdentifierException.class)
                    .extracting(e -> ((InvalidIdentifierException) e).reason())
                    .isEqualTo(InvalidIdentifierException.Reason.BAD_CHARACTER);
        }

        @Test
        void supplierLotLongerThanTwentyCharactersIsRefused() {
            assertThatThrownBy(() -> LotNumbers.fromSupplierLot("123456789012345678901"))
                    .isInstanceOf(InvalidIdentifierException.class);
        }

        @Test
        void manualModeUsesTheScannedLabel() {
            assertThat(LotNumbers.fromLabel("R-2402")).isEqualTo(LotCode.of("R-2402"));
        }

        @Test
        void emptyManualLabelIsRefused() {
            assertThatThrownBy(() -> LotNumbers.fromLabel("")).isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Nested
    class Pattern {
        @Test
        void patternEmbedsDateDeviceAndSequence() {
            LotPattern pattern = LotPattern.parse("R{YY}{JJJ}-{DEV}{SEQ:3}");
            assertThat(LotNumbers.fromPattern(pattern, DeviceTag.of("7A"), NOV_20, 5))
                    .isEqualTo(LotCode.of("R26324-7A005"));
        }

        @Test
        void everyDateTokenIsZeroPadded() {
            LotPattern pattern = LotPattern.parse("{YYYY}{MM}{DD}{JJJ}{DEV}{SEQ:2}");
            assertThat(pattern.generate(DeviceTag.of("Z"), LocalDate.of(2027, 2, 3), 7)
                            .value())
                    .isEqualTo("20270203034Z07");
        }

        @Test
        void twoYearDigitsAreTheLastTwo() {
            LotPattern pattern = LotPattern.parse("{YY}{DEV}{SEQ:1}");
            assertThat(pattern.generate(DeviceTag.of("1"), LocalDate.of(2100, 1, 1), 0)
                            .value())
                    .isEqualTo("0010");
        }

        @Test
        void lastDayOfLeapYearIsDay366() {
            LotPattern pattern = LotPattern.parse("{JJJ}{DEV}{SEQ:1}");
            assertThat(pattern.generate(DeviceTag.of("1"), LocalDate.of(2028, 12, 31), 1)
                            .value())
                    .isEqualTo("36611");
        }

        @Test
        void twoDevicesMakeDifferentCodesForTheSameDateAndSequence() {
            LotPattern pattern = LotPattern.parse("{YY}{MM}{DD}-{DEV}-{SEQ:4}");
            LotCode first = pattern.generate(DeviceTag.forEnrollmentNumber(1), NOV_20, 42);
            LotCode second = pattern.generate(DeviceTag.forEnrollmentNumber(2), NOV_20, 42);
            assertThat(first.value()).isEqualTo("261120-1-0042");
            assertThat(second.value()).isEqualTo("261120-2-0042");
        }

        @Test
        void sequenceBeyondItsWidthIsExhausted() {
            LotPattern pattern = LotPattern.parse("L{DEV}{SEQ:2}");
            assertThat(pattern.maxSequence()).isEqualTo(99);
            assertThat(pattern.generate(DeviceTag.of("A"), NOV_20, 99).value()).isEqualTo("LA99");
            assertThatThrownBy(() -> pattern.generate(DeviceTag.of("A"), NOV_20, 100))
                    .isInstanceOf(LotNumberingException.class)
                    .extracting(e -> ((LotNumberingException) e).reason())
                    .isEqualTo(Reason.SEQUENCE_EXHAUSTED);
        }

        @Test
        void negativeSequenceIsRefused() {
            LotPattern pattern = LotPattern.parse("L{DEV}{SEQ:2}");
            assertThatThrownBy(() -> pattern.generate(DeviceTag.of("A"), NOV_20, -1))
                    .isInstanceOf(LotNumberingException.class);
        }

        @Test
        void patternThatFillsTwentyCharactersWithTheLongestTagIsAccepted() {
            LotPattern pattern = LotPattern.parse("LOT-{YYYY}{MM}{DD}{DEV}{SEQ:4}");
            assertThat(pattern.maxLength()).isEqualTo(20);
            assertThat(pattern.generate(DeviceTag.of("ZZZZ"), NOV_20, 9999).value())
                    .isEqualTo("LOT-20261120ZZZZ9999")
                    .hasSize(20);
        }

        @Test
        void patternThatCouldOverflowTwentyCharactersIsRefused() {
            assertThat(reasonOf("LOTS-{YYYY}{MM}{DD}{DEV}{SEQ:4}")).isEqualTo(Reason.TOO_LONG);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "{YY}{SEQ:3}              | MISSING_DEVICE",
                    "''                       | MISSING_DEVICE",
                    "{YY}{DEV}                | MISSING_SEQUENCE",
                    "{DEV}{DEV}{SEQ:3}        | REPEATED_TOKEN",
                    "{DEV}{SEQ:3}{SEQ:2}      | REPEATED_TOKEN",
                    "{DEV}{SEQ}               | SYNTAX",
                    "{DEV}{SEQ:0}             | SYNTAX",
                    "{DEV}{SEQ:12}            | SYNTAX",
                    "{DEV}{SEQ:x}             | SYNTAX",
                    "{DEV{SEQ:3}              | SYNTAX",
                    "{DEV}{SEQ:3              | SYNTAX",
                    "A}{DEV}{SEQ:3            | SYNTAX",
                    "{DEV}{SEQ:3}{HH}         | UNKNOWN_TOKEN",
                    "{dev}{SEQ:3}             | UNKNOWN_TOKEN",
                    "LOT {DEV}{SEQ:3}         | BAD_CHARACTER",
                    "LOT#{DEV}{SEQ:3}         | BAD_CHARACTER",
                })
        void invalidPatternIsRefusedWithItsReason(String pattern, Reason reason) {
            assertThat(reasonOf(pattern)).isEqualTo(reason);
        }

        @Test
        void badCharacterIsReportedWithItsPosition() {
            LotNumberingException e = org.junit.jupiter.api.Assertions.assertThrows(
                    LotNumberingException.class, () -> LotPattern.parse("AB C{DEV}{SEQ:2}"));
            assertThat(e.position()).isEqualTo(2);
            assertThat(e.getMessage()).contains("space");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{DEV}{SEQ:1}", "%(x)_{DEV}.{SEQ:9}", "{SEQ:5}{DEV}", "a/b{JJJ}{DEV}-{SEQ:3}"})
        void validPatternsAreAccepted(String text) {
            assertThat(LotPattern.parse(text).text()).isEqualTo(text);
        }
    }

    @Nested
    class DeviceTags {
        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"1, 1", "35, Z", "36, 10", "1295, ZZ", "1679615, ZZZZ"})
        void tagIsTheEnrollmentNumberInBase36(long number, String tag) {
            DeviceTag deviceTag = DeviceTag.forEnrollmentNumber(number);
            assertThat(deviceTag.value()).isEqualTo(tag);
            assertThat(deviceTag.enrollmentNumber()).isEqualTo(number);
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, 1_679_616})
        void enrollmentNumberOutsideTheTagRangeIsRefused(long number) {
            assertThatThrownBy(() -> DeviceTag.forEnrollmentNumber(number))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "0A", "a1", "ABCDE", "A-1"})
        void malformedTagIsRefused(String tag) {
            assertThatThrownBy(() -> DeviceTag.of(tag)).isInstanceOf(InvalidIdentifierException.class);
        }
    }
}
