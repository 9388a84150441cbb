package org.lotkeeper.model.fefo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.quantity.Quantity;

/**
 * One stock row the planner may pick from: a lot's on-hand quantity at one location, with the facts
 * that decide availability and FEFO order. At most one row per (lot, location).
 *
 * @param lot          the lot
 * @param location     where the stock is
 * @param locationType that location's type (QUARANTINE and RETURNS are not pickable)
 * @param pickSequence the location's pick sequence (lower is walked first)
 * @param quantity     on hand, in the item's base unit; rows at zero or below are never allocated
 * @param status       the lot's status
 * @param expiry       the lot's expiry date, or {@code null} when it never expires
 * @param retestDate   the lot's retest date, or {@code null} when it has none
 * @param receivedAt   when the lot was received or produced (FIFO among equal expiry), or
 *                     {@code null} when unknown (sorted after every known time)
 */
public record StockCandidate(
        LotRef lot,
        LocationCode location,
        LocationType locationType,
        int pickSequence,
        Quantity quantity,
        LotStatus status,
        LocalDate expiry,
        LocalDate retestDate,
        Instant receivedAt) {

    public StockCandidate {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(locationType, "locationType");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(status, "status");
    }

    /** The same stock with another quantity (what is left of it once some is taken). */
    public StockCandidate withQuantity(Quantity other) {
        return new StockCandidate(
                lot, location, locationType, pickSequence, other, status, expiry, retestDate, receivedAt);
    }

    /** The same stock with another retest date. */
    public StockCandidate withRetestDate(LocalDate other) {
        return new StockCandidate(
                lot, location, locationType, pickSequence, quantity, status, expiry, other, receivedAt);
    }

    /** The facts {@link org.lotkeeper.model.lot.Availability} judges. */
    public LotAtLocation facts() {
        return new LotAtLocation(lot, status, expiry, retestDate, location, locationType);
    }

    /** The last day the lot may be used (expiry or retest date, whichever is first); null for no limit. */
    public LocalDate usableUntil() {
        return ShelfLife.usableUntil(expiry, retestDate);
    }
}
