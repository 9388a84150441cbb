package org.lotkeeper.server.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.db.RowWriter;

import static org.lotkeeper.server.db.RowWriter.column;

/**
 * The rows ingest adds to the projection tables besides lots and stock: one record per table, and
 * the statement that writes it, its columns named beside the record's values. Quantities are in the
 * item's base unit.
 */
final class ProjectionRows {

    private ProjectionRows() {}

    /** A line of {@code receipt}: a RECEIVE. */
    record Receipt(
            UUID eventId,
            LotRef lot,
            PartnerCode supplier,
            LotCode supplierLot,
            Reference reference,
            Quantity quantity,
            LocationCode location,
            Instant receivedAt) {}

    /** A line of {@code shipment_line}: a SHIP. */
    record Shipment(
            UUID eventId,
            Reference shipment,
            PartnerCode customer,
            LotRef lot,
            Quantity quantity,
            LocationCode location,
            Instant shippedAt) {}

    /** A line of {@code pick_line}: a PICK, by its order; the quantity as captured (for delivery notes made from the order). */
    record Picked(
            UUID eventId,
            Reference order,
            SiteCode site,
            LotRef lot,
            LocationCode from,
            LocationCode to,
            Quantity quantity,
            Instant pickedAt) {}

    /** A line of {@code return_line}: a RETURN. */
    record Returned(
            UUID eventId,
            PartnerCode customer,
            Reference reference,
            LotRef lot,
            Quantity quantity,
            LocationCode location,
            String reason,
            Instant returnedAt) {}

    /** A genealogy link of {@code lot_link}: one input lot of a TRANSFORM feeding one output lot. */
    record Link(
            LotRef from,
            LotRef to,
            Quantity quantity,
            TransformKind kind,
            Reference batch,
            UUID eventId,
            Instant occurredAt) {}

    /** A {@code count_variance}: a COUNT that differs from the ledger, pending a supervisor's decision. */
    record Variance(
            UUID eventId,
            SiteCode site,
            LotRef lot,
            LocationCode location,
            BigDecimal counted,
            BigDecimal expected,
            Uom uom) {}

    /** An {@code exception} row for the supervisor: one per flag an event raised. */
    record Flagged(UUID eventId, SiteCode site, Flag flag, LotRef lot, String detail, Instant raisedAt) {}

    static final RowWriter<Receipt> RECEIPTS = RowWriter.insert(
            "receipt",
            "",
            List.of(
                    column("event_id", Receipt::eventId),
                    column("item", r -> r.lot().item()),
                    column("lot", r -> r.lot().lot()),
                    column("supplier", Receipt::supplier),
                    column("supplier_lot", Receipt::supplierLot),
                    column("reference", Receipt::reference),
                    column("quantity", r -> r.quantity().value()),
                    column("uom", r -> r.quantity().uom()),
                    column("location", Receipt::location),
                    column("received_at", Receipt::receivedAt)));

    static final RowWriter<Shipment> SHIPMENTS = RowWriter.insert(
            "shipment_line",
            "",
            List.of(
                    column("event_id", Shipment::eventId),
                    column("shipment", Shipment::shipment),
                    column("customer", Shipment::customer),
                    column("item", s -> s.lot().item()),
                    column("lot", s -> s.lot().lot()),
                    column("quantity", s -> s.quantity().value()),
                    column("uom", s -> s.quantity().uom()),
                    column("location", Shipment::location),
                    column("shipped_at", Shipment::shippedAt)));

    static final RowWriter<Picked> PICKS = RowWriter.insert(
            "pick_line",
            "",
            List.of(
                    column("event_id", Picked::eventId),
                    column("order_ref", Picked::order),
                    column("site", Picked::site),
                    column("item", p -> p.lot().item()),
                    column("lot", p -> p.lot().lot()),
                    column("from_location", Picked::from),
                    column("to_location", Picked::to),
                    column("quantity", p -> p.quantity().value()),
                    column("uom", p -> p.quantity().uom()),
                    column("picked_at", Picked::pickedAt)));

    static final RowWriter<Returned> RETURNS = RowWriter.insert(
            "return_line",
            "",
            List.of(
                    column("event_id", Returned::eventId),
                    column("customer", Returned::customer),
                    column("reference", Returned::reference),
                    column("item", r -> r.lot().item()),
                    column("lot", r -> r.lot().lot()),
                    column("quantity", r -> r.quantity().value()),
                    column("uom", r -> r.quantity().uom()),
                    column("location", Returned::location),
                    column("reason", Returned::reason),
                    column("returned_at", Returned::returnedAt)));

    static final RowWriter<Link> LINKS = RowWriter.insert(
            "lot_link",
            "",
            List.of(
                    column("from_item", l -> l.from().item()),
                    column("from_lot", l -> l.from().lot()),
                    column("to_item", l -> l.to().item()),
                    column("to_lot", l -> l.to().lot()),
                    column("quantity", l -> l.quantity().value()),
                    column("uom", l -> l.quantity().uom()),
                    column("kind", Link::kind),
                    column("batch", Link::batch),
                    column("event_id", Link::eventId),
                    column("occurred_at", Link::occurredAt)));

    static final RowWriter<Variance> VARIANCES = RowWriter.insert(
            "count_variance",
            "",
            List.of(
                    column("event_id", Variance::eventId),
                    column("site", Variance::site),
                    column("item", v -> v.lot().item()),
                    column("lot", v -> v.lot().lot()),
                    column("location", Variance::location),
                    column("counted", Variance::counted),
                    column("expected", Variance::expected),
                    column("uom", Variance::uom)));

    static final RowWriter<Flagged> EXCEPTIONS = RowWriter.insert(
            "exception",
            "",
            List.of(
                    column("event_id", Flagged::eventId),
                    column("site", Flagged::site),
                    column("flag", Flagged::flag),
                    column("item", e -> e.lot() == null ? null : e.lot().item()),
                    column("lot", e -> e.lot() == null ? null : e.lot().lot()),
                    column("detail", Flagged::detail),
                    column("raised_at", Flagged::raisedAt)));
}
