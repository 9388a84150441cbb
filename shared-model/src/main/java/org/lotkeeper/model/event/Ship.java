package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * SHIP: stock leaves to a customer on a shipment — the forward link of the genealogy.
 *
 * @param shipment the shipment
 * @param customer the customer
 * @param item     the item
 * @param lot      the lot
 * @param quantity how much, greater than zero
 * @param from     where it left from
 * @param sscc     the container shipped, or null
 */
public record Ship(
        Reference shipment,
        PartnerCode customer,
        ItemCode item,
        LotCode lot,
        Quantity quantity,
        LocationCode from,
        Sscc sscc)
        implements EventPayload {

    /** Checks the invariants. */
    public Ship {
        Checks.required(shipment, "shipment");
        Checks.required(customer, "customer");
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.positive(quantity, "quantity");
        Checks.required(from, "from");
    }

    @Override
    public EventType type() {
        return EventType.SHIP;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.ship(this);
    }
}
