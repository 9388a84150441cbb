package org.lotkeeper.model.wire;

import java.util.Objects;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * What a container (a pallet's SSCC) holds of one lot at one location (pull {@code containers[]}).
 * In an incremental pull a zero quantity means the lot is no longer on it there.
 *
 * @param sscc     the container
 * @param item     the item
 * @param lot      the lot
 * @param location where the container is
 * @param quantity how much, in the item's base unit
 */
public record ContainerRow(Sscc sscc, ItemCode item, LotCode lot, LocationCode location, Quantity quantity) {

    /** Checks the invariants. */
    public ContainerRow {
        Objects.requireNonNull(sscc, "sscc is required");
        Objects.requireNonNull(item, "item is required");
        Objects.requireNonNull(lot, "lot is required");
        Objects.requireNonNull(location, "location is required");
        Objects.requireNonNull(quantity, "quantity is required");
    }
}
