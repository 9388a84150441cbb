package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * PICK: stock moves to staging against an order line. Records the device's FEFO suggestion and,
 * when another lot was taken, the reason; {@link DeviationReason#OTHER} needs a note.
 *
 * @param order           the order
 * @param item            the item
 * @param lot             the lot picked
 * @param quantity        how much, greater than zero
 * @param from            where it was picked
 * @param to              the staging location
 * @param customer        the order's customer, or null
 * @param suggestedLot    the lot FEFO suggested, or null
 * @param deviationReason why another lot was picked, or null
 * @param note            a note, or null; required with reason OTHER
 * @param sscc            the pallet picked whole (the lot's quantity on it moves with it), or null
 */
public record Pick(
        Reference order,
        ItemCode item,
        LotCode lot,
        Quantity quantity,
        LocationCode from,
        LocationCode to,
        PartnerCode customer,
        LotCode suggestedLot,
        DeviationReason deviationReason,
        String note,
        Sscc sscc)
        implements EventPayload {

    /** Checks the invariants. */
    public Pick {
        Checks.required(order, "order");
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.positive(quantity, "quantity");
        Checks.required(from, "from");
        Checks.required(to, "to");
        Texts.optionalFreeText("note", note);
        if (deviationReason == DeviationReason.OTHER && note == null) {
            throw new IllegalArgumentException("deviation reason OTHER needs a note");
        }
    }

    @Override
    public EventType type() {
        return EventType.PICK;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.pick(this);
    }
}
