package org.lotkeeper.server.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Direct SQL for tests: a clean ledger, and reads of what the server stored. */
public final class Database {

    private Database() {}

    /** Empties the ledger, its projections (transit too), documents, devices, specifications and SSCC blocks (master data and users stay). */
    public static void resetLedger(DataSource ds) {
        execute(
                ds,
                "TRUNCATE ledger_event, rejected_event, chain_head, lot, stock, lot_link, receipt, shipment_line, return_line, "
                        + "exception, count_variance, document_link, document, device, enrollment_code, lot_event, recall, pick_line, "
                        + "specification, sscc_block, transit, upstream_link, epcis_event, epcis_capture");
    }

    /** A hash chain: its source and how many events it holds. */
    public record Chain(String source, long length) {}

    /** The longest device chain of the ledger (ties: the first source). */
    public static Chain longestDeviceChain(DataSource ds) {
        Map<String, Object> longest = rows(
                        ds,
                        "SELECT source, count(*) AS n FROM ledger_event WHERE source LIKE 'device:%' "
                                + "GROUP BY source ORDER BY n DESC, source LIMIT 1")
                .get(0);
        return new Chain((String) longest.get("source"), ((Number) longest.get("n")).longValue());
    }

    public static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows as ordered maps of column → value. */
    public static List<Map<String, Object>> rows(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.put(
                                rs.getMetaData().getColumnLabel(i),
                                v instanceof BigDecimal d
                                        ? d.stripTrailingZeros().toPlainString()
                                        : v);
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fingerprint of every table's content (an md5 over its rows in text form), by table name,
     * to show that a run of refused requests changed nothing. {@code except} names tables left out.
     */
    public static Map<String, String> fingerprint(DataSource ds, String... except) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map<String, Object> t : rows(
                ds,
                "SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ALL (?)",
                (Object) except)) {
            String table = (String) t.get("table_name");
            out.put(table, (String) rows(
                            ds,
                            "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS f "
                                    + "FROM \"" + table + "\" x")
                    .get(0)
                    .get("f"));
        }
        return out;
    }

    public static long count(DataSource ds, String sql, Object... params) {
        return ((Number) rows(ds, sql, params).get(0).values().iterator().next()).longValue();
    }
}
