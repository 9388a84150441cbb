package org.lotkeeper.server.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;

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

    /** Where a quantity of a lot sits: a location and a container ('' when loose). */
    record StockKey(String item, String lot, String location, String container) {
    }

    /** A lot row, as loaded or as made by this transaction. */
    static final class LotState {
        final LotRef ref;
        String site;
        LotStatus status;
        LocalDate expiry;
        LocalDate manufactured;
        String origin;
        String supplier;
        String supplierLot;
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

    private final Connection connection;
    private final Map<LotRef, LotState> lots = new HashMap<>();
    private final Map<StockKey, BigDecimal> balances = new LinkedHashMap<>();
    private final Map<StockKey, BigDecimal> deltas = new LinkedHashMap<>();
    private final Map<StockKey, String[]> stockSiteAndUom = new HashMap<>();
    private final Map<String, List<Object[]>> fefoRowsByItem = new HashMap<>();
    final List<Object[]> receipts = new ArrayList<>();
    final List<Object[]> shipments = new ArrayList<>();
    final List<Object[]> returns = new ArrayList<>();
    final List<Object[]> links = new ArrayList<>();
    final List<Object[]> variances = new ArrayList<>();

    private WorkingSet(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Locks and loads the given lots (and all their stock rows). */
    static WorkingSet open(Connection c, Collection<LotRef> refs) throws SQLException {
        WorkingSet ws = new WorkingSet(c);
        TreeSet<String> keys = new TreeSet<>();
        refs.forEach(r -> keys.add(r.item().value() + " " + r.lot().value()));
        if (keys.isEmpty()) {
            return ws;
        }
        String[] keyArray = keys.toArray(String[]::new);
        Jdbc.query(c, "SELECT pg_advisory_xact_lock(hashtextextended(k, 1298)) FROM (SELECT k FROM unnest(?::text[]) AS k ORDER BY k) s",
                rs -> null, (Object) keyArray);
        String[] items = new String[keyArray.length];
        String[] lotCodes = new String[keyArray.length];
        for (int i = 0; i < keyArray.length; i++) {
            int cut = keyArray[i].indexOf(' ');
            items[i] = keyArray[i].substring(0, cut);
            lotCodes[i] = keyArray[i].substring(cut + 1);
        }
        Jdbc.query(c, "SELECT item, lot, site, status, expiry, manufactured, origin, supplier, supplier_lot, created_at, first_event_id, "
                        + "status_event_id FROM lot WHERE (item, lot) IN (SELECT * FROM unnest(?::text[], ?::text[]))",
                rs -> {
                    LotState l = new LotState(new LotRef(ItemCode.of(rs.getString(1)), LotCode.of(rs.getString(2))), false);
                    l.site = rs.getString(3);
                    l.status = LotStatus.valueOf(rs.getString(4));
                    l.expiry = Jdbc.date(rs, "expiry");
                    l.manufactured = Jdbc.date(rs, "manufactured");
                    l.origin = rs.getString(7);
                    l.supplier = rs.getString(8);
                    l.supplierLot = rs.getString(9);
                    l.createdAt = Jdbc.instant(rs, "created_at");
                    l.firstEventId = rs.getObject(11, UUID.class);
                    l.statusEventId = rs.getObject(12, UUID.class);
                    ws.lots.put(l.ref, l);
                    return null;
                }, items, lotCodes);
        Jdbc.query(c, "SELECT item, lot, location, container, site, quantity, uom FROM stock "
                        + "WHERE (item, lot) IN (SELECT * FROM unnest(?::text[], ?::text[]))",
                rs -> {
                    StockKey k = new StockKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    ws.balances.put(k, rs.getBigDecimal(6));
                    ws.stockSiteAndUom.put(k, new String[] {rs.getString(5), rs.getString(7)});
                    return null;
                }, items, lotCodes);
        return ws;
    }

    /** The lot, or null when the ledger does not know it. */
    LotState lot(LotRef ref) {
        return lots.get(ref);
    }

    LotState newLot(LotRef ref, String site, LotStatus status, String origin, Instant createdAt, UUID eventId) {
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
    BigDecimal change(StockKey key, String site, String uom, BigDecimal delta) {
        stockSiteAndUom.putIfAbsent(key, new String[] {site, uom});
        BigDecimal balance = balances.getOrDefault(key, BigDecimal.ZERO).add(delta);
        balances.put(key, balance);
        deltas.merge(key, delta, BigDecimal::add);
        return balance;
    }

    /** On hand of a lot at a location, over all its containers. */
    BigDecimal onHand(LotRef ref, String location) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<StockKey, BigDecimal> e : balances.entrySet()) {
            StockKey k = e.getKey();
            if (k.item().equals(ref.item().value()) && k.lot().equals(ref.lot().value()) && k.location().equals(location)) {
                sum = sum.add(e.getValue());
            }
        }
        return sum;
    }

    /**
     * Positive stock of an item at a site by (lot, location), with lot facts: lots outside this
     * working set from the database (they cannot change under our feet in a way that matters to a
     * flag), lots inside it from memory. Rows: lot, location, quantity, status, expiry, created.
     */
    List<Object[]> positiveStock(String item, String site) throws SQLException {
        List<Object[]> fromDb = fefoRowsByItem.get(item + " " + site);
        if (fromDb == null) {
            String[] mine = lots.keySet().stream().filter(r -> r.item().value().equals(item)).map(r -> r.lot().value()).toArray(String[]::new);
            fromDb = Jdbc.query(connection, "SELECT s.lot, s.location, SUM(s.quantity), l.status, l.expiry, l.created_at "
                            + "FROM stock s JOIN lot l ON l.item = s.item AND l.lot = s.lot "
                            + "WHERE s.item = ? AND s.site = ? AND s.quantity > 0 AND NOT (s.lot = ANY(?)) "
                            + "GROUP BY s.lot, s.location, l.status, l.expiry, l.created_at",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getBigDecimal(3), LotStatus.valueOf(rs.getString(4)),
                            Jdbc.date(rs, "expiry"), Jdbc.instant(rs, "created_at")},
                    item, site, mine);
            fefoRowsByItem.put(item + " " + site, fromDb);
        }
        List<Object[]> out = new ArrayList<>(fromDb);
        Map<List<String>, BigDecimal> mine = new LinkedHashMap<>();
        balances.forEach((k, q) -> {
            if (k.item().equals(item) && site.equals(stockSiteAndUom.get(k)[0])) {
                mine.merge(List.of(k.lot(), k.location()), q, BigDecimal::add);
            }
        });
        mine.forEach((lotAndLocation, q) -> {
            if (q.signum() > 0) {
                LotState l = lots.get(new LotRef(ItemCode.of(item), LotCode.of(lotAndLocation.get(0))));
                if (l != null) {
                    out.add(new Object[] {lotAndLocation.get(0), lotAndLocation.get(1), q, l.status, l.expiry, l.createdAt});
                }
            }
        });
        return out;
    }

    /** Writes every change back: lots, stock deltas, and the rows the events added. */
    void flush() throws SQLException {
        batch("INSERT INTO lot (item, lot, site, status, expiry, manufactured, origin, supplier, supplier_lot, created_at, first_event_id, "
                + "status_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lots.values().stream().filter(l -> l.isNew)
                .map(l -> new Object[] {l.ref.item().value(), l.ref.lot().value(), l.site, l.status.name(), l.expiry, l.manufactured, l.origin,
                        l.supplier, l.supplierLot, l.createdAt, l.firstEventId, l.statusEventId}).toList());
        batch("UPDATE lot SET status = ?, expiry = ?, manufactured = ?, origin = ?, supplier = ?, supplier_lot = ?, status_event_id = ?, "
                + "changed_xid = pg_current_xact_id() WHERE item = ? AND lot = ?", lots.values().stream().filter(l -> !l.isNew && l.dirty)
                .map(l -> new Object[] {l.status.name(), l.expiry, l.manufactured, l.origin, l.supplier, l.supplierLot, l.statusEventId,
                        l.ref.item().value(), l.ref.lot().value()}).toList());
        List<Object[]> stock = new ArrayList<>();
        deltas.forEach((k, d) -> {
            if (d.signum() != 0) {
                String[] siteUom = stockSiteAndUom.get(k);
                stock.add(new Object[] {k.item(), k.lot(), k.location(), k.container(), siteUom[0], d, siteUom[1]});
            }
        });
        batch("INSERT INTO stock (item, lot, location, container, site, quantity, uom) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (item, lot, location, container) DO UPDATE SET quantity = stock.quantity + EXCLUDED.quantity, "
                + "changed_xid = pg_current_xact_id()", stock);
        batch("INSERT INTO receipt (event_id, item, lot, supplier, supplier_lot, reference, quantity, uom, location, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", receipts);
        batch("INSERT INTO shipment_line (event_id, shipment, customer, item, lot, quantity, uom, location, shipped_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", shipments);
        batch("INSERT INTO return_line (event_id, customer, reference, item, lot, quantity, uom, location, reason, returned_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", returns);
        batch("INSERT INTO lot_link (from_item, from_lot, to_item, to_lot, quantity, uom, kind, batch, event_id, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", links);
        batch("INSERT INTO count_variance (event_id, site, item, lot, location, counted, expected, uom) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                variances);
    }

    private void batch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                Jdbc.bind(connection, ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
