package org.lotkeeper.server.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotOrigin;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.db.RowWriter;

import static org.lotkeeper.server.db.RowWriter.column;

/**
 * The lots and stock one ingest transaction touches, locked, loaded once, changed in memory by
 * the {@link Projector} event after event, and written back in a handful of batched statements.
 *
 * <p>Locking: every lot the transaction names is locked with a transaction-scoped advisory lock
 * on its key, taken in key order (so concurrent pushes never deadlock), before anything of it is
 * read. Whoever changes a lot holds its lock, so the loaded state stays exact until commit —
 * also for lots that do not exist yet. The order of locks in a transaction is always: the
 * source's chain head, then lot keys in order, then the ledger append lock.
 */
final class WorkingSet {

    /** Where a quantity of a lot sits: a location, and the container it is packed in (null when loose). */
    record StockKey(LotRef lot, LocationCode location, Sscc container) {}

    /** Stock of a lot in transit on a transfer order, on a pallet (null: loose). */
    record TransitKey(String transfer, LotRef lot, Sscc container) {}

    /** A change of a transit row: its sites, unit, what was sent and the signed change of what is in transit. */
    private record TransitDelta(
            TransitKey key, SiteCode from, SiteCode to, Uom uom, BigDecimal sent, BigDecimal delta, Instant at) {}

    /** The site and unit of a stock row (a row's unit is its item's base unit). */
    private record StockMeta(SiteCode site, Uom uom) {}

    /** Positive stock of a lot at a location, with the lot's facts: what FEFO compares. */
    record FefoRow(
            LotCode lot,
            LocationCode location,
            BigDecimal quantity,
            LotStatus status,
            LocalDate expiry,
            LocalDate retestDate,
            Instant createdAt) {}

    /** A lot row, as loaded or as made by this transaction. */
    static final class LotState {
        final LotRef ref;
        SiteCode site;
        LotStatus status;
        LocalDate expiry;
        LocalDate retestDate;
        Potency potency;
        LocalDate manufactured;
        LotOrigin origin;
        PartnerCode supplier;
        LotCode supplierLot;
        Instant createdAt;
        UUID firstEventId;
        UUID statusEventId;
        final boolean isNew;
        boolean dirty;

        LotState(LotRef ref, boolean isNew) {
            this.ref = ref;
            this.isNew = isNew;
        }
    }

    /** A stock change to write: the row's key and meta, and the signed delta. */
    private record StockDelta(StockKey key, StockMeta meta, BigDecimal delta) {}

    private static final RowWriter<LotState> NEW_LOTS = RowWriter.insert(
            "lot",
            "",
            List.of(
                    column("item", l -> l.ref.item()),
                    column("lot", l -> l.ref.lot()),
                    column("site", l -> l.site),
                    column("status", l -> l.status),
                    column("expiry", l -> l.expiry),
                    column("retest_date", l -> l.retestDate),
                    column("potency", l -> l.potency == null ? null : l.potency.percent()),
                    column("manufactured", l -> l.manufactured),
                    column("origin", l -> l.origin),
                    column("supplier", l -> l.supplier),
                    column("supplier_lot", l -> l.supplierLot),
                    column("created_at", l -> l.createdAt),
                    column("first_event_id", l -> l.firstEventId),
                    column("status_event_id", l -> l.statusEventId)));

    private static final RowWriter<StockDelta> STOCK = RowWriter.insert(
            "stock",
            "ON CONFLICT (item, lot, location, container) DO UPDATE SET quantity = stock.quantity + EXCLUDED.quantity, "
                    + "changed_xid = pg_current_xact_id()",
            List.of(
                    column("item", d -> d.key().lot().item()),
                    column("lot", d -> d.key().lot().lot()),
                    column("location", d -> d.key().location()),
                    column("container", d -> container(d.key().container())),
                    column("site", d -> d.meta().site()),
                    column("quantity", StockDelta::delta),
                    column("uom", d -> d.meta().uom())));

    private static final RowWriter<TransitDelta> TRANSIT = RowWriter.insert(
            "transit",
            "ON CONFLICT (transfer, item, lot, container) DO UPDATE SET sent = transit.sent + EXCLUDED.sent, "
                    + "quantity = transit.quantity + EXCLUDED.quantity, sent_at = GREATEST(transit.sent_at, EXCLUDED.sent_at)",
            List.of(
                    column("transfer", d -> d.key().transfer()),
                    column("item", d -> d.key().lot().item()),
                    column("lot", d -> d.key().lot().lot()),
                    column("container", d -> container(d.key().container())),
                    column("from_site", TransitDelta::from),
                    column("to_site", TransitDelta::to),
                    column("sent", TransitDelta::sent),
                    column("quantity", TransitDelta::delta),
                    column("uom", TransitDelta::uom),
                    column("sent_at", TransitDelta::at)));

    private static final RowWriter<LotState> CHANGED_LOTS = RowWriter.update(
            "lot",
            List.of(
                    column("site", l -> l.site),
                    column("status", l -> l.status),
                    column("expiry", l -> l.expiry),
                    column("retest_date", l -> l.retestDate),
                    column("potency", l -> l.potency == null ? null : l.potency.percent()),
                    column("manufactured", l -> l.manufactured),
                    column("origin", l -> l.origin),
                    column("supplier", l -> l.supplier),
                    column("supplier_lot", l -> l.supplierLot),
                    column("status_event_id", l -> l.statusEventId)),
            "changed_xid = pg_current_xact_id()",
            List.of(column("item", l -> l.ref.item()), column("lot", l -> l.ref.lot())));

    private final Connection connection;
    private final Map<LotRef, LotState> lots = new HashMap<>();
    private final Map<StockKey, BigDecimal> balances = new LinkedHashMap<>();
    private final Map<StockKey, BigDecimal> deltas = new LinkedHashMap<>();
    private final Map<StockKey, StockMeta> stockMeta = new HashMap<>();
    private final Map<ItemCode, Map<SiteCode, List<FefoRow>>> fefoRowsFromDb = new HashMap<>();
    /** In transit per key, with the receiving site (loaded and changed like balances). */
    private final Map<TransitKey, BigDecimal> inTransit = new LinkedHashMap<>();

    private final Map<TransitKey, SiteCode> transitTo = new HashMap<>();
    /** One change per key (a batch may be rewritten into one statement, which may touch a row once). */
    private final Map<TransitKey, TransitDelta> transitDeltas = new LinkedHashMap<>();

    final List<ProjectionRows.Receipt> receipts = new ArrayList<>();
    final List<ProjectionRows.Shipment> shipments = new ArrayList<>();
    final List<ProjectionRows.Returned> returns = new ArrayList<>();
    final List<ProjectionRows.Picked> picks = new ArrayList<>();
    final List<ProjectionRows.Link> links = new ArrayList<>();
    final List<ProjectionRows.Variance> variances = new ArrayList<>();

    private WorkingSet(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** The stock table's container column: the SSCC, or '' for loose stock. */
    static String container(Sscc sscc) {
        return sscc == null ? "" : sscc.value();
    }

    private static Sscc container(String column) {
        return column.isEmpty() ? null : Sscc.of(column);
    }

    /** Whether any of these events sends or receives stock between sites (only then is transit loaded). */
    static boolean movesBetweenSites(Collection<Event> events) {
        return events.stream().anyMatch(e -> e.type() == EventType.TRANSFER_OUT || e.type() == EventType.TRANSFER_IN);
    }

    /**
     * Locks and loads the given lots (and all their stock rows); with {@code transit}, also what of
     * them is in transit between sites — asked only for batches that send or receive a transfer, so
     * every other push saves the query.
     */
    static WorkingSet open(Connection c, Collection<LotRef> refs, boolean transit) throws SQLException {
        WorkingSet ws = new WorkingSet(c);
        TreeSet<LotRef> sorted = new TreeSet<>(refs);
        if (sorted.isEmpty()) {
            return ws;
        }
        String[] items = sorted.stream().map(r -> r.item().value()).toArray(String[]::new);
        String[] lotCodes = sorted.stream().map(r -> r.lot().value()).toArray(String[]::new);
        String[] keys = sorted.stream()
                .map(r -> r.item().value() + " " + r.lot().value())
                .toArray(String[]::new);
        Jdbc.query(
                c,
                "SELECT pg_advisory_xact_lock(hashtextextended(k, 1298)) FROM (SELECT k FROM unnest(?::text[]) AS k ORDER BY k) s",
                rs -> null,
                (Object) keys);
        Jdbc.query(
                c,
                "SELECT item, lot, site, status, expiry, manufactured, origin, supplier, supplier_lot, created_at, first_event_id, "
                        + "status_event_id, retest_date, potency FROM lot WHERE (item, lot) IN (SELECT * FROM unnest(?::text[], ?::text[]))",
                rs -> {
                    LotState l =
                            new LotState(new LotRef(ItemCode.of(rs.getString(1)), LotCode.of(rs.getString(2))), false);
                    l.site = SiteCode.of(rs.getString(3));
                    l.status = LotStatus.valueOf(rs.getString(4));
                    l.expiry = Jdbc.date(rs, "expiry");
                    l.manufactured = Jdbc.date(rs, "manufactured");
                    l.origin = LotOrigin.valueOf(rs.getString(7));
                    l.supplier = rs.getString(8) == null ? null : PartnerCode.of(rs.getString(8));
                    l.supplierLot = rs.getString(9) == null ? null : LotCode.of(rs.getString(9));
                    l.createdAt = Jdbc.instant(rs, "created_at");
                    l.firstEventId = rs.getObject(11, UUID.class);
                    l.statusEventId = rs.getObject(12, UUID.class);
                    l.retestDate = Jdbc.date(rs, "retest_date");
                    l.potency = ProjectionQueries.potency(rs);
                    ws.lots.put(l.ref, l);
                    return null;
                },
                items,
                lotCodes);
        Jdbc.query(
                c,
                "SELECT item, lot, location, container, site, quantity, uom FROM stock "
                        + "WHERE (item, lot) IN (SELECT * FROM unnest(?::text[], ?::text[]))",
                rs -> {
                    StockKey k = new StockKey(
                            new LotRef(ItemCode.of(rs.getString(1)), LotCode.of(rs.getString(2))),
                            LocationCode.of(rs.getString(3)),
                            container(rs.getString(4)));
                    ws.balances.put(k, rs.getBigDecimal(6));
                    ws.stockMeta.put(k, new StockMeta(SiteCode.of(rs.getString(5)), Uom.valueOf(rs.getString(7))));
                    return null;
                },
                items,
                lotCodes);
        if (!transit) {
            return ws;
        }
        Jdbc.query(
                c,
                "SELECT transfer, item, lot, container, to_site, quantity FROM transit "
                        + "WHERE (item, lot) IN (SELECT * FROM unnest(?::text[], ?::text[]))",
                rs -> {
                    TransitKey k = new TransitKey(
                            rs.getString(1),
                            new LotRef(ItemCode.of(rs.getString(2)), LotCode.of(rs.getString(3))),
                            container(rs.getString(4)));
                    ws.inTransit.put(k, rs.getBigDecimal(6));
                    ws.transitTo.put(k, SiteCode.of(rs.getString(5)));
                    return null;
                },
                items,
                lotCodes);
        return ws;
    }

    /** The lot, or null when the ledger does not know it. */
    LotState lot(LotRef ref) {
        return lots.get(ref);
    }

    LotState newLot(LotRef ref, SiteCode site, LotStatus status, LotOrigin origin, Instant createdAt, UUID eventId) {
        LotState l = new LotState(ref, true);
        l.site = site;
        l.status = status;
        l.origin = origin;
        l.createdAt = createdAt;
        l.firstEventId = eventId;
        lots.put(ref, l);
        return l;
    }

    /** Changes a balance; answers the new balance. */
    BigDecimal change(StockKey key, SiteCode site, Uom uom, BigDecimal delta) {
        stockMeta.putIfAbsent(key, new StockMeta(site, uom));
        BigDecimal balance = balances.getOrDefault(key, BigDecimal.ZERO).add(delta);
        balances.put(key, balance);
        deltas.merge(key, delta, BigDecimal::add);
        return balance;
    }

    /** Sends stock of a lot on a transfer: it is in transit from {@code from} to {@code to}. */
    void send(TransitKey key, SiteCode from, SiteCode to, Uom uom, BigDecimal quantity, Instant at) {
        inTransit.merge(key, quantity, BigDecimal::add);
        transitTo.putIfAbsent(key, to);
        changeTransit(new TransitDelta(key, from, to, uom, quantity, quantity, at));
    }

    /**
     * Receives stock of a lot sent on a transfer; answers what is left in transit on that key
     * (negative when more arrived than was sent).
     */
    BigDecimal arrive(TransitKey key, SiteCode from, SiteCode to, Uom uom, BigDecimal quantity, Instant at) {
        BigDecimal left = inTransit.getOrDefault(key, BigDecimal.ZERO).subtract(quantity);
        inTransit.put(key, left);
        transitTo.putIfAbsent(key, to);
        changeTransit(new TransitDelta(key, from, to, uom, BigDecimal.ZERO, quantity.negate(), at));
        return left;
    }

    private void changeTransit(TransitDelta d) {
        transitDeltas.merge(
                d.key(),
                d,
                (a, b) -> new TransitDelta(
                        a.key(),
                        a.from(),
                        a.to(),
                        a.uom(),
                        a.sent().add(b.sent()),
                        a.delta().add(b.delta()),
                        a.at().isAfter(b.at()) ? a.at() : b.at()));
    }

    /** Whether some of the lot is on its way to this site, on any transfer. */
    boolean inTransitTo(LotRef lot, SiteCode site) {
        for (Map.Entry<TransitKey, BigDecimal> e : inTransit.entrySet()) {
            if (e.getKey().lot().equals(lot) && e.getValue().signum() > 0 && site.equals(transitTo.get(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the lot holds positive stock anywhere at this site. */
    boolean holdsStockAt(LotRef lot, SiteCode site) {
        Map<StockKey, BigDecimal> byKey = new HashMap<>();
        balances.forEach((k, q) -> {
            if (k.lot().equals(lot) && site.equals(stockMeta.get(k).site())) {
                byKey.merge(new StockKey(lot, k.location(), null), q, BigDecimal::add);
            }
        });
        return byKey.values().stream().anyMatch(q -> q.signum() > 0);
    }

    /** On hand of a lot at a location, over all its containers. */
    BigDecimal onHand(LotRef ref, LocationCode location) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<StockKey, BigDecimal> e : balances.entrySet()) {
            StockKey k = e.getKey();
            if (k.lot().equals(ref) && k.location().equals(location)) {
                sum = sum.add(e.getValue());
            }
        }
        return sum;
    }

    /**
     * Positive stock of an item at a site by (lot, location), with lot facts: lots outside this
     * working set from the database (they cannot change under our feet in a way that matters to a
     * flag), lots inside it from memory.
     */
    List<FefoRow> positiveStock(ItemCode item, SiteCode site) throws SQLException {
        Map<SiteCode, List<FefoRow>> bySite = fefoRowsFromDb.computeIfAbsent(item, i -> new HashMap<>());
        List<FefoRow> fromDb = bySite.get(site);
        if (fromDb == null) {
            String[] mine = lots.keySet().stream()
                    .filter(r -> r.item().equals(item))
                    .map(r -> r.lot().value())
                    .toArray(String[]::new);
            fromDb = Jdbc.query(
                    connection,
                    "SELECT s.lot, s.location, SUM(s.quantity), l.status, l.expiry, l.retest_date, l.created_at "
                            + "FROM stock s JOIN lot l ON l.item = s.item AND l.lot = s.lot "
                            + "WHERE s.item = ? AND s.site = ? AND s.quantity > 0 AND NOT (s.lot = ANY(?)) "
                            + "GROUP BY s.lot, s.location, l.status, l.expiry, l.retest_date, l.created_at",
                    rs -> new FefoRow(
                            LotCode.of(rs.getString(1)),
                            LocationCode.of(rs.getString(2)),
                            rs.getBigDecimal(3),
                            LotStatus.valueOf(rs.getString(4)),
                            Jdbc.date(rs, "expiry"),
                            Jdbc.date(rs, "retest_date"),
                            Jdbc.instant(rs, "created_at")),
                    item,
                    site,
                    mine);
            bySite.put(site, fromDb);
        }
        List<FefoRow> out = new ArrayList<>(fromDb);
        record LotAt(LotRef lot, LocationCode location) {}
        Map<LotAt, BigDecimal> inMemory = new LinkedHashMap<>();
        balances.forEach((k, q) -> {
            if (k.lot().item().equals(item) && site.equals(stockMeta.get(k).site())) {
                inMemory.merge(new LotAt(k.lot(), k.location()), q, BigDecimal::add);
            }
        });
        inMemory.forEach((at, q) -> {
            LotState l = lots.get(at.lot());
            if (q.signum() > 0 && l != null) {
                out.add(new FefoRow(at.lot().lot(), at.location(), q, l.status, l.expiry, l.retestDate, l.createdAt));
            }
        });
        return out;
    }

    /** Writes every change back: lots, stock deltas, and the rows the events added. */
    void flush() throws SQLException {
        NEW_LOTS.run(connection, lots.values().stream().filter(l -> l.isNew).toList());
        CHANGED_LOTS.run(
                connection,
                lots.values().stream().filter(l -> !l.isNew && l.dirty).toList());
        List<StockDelta> stock = new ArrayList<>();
        deltas.forEach((k, d) -> {
            if (d.signum() != 0) {
                stock.add(new StockDelta(k, stockMeta.get(k), d));
            }
        });
        STOCK.run(connection, stock);
        TRANSIT.run(connection, transitDeltas.values());
        ProjectionRows.RECEIPTS.run(connection, receipts);
        ProjectionRows.SHIPMENTS.run(connection, shipments);
        ProjectionRows.RETURNS.run(connection, returns);
        ProjectionRows.PICKS.run(connection, picks);
        ProjectionRows.LINKS.run(connection, links);
        ProjectionRows.VARIANCES.run(connection, variances);
    }
}
