package org.lotkeeper.model.event;

import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * TRANSFER_IN: stock a sister site sent on a transfer order arrives at this site and is put at
 * {@code to}. The lot keeps its status, expiry, documents and history: it is the same lot.
 *
 * @param transfer the transfer order the goods came on
 * @param fromSite the sending site
 * @param item     the item
 * @param lot      the lot
 * @param quantity how much arrived, greater than zero
 * @param to       where it was put
 * @param sscc     the pallet it came on, or null for loose stock
 */
public record TransferIn(
        Reference transfer,
        SiteCode fromSite,
        ItemCode item,
        LotCode lot,
        Quantity quantity,
        LocationCode to,
        Sscc sscc)
        implements EventPayload {

    /** Checks the invariants. */
    public TransferIn {
        Checks.required(transfer, "transfer");
        Checks.required(fromSite, "fromSite");
        Checks.required(item, "item");
        Checks.required(lot, "lot");
        Checks.positive(quantity, "quantity");
        Checks.required(to, "to");
    }

    @Override
    public EventType type() {
        return EventType.TRANSFER_IN;
    }

    @Override
    public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
        return visitor.transferIn(this);
    }
}
