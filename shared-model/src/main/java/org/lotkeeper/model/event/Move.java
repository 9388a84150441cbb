package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * MOVE: stock of a lot moves between locations (putaway, replenishment, to quarantine).
 *
 * @param item     the item
 * @param lot      the lot
 * @param quantity how much, greater than zero
 * @param from     where it was
 * @param to       where it is now
 * @param sscc     the container moved, or null
 */
public record Move(ItemCode item, LotCode lot, Quantity quantity, LocationCode from, LocationCode to, Sscc sscc)
        implements EventPayload {

    /** Checks the invariants. */
    public Move {
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.positive(quantity, "quantity");
        Checks.required(from, "from");
        Checks.required(to, "to");
    }

    @Override
    public EventType type() {
        return EventType.MOVE;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.move(this);
    }
}
