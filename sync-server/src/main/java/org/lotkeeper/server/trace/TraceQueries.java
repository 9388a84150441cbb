package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

/**
 * Batched reads of the projections for a set of lots: lot facts, stock, receipts, shipments and
 * returns. Each is one query over {@code unnest} of the lots, joined on the tables' (item, lot)
 * indexes.
 */
final class TraceQueries {

    /** A lot as the {@code lot} projection holds it. */
    record LotFacts(LotRef ref, String site, String status, LocalDate expiry, LocalDate manufactured, String origin, String supplier,
                    String supplierLot, Instant createdAt) {
    }

    record StockRow(LotRef lot, String location, String container, Quantity quantity) {
    }

    record ReceiptRow(UUID eventId, LotRef lot, String supplier, String supplierLot, String reference, Quantity quantity,
                      String location, Instant receivedAt) {
    }

    record ShipmentRow(UUID eventId, LotRef lot, String shipment, String customer, Quantity quantity, String location, Instant shippedAt) {
    }

    record ReturnRow(UUID eventId, LotRef lot, String customer, String reference, Quantity quantity, String location, String reason,
                     Instant returnedAt) {
    }

    private static final String LOTS = "unnest(?::varchar[], ?::varchar[]) AS k(item, lot)";

    private TraceQueries() {
    }

    static Map<LotRef, LotFacts> lots(Connection c, List<LotRef> lots) throws SQLException {
        Map<LotRef, LotFacts> out = new HashMap<>();
        if (lots.isEmpty()) {
            return out;
        }
        for (LotFacts f : Jdbc.query(c, "SELECT l.item, l.lot, l.site, l.status, l.expiry, l.manufactured, l.origin, l.supplier, "
                        + "l.supplier_lot, l.created_at FROM " + LOTS + " JOIN lot l ON l.item = k.item AND l.lot = k.lot",
                rs -> new LotFacts(Sql.lot(rs, "item", "lot"), rs.getString("site"), rs.getString("status"), Jdbc.date(rs, "expiry"),
                        Jdbc.date(rs, "manufactured"), rs.getString("origin"), rs.getString("supplier"), rs.getString("supplier_lot"),
                        Jdbc.instant(rs, "created_at")),
                Sql.items(lots), Sql.lots(lots))) {
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
        return Jdbc.query(c, "SELECT s.item, s.lot, s.location, s.container, s.quantity, s.uom FROM " + LOTS
                        + " JOIN stock s ON s.item = k.item AND s.lot = k.lot WHERE s.quantity <> 0 ORDER BY s.item, s.lot, s.location, s.container",
                rs -> new StockRow(Sql.lot(rs, "item", "lot"), rs.getString("location"), rs.getString("container"),
                        quantity(rs.getBigDecimal("quantity"), rs.getString("uom"))),
                Sql.items(lots), Sql.lots(lots));
    }

    static List<ReceiptRow> receipts(Connection c, List<LotRef> lots) throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(c, "SELECT r.event_id, r.item, r.lot, r.supplier, r.supplier_lot, r.reference, r.quantity, r.uom, r.location, "
                        + "r.received_at FROM " + LOTS + " JOIN receipt r ON r.item = k.item AND r.lot = k.lot ORDER BY r.received_at, r.event_id",
                rs -> new ReceiptRow(rs.getObject("event_id", UUID.class), Sql.lot(rs, "item", "lot"), rs.getString("supplier"),
                        rs.getString("supplier_lot"), rs.getString("reference"), quantity(rs.getBigDecimal("quantity"), rs.getString("uom")),
                        rs.getString("location"), Jdbc.instant(rs, "received_at")),
                Sql.items(lots), Sql.lots(lots));
    }

    static List<ShipmentRow> shipments(Connection c, List<LotRef> lots) throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(c, "SELECT s.event_id, s.item, s.lot, s.shipment, s.customer, s.quantity, s.uom, s.location, s.shipped_at FROM "
                        + LOTS + " JOIN shipment_line s ON s.item = k.item AND s.lot = k.lot ORDER BY s.shipped_at, s.event_id",
                rs -> new ShipmentRow(rs.getObject("event_id", UUID.class), Sql.lot(rs, "item", "lot"), rs.getString("shipment"),
                        rs.getString("customer"), quantity(rs.getBigDecimal("quantity"), rs.getString("uom")), rs.getString("location"),
                        Jdbc.instant(rs, "shipped_at")),
                Sql.items(lots), Sql.lots(lots));
    }

    static List<ReturnRow> returns(Connection c, List<LotRef> lots) throws SQLException {
        if (lots.isEmpty()) {
            return List.of();
        }
        return Jdbc.query(c, "SELECT r.event_id, r.item, r.lot, r.customer, r.reference, r.quantity, r.uom, r.location, r.reason, "
                        + "r.returned_at FROM " + LOTS + " JOIN return_line r ON r.item = k.item AND r.lot = k.lot ORDER BY r.returned_at, r.event_id",
                rs -> new ReturnRow(rs.getObject("event_id", UUID.class), Sql.lot(rs, "item", "lot"), rs.getString("customer"),
                        rs.getString("reference"), quantity(rs.getBigDecimal("quantity"), rs.getString("uom")), rs.getString("location"),
                        rs.getString("reason"), Jdbc.instant(rs, "returned_at")),
                Sql.items(lots), Sql.lots(lots));
    }

    /** Every lot received from this supplier with this supplier lot code, in receipt order. */
    static List<LotRef> receivedWithSupplierLot(Connection c, String supplier, String supplierLot) throws SQLException {
        return Jdbc.query(c, "SELECT item, lot FROM receipt WHERE supplier = ? AND supplier_lot = ? GROUP BY item, lot "
                        + "ORDER BY min(received_at), item, lot",
                rs -> Sql.lot(rs, "item", "lot"), supplier, supplierLot);
    }

    /** The newest ledger position. */
    static long ledgerHead(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(max(ledger_seq), 0) FROM ledger_event", rs -> rs.getLong(1));
    }

    static Quantity quantity(BigDecimal value, String uom) {
        return Quantity.of(value, Uom.byCode(uom).orElseThrow(() -> new IllegalStateException("unknown unit " + uom + " in the projections")));
    }

    static <T> List<T> distinct(Collection<T> values) {
        return List.copyOf(new java.util.LinkedHashSet<>(values));
    }
}
