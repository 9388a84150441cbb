package org.lotkeeper.model.lot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Shelf-life arithmetic on calendar dates (the plant's local date; no time zones here).
 *
 * <p><b>Expiry convention.</b> The expiry date is the last day a lot may be used, as on a GS1
 * label (AI 17): a lot expiring today is still usable today and is expired from tomorrow on.
 * So a lot is expired when {@code expiry < today}, and its remaining shelf life is the number of
 * days from today to the expiry date (0 on the expiry day itself).
 */
public final class ShelfLife {

    private ShelfLife() {}

    /**
     * The expiry date of a produced lot: the production date plus the item's shelf life in days
     * (the production day is day 0, so 365 days from 2026-11-17 is 2027-11-17).
     *
     * @throws IllegalArgumentException when {@code shelfLifeDays} is negative
     */
    public static LocalDate expiryOf(LocalDate productionDate, int shelfLifeDays) {
        Objects.requireNonNull(productionDate, "productionDate");
        requireDays("shelf life", shelfLifeDays);
        return productionDate.plusDays(shelfLifeDays);
    }

    /** Expired when the expiry date lies before today; a lot without expiry never expires. */
    public static boolean isExpired(LocalDate expiry, LocalDate today) {
        Objects.requireNonNull(today, "today");
        return expiry != null && expiry.isBefore(today);
    }

    /**
     * The retest date a lot gets from a day (its release, or the day QA retested it): that day plus
     * the item's retest interval, never later than the expiry (a lot is not retested into a life it
     * does not have). Like the expiry, it is the last day the lot may be used.
     *
     * @param from          the day the interval runs from
     * @param intervalDays  the item's {@code retestIntervalDays}, 1 or more
     * @param expiry        the lot's expiry, or null
     */
    public static LocalDate retestDateOf(LocalDate from, int intervalDays, LocalDate expiry) {
        Objects.requireNonNull(from, "from");
        if (intervalDays < 1) {
            throw new IllegalArgumentException("a retest interval is at least 1 day, not " + intervalDays);
        }
        return usableUntil(expiry, from.plusDays(intervalDays));
    }

    /** Due for retest when the retest date lies before today (the same convention as expiry). */
    public static boolean isDueForRetest(LocalDate retestDate, LocalDate today) {
        return isExpired(retestDate, today);
    }

    /** The earlier of two last days, where null means "no limit". */
    public static LocalDate usableUntil(LocalDate expiry, LocalDate retestDate) {
        if (expiry == null) {
            return retestDate;
        }
        return retestDate == null || expiry.isBefore(retestDate) ? expiry : retestDate;
    }

    /**
     * Days from today to the expiry date: 0 on the expiry day, negative once expired. Not
     * defined for a lot without expiry (its shelf life is unlimited); the caller checks that.
     */
    public static long remainingDays(LocalDate expiry, LocalDate today) {
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(today, "today");
        return ChronoUnit.DAYS.between(today, expiry);
    }

    /**
     * The minimum remaining shelf life an order line asks for: the larger of the customer's and
     * the item's {@code minRemainingShelfLifeDays} (each 0 when not set).
     *
     * @throws IllegalArgumentException when either is negative
     */
    public static int requiredRemainingDays(int customerMinDays, int itemMinDays) {
        requireDays("customer minimum remaining shelf life", customerMinDays);
        requireDays("item minimum remaining shelf life", itemMinDays);
        return Math.max(customerMinDays, itemMinDays);
    }

    static int requireDays(String what, int days) {
        if (days < 0) {
            throw new IllegalArgumentException(what + " must be 0 or more days, not " + days);
        }
        return days;
    }
}
