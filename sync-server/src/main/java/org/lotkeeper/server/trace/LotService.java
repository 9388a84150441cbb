package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.Count;
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
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.ShelfLife;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.ItemUnits;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.quality.DocumentService;
import org.lotkeeper.server.security.Actor;

/** One lot: where it is now (detail), what happened to it (timeline), and whether it balances. */
@ApplicationScoped
public class LotService {

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    @Inject
    DocumentService documents;

    @Inject
    Clock clock;

    public Views.LotDetail detail(Actor actor, String item, String lot) {
        long started = System.nanoTime();
        TraceQueries.LotFacts f = access.lot(actor, item, lot);
        LotRef ref = f.ref();
        record Where(List<TraceQueries.StockRow> stock, List<TraceQueries.TransitRow> transit) {}
        Where where =
                access.read(c -> new Where(TraceQueries.stock(c, List.of(ref)), TraceQueries.transit(c, List.of(ref))));
        List<TraceQueries.StockRow> stock = where.stock();
        List<TraceQueries.TransitRow> transit = where.transit();
        List<Views.OpenFlag> flags = access.read(c -> Jdbc.query(
                c,
                "SELECT id, flag, detail, raised_at, event_id FROM exception "
                        + "WHERE item = ? AND lot = ? AND status = 'OPEN' ORDER BY id",
                rs -> new Views.OpenFlag(
                        rs.getLong("id"),
                        rs.getString("flag"),
                        rs.getString("detail"),
                        Jdbc.instant(rs, "raised_at"),
                        rs.getObject("event_id", UUID.class).toString()),
                ref.item().value(),
                ref.lot().value()));
        List<Views.DocumentRef> docs = documents
                .forLot(ref.item().value(), ref.lot().value(), f.site())
                .stream()
                .map(d -> new Views.DocumentRef(
                        d.documentId().toString(), d.kind().name(), d.filename(), d.sha256(), d.uploadedAt()))
                .toList();
        MasterDataLookup.ItemInfo info = masterData.item(ref.item().value()).orElse(null);
        Quantity total = null;
        for (TraceQueries.StockRow s : stock) {
            total = total == null ? s.quantity() : total.plus(s.quantity());
        }
        if (total == null && info != null) {
            total = Quantity.zero(info.baseUom());
        }
        LocalDate today = LocalDate.now(clock);
        String supplierName = f.supplier() == null
                ? null
                : masterData.partners(Set.of(f.supplier())).values().stream()
                        .map(MasterDataLookup.PartnerInfo::name)
                        .findFirst()
                        .orElse(null);
        return new Views.LotDetail(
                ref.item().value(),
                ref.lot().value(),
                info == null ? null : info.name(),
                info == null ? null : info.gtin(),
                f.site(),
                f.status(),
                f.expiry(),
                ShelfLife.isExpired(f.expiry(), today),
                f.retestDate(),
                !ShelfLife.isExpired(f.expiry(), today) && ShelfLife.isDueForRetest(f.retestDate(), today),
                f.manufactured(),
                f.origin(),
                f.supplier(),
                supplierName,
                f.supplierLot(),
                f.createdAt(),
                total,
                f.potency() == null ? null : f.potency().toString(),
                f.potency() == null || total == null ? null : f.potency().activeIn(total),
                stock.stream()
                        .map(s -> new Views.OnHand(s.location(), s.container(), s.quantity()))
                        .toList(),
                transit.stream()
                        .map(t -> new Views.InTransit(
                                t.transfer(),
                                t.fromSite(),
                                t.toSite(),
                                ref.item().value(),
                                info == null ? null : info.name(),
                                ref.lot().value(),
                                f.status(),
                                t.container().isEmpty() ? null : t.container(),
                                t.quantity(),
                                null,
                                null,
                                f.site(),
                                true))
                        .toList(),
                docs,
                flags,
                Names.elapsedMs(started));
    }

    public Views.Timeline timeline(Actor actor, String item, String lot) {
        long started = System.nanoTime();
        LotRef ref = access.lot(actor, item, lot).ref();
        return timeline(ref, access.read(c -> LotEvents.of(c, ref)), started);
    }

    /** One page of a lot's timeline: at most {@code limit} events after ledger position {@code afterSeq}. */
    public Views.Timeline timeline(Actor actor, String item, String lot, long afterSeq, int limit) {
        long started = System.nanoTime();
        LotRef ref = access.lot(actor, item, lot).ref();
        return timeline(ref, access.read(c -> LotEvents.page(c, ref, afterSeq, limit)), started);
    }

    /** Largest page the lot search answers. */
    public static final int MAX_PAGE = 200;

    /**
     * Lots of the caller's sites, in (item, lot) order after {@code afterItem}/{@code afterLot}
     * (a page key; empty strings for the first page). {@code term}, when given, matches in any
     * case an item code exactly, an item's GTIN exactly, a word of an item's name, a lot code or
     * supplier lot code exactly or as a prefix, or a supplier's code exactly or a word of its name; {@code gtin}, {@code lot}, {@code status} narrow
     * further (from a pasted label: its GTIN's item, and its lot as our lot code or the supplier's).
     */
    public List<Views.LotHit> search(
            Actor actor,
            String term,
            String gtin,
            String lot,
            String status,
            String afterItem,
            String afterLot,
            int limit) {
        String prefix = term == null ? null : likeEscaped(term.toUpperCase(java.util.Locale.ROOT)) + "%";
        String inName = term == null ? null : "%" + likeEscaped(term.toUpperCase(java.util.Locale.ROOT)) + "%";
        // A term is matched by a union of index lookups (the items it names, lot and supplier-lot
        // prefixes, the suppliers it names): one OR over them would walk the lot table in key order
        // until the page fills. The item and partner tables are small; their names are searched by a scan.
        String from = term == null
                ? "lot l"
                : "(SELECT item, lot FROM lot WHERE item IN (SELECT code FROM item WHERE upper(code) = upper(?) "
                        + "OR gtin = ? OR upper(name) LIKE ? ESCAPE '\\') "
                        + "UNION SELECT item, lot FROM lot WHERE upper(lot) LIKE ? ESCAPE '\\' "
                        + "UNION SELECT item, lot FROM lot WHERE upper(supplier_lot) LIKE ? ESCAPE '\\' "
                        + "UNION SELECT item, lot FROM lot WHERE supplier IN (SELECT code FROM partner WHERE kind = 'SUPPLIER' "
                        + "AND (upper(code) = upper(?) OR upper(name) LIKE ? ESCAPE '\\'))) m "
                        + "JOIN lot l ON l.item = m.item AND l.lot = m.lot";
        List<Object> params = new ArrayList<>();
        if (term != null) {
            params.addAll(List.of(term, term, inName, prefix, prefix, term, inName));
        }
        params.addAll(java.util.Arrays.asList(
                actor.allSites(),
                actor.sites().toArray(String[]::new),
                status,
                status,
                gtin,
                gtin,
                lot,
                lot,
                lot,
                afterItem,
                afterLot,
                Math.min(limit, MAX_PAGE)));
        return access.read(c -> Jdbc.query(
                c,
                HIT + "FROM " + from + HIT_NAMES
                        + "WHERE (? OR l.site = ANY (?::varchar[])) AND (?::text IS NULL OR l.status = ?) "
                        + "AND (?::text IS NULL OR l.item = (SELECT code FROM item WHERE gtin = ?)) AND (?::text IS NULL OR l.lot = ? OR l.supplier_lot = ?) "
                        + "AND (l.item, l.lot) > (?, ?) ORDER BY l.item, l.lot LIMIT ?",
                LotService::hit,
                params.toArray()));
    }

    /** {@code text} with LIKE's wildcards and escape character taken literally. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The lots of the caller's sites received or made most recently, newest first: what an empty search shows. */
    public List<Views.LotHit> recent(Actor actor, int limit) {
        return access.read(c -> Jdbc.query(
                c,
                HIT + "FROM lot l" + HIT_NAMES + "WHERE (? OR l.site = ANY (?::varchar[])) "
                        + "ORDER BY l.created_at DESC, l.item, l.lot LIMIT ?",
                LotService::hit,
                actor.allSites(),
                actor.sites().toArray(String[]::new),
                Math.min(limit, MAX_PAGE)));
    }

    /**
     * What a bare code on the recall form can mean: the lots of the caller's sites with this lot
     * code or this supplier lot code, in any case (at most 20). The form asks which one when there
     * are several.
     */
    public List<Views.LotHit> byCode(Actor actor, String code) {
        return access.read(c -> Jdbc.query(
                c,
                HIT + "FROM lot l" + HIT_NAMES
                        + "WHERE (upper(l.lot) = upper(?) OR upper(l.supplier_lot) = upper(?)) "
                        + "AND (? OR l.site = ANY (?::varchar[])) ORDER BY l.item, l.lot LIMIT 20",
                LotService::hit,
                code,
                code,
                actor.allSites(),
                actor.sites().toArray(String[]::new)));
    }

    /**
     * How many lots of this code (or supplier lot code) are at sites the caller cannot reach — a lot
     * received here and since transferred, say: the console says where to look instead of "check
     * the code". A count, as a trace counts {@code lotsOutsideYourSites}.
     */
    public long elsewhere(Actor actor, String code) {
        if (actor.allSites()) {
            return 0;
        }
        Long n = access.read(c -> Jdbc.one(
                c,
                "SELECT count(*) FROM lot l WHERE (upper(l.lot) = upper(?) OR upper(l.supplier_lot) = upper(?)) "
                        + "AND NOT (l.site = ANY (?::varchar[]))",
                rs -> rs.getLong(1),
                code,
                code,
                actor.sites().toArray(String[]::new)));
        return n == null ? 0 : n;
    }

    /** What a search hit reads of a lot {@code l}, its item and its supplier ({@link #hit}). */
    private static final String HIT =
            "SELECT l.item, l.lot, i.name, i.gtin, l.site, l.status, l.expiry, l.supplier, l.supplier_lot, p.name ";

    private static final String HIT_NAMES =
            " LEFT JOIN item i ON i.code = l.item LEFT JOIN partner p ON p.code = l.supplier ";

    private static Views.LotHit hit(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Views.LotHit(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Jdbc.date(rs, "expiry"),
                rs.getString(8),
                rs.getString(10),
                rs.getString(9));
    }

    /**
     * Lots of the caller's sites with stock, not rejected, recalled or expired, whose retest date has
     * passed or falls within {@code days} days: soonest first, at most {@code limit}.
     */
    public List<Views.RetestDue> dueForRetest(Actor actor, int days, int limit) {
        LocalDate today = LocalDate.now(clock);
        return access.read(c -> Jdbc.query(
                c,
                HIT + ", l.retest_date FROM lot l" + HIT_NAMES
                        + "WHERE l.retest_date <= ? AND (l.expiry IS NULL OR l.expiry >= ?) "
                        + "AND l.status NOT IN ('REJECTED', 'RECALLED') AND (? OR l.site = ANY (?::varchar[])) "
                        + "AND EXISTS (SELECT 1 FROM stock s WHERE s.item = l.item AND s.lot = l.lot AND s.quantity > 0) "
                        + "ORDER BY l.retest_date, l.item, l.lot LIMIT ?",
                rs -> {
                    LocalDate due = Jdbc.date(rs, "retest_date");
                    return new Views.RetestDue(hit(rs), due, ShelfLife.isDueForRetest(due, today));
                },
                today.plusDays(days),
                today,
                actor.allSites(),
                actor.sites().toArray(String[]::new),
                limit));
    }

    /** Lots of the caller's sites that still have stock and are not rejected or recalled, by how soon they expire. */
    public Views.ExpiryBuckets expiring(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        return access.read(c -> Jdbc.one(
                c,
                "SELECT count(*) FILTER (WHERE expiry < ?), "
                        + "count(*) FILTER (WHERE expiry >= ? AND expiry <= ?), count(*) FILTER (WHERE expiry > ? AND expiry <= ?), "
                        + "count(*) FILTER (WHERE expiry > ? AND expiry <= ?) FROM lot l "
                        + "WHERE expiry <= ? AND status NOT IN ('REJECTED', 'RECALLED') AND (? OR site = ANY (?::varchar[])) "
                        + "AND EXISTS (SELECT 1 FROM stock s WHERE s.item = l.item AND s.lot = l.lot AND s.quantity > 0)",
                rs -> new Views.ExpiryBuckets(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                today,
                today,
                today.plusDays(30),
                today.plusDays(30),
                today.plusDays(60),
                today.plusDays(60),
                today.plusDays(90),
                today.plusDays(90),
                actor.allSites(),
                actor.sites().toArray(String[]::new)));
    }

    private Views.Timeline timeline(LotRef ref, List<LotEvents.Stored> events, long started) {
        List<Views.TimelineEvent> out = new ArrayList<>(events.size());
        for (LotEvents.Stored e : events) {
            out.add(LotEvents.view(e, ref));
        }
        return new Views.Timeline(ref.item().value(), ref.lot().value(), out, Names.elapsedMs(started));
    }

    /**
     * Mass balance from the ledger itself: receipts, transform outputs and inputs, returns,
     * shipments and adjustments of the lot's events (in the item's base unit), against stock on
     * hand from the projection. Differences listed: the equation's remainder, pending count
     * variances (a count disagrees with the ledger), and negative stock at a location.
     */
    public Views.Balance balance(Actor actor, String item, String lot) {
        long started = System.nanoTime();
        TraceQueries.LotFacts facts = access.lot(actor, item, lot);
        LotRef ref = facts.ref();
        Potency potency = facts.potency();
        MasterDataLookup.ItemInfo info = masterData
                .item(ref.item().value())
                .orElseThrow(() ->
                        new IllegalStateException("item " + ref.item() + " of a stored lot is not in master data"));
        ItemUnits units = info.units();
        record Variance(String location, BigDecimal counted, BigDecimal expected) {}
        record Read(List<LotEvents.Stored> events, List<TraceQueries.StockRow> stock, List<Variance> variances) {}
        Read read = access.read((Connection c) -> new Read(
                LotEvents.of(c, ref),
                TraceQueries.stock(c, List.of(ref)),
                Jdbc.query(
                        c,
                        "SELECT location, counted, expected FROM count_variance WHERE item = ? AND lot = ? AND status = 'PENDING' "
                                + "ORDER BY id",
                        rs -> new Variance(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
                        ref.item().value(),
                        ref.lot().value())));
        Quantity zero = Quantity.zero(units.base());
        Flows flows = new Flows(ref, units);
        read.events().forEach(e -> e.event().payload().accept(flows));
        Quantity received = flows.received;
        Quantity produced = flows.produced;
        Quantity returned = flows.returned;
        Quantity adjustedIn = flows.adjustedIn;
        Quantity adjustedOut = flows.adjustedOut;
        Quantity shipped = flows.shipped;
        Quantity consumed = flows.consumed;
        Quantity inTransit = flows.inTransit;
        Quantity onHand = zero;
        List<Views.BalanceDifference> differences = new ArrayList<>();
        for (TraceQueries.StockRow s : read.stock()) {
            Quantity q = units.toBase(s.quantity());
            onHand = onHand.plus(q);
            if (q.signum() < 0) {
                differences.add(new Views.BalanceDifference(
                        "NEGATIVE_STOCK",
                        s.location(),
                        q,
                        "the ledger holds " + q + " at " + s.location()
                                + (s.container().isEmpty() ? "" : " in container " + s.container())));
            }
        }
        Quantity in = received.plus(produced).plus(returned).plus(adjustedIn);
        Quantity out = onHand.plus(inTransit).plus(shipped).plus(consumed).plus(adjustedOut);
        Quantity difference = in.minus(out);
        if (!difference.isZero()) {
            differences.add(
                    0,
                    new Views.BalanceDifference(
                            "LEDGER_VS_STOCK",
                            null,
                            difference,
                            "received + produced + returned + adjusted in (" + in
                                    + ") differs from on hand + in transit + shipped + consumed + adjusted out (" + out
                                    + ") by "
                                    + difference));
        }
        for (Variance v : read.variances()) {
            Quantity q = Quantity.of(v.counted().subtract(v.expected()), units.base());
            differences.add(new Views.BalanceDifference(
                    "COUNT_VARIANCE",
                    v.location(),
                    q,
                    "counted " + Quantity.of(v.counted(), units.base()) + " at " + v.location()
                            + " where the ledger holds " + Quantity.of(v.expected(), units.base())
                            + "; pending approval"));
        }
        return new Views.Balance(
                ref.item().value(),
                ref.lot().value(),
                received,
                produced,
                returned,
                adjustedIn,
                adjustedOut,
                onHand,
                inTransit,
                shipped,
                consumed,
                difference,
                potency == null ? null : potency.toString(),
                potency == null ? null : potency.activeIn(onHand),
                potency == null || flows.usedWithoutPotency ? null : flows.activeConsumed,
                differences.isEmpty(),
                differences,
                Names.elapsedMs(started));
    }

    /** What each event put into or took out of one lot, in its item's base unit (the mass balance's sources). */
    private static final class Flows implements EventPayload.Cases<Void> {
        private final LotRef lot;
        private final ItemUnits units;
        Quantity received;
        Quantity produced;
        Quantity returned;
        Quantity adjustedIn;
        Quantity adjustedOut;
        Quantity shipped;
        Quantity consumed;
        /** Sent to a sister site (TRANSFER_OUT) less what arrived there (TRANSFER_IN): on its way. */
        Quantity inTransit;
        /** What the batches that dosed this lot by its potency took of its active substance. */
        Quantity activeConsumed;
        /** A batch took some of the lot without recording its potency: the active consumed is not known. */
        boolean usedWithoutPotency;

        Flows(LotRef lot, ItemUnits units) {
            this.lot = lot;
            this.units = units;
            Quantity zero = Quantity.zero(units.base());
            received = produced = returned = adjustedIn = adjustedOut = shipped = consumed = activeConsumed = zero;
            inTransit = zero;
        }

        private boolean mine(ItemCode item, LotCode code) {
            return lot.item().equals(item) && lot.lot().equals(code);
        }

        @Override
        public Void receive(Receive r) {
            if (mine(r.item(), r.lot())) {
                received = received.plus(units.toBase(r.quantity()));
            }
            return null;
        }

        @Override
        public Void returned(Return r) {
            if (mine(r.item(), r.lot())) {
                returned = returned.plus(units.toBase(r.quantity()));
            }
            return null;
        }

        @Override
        public Void ship(Ship s) {
            if (mine(s.item(), s.lot())) {
                shipped = shipped.plus(units.toBase(s.quantity()));
            }
            return null;
        }

        @Override
        public Void adjust(Adjust a) {
            if (mine(a.item(), a.lot())) {
                Quantity delta = units.toBase(a.delta());
                if (delta.signum() > 0) {
                    adjustedIn = adjustedIn.plus(delta);
                } else {
                    adjustedOut = adjustedOut.plus(delta.negate());
                }
            }
            return null;
        }

        @Override
        public Void transform(Transform t) {
            for (Transform.Output o : t.outputs()) {
                if (o.lotRef().equals(lot)) {
                    produced = produced.plus(units.toBase(o.quantity()));
                }
            }
            for (Transform.Input i : t.inputs()) {
                if (i.lotRef().equals(lot)) {
                    consumed = consumed.plus(units.toBase(i.quantity()));
                    if (i.potency() != null) {
                        activeConsumed = activeConsumed.plus(units.toBase(i.active()));
                    } else {
                        usedWithoutPotency = true;
                    }
                }
            }
            return null;
        }

        /** Moves, picks, packing and unpacking change where the lot is, not how much of it there is. */
        @Override
        public Void move(Move m) {
            return null;
        }

        @Override
        public Void pick(Pick k) {
            return null;
        }

        @Override
        public Void pack(Pack k) {
            return null;
        }

        @Override
        public Void unpack(Unpack u) {
            return null;
        }

        @Override
        public Void transferOut(TransferOut t) {
            if (mine(t.item(), t.lot())) {
                inTransit = inTransit.plus(units.toBase(t.quantity()));
            }
            return null;
        }

        @Override
        public Void transferIn(TransferIn t) {
            if (mine(t.item(), t.lot())) {
                inTransit = inTransit.minus(units.toBase(t.quantity()));
            }
            return null;
        }

        /** Test results move no quantity. */
        @Override
        public Void inspect(Inspect i) {
            return null;
        }

        /** A count changes nothing until its variance is approved as an ADJUST; a status changes no quantity. */
        @Override
        public Void count(Count c) {
            return null;
        }

        @Override
        public Void status(StatusChange s) {
            return null;
        }
    }
}
