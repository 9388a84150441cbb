package org.lotkeeper.model.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;

/**
 * Work for a device (pull {@code tasks[]}): a pick list, an expected receipt, a count task, a
 * delivery note, a return authorisation ({@link TaskKind}). The kind is text on the wire so new
 * kinds need no new client; a device shows kinds it does not know as plain lists.
 *
 * @param id      the task's reference (a COUNT event names it in {@code task}; a PICK task's id is
 *                the order; a SHIP task's the delivery note, which SHIP events name as their
 *                {@code shipment}; a RETURN task's the RMA, which RETURN events name as their
 *                {@code reference})
 * @param kind    what kind of task, a {@link TaskKind} name
 * @param lines   what to do; empty when none
 * @param partner the customer of a pick, delivery note or RMA, the supplier of an expected
 *                receipt, or null
 * @param shipTo  a delivery note's ship-to (the customer's delivery address or GLN), or null
 * @param picked  a delivery note made from an order: the lots picked for that order and not yet
 *                shipped, where they are staged (item, lot, location, quantity); empty otherwise
 * @param fromSite a transfer order's sending site, or null
 * @param toSite   a transfer order's receiving site, or null; when it is the device's own site the
 *                 task is one to receive against
 * @param inTransit a transfer order's stock sent and not yet arrived (lot, pallet, quantity in the
 *                 item's base unit); sent to the receiving site's devices, empty otherwise
 * @param partnerLocation which of the partner's locations the task names — a delivery note's or
 *                 pick list's ship-to, an expected receipt's or RMA's ship-from — or null
 */
public record TaskRow(
        Reference id,
        String kind,
        List<Line> lines,
        PartnerCode partner,
        String shipTo,
        List<Line> picked,
        SiteCode fromSite,
        SiteCode toSite,
        List<Transit> inTransit,
        Place partnerLocation) {

    /**
     * One of a partner's ship-from / ship-to locations, as the device shows it.
     *
     * @param code    its code within the partner
     * @param name    its name
     * @param address its address on one line, or null when master data has none
     * @param gln     its GLN, or null
     */
    public record Place(String code, String name, String address, String gln) {

        /** Checks the invariants. */
        public Place {
            Objects.requireNonNull(code, "code is required");
            Objects.requireNonNull(name, "name is required");
        }

        /** "Dock 2 (Harbor Paints Rotterdam, 1 Quay Road, Rotterdam, NL)" — the name, then the address when known. */
        public String describe() {
            return address == null || address.isBlank() ? name : name + " (" + address + ")";
        }
    }

    /** A task naming none of its partner's locations. */
    public TaskRow(
            Reference id,
            String kind,
            List<Line> lines,
            PartnerCode partner,
            String shipTo,
            List<Line> picked,
            SiteCode fromSite,
            SiteCode toSite,
            List<Transit> inTransit) {
        this(id, kind, lines, partner, shipTo, picked, fromSite, toSite, inTransit, null);
    }

    /** Checks the invariants; copies the lists. */
    public TaskRow {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(kind, "kind is required");
        lines = lines == null ? List.of() : List.copyOf(lines);
        picked = picked == null ? List.of() : List.copyOf(picked);
        inTransit = inTransit == null ? List.of() : List.copyOf(inTransit);
    }

    /** A task that is not a transfer order. */
    public TaskRow(Reference id, String kind, List<Line> lines, PartnerCode partner, String shipTo, List<Line> picked) {
        this(id, kind, lines, partner, shipTo, picked, null, null, List.of());
    }

    /** A task without a ship-to or picked lots. */
    public TaskRow(Reference id, String kind, List<Line> lines, PartnerCode partner) {
        this(id, kind, lines, partner, null, List.of());
    }

    /** A task without a partner. */
    public TaskRow(Reference id, String kind, List<Line> lines) {
        this(id, kind, lines, null);
    }

    /**
     * Stock of a transfer order on its way: sent by TRANSFER_OUT, not yet received by TRANSFER_IN.
     *
     * @param item     the item
     * @param lot      the lot
     * @param sscc     the pallet it travels on, or null for loose stock
     * @param quantity how much, in the item's base unit, greater than zero
     */
    public record Transit(ItemCode item, LotCode lot, Sscc sscc, Quantity quantity) {

        /** Checks the invariants. */
        public Transit {
            Objects.requireNonNull(item, "item is required");
            Objects.requireNonNull(lot, "lot is required");
            Objects.requireNonNull(quantity, "quantity is required");
        }
    }

    /** The kind, when it is one this model knows. */
    public Optional<TaskKind> knownKind() {
        return TaskKind.of(kind);
    }

    /**
     * One line of a task; which fields are set depends on the kind.
     *
     * @param item     the item
     * @param lot      the lot, or null (a pick line leaves it to FEFO; a delivery-note line may name one)
     * @param location the location, or null
     * @param quantity the quantity, or null (a blind count has none)
     * @param order    the order, or null
     * @param done     how much of the line the ledger already holds (shipped on a delivery note,
     *                 returned on an RMA), or null when nothing
     * @param reason   why it may come back (an RMA line), or null
     */
    public record Line(
            ItemCode item,
            LotCode lot,
            LocationCode location,
            Quantity quantity,
            Reference order,
            Quantity done,
            String reason) {

        /** Checks the invariants. */
        public Line {
            Objects.requireNonNull(item, "item is required");
        }

        /** A line with nothing done and no reason. */
        public Line(ItemCode item, LotCode lot, LocationCode location, Quantity quantity, Reference order) {
            this(item, lot, location, quantity, order, null, null);
        }
    }
}
