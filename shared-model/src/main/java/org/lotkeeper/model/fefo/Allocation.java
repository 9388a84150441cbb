package org.lotkeeper.model.fefo;

import java.util.Objects;

import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;

/**
 * Pick this much of this lot from this location.
 *
 * @param lot      the lot
 * @param location where to take it from
 * @param quantity how much, greater than zero, in the order line's unit
 */
public record Allocation(LotRef lot, LocationCode location, Quantity quantity) {

    /** Validates the allocation: a positive quantity. */
    public Allocation {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(quantity, "quantity").requirePositive();
    }
}
