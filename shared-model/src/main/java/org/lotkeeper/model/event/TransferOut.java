package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * TRANSFER_OUT: stock of a lot leaves this site for a sister site on a transfer order. It is in
 * transit — on neither floor — until the receiving site's TRANSFER_IN; the lot belongs to the
 * receiving site from this event on (docs/DOMAIN.md, "Transfers between sites").
 *
 * @param transfer the transfer order (a TRANSFER task's id)
 * @param toSite   the receiving site, another site than the event's
 * @param item     the item
 * @param lot      the lot
 * @param quantity how much, greater than zero
 * @param from     where it left from
 * @param sscc     the pallet it travels on, or null for loose stock
 */
public record TransferOut(
        Reference transfer,
        SiteCode toSite,
        ItemCode item,
        LotCode lot,
        Quantity quantity,
        LocationCode from,
        Sscc sscc)
        implements EventPayload {

    /** Checks the invariants. */
    public TransferOut {
        Checks.required(transfer, "transfer");
        Checks.required(toSite, "toSite");
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.positive(quantity, "quantity");
        Checks.required(from, "from");
    }

    @Override
    public EventType type() {
        return EventType.TRANSFER_OUT;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.transferOut(this);
    }
}
