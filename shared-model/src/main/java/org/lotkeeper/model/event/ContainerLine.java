package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;

/**
 * One lot quantity put into or taken out of a container (PACK / UNPACK {@code contents}).
 *
 * @param item     the item
 * @param lot      the lot
 * @param quantity how much, greater than zero
 */
public record ContainerLine(ItemCode item, LotCode lot, Quantity quantity) {

    /** Checks the invariants. */
    public ContainerLine {
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.positive(quantity, "quantity");
    }

    /** The lot. */
    public LotRef lotRef() {
        return new LotRef(item, lot);
    }
}
