package org.lotkeeper.model.lot;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvailabilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LotRef R2402 = LotRef.of("RM-RESIN", "R-2402");

    private static LotAtLocation stock(LotStatus status, LocalDate expiry, LocationType type) {
        return new LotAtLocation(R2402, status, expiry, null, LocationCode.of("WH-A-02"), type);
    }

    private static LotAtLocation released(LocalDate expiry) {
        return stock(LotStatus.RELEASED, expiry, LocationType.STORAGE);
    }

    @Test
    void releasedUnexpiredLotInStorageIsAvailable() {
        AvailabilityResult result = Availability.check(released(TODAY.plusDays(100)), StockUse.PICK, 90, TODAY);
        assertThat(result.isAvailable()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.message()).isEmpty();
    }

    @Test
    void lotWithoutExpiryIsAvailableWhateverTheMinimum() {
        assertThat(Availability.check(released(null), StockUse.SHIP, 10_000, TODAY)
                        .isAvailable())
                .isTrue();
    }

    @Test
    void quarantinedLotIsUnavailableWithAnOperatorSentence() {
        AvailabilityResult result =
                Availability.check(stock(LotStatus.QUARANTINE, null, LocationType.STORAGE), StockUse.PICK, 0, TODAY);
        assertThat(result.reasons()).containsExactly(UnavailableReason.QUARANTINE);
        assertThat(result.message())
                .isEqualTo("Lot R-2402 is in quarantine — QA has not released it; take another lot.");
    }

    @ParameterizedTest
    @CsvSource({
        "ON_HOLD, ON_HOLD, on hold",
        "REJECTED, REJECTED, rejected",
        "RECALLED, RECALLED, recalled",
        "QUARANTINE, QUARANTINE, quarantine"
    })
    void lotNotReleasedIsUnavailableForEveryUse(LotStatus status, UnavailableReason reason, String word) {
        for (StockUse use : StockUse.values()) {
            AvailabilityResult result = Availability.check(stock(status, null, LocationType.STORAGE), use, 0, TODAY);
            assertThat(result.reasons()).containsExactly(reason);
            assertThat(result.message()).contains("R-2402").contains(word);
        }
    }

    @Test
    void lotExpiringTodayIsStillUsable() {
        AvailabilityResult result = Availability.check(released(TODAY), StockUse.PICK, 0, TODAY);
        assertThat(result.isAvailable()).isTrue();
        assertThat(ShelfLife.isExpired(TODAY, TODAY)).isFalse();
    }

    @Test
    void lotThatExpiredYesterdayIsExpiredForEveryUse() {
        for (StockUse use : StockUse.values()) {
            AvailabilityResult result = Availability.check(released(TODAY.minusDays(1)), use, 0, TODAY);
            assertThat(result.reasons()).containsExactly(UnavailableReason.EXPIRED);
            assertThat(result.message()).contains("expired on 2026-11-19");
        }
    }

    @Test
    void expiredLotIsNotAlsoReportedAsShortShelfLife() {
        AvailabilityResult result = Availability.check(released(TODAY.minusDays(1)), StockUse.PICK, 300, TODAY);
        assertThat(result.reasons()).containsExactly(UnavailableReason.EXPIRED);
    }

    @Test
    void lotWithExactlyTheRequiredShelfLifeIsAvailable() {
        assertThat(Availability.check(released(TODAY.plusDays(90)), StockUse.PICK, 90, TODAY)
                        .isAvailable())
                .isTrue();
    }

    @Test
    void lotWithOneDayLessThanRequiredHasShortShelfLife() {
        AvailabilityResult result = Availability.check(released(TODAY.plusDays(89)), StockUse.SHIP, 90, TODAY);
        assertThat(result.reasons()).containsExactly(UnavailableReason.SHORT_SHELF_LIFE);
        assertThat(result.message()).contains("89 days").contains("at least 90 days");
    }

    @Test
    void lotExpiringTodayHasShortShelfLifeWhenAnyMinimumIsAsked() {
        AvailabilityResult result = Availability.check(released(TODAY), StockUse.PICK, 1, TODAY);
        assertThat(result.reasons()).containsExactly(UnavailableReason.SHORT_SHELF_LIFE);
    }

    @Test
    void consumptionInProductionIgnoresTheShelfLifeMinimum() {
        assertThat(Availability.check(released(TODAY.plusDays(5)), StockUse.CONSUME, 300, TODAY)
                        .isAvailable())
                .isTrue();
        assertThat(Availability.check(released(TODAY.plusDays(5)), StockUse.PICK, 300, TODAY)
                        .isAvailable())
                .isFalse();
    }

    @Test
    void consumptionStillRefusesExpiredLots() {
        AvailabilityResult result = Availability.check(released(TODAY.minusDays(1)), StockUse.CONSUME, 0, TODAY);
        assertThat(result.reasons()).containsExactly(UnavailableReason.EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(
            value = LocationType.class,
            names = {"QUARANTINE", "RETURNS"})
    void stockInNonPickableLocationIsUnavailable(LocationType type) {
        AvailabilityResult result = Availability.check(stock(LotStatus.RELEASED, null, type), StockUse.PICK, 0, TODAY);
        assertThat(result.reasons()).containsExactly(UnavailableReason.LOCATION_NOT_PICKABLE);
        assertThat(result.message()).contains("WH-A-02").contains(type.name().toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(
            value = LocationType.class,
            names = {"RECEIVING", "STORAGE", "STAGING", "PRODUCTION", "SHIPPING"})
    void stockInPickableLocationIsAvailable(LocationType type) {
        assertThat(Availability.check(stock(LotStatus.RELEASED, null, type), StockUse.PICK, 0, TODAY)
                        .isAvailable())
                .isTrue();
    }

    @Test
    void lotOfAnotherItemThanTheLineIsWrongItem() {
        AvailabilityResult result =
                Availability.check(released(null), ItemCode.of("RM-PIGMENT"), StockUse.PICK, 0, TODAY);
        assertThat(result.reasons()).containsExactly(UnavailableReason.WRONG_ITEM);
        assertThat(result.message()).contains("RM-RESIN").contains("RM-PIGMENT");
    }

    @Test
    void lotOfTheLineItemIsNotWrongItem() {
        assertThat(Availability.check(released(null), ItemCode.of("RM-RESIN"), StockUse.PICK, 0, TODAY)
                        .isAvailable())
                .isTrue();
    }

    @Test
    void everyApplicableReasonIsReportedInOrder() {
        LotAtLocation bad = stock(LotStatus.ON_HOLD, TODAY.plusDays(3), LocationType.RETURNS);
        AvailabilityResult result = Availability.check(bad, ItemCode.of("FG-PRIMER"), StockUse.SHIP, 90, TODAY);
        assertThat(result.reasons())
                .containsExactly(
                        UnavailableReason.WRONG_ITEM,
                        UnavailableReason.ON_HOLD,
                        UnavailableReason.SHORT_SHELF_LIFE,
                        UnavailableReason.LOCATION_NOT_PICKABLE);
        assertThat(result.has(UnavailableReason.EXPIRED)).isFalse();
        assertThat(result.message().lines()).hasSize(4);
    }

    @Test
    void aLotPastItsRetestDateIsDueForRetestForEveryUseButUsableOnTheDayItself() {
        LotAtLocation due = new LotAtLocation(
                R2402,
                LotStatus.RELEASED,
                TODAY.plusDays(200),
                TODAY.minusDays(1),
                LocationCode.of("WH-A-02"),
                LocationType.STORAGE);
        for (StockUse use : StockUse.values()) {
            AvailabilityResult result = Availability.check(due, use, 0, TODAY);
            assertThat(result.reasons()).containsExactly(UnavailableReason.DUE_FOR_RETEST);
            assertThat(result.message())
                    .isEqualTo("Lot R-2402 was due for retest on 2026-11-19 — QA must retest it before it is used;"
                            + " take another lot.");
        }
        LotAtLocation today = new LotAtLocation(
                R2402, LotStatus.RELEASED, null, TODAY, LocationCode.of("WH-A-02"), LocationType.STORAGE);
        assertThat(Availability.check(today, StockUse.CONSUME, 0, TODAY).isAvailable())
                .isTrue();
    }

    @Test
    void anExpiredLotIsExpiredNotAlsoDueForRetest() {
        LotAtLocation expired = new LotAtLocation(
                R2402,
                LotStatus.RELEASED,
                TODAY.minusDays(1),
                TODAY.minusDays(5),
                LocationCode.of("WH-A-02"),
                LocationType.STORAGE);
        assertThat(Availability.check(expired, StockUse.PICK, 0, TODAY).reasons())
                .containsExactly(UnavailableReason.EXPIRED);
    }

    @Test
    void theRetestDateAReleaseGivesIsNeverAfterTheExpiry() {
        assertThat(ShelfLife.retestDateOf(TODAY, 180, null)).isEqualTo(TODAY.plusDays(180));
        assertThat(ShelfLife.retestDateOf(TODAY, 180, TODAY.plusDays(90))).isEqualTo(TODAY.plusDays(90));
        assertThatThrownBy(() -> ShelfLife.retestDateOf(TODAY, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeRequiredShelfLifeIsAProgrammingError() {
        assertThatThrownBy(() -> Availability.check(released(null), StockUse.PICK, -1, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
