package org.lotkeeper.server.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.ContainerLine;
import org.lotkeeper.model.event.Count;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.fefo.Fefo;
import org.lotkeeper.model.fefo.OrderLine;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.Availability;
import org.lotkeeper.model.lot.AvailabilityResult;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.lot.StockUse;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.masterdata.MasterDataLookup.ItemInfo;
import org.lotkeeper.server.masterdata.MasterDataLookup.LocationInfo;
import org.lotkeeper.server.masterdata.MasterDataLookup.PartnerInfo;

/**
 * Applies one stored event to the projections — stock, lots, genealogy links, receipts,
 * shipments, returns, count variances — in the ingest transaction, and judges the rules that
 * raise flags (DOMAIN.md), against the ledger as it stands at that moment (arrival order).
 */
final class Projector {

    /** Stock in these locations is committed to an order or a line; FEFO does not offer it again. */
    static final Set<LocationType> NOT_FEFO_CANDIDATES = Set.of(LocationType.STAGING, LocationType.SHIPPING);

    /** Everything a projection step needs to know besides the event. */
    record Context(Connection connection, Instant now, Map<String, ItemInfo> items, Map<String, LocationInfo> locations,
                   Map<String, PartnerInfo> partners, Function<Collection<String>, Map<String, LocationInfo>> moreLocations) {
        LocalDate today() {
            return LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        ItemInfo item(ItemCode code) {
            return items.get(code.value());
        }

        LocationInfo location(LocationCode code) {
            return locations.get(code.value());
        }
    }

    /** A lot as the projection holds it. */
    record LotState(LotRef ref, LotStatus status, LocalDate expiry, Instant createdAt, String origin) {
    }

    private final Context ctx;
    private final Connection c;
    private final Event event;
    private final UUID eventId;
    private final String site;
    private final List<RaisedFlag> flags = new ArrayList<>();

    private Projector(Context ctx, Event event) {
        this.ctx = ctx;
        this.c = ctx.connection();
        this.event = event;
        this.eventId = event.eventId().value();
        this.site = event.site().value();
    }

    /** Applies the event and answers the flags it raised. */
    static List<RaisedFlag> apply(Context ctx, Event event) throws SQLException {
        Projector p = new Projector(ctx, event);
        p.clockSkew();
        p.dispatch(event.payload());
        return p.flags;
    }

    private void dispatch(EventPayload payload) throws SQLException {
        if (payload instanceof Receive r) {
            receive(r);
        } else if (payload instanceof Move m) {
            move(m);
        } else if (payload instanceof Pick p) {
            pick(p);
        } else if (payload instanceof Count n) {
            count(n);
        } else if (payload instanceof Ship s) {
            ship(s);
        } else if (payload instanceof Transform t) {
            transform(t);
        } else if (payload instanceof StatusChange s) {
            status(s);
        } else if (payload instanceof Return r) {
            returned(r);
        } else if (payload instanceof Adjust a) {
            adjust(a);
        } else if (payload instanceof Pack p) {
            pack(p.location(), p.sscc(), p.contents(), true);
        } else if (payload instanceof Unpack u) {
            pack(u.location(), u.sscc(), u.contents(), false);
        } else {
            throw new IllegalStateException("no projection for " + payload.type());
        }
    }

    private void clockSkew() {
        if (event.occurredAt().isAfter(ctx.now().plus(IngestService.CLOCK_SKEW_TOLERANCE))) {
            flags.add(new RaisedFlag(Flag.CLOCK_SKEW, null, "device time " + event.occurredAt() + " is ahead of server time "
                    + ctx.now() + " by more than " + IngestService.CLOCK_SKEW_TOLERANCE.toMinutes() + " minutes"));
        }
    }

    // ---- event types -------------------------------------------------------------------------

    private void receive(Receive r) throws SQLException {
        LotRef ref = new LotRef(r.item(), r.lot());
        ItemInfo item = ctx.item(r.item());
        Quantity q = base(r.item(), r.quantity());
        LotState lot = lockLot(ref);
        if (lot == null) {
            Jdbc.update(c, "INSERT INTO lot (item, lot, site, status, expiry, manufactured, origin, supplier, supplier_lot, created_at, first_event_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?)",
                    r.item().value(), r.lot().value(), site, LotStatusRules.initialStatus(item.qcRequired()).name(), r.expiry(),
                    r.manufactured(), r.supplier().value(), r.supplierLot() == null ? null : r.supplierLot().value(),
                    event.occurredAt(), eventId);
        } else {
            // More of a known lot: its status stays; a lot first seen in a movement learns where it came from.
            Jdbc.update(c, "UPDATE lot SET origin = CASE WHEN origin = 'UNKNOWN' THEN 'RECEIVED' ELSE origin END, "
                            + "supplier = COALESCE(supplier, ?), supplier_lot = COALESCE(supplier_lot, ?), expiry = COALESCE(expiry, ?), "
                            + "manufactured = COALESCE(manufactured, ?), changed_xid = pg_current_xact_id() WHERE item = ? AND lot = ?",
                    r.supplier().value(), r.supplierLot() == null ? null : r.supplierLot().value(), r.expiry(), r.manufactured(),
                    r.item().value(), r.lot().value());
        }
        Jdbc.update(c, "INSERT INTO receipt (event_id, item, lot, supplier, supplier_lot, reference, quantity, uom, location, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                eventId, r.item().value(), r.lot().value(), r.supplier().value(), r.supplierLot() == null ? null : r.supplierLot().value(),
                r.reference().value(), q.value(), q.uom().name(), r.location().value(), event.occurredAt());
        addStock(ref, r.location(), container(r.sscc()), q);
    }

    private void move(Move m) throws SQLException {
        LotRef ref = new LotRef(m.item(), m.lot());
        knownLot(ref);
        Quantity q = base(m.item(), m.quantity());
        takeStock(ref, m.from(), container(m.sscc()), q);
        addStock(ref, m.to(), container(m.sscc()), q);
    }

    private void pick(Pick p) throws SQLException {
        LotRef ref = new LotRef(p.item(), p.lot());
        LotState lot = knownLot(ref);
        Quantity q = base(p.item(), p.quantity());
        ItemInfo item = ctx.item(p.item());
        int customerMin = p.customer() == null ? 0 : ctx.partners().get(p.customer().value()).minRemainingShelfLifeDays();
        OrderLine line = new OrderLine(p.item(), q, customerMin, item.minRemainingShelfLifeDays());
        LotAtLocation picked = facts(lot, ref, p.from());
        AvailabilityResult availability = Availability.check(picked, p.item(), StockUse.PICK, line.requiredRemainingShelfLifeDays(), ctx.today());
        if (!availability.isAvailable()) {
            flags.add(new RaisedFlag(Flag.LOT_NOT_AVAILABLE, ref, availability.message()));
        } else {
            Fefo.earlierExpiring(line, fefoCandidates(p.item()), picked, ctx.today()).ifPresent(earlier ->
                    flags.add(new RaisedFlag(Flag.FEFO_DEVIATION, ref, "lot " + earlier.lot().lot() + " at " + earlier.location()
                            + " expires " + earlier.expiry() + ", before " + ref.lot() + " (" + (lot.expiry() == null ? "no expiry" : lot.expiry())
                            + "); device suggested " + (p.suggestedLot() == null ? "nothing" : p.suggestedLot().value())
                            + ", reason " + (p.deviationReason() == null ? "none" : p.deviationReason().name())
                            + (p.note() == null ? "" : " (" + p.note() + ")"))));
        }
        takeStock(ref, p.from(), "", q);
        addStock(ref, p.to(), "", q);
    }

    private void count(Count n) throws SQLException {
        LotRef ref = new LotRef(n.item(), n.lot());
        knownLot(ref);
        Quantity counted = base(n.item(), n.counted());
        BigDecimal expected = Jdbc.one(c, "SELECT COALESCE(SUM(quantity), 0) FROM stock WHERE item = ? AND lot = ? AND location = ?",
                rs -> rs.getBigDecimal(1), n.item().value(), n.lot().value(), n.location().value());
        if (expected.compareTo(counted.value()) != 0) {
            Quantity exp = Quantity.of(expected, counted.uom());
            flags.add(new RaisedFlag(Flag.COUNT_VARIANCE, ref, "counted " + counted + " of " + ref + " at " + n.location()
                    + ", the ledger holds " + exp + " (" + signed(counted.minus(exp)) + ")"));
            Jdbc.update(c, "INSERT INTO count_variance (event_id, site, item, lot, location, counted, expected, uom) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    eventId, site, n.item().value(), n.lot().value(), n.location().value(), counted.value(), expected, counted.uom().name());
        }
    }

    private void ship(Ship s) throws SQLException {
        LotRef ref = new LotRef(s.item(), s.lot());
        LotState lot = knownLot(ref);
        Quantity q = base(s.item(), s.quantity());
        int customerMin = ctx.partners().get(s.customer().value()).minRemainingShelfLifeDays();
        int required = ShelfLife.requiredRemainingDays(customerMin, ctx.item(s.item()).minRemainingShelfLifeDays());
        AvailabilityResult availability = Availability.check(facts(lot, ref, s.from()), s.item(), StockUse.SHIP, required, ctx.today());
        if (!availability.isAvailable()) {
            flags.add(new RaisedFlag(Flag.LOT_NOT_AVAILABLE, ref, availability.message()));
        }
        takeStock(ref, s.from(), container(s.sscc()), q);
        Jdbc.update(c, "INSERT INTO shipment_line (event_id, shipment, customer, item, lot, quantity, uom, location, shipped_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                eventId, s.shipment().value(), s.customer().value(), s.item().value(), s.lot().value(), q.value(), q.uom().name(),
                s.from().value(), event.occurredAt());
    }

    private void transform(Transform t) throws SQLException {
        List<Quantity> inputs = new ArrayList<>();
        for (Transform.Input in : t.inputs()) {
            LotRef ref = in.lotRef();
            LotState lot = knownLot(ref);
            Quantity q = base(in.item(), in.quantity());
            inputs.add(q);
            AvailabilityResult availability = Availability.check(facts(lot, ref, in.from()), in.item(), StockUse.CONSUME, 0, ctx.today());
            if (!availability.isAvailable()) {
                flags.add(new RaisedFlag(Flag.LOT_NOT_AVAILABLE, ref, availability.message()));
            }
            takeStock(ref, in.from(), "", q);
        }
        for (Transform.Output out : t.outputs()) {
            LotRef ref = out.lotRef();
            ItemInfo item = ctx.item(out.item());
            Quantity q = base(out.item(), out.quantity());
            if (lockLot(ref) == null) {
                LocalDate produced = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
                LocalDate expiry = out.expiry() != null ? out.expiry()
                        : item.shelfLifeDays() == null ? null : ShelfLife.expiryOf(produced, item.shelfLifeDays());
                Jdbc.update(c, "INSERT INTO lot (item, lot, site, status, expiry, manufactured, origin, created_at, first_event_id) "
                                + "VALUES (?, ?, ?, ?, ?, ?, 'PRODUCED', ?, ?)",
                        out.item().value(), out.lot().value(), site, LotStatusRules.initialStatus(item.qcRequired()).name(), expiry,
                        produced, event.occurredAt(), eventId);
            }
            addStock(ref, out.to(), "", q);
        }
        // Genealogy: every input feeds every output. With one output a link carries the input
        // quantity; with one input and several outputs (a split) it carries the output quantity.
        for (int i = 0; i < t.inputs().size(); i++) {
            Transform.Input in = t.inputs().get(i);
            for (Transform.Output out : t.outputs()) {
                Quantity q = t.outputs().size() > 1 && t.inputs().size() == 1 ? base(out.item(), out.quantity()) : inputs.get(i);
                Jdbc.update(c, "INSERT INTO lot_link (from_item, from_lot, to_item, to_lot, quantity, uom, kind, batch, event_id, occurred_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        in.item().value(), in.lot().value(), out.item().value(), out.lot().value(), q.value(), q.uom().name(),
                        t.kind().name(), t.batch().value(), eventId, event.occurredAt());
            }
        }
    }

    private void status(StatusChange s) throws SQLException {
        LotRef ref = new LotRef(s.item(), s.lot());
        knownLot(ref);
        Jdbc.update(c, "UPDATE lot SET status = ?, status_event_id = ?, changed_xid = pg_current_xact_id() WHERE item = ? AND lot = ?",
                s.status().name(), eventId, s.item().value(), s.lot().value());
    }

    private void returned(Return r) throws SQLException {
        LotRef ref = new LotRef(r.item(), r.lot());
        knownLot(ref);
        Quantity q = base(r.item(), r.quantity());
        Jdbc.update(c, "INSERT INTO return_line (event_id, customer, reference, item, lot, quantity, uom, location, reason, returned_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                eventId, r.customer().value(), r.reference().value(), r.item().value(), r.lot().value(), q.value(), q.uom().name(),
                r.to().value(), r.reason(), event.occurredAt());
        addStock(ref, r.to(), "", q);
    }

    private void adjust(Adjust a) throws SQLException {
        LotRef ref = new LotRef(a.item(), a.lot());
        knownLot(ref);
        Quantity delta = base(a.item(), a.delta());
        if (delta.signum() < 0) {
            takeStock(ref, a.location(), "", delta.negate());
        } else {
            addStock(ref, a.location(), "", delta);
        }
    }

    private void pack(LocationCode location, Sscc sscc, List<ContainerLine> contents, boolean into) throws SQLException {
        for (ContainerLine line : contents) {
            LotRef ref = line.lotRef();
            knownLot(ref);
            Quantity q = base(line.item(), line.quantity());
            takeStock(ref, location, into ? "" : sscc.value(), q);
            addStock(ref, location, into ? sscc.value() : "", q);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Quantity base(ItemCode item, Quantity q) {
        return ctx.item(item).units().toBase(q);
    }

    private static String container(Sscc sscc) {
        return sscc == null ? "" : sscc.value();
    }

    private static String signed(Quantity q) {
        return (q.signum() > 0 ? "+" : "") + q;
    }

    private LotState lockLot(LotRef ref) throws SQLException {
        return Jdbc.one(c, "SELECT status, expiry, created_at, origin FROM lot WHERE item = ? AND lot = ? FOR UPDATE",
                rs -> new LotState(ref, LotStatus.valueOf(rs.getString(1)), Jdbc.date(rs, "expiry"), Jdbc.instant(rs, "created_at"),
                        rs.getString(4)),
                ref.item().value(), ref.lot().value());
    }

    /**
     * The lot a movement names; a lot the ledger has never seen is recorded as UNKNOWN (the drum
     * exists even if its receipt was never captured) and flagged.
     */
    private LotState knownLot(LotRef ref) throws SQLException {
        LotState lot = lockLot(ref);
        if (lot != null) {
            return lot;
        }
        flags.add(new RaisedFlag(Flag.UNKNOWN_LOT, ref, "lot " + ref + " was never received or produced"));
        LotStatus status = LotStatusRules.initialStatus(ctx.item(ref.item()).qcRequired());
        Jdbc.update(c, "INSERT INTO lot (item, lot, site, status, origin, created_at, first_event_id) VALUES (?, ?, ?, ?, 'UNKNOWN', ?, ?)",
                ref.item().value(), ref.lot().value(), site, status.name(), event.occurredAt(), eventId);
        return new LotState(ref, status, null, event.occurredAt(), "UNKNOWN");
    }

    private LotAtLocation facts(LotState lot, LotRef ref, LocationCode location) {
        return new LotAtLocation(ref, lot.status(), lot.expiry(), location, ctx.location(location).type());
    }

    private void addStock(LotRef ref, LocationCode location, String container, Quantity q) throws SQLException {
        changeStock(ref, location, container, q.value(), q);
    }

    private void takeStock(LotRef ref, LocationCode location, String container, Quantity q) throws SQLException {
        BigDecimal balance = changeStock(ref, location, container, q.value().negate(), q);
        if (balance.signum() < 0) {
            flags.add(new RaisedFlag(Flag.NEGATIVE_BALANCE, ref, "taking " + q + " of " + ref + " from " + location
                    + (container.isEmpty() ? "" : " (container " + container + ")") + " leaves " + balance.toPlainString() + " " + q.uom()));
        }
    }

    private BigDecimal changeStock(LotRef ref, LocationCode location, String container, BigDecimal delta, Quantity unit) throws SQLException {
        return Jdbc.one(c, "INSERT INTO stock (item, lot, location, container, site, quantity, uom) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (item, lot, location, container) DO UPDATE SET quantity = stock.quantity + EXCLUDED.quantity, "
                        + "changed_xid = pg_current_xact_id() RETURNING quantity",
                rs -> rs.getBigDecimal(1),
                ref.item().value(), ref.lot().value(), location.value(), container, site, delta, unit.uom().name());
    }

    /** Stock of an item at this site that FEFO could offer, with lot and location facts. */
    private List<StockCandidate> fefoCandidates(ItemCode item) throws SQLException {
        record Row(String lot, String location, BigDecimal quantity, String uom, String status, LocalDate expiry, Instant created) {
        }
        List<Row> rows = Jdbc.query(c, "SELECT s.lot, s.location, SUM(s.quantity) AS quantity, s.uom, l.status, l.expiry, l.created_at "
                        + "FROM stock s JOIN lot l ON l.item = s.item AND l.lot = s.lot "
                        + "WHERE s.item = ? AND s.site = ? AND s.quantity > 0 GROUP BY s.lot, s.location, s.uom, l.status, l.expiry, l.created_at",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                        Jdbc.date(rs, "expiry"), Jdbc.instant(rs, "created_at")),
                item.value(), site);
        Map<String, LocationInfo> where = ctx.locations();
        List<String> missing = rows.stream().map(Row::location).filter(code -> !where.containsKey(code)).distinct().toList();
        Map<String, LocationInfo> more = missing.isEmpty() ? Map.of() : ctx.moreLocations().apply(missing);
        List<StockCandidate> out = new ArrayList<>();
        for (Row r : rows) {
            LocationInfo loc = where.containsKey(r.location()) ? where.get(r.location()) : more.get(r.location());
            if (loc == null || NOT_FEFO_CANDIDATES.contains(loc.type())) {
                continue;
            }
            out.add(new StockCandidate(new LotRef(item, LotCode.of(r.lot())), LocationCode.of(r.location()), loc.type(),
                    loc.pickSequence(), Quantity.of(r.quantity(), ctx.item(item).baseUom()), LotStatus.valueOf(r.status()),
                    r.expiry(), r.created()));
        }
        return out;
    }
}
