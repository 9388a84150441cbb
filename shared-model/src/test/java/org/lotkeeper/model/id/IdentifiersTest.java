package org.lotkeeper.model.id;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.model.id.InvalidIdentifierException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @Test
    void gtinOfEveryLengthIsHeldAsFourteenDigits() {
        assertThat(Gtin.of("09501101530003").value()).isEqualTo("09501101530003");
        assertThat(Gtin.of("9501101530003").value()).isEqualTo("09501101530003");
        assertThat(Gtin.of("012345678905").value()).isEqualTo("00012345678905");
        assertThat(Gtin.of("96385074").value()).isEqualTo("00000096385074");
    }

    @Test
    void gtinWithWrongCheckDigitIsRefusedWithTheExpectedDigit() {
        assertThatThrownBy(() -> Gtin.of("09501101530004"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHECK_DIGIT);
                    assertThat(e.position()).isEqualTo(13);
                    assertThat(e.getMessage()).contains("expected 3");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "123456789", "123456789012345"})
    void gtinOfAnotherLengthIsRefused(String digits) {
        assertThatThrownBy(() -> Gtin.of(digits)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void gtinWithALetterNamesThePosition() {
        assertThatThrownBy(() -> Gtin.of("0950110153A003"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_CHARACTER);
                    assertThat(e.position()).isEqualTo(10);
                });
    }

    @Test
    void ssccAndGlnVerifyTheirCheckDigits() {
        assertThat(Sscc.of("006141411234567890").value()).isEqualTo("006141411234567890");
        assertThatThrownBy(() -> Sscc.of("006141411234567891")).hasMessageContaining("check digit");
        assertThat(Gln.of("0614141000005").value()).isEqualTo("0614141000005");
        assertThatThrownBy(() -> Gln.of("0614141000006")).hasMessageContaining("check digit");
        assertThatThrownBy(() -> Gln.of("614141000005")).hasMessageContaining("13 digits");
    }

    @Test
    void checkDigitFollowsTheGs1Weights() {
        assertThat(Gs1Digits.checkDigit("0950110153000")).isEqualTo(3);
        assertThat(Gs1Digits.withCheckDigit("00614141123456789")).isEqualTo("006141411234567890");
        assertThat(Gs1Digits.hasValidCheckDigit("0614141000005")).isTrue();
    }

    @Test
    void lotCodeAllowsSet82AndRefusesTheRest() {
        assertThat(LotCode.of("R-2402").value()).isEqualTo("R-2402");
        assertThat(LotCode.of("A<b>&\"'%/").value()).isEqualTo("A<b>&\"'%/");
        assertThatThrownBy(() -> LotCode.of("AB#12")).isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_CHARACTER);
            assertThat(e.position()).isEqualTo(2);
        });
        assertThatThrownBy(() -> LotCode.of("has space")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> LotCode.of("A\u001dB")).hasMessageContaining("\\u001D");
    }

    @Test
    void lotCodeIsOneToTwentyCharacters() {
        assertThat(LotCode.of("A".repeat(20)).value()).hasSize(20);
        assertThatThrownBy(() -> LotCode.of("A".repeat(21)))
                .isInstanceOfSatisfying(
                        InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LONG));
        assertThatThrownBy(() -> LotCode.of(""))
                .isInstanceOfSatisfying(
                        InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
        assertThatThrownBy(() -> LotCode.of(null)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void internalCodesAcceptPlantStyleCodes() {
        assertThat(LocationCode.of("WH-A-01").value()).isEqualTo("WH-A-01");
        assertThat(ItemCode.of("RM-RESIN").value()).isEqualTo("RM-RESIN");
        assertThat(PartnerCode.of("ACME_RESINS.EU/2").value()).isEqualTo("ACME_RESINS.EU/2");
        assertThat(UserId.of("ana").value()).isEqualTo("ana");
        assertThat(DeviceId.of("dev-7f3a").value()).isEqualTo("dev-7f3a");
        assertThat(SiteCode.of("PLANT-1").value()).isEqualTo("PLANT-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-WH", "WH A", "<script>", "../etc", "WH'1", "x\u0000y", "Ünterlager"})
    void internalCodesRefuseHostileCharacters(String code) {
        assertThatThrownBy(() -> LocationCode.of(code))
                .isInstanceOfSatisfying(
                        InvalidIdentifierException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHARACTER));
    }

    @Test
    void internalCodesAreAtMostFortyCharacters() {
        assertThat(ItemCode.of("I".repeat(40)).value()).hasSize(40);
        assertThatThrownBy(() -> ItemCode.of("I".repeat(41))).hasMessageContaining("at most 40");
    }

    @Test
    void eventIdParsesCanonicalUuidsOnly() {
        EventId id = EventId.parse("01936B2E-5C4F-7A10-9C8E-3B1F2A4D5E6F");
        assertThat(id.toString()).isEqualTo("01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6f");
        assertThatThrownBy(() -> EventId.parse("1-2-3-4-5")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> EventId.parse("01936b2e-5c4f-7a10-9c8e-3b1f2a4d5e6g"))
                .isInstanceOfSatisfying(
                        InvalidIdentifierException.class,
                        e -> assertThat(e.position()).isEqualTo(35));
        assertThatThrownBy(() -> EventId.parse("01936b2e+5c4f-7a10-9c8e-3b1f2a4d5e6f"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThat(EventId.parse("4773c885-8c58-5470-a4e5-fcd3ced7bf20").value().version())
                .isEqualTo(5);
        assertThat(new EventId(UUID.randomUUID()).value()).isNotNull();
    }
}
