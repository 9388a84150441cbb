package org.lotkeeper.model.wire;

import java.util.Objects;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;

/**
 * Stock on hand of one lot at one location (pull {@code stock[]}). In an incremental pull a zero
 * quantity means the row is gone.
 *
 * @param item     the item
 * @param lot      the lot
 * @param location where
 * @param quantity how much, in the item's base unit (may be negative after a flagged event)
 */
public record StockRow(ItemCode item, LotCode lot, LocationCode location, Quantity quantity) {

    /** Checks the invariants. */
    public StockRow {
        Objects.requireNonNull(item, "item is required");
        Objects.requireNonNull(lot, "lot is required");
        Objects.requireNonNull(location, "location is required");
        Objects.requireNonNull(quantity, "quantity is required");
    }

    /** The lot's identity. */
    public LotRef ref() {
        return new LotRef(item, lot);
    }
}
