package org.lotkeeper.server.ledger;

import java.math.BigDecimal;
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
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Pack;
import org.lotkeeper.model.event.Pick;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Return;
import org.lotkeeper.model.event.Ship;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.event.TransferIn;
import org.lotkeeper.model.event.TransferOut;
import org.lotkeeper.model.event.Transform;
import org.lotkeeper.model.event.Unpack;
import org.lotkeeper.model.fefo.Fefo;
import org.lotkeeper.model.fefo.OrderLine;
import org.lotkeeper.model.fefo.StockCandidate;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.Availability;
import org.lotkeeper.model.lot.AvailabilityResult;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotAtLocation;
import org.lotkeeper.model.lot.LotOrigin;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.lot.StockUse;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.text.Words;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.masterdata.MasterDataLookup.ItemInfo;
import org.lotkeeper.server.masterdata.MasterDataLookup.LocationInfo;
import org.lotkeeper.server.masterdata.MasterDataLookup.PartnerInfo;

/**
 * Applies one stored event to the projections — stock, lots, genealogy links, receipts,
 * shipments, returns, count variances — held in a {@link WorkingSet} for the ingest transaction,
 * and judges the rules that raise flags (docs/DOMAIN.md), against the ledger as it stands at that
 * moment (arrival order, earlier events of the same push included).
 */
final class Projector implements EventPayload.Visitor<Void, SQLException> {

    /** Stock in these locations is committed to an order or a line; FEFO does not offer it again. */
    static final Set<LocationType> NOT_FEFO_CANDIDATES = Set.of(LocationType.STAGING, LocationType.SHIPPING);

    /** Everything a projection step needs to know besides the event. */
    record Context(
            WorkingSet ws,
            Instant now,
            Map<String, ItemInfo> items,
            Map<String, LocationInfo> locations,
            Map<String, PartnerInfo> partners,
            Function<Collection<String>, Map<String, LocationInfo>> moreLocations) {
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

    private final Context ctx;
    private final WorkingSet ws;
    private final Event event;
    private final UUID eventId;
    private final SiteCode site;
    private final List<RaisedFlag> flags = new ArrayList<>();

    private Projector(Context ctx, Event event) {
        this.ctx = ctx;
        this.ws = ctx.ws();
        this.event = event;
        this.eventId = event.eventId().value();
        this.site = event.site();
    }

    /** Applies the event and answers the flags it raised. */
    static List<RaisedFlag> apply(Context ctx, Event event) throws SQLException {
        Projector p = new Projector(ctx, event);
        p.clockSkew();
        event.payload().accept(p);
        return p.flags;
    }

    private void clockSkew() {
        if (event.occurredAt().isAfter(ctx.now().plus(IngestService.CLOCK_SKEW_TOLERANCE))) {
            flags.add(new RaisedFlag(
                    Flag.CLOCK_SKEW,
                    null,
                    "device time " + event.occurredAt() + " is ahead of server time " + ctx.now() + " by more than "
                            + IngestService.CLOCK_SKEW_TOLERANCE.toMinutes() + " minutes"));
        }
    }

    // ---- event types -------------------------------------------------------------------------

    @Override
    public Void receive(Receive r) {
        LotRef ref = new LotRef(r.item(), r.lot());
        ItemInfo item = ctx.item(r.item());
        Quantity q = base(r.item(), r.quantity());
        WorkingSet.LotState lot = ws.lot(ref);
        if (lot == null) {
            lot = ws.newLot(
                    ref,
                    site,
                    LotStatusRules.initialStatus(item.qcRequired()),
                    LotOrigin.RECEIVED,
                    event.occurredAt(),
                    eventId);
            lot.expiry = r.expiry();
            lot.retestDate = r.retestDate();
            lot.manufactured = r.manufactured();
            lot.supplier = r.supplier();
            lot.supplierLot = r.supplierLot();
        } else {
            // More of a known lot: its status stays; a lot first seen in a movement learns where it came from.
            // Another supplier batch under the same internal code is stored as received, and QA is told.
            boolean otherSupplierLot =
                    lot.supplierLot != null && r.supplierLot() != null && !lot.supplierLot.equals(r.supplierLot());
            boolean otherExpiry = lot.expiry != null && r.expiry() != null && !lot.expiry.equals(r.expiry());
            if (otherSupplierLot || otherExpiry) {
                flags.add(new RaisedFlag(
                        Flag.RECEIPT_MISMATCH,
                        ref,
                        "lot " + ref + " holds "
                                + (otherSupplierLot ? "supplier lot " + lot.supplierLot : "expiry " + lot.expiry)
                                + " (" + lot.status + "); this receipt adds "
                                + (otherSupplierLot ? "supplier lot " + r.supplierLot() : "expiry " + r.expiry())
                                + " under the same code — check the goods and the label"));
            }
            if (lot.origin == LotOrigin.UNKNOWN) {
                lot.origin = LotOrigin.RECEIVED;
            }
            lot.supplier = lot.supplier == null ? r.supplier() : lot.supplier;
            lot.supplierLot = lot.supplierLot == null ? r.supplierLot() : lot.supplierLot;
            lot.expiry = lot.expiry == null ? r.expiry() : lot.expiry;
            lot.retestDate = lot.retestDate == null ? r.retestDate() : lot.retestDate;
            lot.manufactured = lot.manufactured == null ? r.manufactured() : lot.manufactured;
            lot.dirty = true;
        }
        ws.receipts.add(new ProjectionRows.Receipt(
                eventId, ref, r.supplier(), r.supplierLot(), r.reference(), q, r.location(), event.occurredAt()));
        addStock(ref, r.location(), r.sscc(), q);
        return null;
    }

    @Override
    public Void move(Move m) {
        LotRef ref = new LotRef(m.item(), m.lot());
        WorkingSet.LotState lot = knownLot(ref);
        Quantity q = base(m.item(), m.quantity());
        // a lot that may not be used goes only where it waits apart: quarantine or returns
        LocationType to = ctx.location(m.to()).type();
        boolean expired = ShelfLife.isExpired(lot.expiry, ctx.today());
        boolean due = !expired && ShelfLife.isDueForRetest(lot.retestDate, ctx.today());
        if (to.pickable() && lot.status != null && (lot.status != LotStatus.RELEASED || expired || due)) {
            flags.add(new RaisedFlag(
                    Flag.LOT_NOT_AVAILABLE,
                    ref,
                    "lot " + ref + " is "
                            + (lot.status != LotStatus.RELEASED
                                    ? lot.status
                                    : expired
                                            ? "expired since " + lot.expiry
                                            : "due for retest since " + lot.retestDate)
                            + " and was moved to " + m.to() + " (" + to
                            + "), not to a quarantine or returns location"));
        }
        takeStock(ref, m.from(), m.sscc(), q);
        addStock(ref, m.to(), m.sscc(), q);
        return null;
    }

    @Override
    public Void pick(Pick p) throws SQLException {
        LotRef ref = new LotRef(p.item(), p.lot());
        WorkingSet.LotState lot = knownLot(ref);
        Quantity q = base(p.item(), p.quantity());
        ItemInfo item = ctx.item(p.item());
        int customerMin = p.customer() == null
                ? 0
                : ctx.partners().get(p.customer().value()).minRemainingShelfLifeDays();
        OrderLine line = new OrderLine(p.item(), q, customerMin, item.minRemainingShelfLifeDays());
        LotAtLocation picked = facts(lot, ref, p.from());
        AvailabilityResult availability =
                Availability.check(picked, p.item(), StockUse.PICK, line.requiredRemainingShelfLifeDays(), ctx.today());
        if (!availability.isAvailable()) {
            flags.add(new RaisedFlag(Flag.LOT_NOT_AVAILABLE, ref, availability.message()));
        } else {
            Fefo.earlierExpiring(line, fefoCandidates(p.item()), picked, ctx.today())
                    .ifPresent(earlier -> flags.add(new RaisedFlag(
                            Flag.FEFO_DEVIATION,
                            ref,
                            "lot " + earlier.lot().lot() + " at " + earlier.location()
                                    + " expires " + earlier.expiry() + ", before " + ref.lot() + " ("
                                    + (lot.expiry == null ? "no expiry" : lot.expiry)
                                    + "); device suggested "
                                    + (p.suggestedLot() == null
                                            ? "nothing"
                                            : p.suggestedLot().value())
                                    + ", reason: "
                                    + (p.deviationReason() == null ? "none given" : Words.of(p.deviationReason()))
                                    + (p.note() == null ? "" : " (" + p.note() + ")"))));
        }
        // a pallet picked whole goes to staging as a pallet
        takeStock(ref, p.from(), p.sscc(), q);
        addStock(ref, p.to(), p.sscc(), q);
        ws.picks.add(new ProjectionRows.Picked(
                eventId, p.order(), site, ref, p.from(), p.to(), p.quantity(), event.occurredAt()));
        return null;
    }

    @Override
    public Void count(Count n) {
        LotRef ref = new LotRef(n.item(), n.lot());
        knownLot(ref);
        Quantity counted = base(n.item(), n.counted());
        BigDecimal expected = ws.onHand(ref, n.location());
        if (expected.compareTo(counted.value()) != 0) {
            Quantity exp = Quantity.of(expected, counted.uom());
            flags.add(new RaisedFlag(
                    Flag.COUNT_VARIANCE,
                    ref,
                    "counted " + counted + " of " + ref + " at " + n.location() + ", the ledger holds " + exp + " ("
                            + signed(counted.minus(exp)) + ")"));
            ws.variances.add(new ProjectionRows.Variance(
                    eventId, site, ref, n.location(), counted.value(), expected, counted.uom()));
        }
        return null;
    }

    @Override
    public Void ship(Ship s) {
        LotRef ref = new LotRef(s.item(), s.lot());
        WorkingSet.LotState lot = knownLot(ref);
        Quantity q = base(s.item(), s.quantity());
        int customerMin = ctx.partners().get(s.customer().value()).minRemainingShelfLifeDays();
        int required =
                ShelfLife.requiredRemainingDays(customerMin, ctx.item(s.item()).minRemainingShelfLifeDays());
        AvailabilityResult availability =
                Availability.check(facts(lot, ref, s.from()), s.item(), StockUse.SHIP, required, ctx.today());
        if (!availability.isAvailable()) {
            flags.add(new RaisedFlag(Flag.LOT_NOT_AVAILABLE, ref, availability.message()));
        }
        takeStock(ref, s.from(), s.sscc(), q);
        ws.shipments.add(
                new ProjectionRows.Shipment(eventId, s.shipment(), s.customer(), ref, q, s.from(), event.occurredAt()));
        return null;
    }

    @Override
    public Void transform(Transform t) {
        List<Quantity> inputs = new ArrayList<>();
        for (Transform.Input in : t.inputs()) {
            LotRef ref = in.lotRef();
            WorkingSet.LotState lot = knownLot(ref);
            Quantity q = base(in.item(), in.quantity());
            inputs.add(q);
            AvailabilityResult availability =
                    Availability.check(facts(lot, ref, in.from()), in.item(), StockUse.CONSUME, 0, ctx.today());
            if (!availability.isAvailable()) {
                flags.add(new RaisedFlag(Flag.LOT_NOT_AVAILABLE, ref, availability.message()));
            }
            if (in.potency() != null && !in.potency().equals(lot.potency)) {
                flags.add(new RaisedFlag(
                        Flag.POTENCY_DIFFERS,
                        ref,
                        "batch " + t.batch() + " dosed lot " + ref + " at an assay of " + in.potency() + " %; "
                                + (lot.potency == null
                                        ? "the lot has no conforming assay"
                                        : "its assay is " + lot.potency + " %")));
            }
            takeStock(ref, in.from(), null, q);
        }
        for (Transform.Output out : t.outputs()) {
            LotRef ref = out.lotRef();
            ItemInfo item = ctx.item(out.item());
            Quantity q = base(out.item(), out.quantity());
            if (ws.lot(ref) == null) {
                LocalDate produced = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
                WorkingSet.LotState lot = ws.newLot(
                        ref,
                        site,
                        LotStatusRules.initialStatus(item.qcRequired()),
                        LotOrigin.PRODUCED,
                        event.occurredAt(),
                        eventId);
                lot.expiry = out.expiry() != null
                        ? out.expiry()
                        : item.shelfLifeDays() == null ? null : ShelfLife.expiryOf(produced, item.shelfLifeDays());
                lot.manufactured = produced;
            }
            addStock(ref, out.to(), null, q);
        }
        // Genealogy: every input feeds every output. With one output a link carries the input
        // quantity; with one input and several outputs (a split) it carries the output quantity.
        for (int i = 0; i < t.inputs().size(); i++) {
            Transform.Input in = t.inputs().get(i);
            for (Transform.Output out : t.outputs()) {
                Quantity q = t.outputs().size() > 1 && t.inputs().size() == 1
                        ? base(out.item(), out.quantity())
                        : inputs.get(i);
                ws.links.add(new ProjectionRows.Link(
                        in.lotRef(), out.lotRef(), q, t.kind(), t.batch(), eventId, event.occurredAt()));
            }
        }
        return null;
    }

    @Override
    public Void status(StatusChange s) {
        WorkingSet.LotState lot = knownLot(new LotRef(s.item(), s.lot()));
        lot.status = s.status();
        lot.statusEventId = eventId;
        if (s.retestDate() != null) {
            lot.retestDate = s.retestDate();
        }
        lot.dirty = true;
        return null;
    }

    @Override
    public Void returned(Return r) {
        LotRef ref = new LotRef(r.item(), r.lot());
        WorkingSet.LotState lot = knownLot(ref);
        // Goods that came back are not used again until QA has looked: a released lot goes back to
        // QUARANTINE (docs/DOMAIN.md, "Returns"); a lot already held, rejected or recalled stays so.
        if (lot.status == LotStatus.RELEASED) {
            lot.status = LotStatus.QUARANTINE;
            lot.statusEventId = eventId;
            lot.dirty = true;
        }
        Quantity q = base(r.item(), r.quantity());
        ws.returns.add(new ProjectionRows.Returned(
                eventId, r.customer(), r.reference(), ref, q, r.to(), r.reason(), event.occurredAt()));
        addStock(ref, r.to(), null, q);
        return null;
    }

    @Override
    public Void adjust(Adjust a) {
        LotRef ref = new LotRef(a.item(), a.lot());
        knownLot(ref);
        Quantity delta = base(a.item(), a.delta());
        if (delta.signum() < 0) {
            takeStock(ref, a.location(), null, delta.negate());
        } else {
            addStock(ref, a.location(), null, delta);
        }
        return null;
    }

    @Override
    public Void pack(Pack p) {
        return pack(p.location(), p.sscc(), p.contents(), true);
    }

    @Override
    public Void unpack(Unpack u) {
        return pack(u.location(), u.sscc(), u.contents(), false);
    }

    /**
     * Test results move no stock. A result outside its limits raises OUT_OF_SPECIFICATION for the
     * supervisor's queue and puts a released lot on hold (docs/QUALITY-CONTROL.md): stock that failed a
     * test is not used while QA investigates; a lot in quarantine, held, rejected or recalled stays so.
     */
    @Override
    public Void inspect(Inspect i) {
        LotRef ref = new LotRef(i.item(), i.lot());
        WorkingSet.LotState lot = knownLot(ref);
        if (i.retest() != null) {
            lot.retestDate = i.retest().until();
            lot.dirty = true;
        }
        if (i.potency() != null) {
            lot.potency = i.potency();
            lot.dirty = true;
        }
        if (i.outOfSpecification()) {
            String failed = String.join(
                    ", ",
                    i.results().stream()
                            .filter(r -> r.judgement() == Judgement.OUT_OF_SPECIFICATION)
                            .map(r -> r.test() + " " + r.value())
                            .toList());
            flags.add(new RaisedFlag(
                    Flag.OUT_OF_SPECIFICATION,
                    ref,
                    "lot " + ref + " is out of specification (version " + i.specificationVersion() + "): " + failed
                            + (lot.status == LotStatus.RELEASED ? "; it was released and is now on hold" : "")));
            if (lot.status == LotStatus.RELEASED) {
                lot.status = LotStatus.ON_HOLD;
                lot.statusEventId = eventId;
                lot.dirty = true;
            }
        }
        return null;
    }

    /**
     * Stock leaves for a sister site and is in transit. The lot goes with its last kilo: once this
     * site holds none of it, it belongs to the receiving site (whose devices then pull it).
     */
    @Override
    public Void transferOut(TransferOut t) {
        LotRef ref = new LotRef(t.item(), t.lot());
        WorkingSet.LotState lot = knownLot(ref);
        if (lot.status == LotStatus.REJECTED || lot.status == LotStatus.RECALLED) {
            flags.add(new RaisedFlag(
                    Flag.LOT_NOT_AVAILABLE,
                    ref,
                    "lot " + ref + " is " + Words.inSentence(lot.status) + " and was sent to site " + t.toSite()
                            + " on " + t.transfer()));
        }
        Quantity q = base(t.item(), t.quantity());
        takeStock(ref, t.from(), t.sscc(), q);
        ws.send(
                new WorkingSet.TransitKey(t.transfer().value(), ref, t.sscc()),
                site,
                t.toSite(),
                q.uom(),
                q.value(),
                event.occurredAt());
        if (lot.site.equals(site) && !ws.holdsStockAt(ref, site)) {
            lot.site = t.toSite();
            lot.dirty = true;
        }
        return null;
    }

    /** Stock sent by a sister site arrives here; the lot keeps its status, dates and history. */
    @Override
    public Void transferIn(TransferIn t) {
        LotRef ref = new LotRef(t.item(), t.lot());
        knownLot(ref);
        Quantity q = base(t.item(), t.quantity());
        BigDecimal left = ws.arrive(
                new WorkingSet.TransitKey(t.transfer().value(), ref, t.sscc()),
                t.fromSite(),
                site,
                q.uom(),
                q.value(),
                event.occurredAt());
        if (left.signum() < 0) {
            flags.add(new RaisedFlag(
                    Flag.NEGATIVE_BALANCE,
                    ref,
                    "receiving " + q + " of " + ref + " on transfer " + t.transfer()
                            + (t.sscc() == null ? "" : " (pallet " + t.sscc() + ")") + " from " + t.fromSite()
                            + " leaves " + left.toPlainString() + " " + q.uom()
                            + " in transit: more arrived than was sent"));
        }
        addStock(ref, t.to(), t.sscc(), q);
        return null;
    }

    /** Stock moves into ({@code into}) or out of a container at the same location. */
    private Void pack(LocationCode location, Sscc sscc, List<ContainerLine> contents, boolean into) {
        for (ContainerLine line : contents) {
            LotRef ref = line.lotRef();
            knownLot(ref);
            Quantity q = base(line.item(), line.quantity());
            takeStock(ref, location, into ? null : sscc, q);
            addStock(ref, location, into ? sscc : null, q);
        }
        return null;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Quantity base(ItemCode item, Quantity q) {
        return ctx.item(item).units().toBase(q);
    }

    private static String signed(Quantity q) {
        return (q.signum() > 0 ? "+" : "") + q;
    }

    /**
     * The lot a movement names; a lot the ledger has never seen is recorded as UNKNOWN (the drum
     * exists even if its receipt was never captured) and flagged.
     */
    private WorkingSet.LotState knownLot(LotRef ref) {
        WorkingSet.LotState lot = ws.lot(ref);
        if (lot != null) {
            return lot;
        }
        flags.add(new RaisedFlag(Flag.UNKNOWN_LOT, ref, "lot " + ref + " was never received or produced"));
        return ws.newLot(
                ref,
                site,
                LotStatusRules.initialStatus(ctx.item(ref.item()).qcRequired()),
                LotOrigin.UNKNOWN,
                event.occurredAt(),
                eventId);
    }

    private LotAtLocation facts(WorkingSet.LotState lot, LotRef ref, LocationCode location) {
        return new LotAtLocation(
                ref,
                lot.status,
                lot.expiry,
                lot.retestDate,
                location,
                ctx.location(location).type());
    }

    /** Adds to stock at a location, loose or in a container (null: loose). */
    private void addStock(LotRef ref, LocationCode location, Sscc container, Quantity q) {
        ws.change(new WorkingSet.StockKey(ref, location, container), site, q.uom(), q.value());
    }

    private void takeStock(LotRef ref, LocationCode location, Sscc container, Quantity q) {
        BigDecimal balance = ws.change(
                new WorkingSet.StockKey(ref, location, container),
                site,
                q.uom(),
                q.value().negate());
        if (balance.signum() < 0) {
            flags.add(new RaisedFlag(
                    Flag.NEGATIVE_BALANCE,
                    ref,
                    "taking " + q + " of " + ref + " from " + location
                            + (container == null ? "" : " (container " + container + ")") + " leaves "
                            + balance.toPlainString() + " " + q.uom()));
        }
    }

    /** Stock of an item at this site that FEFO could offer, with lot and location facts. */
    private List<StockCandidate> fefoCandidates(ItemCode item) throws SQLException {
        List<WorkingSet.FefoRow> rows = ws.positiveStock(item, site);
        Map<String, LocationInfo> where = ctx.locations();
        List<String> missing = rows.stream()
                .map(r -> r.location().value())
                .filter(code -> !where.containsKey(code))
                .distinct()
                .toList();
        Map<String, LocationInfo> more =
                missing.isEmpty() ? Map.of() : ctx.moreLocations().apply(missing);
        List<StockCandidate> out = new ArrayList<>();
        for (WorkingSet.FefoRow r : rows) {
            String code = r.location().value();
            LocationInfo loc = where.containsKey(code) ? where.get(code) : more.get(code);
            if (loc == null || NOT_FEFO_CANDIDATES.contains(loc.type())) {
                continue;
            }
            out.add(new StockCandidate(
                    new LotRef(item, r.lot()),
                    r.location(),
                    loc.type(),
                    loc.pickSequence(),
                    Quantity.of(r.quantity(), ctx.item(item).baseUom()),
                    r.status(),
                    r.expiry(),
                    r.retestDate(),
                    r.createdAt()));
        }
        return out;
    }
}
