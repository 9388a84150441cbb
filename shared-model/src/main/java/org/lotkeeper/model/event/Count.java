package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * COUNT: a blind count of one lot at one location. The server computes the variance.
 *
 * @param item     the item
 * @param lot      the lot
 * @param location where it was counted
 * @param counted  what was found, zero or more (zero: the shelf is empty)
 * @param task     the count task, or null
 */
public record Count(ItemCode item, LotCode lot, LocationCode location, Quantity counted, Reference task)
        implements EventPayload {

    /** Checks the invariants. */
    public Count {
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.required(location, "location");
        Checks.required(counted, "counted");
        if (counted.signum() < 0) {
            throw new IllegalArgumentException("counted must be zero or more, not " + counted.valueText());
        }
    }

    @Override
    public EventType type() {
        return EventType.COUNT;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.count(this);
    }
}
