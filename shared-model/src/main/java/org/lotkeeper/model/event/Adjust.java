package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * ADJUST: adds (positive delta) or removes (negative delta) stock of a lot at a location, with a
 * reason — an approved count variance, scrap.
 *
 * @param item     the item
 * @param lot      the lot
 * @param location where
 * @param delta    the signed change, never zero
 * @param reason   why, as free text
 */
public record Adjust(ItemCode item, LotCode lot, LocationCode location, Quantity delta, String reason)
        implements EventPayload {

    /** Checks the invariants. */
    public Adjust {
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.required(location, "location");
        Checks.required(delta, "delta");
        if (delta.isZero()) {
            throw new IllegalArgumentException("delta must not be zero");
        }
        Texts.requireFreeText("reason", reason);
    }

    @Override
    public EventType type() {
        return EventType.ADJUST;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.adjust(this);
    }
}
