package org.lotkeeper.model.lot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.id.ItemCode;

/**
 * Whether stock may be picked, shipped or consumed (docs/DOMAIN.md): status RELEASED, not expired,
 * not past its retest date (docs/QUALITY-CONTROL.md), enough remaining shelf life for the order (picking and shipping only), and in a location whose
 * type allows picking. The same function serves the device (blocking a scan) and the server
 * (the LOT_NOT_AVAILABLE flag, pick lists).
 *
 * <p>Every reason that applies is reported, so the operator learns all of them at once. An
 * expired lot is reported as {@link UnavailableReason#EXPIRED} only, never also as
 * {@link UnavailableReason#SHORT_SHELF_LIFE}. A lot expiring today is not expired (see
 * {@link ShelfLife}); with a minimum of 0 days it is still available today.
 */
public final class Availability {

    private Availability() {}

    /**
     * Judges stock for a use.
     *
     * @param stock                        the lot at its location
     * @param use                          what the stock is for; CONSUME ignores the minimum
     *                                     remaining shelf life
     * @param requiredRemainingShelfLifeDays the order's minimum remaining shelf life (0 for none),
     *                                     see {@link ShelfLife#requiredRemainingDays(int, int)}
     * @param today                        the plant's current date
     * @throws IllegalArgumentException when the required days are negative
     */
    public static AvailabilityResult check(
            LotAtLocation stock, StockUse use, int requiredRemainingShelfLifeDays, LocalDate today) {
        return check(stock, null, use, requiredRemainingShelfLifeDays, today);
    }

    /**
     * Judges stock against an order line or batch input that asks for {@code expectedItem}: as
     * {@link #check(LotAtLocation, StockUse, int, LocalDate)}, plus
     * {@link UnavailableReason#WRONG_ITEM} when the lot is of another item.
     *
     * @param expectedItem the item asked for, or {@code null} not to check the item
     */
    public static AvailabilityResult check(
            LotAtLocation stock,
            ItemCode expectedItem,
            StockUse use,
            int requiredRemainingShelfLifeDays,
            LocalDate today) {
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(today, "today");
        ShelfLife.requireDays("required remaining shelf life", requiredRemainingShelfLifeDays);
        String lot = stock.lot().lot().value();
        List<Unavailability> problems = new ArrayList<>(2);

        if (expectedItem != null && !expectedItem.equals(stock.lot().item())) {
            problems.add(new Unavailability(
                    UnavailableReason.WRONG_ITEM,
                    "Lot " + lot + " is " + stock.lot().item() + ", but this line asks for " + expectedItem
                            + "; take a lot of " + expectedItem + "."));
        }

        switch (stock.status()) {
            case RELEASED -> {}
            case QUARANTINE ->
                problems.add(new Unavailability(
                        UnavailableReason.QUARANTINE,
                        "Lot " + lot + " is in quarantine — QA has not released it; take another lot."));
            case ON_HOLD ->
                problems.add(new Unavailability(
                        UnavailableReason.ON_HOLD,
                        "Lot " + lot + " is on hold — it may not be used until QA releases it; take another lot."));
            case REJECTED ->
                problems.add(new Unavailability(
                        UnavailableReason.REJECTED,
                        "Lot " + lot
                                + " was rejected by QA — it must not be used; set it aside and take another lot."));
            case RECALLED ->
                problems.add(
                        new Unavailability(
                                UnavailableReason.RECALLED,
                                "Lot " + lot
                                        + " is recalled — do not use it; set it aside, tell your supervisor and take another lot."));
        }

        LocalDate expiry = stock.expiry();
        if (expiry != null) {
            long remaining = ShelfLife.remainingDays(expiry, today);
            if (remaining < 0) {
                problems.add(new Unavailability(
                        UnavailableReason.EXPIRED,
                        "Lot " + lot + " expired on " + expiry + " — it must not be used; take another lot."));
            } else if (use.minimumShelfLifeApplies() && remaining < requiredRemainingShelfLifeDays) {
                problems.add(new Unavailability(
                        UnavailableReason.SHORT_SHELF_LIFE,
                        "Lot " + lot + " expires on " + expiry + ", in " + remaining
                                + (remaining == 1 ? " day" : " days")
                                + "; this order needs at least " + requiredRemainingShelfLifeDays
                                + " days of shelf life; take a lot that expires later."));
            }
        }

        if (!ShelfLife.isExpired(expiry, today) && ShelfLife.isDueForRetest(stock.retestDate(), today)) {
            problems.add(new Unavailability(
                    UnavailableReason.DUE_FOR_RETEST,
                    "Lot " + lot + " was due for retest on " + stock.retestDate()
                            + " — QA must retest it before it is used; take another lot."));
        }

        if (!stock.locationType().pickable()) {
            problems.add(new Unavailability(
                    UnavailableReason.LOCATION_NOT_PICKABLE,
                    "Lot " + lot + " at " + stock.location() + " is in a "
                            + stock.locationType().name().toLowerCase(java.util.Locale.ROOT)
                            + " location — stock there may not be picked; take it from another location."));
        }

        return problems.isEmpty() ? AvailabilityResult.available() : new AvailabilityResult(problems);
    }
}
