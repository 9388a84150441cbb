package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * A transfer order a sister site sent to this site, as the device knows it: what is still on its
 * way (what the sender loaded, less what the server and this device have already received).
 *
 * @param transfer the transfer order (the TRANSFER_IN's {@code transfer})
 * @param fromSite the sending site
 * @param lines    what is in transit, by lot and pallet; empty when everything has arrived
 */
public record InboundTransfer(Reference transfer, SiteCode fromSite, List<Line> lines) {

    public InboundTransfer {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(fromSite, "fromSite");
        lines = List.copyOf(lines);
    }

    /**
     * Stock of one lot in transit, loose or on one pallet.
     *
     * @param sscc     the pallet it travels on, or null for loose stock
     * @param quantity how much, in the item's base unit, greater than zero
     */
    public record Line(ItemCode item, LotCode lot, Sscc sscc, Quantity quantity) {

        public Line {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(lot, "lot");
            Objects.requireNonNull(quantity, "quantity");
        }
    }
}
