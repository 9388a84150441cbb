package org.lotkeeper.model.lot;

import java.time.LocalDate;
import java.util.Objects;

import org.lotkeeper.model.id.LocationCode;

/**
 * The facts about one lot at one location that decide whether that stock is available.
 *
 * @param lot          the lot
 * @param status       the lot's stored status
 * @param expiry       the lot's expiry date, or {@code null} when it has none (never expires)
 * @param retestDate   the last day the lot may be used before QA retests it, or {@code null} when it
 *                     has none (docs/QUALITY-CONTROL.md); never later than the expiry
 * @param location     where the stock is
 * @param locationType the type of that location
 */
public record LotAtLocation(
        LotRef lot,
        LotStatus status,
        LocalDate expiry,
        LocalDate retestDate,
        LocationCode location,
        LocationType locationType) {

    public LotAtLocation {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(locationType, "locationType");
    }

    /** The last day the lot may be used: the earlier of expiry and retest date; null when neither is set. */
    public LocalDate usableUntil() {
        return ShelfLife.usableUntil(expiry, retestDate);
    }
}
