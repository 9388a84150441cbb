package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.quantity.Quantity;

/**
 * A delivery note — or a transfer order to a sister site — to load, as the device knows it: what
 * the customer (or the other site) asked for, what is already shipped (by the ledger and by this
 * device's events the server's figures may not include yet), and the lots picked for its order,
 * where they are staged.
 *
 * @param shipment the delivery note's number (the SHIP's {@code shipment}), or the transfer order's
 *                 (the TRANSFER_OUT's {@code transfer})
 * @param customer who receives a delivery note; null for a transfer order
 * @param shipTo   where it goes, or null
 * @param lines    what to ship
 * @param picked   lots picked for the order this note was made from, and not yet shipped; empty otherwise
 * @param toSite   the sister site a transfer order goes to; null for a delivery note
 */
public record ShipmentTask(
        Reference shipment,
        PartnerCode customer,
        String shipTo,
        List<Line> lines,
        List<Staged> picked,
        SiteCode toSite) {

    public ShipmentTask {
        Objects.requireNonNull(shipment, "shipment");
        if ((customer == null) == (toSite == null)) {
            throw new IllegalArgumentException("a delivery note has a customer, a transfer order a site — one of them");
        }
        lines = List.copyOf(lines);
        picked = List.copyOf(picked);
    }

    /** A delivery note. */
    public ShipmentTask(
            Reference shipment, PartnerCode customer, String shipTo, List<Line> lines, List<Staged> picked) {
        this(shipment, customer, shipTo, lines, picked, null);
    }

    /** A note with nothing on it yet but its customer (no lines: anything may be loaded). */
    public ShipmentTask(Reference shipment, PartnerCode customer) {
        this(shipment, customer, null, List.of(), List.of());
    }

    /** Whether this is a transfer order to a sister site rather than a customer's delivery note. */
    public boolean transfer() {
        return toSite != null;
    }

    /**
     * One line of the note.
     *
     * @param item     the item
     * @param lot      the lot asked for, or null (any available lot, FEFO)
     * @param quantity how much, in the item's base unit
     * @param shipped  how much of it is shipped already, in the same unit
     */
    public record Line(ItemCode item, LotCode lot, Quantity quantity, Quantity shipped) {

        public Line {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(shipped, "shipped");
        }

        /** What is still to ship; zero when the line is done. */
        public Quantity missing() {
            Quantity left = quantity.minus(shipped);
            return left.isPositive() ? left : Quantity.zero(quantity.uom());
        }
    }

    /** A lot picked for the order and staged for loading. */
    public record Staged(ItemCode item, LotCode lot, LocationCode location, Quantity quantity) {}
}
