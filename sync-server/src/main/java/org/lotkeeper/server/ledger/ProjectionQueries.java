package org.lotkeeper.server.ledger;

import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ContainerRow;
import org.lotkeeper.model.wire.LotRow;
import org.lotkeeper.model.wire.StockRow;
import org.lotkeeper.server.db.Jdbc;

/**
 * Reads of the lot and stock projections by change position, for incremental pulls.
 *
 * <p>Change positions are PostgreSQL transaction ids ({@code xid8}): every projection row
 * records the transaction that last changed it. A reader takes {@link #horizon()} — the oldest
 * transaction still running — and later asks for rows changed at or after it; whatever commits
 * after the read has an id at or above that horizon, so nothing is ever skipped, whatever order
 * transactions commit in. A row may come twice; devices apply rows idempotently.
 */
@ApplicationScoped
public class ProjectionQueries {

    /** A page key for lots: (item, lot); empty strings start at the beginning. */
    public record LotKey(String item, String lot) {
        public static final LotKey START = new LotKey("", "");
    }

    /** A page key for stock: (item, lot, location). */
    public record StockKey(String item, String lot, String location) {
        public static final StockKey START = new StockKey("", "", "");
    }

    /** A page key for container rows: (sscc, item, lot, location). */
    public record ContainerKey(String sscc, String item, String lot, String location) {
        public static final ContainerKey START = new ContainerKey("", "", "", "");
    }

    /** A lot as the projection holds it now. */
    public record LotSummary(
            String item,
            String lot,
            String site,
            LotStatus status,
            java.time.LocalDate expiry,
            String origin,
            String supplier,
            String supplierLot,
            java.time.LocalDate retestDate,
            java.time.LocalDate manufactured,
            Potency potency) {}

    @Inject
    DataSource dataSource;

    /** The lot (item, lot), if the ledger knows it. */
    @Transactional
    public java.util.Optional<LotSummary> lot(String item, String lot) {
        return java.util.Optional.ofNullable(read(c -> Jdbc.one(
                c,
                "SELECT item, lot, site, status, expiry, origin, supplier, supplier_lot, retest_date, manufactured, potency "
                        + "FROM lot WHERE item = ? AND lot = ?",
                rs -> new LotSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        LotStatus.valueOf(rs.getString(4)),
                        Jdbc.date(rs, "expiry"),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        Jdbc.date(rs, "retest_date"),
                        Jdbc.date(rs, "manufactured"),
                        potency(rs)),
                item,
                lot)));
    }

    /** A lot row's potency column (V22), or null. */
    public static Potency potency(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.math.BigDecimal p = rs.getBigDecimal("potency");
        return p == null ? null : new Potency(p);
    }

    /** True while the ledger holds no event at all. */
    @Transactional
    public boolean ledgerIsEmpty() {
        return read(c -> Jdbc.one(c, "SELECT NOT EXISTS (SELECT 1 FROM ledger_event)", rs -> rs.getBoolean(1)));
    }

    /** The change position below which every transaction has finished. */
    @Transactional
    public long horizon() {
        return read(
                c -> Jdbc.one(c, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", rs -> rs.getLong(1)));
    }

    /** Lots of a site changed at or after {@code since}, in key order after {@code after}. */
    @Transactional
    public List<LotRow> lotsChanged(String site, long since, LotKey after, int limit) {
        return read(c -> Jdbc.query(
                c,
                "SELECT item, lot, status, expiry, retest_date, created_at, potency FROM lot "
                        + "WHERE site = ? AND changed_xid >= ?::text::xid8 AND (item, lot) > (?, ?) ORDER BY item, lot LIMIT ?",
                rs -> new LotRow(
                        ItemCode.of(rs.getString(1)),
                        LotCode.of(rs.getString(2)),
                        LotStatus.valueOf(rs.getString(3)),
                        Jdbc.date(rs, "expiry"),
                        Jdbc.date(rs, "retest_date"),
                        Jdbc.instant(rs, "created_at"),
                        potency(rs)),
                site,
                Long.toString(since),
                after.item(),
                after.lot(),
                limit));
    }

    /**
     * Stock of a site by (item, lot, location), summed over containers, for every place where
     * anything changed at or after {@code since}. A quantity of zero means the stock is gone.
     */
    @Transactional
    public List<StockRow> stockChanged(String site, long since, StockKey after, int limit) {
        return read(c -> Jdbc.query(
                c,
                "SELECT item, lot, location, uom, SUM(quantity) FROM stock s "
                        + "WHERE site = ? AND (item, lot, location) > (?, ?, ?) AND EXISTS (SELECT 1 FROM stock x WHERE x.item = s.item "
                        + "AND x.lot = s.lot AND x.location = s.location AND x.changed_xid >= ?::text::xid8) "
                        + "GROUP BY item, lot, location, uom ORDER BY item, lot, location LIMIT ?",
                rs -> new StockRow(
                        ItemCode.of(rs.getString(1)),
                        LotCode.of(rs.getString(2)),
                        LocationCode.of(rs.getString(3)),
                        Quantity.of(
                                rs.getBigDecimal(5), Uom.byCode(rs.getString(4)).orElseThrow())),
                site,
                after.item(),
                after.lot(),
                after.location(),
                Long.toString(since),
                limit));
    }

    /**
     * What the site's containers hold, one row per (SSCC, lot, location) changed at or after
     * {@code since}, in key order after {@code after}. A quantity of zero means the lot left it there.
     */
    @Transactional
    public List<ContainerRow> containersChanged(String site, long since, ContainerKey after, int limit) {
        return read(c -> Jdbc.query(
                c,
                "SELECT container, item, lot, location, quantity, uom FROM stock WHERE site = ? AND container <> '' "
                        + "AND changed_xid >= ?::text::xid8 AND (container, item, lot, location) > (?, ?, ?, ?) "
                        + "ORDER BY container, item, lot, location LIMIT ?",
                ProjectionQueries::containerRow,
                site,
                Long.toString(since),
                after.sscc(),
                after.item(),
                after.lot(),
                after.location(),
                limit));
    }

    private static ContainerRow containerRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ContainerRow(
                Sscc.of(rs.getString(1)),
                ItemCode.of(rs.getString(2)),
                LotCode.of(rs.getString(3)),
                LocationCode.of(rs.getString(4)),
                Quantity.of(rs.getBigDecimal(5), Uom.byCode(rs.getString(6)).orElseThrow()));
    }

    /** How many of the newest events an ingest-rate count looks at, so it stays cheap on a ledger of millions. */
    public static final int RATE_WINDOW_EVENTS = 100_000;

    /**
     * Events recorded at or after {@code since} at the given sites (null: all), counted among the
     * newest {@link #RATE_WINDOW_EVENTS} of the ledger (read by primary key, never a full scan).
     */
    @Transactional
    public long recordedSince(java.time.Instant since, String[] sites) {
        return read(c -> Jdbc.one(
                c,
                "SELECT count(*) FROM ledger_event WHERE ledger_seq > "
                        + "(SELECT coalesce(max(ledger_seq), 0) - ? FROM ledger_event) AND recorded_at >= ? "
                        + "AND (?::varchar[] IS NULL OR site = ANY (?::varchar[]))",
                rs -> rs.getLong(1),
                RATE_WINDOW_EVENTS,
                since,
                sites,
                sites));
    }

    /** When each device's newest stored event arrived (its last push), by device id; one index probe per device. */
    @Transactional
    public java.util.Map<String, java.time.Instant> lastPushByDevice(java.util.Collection<String> deviceIds) {
        java.util.Map<String, java.time.Instant> out = new java.util.HashMap<>();
        if (deviceIds.isEmpty()) {
            return out;
        }
        read(c -> Jdbc.query(
                c,
                "SELECT d.id, e.recorded_at FROM unnest(?::varchar[]) AS d(id) CROSS JOIN LATERAL "
                        + "(SELECT recorded_at FROM ledger_event WHERE device_id = d.id ORDER BY device_seq DESC LIMIT 1) e",
                rs -> out.put(rs.getString(1), Jdbc.instant(rs, "recorded_at")),
                (Object) deviceIds.toArray(String[]::new)));
        return out;
    }

    /** Events each device pushed that were rejected (the device keeps them for attention), by device id. */
    @Transactional
    public java.util.Map<String, Long> rejectedByDevice(java.util.Collection<String> deviceIds) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        if (deviceIds.isEmpty()) {
            return out;
        }
        read(c -> Jdbc.query(
                c,
                "SELECT device_id, count(*) FROM rejected_event WHERE device_id = ANY (?::varchar[]) GROUP BY device_id",
                rs -> out.put(rs.getString(1), rs.getLong(2)),
                (Object) deviceIds.toArray(String[]::new)));
        return out;
    }

    private <T> T read(Jdbc.Work<T> read) {
        return Jdbc.withConnection(dataSource, "projection read", read);
    }
}
