package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.ledger.ProjectionQueries;

/**
 * Batched reads of the projections for a set of lots: lot facts, stock, receipts, returns, and
 * shipments summed (per lot, per customer) or a page of lines at a time. Each is one query over
 * {@code unnest} of the lots, joined on the tables' (item, lot) indexes.
 */
final class TraceQueries {

    /** A lot as the {@code lot} projection holds it. */
    record LotFacts(
            LotRef ref,
            String site,
            String status,
            LocalDate expiry,
            LocalDate manufactured,
            String origin,
            String supplier,
            String supplierLot,
            Instant createdAt,
            LocalDate retestDate,
            Potency potency) {}

    record StockRow(LotRef lot, String location, String container, Quantity quantity) {}

    /** Stock of a lot on its way between sites on a transfer order, on a pallet ('' when loose). */
    record TransitRow(
            LotRef lot, String transfer, String fromSite, String toSite, String container, Quantity quantity) {

        /** Where it is, as people read it: "in transit on TR-1, PLANT-1 → PLANT-2". */
        String where() {
            return "in transit on " + transfer + ", " + fromSite + " → " + toSite;
        }
    }

    /** A receipt, with the supplier's name as master data holds it (null when it has none). */
    record ReceiptRow(
            UUID eventId,
            LotRef lot,
            String supplier,
            String supplierName,
            String supplierLot,
            String reference,
            Quantity quantity,
            String location,
            Instant receivedAt) {}

    record ShipmentRow(
            UUID eventId,
            LotRef lot,
            String shipment,
            String customer,
            Quantity quantity,
            String location,
            Instant shippedAt) {}

    /** A return line, with the customer's name as master data holds it (null when it has none). */
    record ReturnRow(
            UUID eventId,
            LotRef lot,
            String customer,
            String customerName,
            String reference,
            Quantity quantity,
            String location,
            String reason,
            Instant returnedAt) {}

    /** Shipments of one lot in one unit, summed: lines, quantity, first and last date. */
    record LotShippedRow(LotRef lot, Quantity quantity, int lines, Instant firstShippedAt, Instant lastShippedAt) {}

    /** What one customer got (or sent back) of a set of lots in one unit, summed: lines, quantity, first and last date. */
    record CustomerTotalRow(String customer, Quantity quantity, int lines, Instant first, Instant last) {}

    /** A position in lines ordered by (time, event id): the last line of the page before. */
    record Cursor(Instant at, UUID eventId) {}

    private static final String LOTS = "unnest(?::varchar[], ?::varchar[]) AS k(item, lot)";

    /** The return lines of the lots {@link #LOTS} with their customers' names, as {@link #returned} reads them. */
    private static final String RETURN_LINES =
            "SELECT r.event_id, r.item, r.lot, r.customer, p.name AS customer_name, r.reference, r.quantity, r.uom, "
                    + "r.location, r.reason, r.returned_at FROM " + LOTS
                    + " JOIN return_line r ON r.item = k.item AND r.lot = k.lot LEFT JOIN partner p ON p.code = r.customer";

    private TraceQueries() {}

    /**
     * {@code FROM} the lots {@link #LOTS} and, as {@code alias}, each one's rows of {@code table}
     * that pass {@code and} (empty, or {@code " AND …"} on {@code x}): one index probe per lot,
     * whatever the number of lots. The subquery is fenced ({@code OFFSET 0}) so that PostgreSQL
     * cannot make it a join: knowing there are thousands of lots, it would read and hash the whole
     * table instead (a popular recall's 15,288 lots at 10M events: their facts 0.76 s against
     * 0.09 s, their stock 0.51 s against 0.10 s; docs/PERFORMANCE.md). The cost follows the
     * answer, not the table. Meant for reads of about one row per lot: the subquery adds a little
     * to each row, which shows where lots have many (the widest recall's 2.5 M shipment lines).
     */
    private static String eachLot(String table, String alias, String and) {
        return " FROM " + LOTS + " CROSS JOIN LATERAL (SELECT * FROM " + table
                + " x WHERE x.item = k.item AND x.lot = k.lot" + and + " OFFSET 0) " + alias;
    }

    /** The columns {@link #facts} reads, of {@code lot l}. */
    static final String FACTS = "l.item, l.lot, l.site, l.status, l.expiry, l.manufactured, l.origin, l.supplier, "
            + "l.supplier_lot, l.created_at, l.retest_date, l.potency";

    /** A row with the columns {@link #FACTS}. */
    static LotFacts facts(ResultSet rs) throws SQLException {
        return new LotFacts(
                Sql.lot(rs, "item", "lot"),
                rs.getString("site"),
                rs.getString("status"),
                Jdbc.date(rs, "expiry"),
                Jdbc.date(rs, "manufactured"),
                rs.getString("origin"),
                rs.getString("supplier"),
                rs.getString("supplier_lot"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.date(rs, "retest_date"),
                ProjectionQueries.potency(rs));
    }

    static Map<LotRef, LotFacts> lots(Connection c, List<LotRef> lots) throws SQLException {
        Map<LotRef, LotFacts> out = new HashMap<>();
        if (lots.isEmpty()) {
            return out;
        }
        for (LotFacts f : Jdbc.query(
                c, "SELECT " + FACTS + eachLot("lot", "l", ""), TraceQueries::facts, Sql.items(lots), Sql.lots(lots))) {
            out.put(f.ref(), f);
        }
        return out;
    }

    static LotFacts lot(Connection c, LotRef lot) throws SQLException {
        return lots(c, List.of(lot)).get(lot);
    }

    /** Stock rows of these lots whose quantity is not zero, by lot, location and container. */
    static List<StockRow> stock(Connection c, List<LotRef> lots) throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(
                c,
                "SELECT s.item, s.lot, s.location, s.container, s.quantity, s.uom"
                        + eachLot("stock", "s", " AND x.quantity <> 0")
                        + " ORDER BY s.item, s.lot, s.location, s.container",
                rs -> new StockRow(
                        Sql.lot(rs, "item", "lot"),
                        rs.getString("location"),
                        rs.getString("container"),
                        quantity(rs.getBigDecimal("quantity"), rs.getString("uom"))),
                Sql.items(lots),
                Sql.lots(lots));
    }

    /** What of these lots is in transit between sites (sent, not yet received). */
    static List<TransitRow> transit(Connection c, List<LotRef> lots) throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(
                c,
                "SELECT t.item, t.lot, t.transfer, t.from_site, t.to_site, t.container, t.quantity, t.uom FROM " + LOTS
                        + " JOIN transit t ON t.item = k.item AND t.lot = k.lot WHERE t.quantity > 0 "
                        + "ORDER BY t.item, t.lot, t.transfer, t.container",
                rs -> new TransitRow(
                        Sql.lot(rs, "item", "lot"),
                        rs.getString("transfer"),
                        rs.getString("from_site"),
                        rs.getString("to_site"),
                        rs.getString("container"),
                        quantity(rs.getBigDecimal("quantity"), rs.getString("uom"))),
                Sql.items(lots),
                Sql.lots(lots));
    }

    /** The receipts of these lots, in receipt order, as one query of {@code q}. */
    static Jdbc.Rows<ReceiptRow> receipts(Jdbc.Queries q, List<LotRef> lots) {
        return q.add(
                "SELECT r.event_id, r.item, r.lot, r.supplier, p.name AS supplier_name, r.supplier_lot, r.reference, "
                        + "r.quantity, r.uom, r.location, r.received_at FROM " + LOTS
                        + " JOIN receipt r ON r.item = k.item AND r.lot = k.lot LEFT JOIN partner p ON p.code = r.supplier"
                        + " ORDER BY r.received_at, r.event_id",
                rs -> new ReceiptRow(
                        rs.getObject("event_id", UUID.class),
                        Sql.lot(rs, "item", "lot"),
                        rs.getString("supplier"),
                        rs.getString("supplier_name"),
                        rs.getString("supplier_lot"),
                        rs.getString("reference"),
                        quantity(rs.getBigDecimal("quantity"), rs.getString("uom")),
                        rs.getString("location"),
                        Jdbc.instant(rs, "received_at")),
                Sql.items(lots),
                Sql.lots(lots));
    }

    /** The return lines of these lots, in return order, as one query of {@code q}. */
    static Jdbc.Rows<ReturnRow> returns(Jdbc.Queries q, List<LotRef> lots) {
        return q.add(
                RETURN_LINES + " ORDER BY r.returned_at, r.event_id",
                TraceQueries::returned,
                Sql.items(lots),
                Sql.lots(lots));
    }

    private static ShipmentRow shipment(ResultSet rs) throws SQLException {
        return new ShipmentRow(
                rs.getObject("event_id", UUID.class),
                Sql.lot(rs, "item", "lot"),
                rs.getString("shipment"),
                rs.getString("customer"),
                quantity(rs.getBigDecimal("quantity"), rs.getString("uom")),
                rs.getString("location"),
                Jdbc.instant(rs, "shipped_at"));
    }

    private static ReturnRow returned(ResultSet rs) throws SQLException {
        return new ReturnRow(
                rs.getObject("event_id", UUID.class),
                Sql.lot(rs, "item", "lot"),
                rs.getString("customer"),
                rs.getString("customer_name"),
                rs.getString("reference"),
                quantity(rs.getBigDecimal("quantity"), rs.getString("uom")),
                rs.getString("location"),
                rs.getString("reason"),
                Jdbc.instant(rs, "returned_at"));
    }

    /** The shipments of some lots summed per lot and unit, and how many customers got any of them. */
    record Shipped(List<LotShippedRow> lots, int customers) {}

    /** A row of {@link #shipped(Jdbc.Queries, List)}: one lot's sums, or (without a lot) the number of customers. */
    record ShippedRow(LotShippedRow lot, int customers) {}

    /**
     * The shipments of these lots summed per lot and unit, and the number of distinct customers,
     * as one query of {@code q} whose rows make a {@link Shipped} ({@link #shipped(List)}):
     * one statement over the lines, read once from the index ({@code shipment_line_lot_cover},
     * index-only) and grouped twice; grouped by code points ({@code COLLATE "C"}), which sorts far
     * faster than the database's language collation and does not matter for sums.
     */
    static Jdbc.Rows<ShippedRow> shipped(Jdbc.Queries q, List<LotRef> lots) {
        return q.add(
                "WITH l AS (SELECT s.item, s.lot, s.uom, s.customer, s.quantity, s.shipped_at FROM " + LOTS
                        + " JOIN shipment_line s ON s.item = k.item AND s.lot = k.lot) "
                        + "SELECT item COLLATE \"C\" AS item, lot COLLATE \"C\" AS lot, uom, count(*) AS lines, sum(quantity) AS quantity, "
                        + "min(shipped_at) AS first, max(shipped_at) AS last FROM l GROUP BY 1, 2, 3 "
                        + "UNION ALL SELECT NULL, NULL, NULL, count(*), NULL, NULL, NULL FROM (SELECT DISTINCT customer FROM l) d",
                rs -> rs.getString("item") == null
                        ? new ShippedRow(null, rs.getInt("lines"))
                        : new ShippedRow(
                                new LotShippedRow(
                                        Sql.lot(rs, "item", "lot"),
                                        quantity(rs.getBigDecimal("quantity"), rs.getString("uom")),
                                        rs.getInt("lines"),
                                        Jdbc.instant(rs, "first"),
                                        Jdbc.instant(rs, "last")),
                                0),
                Sql.items(lots),
                Sql.lots(lots));
    }

    /** The sums per lot (in lot and unit order) and the number of customers. */
    static Shipped shipped(List<ShippedRow> rows) {
        List<LotShippedRow> lots = new ArrayList<>();
        int customers = 0;
        for (ShippedRow r : rows) {
            if (r.lot() == null) {
                customers = r.customers();
            } else {
                lots.add(r.lot());
            }
        }
        lots.sort(Comparator.comparing(LotShippedRow::lot)
                .thenComparing(r -> r.quantity().uom().name()));
        return new Shipped(lots, customers);
    }

    /** What each customer got of one lot in one unit, summed. */
    record LotCustomerRow(LotRef lot, String customer, Quantity quantity) {}

    /** The shipments of these lots summed per lot, customer and unit (a genealogy picture's customer edges). */
    static List<LotCustomerRow> shippedByLotAndCustomer(Connection c, List<LotRef> lots) throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(
                c,
                "SELECT s.item, s.lot, s.customer, s.uom, sum(s.quantity) AS quantity FROM " + LOTS
                        + " JOIN shipment_line s ON s.item = k.item AND s.lot = k.lot GROUP BY s.item, s.lot, s.customer, s.uom",
                rs -> new LotCustomerRow(
                        Sql.lot(rs, "item", "lot"),
                        rs.getString("customer"),
                        quantity(rs.getBigDecimal("quantity"), rs.getString("uom"))),
                Sql.items(lots),
                Sql.lots(lots));
    }

    /**
     * What each customer was shipped of these lots, per unit. PostgreSQL cannot estimate how many
     * lines a list of lots joins to and would sort them all by customer to group them; inside a
     * transaction the sort is switched off for this one statement, so it groups in a hash table
     * (a popular lot's 376,000 lines: ~0.17 s against ~0.45 s).
     */
    static List<CustomerTotalRow> shippedByCustomer(Connection c, List<LotRef> lots) throws SQLException {
        return byCustomer(c, lots, "shipment_line", "shipped_at", null);
    }

    /** What each customer sent back of these lots, per unit. */
    static List<CustomerTotalRow> returnedByCustomer(Connection c, List<LotRef> lots) throws SQLException {
        return byCustomer(c, lots, "return_line", "returned_at", null);
    }

    /** {@link #shippedByCustomer} as the ledger held it at {@code asOfSeq}. */
    static List<CustomerTotalRow> shippedByCustomer(Connection c, List<LotRef> lots, long asOfSeq) throws SQLException {
        return byCustomer(c, lots, "shipment_line", "shipped_at", asOfSeq);
    }

    /** {@link #returnedByCustomer} as the ledger held it at {@code asOfSeq}. */
    static List<CustomerTotalRow> returnedByCustomer(Connection c, List<LotRef> lots, long asOfSeq)
            throws SQLException {
        return byCustomer(c, lots, "return_line", "returned_at", asOfSeq);
    }

    private static List<CustomerTotalRow> byCustomer(
            Connection c, List<LotRef> lots, String table, String at, Long asOfSeq) throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        boolean inTransaction = !c.getAutoCommit();
        if (inTransaction) {
            Jdbc.one(c, "SELECT set_config('enable_sort', 'off', true)", rs -> null);
        }
        try {
            return Jdbc.query(
                    c,
                    "SELECT s.customer, s.uom, count(*) AS lines, sum(s.quantity) AS quantity, min(s." + at
                            + ") AS first, "
                            + "max(s." + at + ") AS last FROM " + LOTS + " JOIN " + table
                            + " s ON s.item = k.item AND s.lot = k.lot "
                            + (asOfSeq == null
                                    ? ""
                                    : "JOIN ledger_event e ON e.event_id = s.event_id AND e.ledger_seq <= " + asOfSeq
                                            + " ")
                            + "GROUP BY s.customer, s.uom",
                    rs -> new CustomerTotalRow(
                            rs.getString("customer"),
                            quantity(rs.getBigDecimal("quantity"), rs.getString("uom")),
                            rs.getInt("lines"),
                            Jdbc.instant(rs, "first"),
                            Jdbc.instant(rs, "last")),
                    Sql.items(lots),
                    Sql.lots(lots));
        } finally {
            if (inTransaction && c.isValid(0)) {
                try {
                    Jdbc.one(c, "SELECT set_config('enable_sort', 'on', true)", rs -> null);
                } catch (SQLException aborted) {
                    // the statement above failed and aborted the transaction, which ends the setting anyway;
                    // its own error is the one that matters
                }
            }
        }
    }

    /**
     * One page of the shipment lines of these lots in (shipped at, event id) order after
     * {@code after}: of one customer, or all; with {@code asOfSeq}, only lines the ledger held at
     * that position.
     */
    static List<ShipmentRow> shipmentPage(
            Connection c, List<LotRef> lots, String customer, Long asOfSeq, Cursor after, int limit)
            throws SQLException {
        return heldAt(
                c,
                asOfSeq,
                after,
                limit,
                (from, n) -> lines(
                        c,
                        lots,
                        customer,
                        from,
                        n,
                        "SELECT s.event_id, s.item, s.lot, s.shipment, s.customer, s.quantity, s.uom, s.location, s.shipped_at FROM "
                                + LOTS + " JOIN shipment_line s ON s.item = k.item AND s.lot = k.lot",
                        "s",
                        "shipped_at",
                        TraceQueries::shipment),
                r -> new Cursor(r.shippedAt(), r.eventId()),
                ShipmentRow::eventId);
    }

    /** One page of the return lines of these lots, as {@link #shipmentPage}. */
    static List<ReturnRow> returnPage(
            Connection c, List<LotRef> lots, String customer, Long asOfSeq, Cursor after, int limit)
            throws SQLException {
        return heldAt(
                c,
                asOfSeq,
                after,
                limit,
                (from, n) ->
                        lines(c, lots, customer, from, n, RETURN_LINES, "r", "returned_at", TraceQueries::returned),
                r -> new Cursor(r.returnedAt(), r.eventId()),
                ReturnRow::eventId);
    }

    /** Up to {@code limit} lines after {@code after}. */
    private interface Fetch<R> {
        List<R> rows(Cursor after, int limit) throws SQLException;
    }

    private static <R> List<R> lines(
            Connection c,
            List<LotRef> lots,
            String customer,
            Cursor after,
            int limit,
            String select,
            String alias,
            String at,
            Jdbc.Row<R> row)
            throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(Sql.items(lots), Sql.lots(lots)));
        StringBuilder sql = new StringBuilder(select).append(" WHERE true");
        if (customer != null) {
            sql.append(" AND ").append(alias).append(".customer = ?");
            params.add(customer);
        }
        if (after != null) {
            sql.append(" AND (")
                    .append(alias)
                    .append('.')
                    .append(at)
                    .append(", ")
                    .append(alias)
                    .append(".event_id) > (?, ?)");
            params.add(after.at());
            params.add(after.eventId());
        }
        sql.append(" ORDER BY ")
                .append(alias)
                .append('.')
                .append(at)
                .append(", ")
                .append(alias)
                .append(".event_id LIMIT ?");
        params.add(limit);
        return Jdbc.query(c, sql.toString(), row, params.toArray());
    }

    /**
     * A page of lines as the ledger held them at {@code asOfSeq} (all lines when null). The lines
     * come in order a page at a time and only those are looked up in the ledger — joining every
     * line of a popular recall to the ledger before the first page took seconds.
     */
    private static <R> List<R> heldAt(
            Connection c,
            Long asOfSeq,
            Cursor after,
            int limit,
            Fetch<R> fetch,
            Function<R, Cursor> position,
            Function<R, UUID> eventId)
            throws SQLException {
        if (asOfSeq == null) {
            return fetch.rows(after, limit);
        }
        List<R> out = new ArrayList<>(limit);
        Cursor from = after;
        while (out.size() < limit) {
            // whole chunks: lines recorded after the recall are skipped a page's worth at a time
            List<R> chunk = fetch.rows(from, limit);
            if (chunk.isEmpty()) {
                break;
            }
            Set<UUID> held = new HashSet<>(Jdbc.query(
                    c,
                    "SELECT event_id FROM ledger_event WHERE event_id = ANY(?) AND ledger_seq <= ?",
                    rs -> rs.getObject(1, UUID.class),
                    chunk.stream().map(eventId).toArray(UUID[]::new),
                    asOfSeq));
            for (R r : chunk) {
                if (out.size() < limit && held.contains(eventId.apply(r))) {
                    out.add(r);
                }
            }
            if (chunk.size() < limit) {
                break;
            }
            from = position.apply(chunk.get(chunk.size() - 1));
        }
        return out;
    }

    /** Every lot received from this supplier with this supplier lot code, in receipt order. */
    static List<LotRef> receivedWithSupplierLot(Connection c, String supplier, String supplierLot) throws SQLException {
        return Jdbc.query(
                c,
                // any case, as the console's form and the lot search find a supplier's lot code: a recall errs wide
                "SELECT item, lot FROM receipt WHERE supplier = ? AND upper(supplier_lot) = upper(?) GROUP BY item, lot "
                        + "ORDER BY min(received_at), item, lot",
                rs -> Sql.lot(rs, "item", "lot"),
                supplier,
                supplierLot);
    }

    /** The newest ledger position. */
    static long ledgerHead(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(max(ledger_seq), 0) FROM ledger_event", rs -> rs.getLong(1));
    }

    static Quantity quantity(BigDecimal value, String uom) {
        return Quantity.of(
                value,
                Uom.byCode(uom)
                        .orElseThrow(() -> new IllegalStateException("unknown unit " + uom + " in the projections")));
    }

    static <T> List<T> distinct(Collection<T> values) {
        return List.copyOf(new java.util.LinkedHashSet<>(values));
    }
}
