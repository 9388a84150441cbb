package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.lotkeeper.model.lot.LotRef;

/** Read-only JDBC helpers of the trace package: parameters by position, rows by mapper. */
final class Sql {

    /** The separator of a lot key in {@code lot_keys(content)} (see V4__trace_and_recall.sql). */
    static final char KEY_SEPARATOR = '\u001f';

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    static <T> T one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = query(c, sql, row, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            return ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p == null) {
                ps.setNull(at, Types.NULL);
            } else if (p instanceof String s) {
                ps.setString(at, s);
            } else if (p instanceof Long l) {
                ps.setLong(at, l);
            } else if (p instanceof Integer n) {
                ps.setInt(at, n);
            } else if (p instanceof BigDecimal d) {
                ps.setBigDecimal(at, d);
            } else if (p instanceof Instant t) {
                ps.setObject(at, t.atOffset(ZoneOffset.UTC));
            } else if (p instanceof UUID u) {
                ps.setObject(at, u);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(at, b);
            } else if (p instanceof String[] a) {
                ps.setArray(at, c.createArrayOf("varchar", a));
            } else {
                throw new IllegalArgumentException("cannot bind " + p.getClass());
            }
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    static LotRef lot(ResultSet rs, String itemColumn, String lotColumn) throws SQLException {
        return LotRef.of(rs.getString(itemColumn), rs.getString(lotColumn));
    }

    /** Item codes of these lots, for {@code unnest(?::varchar[], ?::varchar[])}. */
    static String[] items(Collection<LotRef> lots) {
        return lots.stream().map(l -> l.item().value()).toArray(String[]::new);
    }

    /** Lot codes of these lots, in the same order as {@link #items}. */
    static String[] lots(Collection<LotRef> lots) {
        return lots.stream().map(l -> l.lot().value()).toArray(String[]::new);
    }

    /** The key {@code lot_keys(content)} holds for a lot. */
    static String key(LotRef lot) {
        return lot.item().value() + KEY_SEPARATOR + lot.lot().value();
    }

    static String[] keys(Collection<LotRef> lots) {
        return lots.stream().map(Sql::key).toArray(String[]::new);
    }
}
