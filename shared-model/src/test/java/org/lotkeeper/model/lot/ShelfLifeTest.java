package org.lotkeeper.model.lot;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShelfLifeTest {

    @Test
    void producedLotExpiresShelfLifeDaysAfterProduction() {
        // riverside: PR-1001 produced 2026-11-17, FG-PRIMER shelf life 365 days, label expiry 2027-11-17
        assertThat(ShelfLife.expiryOf(LocalDate.of(2026, 11, 17), 365)).isEqualTo(LocalDate.of(2027, 11, 17));
    }

    @Test
    void shelfLifeCountsLeapDays() {
        assertThat(ShelfLife.expiryOf(LocalDate.of(2028, 1, 1), 365)).isEqualTo(LocalDate.of(2028, 12, 31));
    }

    @Test
    void zeroShelfLifeExpiresOnTheProductionDay() {
        assertThat(ShelfLife.expiryOf(LocalDate.of(2026, 11, 17), 0)).isEqualTo(LocalDate.of(2026, 11, 17));
    }

    @Test
    void negativeShelfLifeIsRefused() {
        assertThatThrownBy(() -> ShelfLife.expiryOf(LocalDate.of(2026, 11, 17), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remainingDaysAreZeroOnTheExpiryDayAndNegativeAfter() {
        LocalDate expiry = LocalDate.of(2027, 1, 31);
        assertThat(ShelfLife.remainingDays(expiry, LocalDate.of(2027, 1, 30))).isEqualTo(1);
        assertThat(ShelfLife.remainingDays(expiry, expiry)).isZero();
        assertThat(ShelfLife.remainingDays(expiry, LocalDate.of(2027, 2, 1))).isEqualTo(-1);
    }

    @Test
    void lotIsExpiredOnlyAfterItsExpiryDay() {
        LocalDate expiry = LocalDate.of(2027, 1, 31);
        assertThat(ShelfLife.isExpired(expiry, expiry)).isFalse();
        assertThat(ShelfLife.isExpired(expiry, expiry.plusDays(1))).isTrue();
        assertThat(ShelfLife.isExpired(null, expiry)).isFalse();
    }

    @Test
    void requiredRemainingShelfLifeIsTheLargerOfCustomerAndItem() {
        assertThat(ShelfLife.requiredRemainingDays(300, 90)).isEqualTo(300);
        assertThat(ShelfLife.requiredRemainingDays(0, 90)).isEqualTo(90);
        assertThat(ShelfLife.requiredRemainingDays(0, 0)).isZero();
        assertThatThrownBy(() -> ShelfLife.requiredRemainingDays(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
