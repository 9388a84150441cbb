package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * RETURN: stock of a shipped lot comes back from a customer into a RETURNS location.
 *
 * @param customer  the customer returning it
 * @param reference the return authorisation or delivery note
 * @param item      the item
 * @param lot       the lot
 * @param quantity  how much, greater than zero
 * @param to        where it was put (a RETURNS location)
 * @param reason    why, as free text
 */
public record Return(
        PartnerCode customer,
        Reference reference,
        ItemCode item,
        LotCode lot,
        Quantity quantity,
        LocationCode to,
        String reason)
        implements EventPayload {

    /** Checks the invariants. */
    public Return {
        Checks.required(customer, "customer");
        Checks.required(reference, "reference");
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.positive(quantity, "quantity");
        Checks.required(to, "to");
        Texts.requireFreeText("reason", reason);
    }

    @Override
    public EventType type() {
        return EventType.RETURN;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.returned(this);
    }
}
