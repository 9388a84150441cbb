package org.lotkeeper.server.db;

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
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.lotkeeper.model.id.TextId;

/**
 * Small JDBC helpers for the server's hand-written SQL (ledger ingest, trace, tasks): parameters by
 * position with java.time, arrays, identifiers ({@link TextId}: their text) and enums (their
 * name), rows by mapper. Each package still owns its own tables.
 */
public final class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private Jdbc() {}

    /** Runs {@code work} on a connection of the current transaction (Agroal enlists it). */
    public static <T> T withConnection(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            return ps.executeUpdate();
        }
    }

    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
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

    /**
     * Each row in turn, fetched {@code fetchSize} at a time through a cursor (so a large answer is
     * never held whole): the connection leaves auto-commit for the read and gets it back after.
     */
    public static void forEach(Connection c, String sql, int fetchSize, Row<?> row, Object... params)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(fetchSize);
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.map(rs);
                }
            }
        } finally {
            if (autoCommit) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Several queries sent to the database as one statement list, so they cost one round trip
     * (pgjdbc sends the statements of one prepared statement behind a single sync): {@link #add}
     * each query with its mapper and parameters, {@link #run} them all, then read each one's
     * {@link Rows}. The queries run in order, in one transaction (with auto-commit on, an implicit
     * one that ends after the last); at READ COMMITTED each takes its own snapshot.
     */
    public static final class Queries {

        private final List<String> sql = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();
        private final List<Rows<?>> results = new ArrayList<>();

        /** One more query; its rows are there after {@link #run}. */
        public <T> Rows<T> add(String query, Row<T> row, Object... queryParams) {
            if (query.indexOf(';') >= 0) {
                throw new IllegalArgumentException("one statement per query: " + query);
            }
            Rows<T> rows = new Rows<>(row);
            sql.add(query);
            params.addAll(java.util.Arrays.asList(queryParams));
            results.add(rows);
            return rows;
        }

        /** Sends every query added, in one round trip, and reads every answer. */
        public void run(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(String.join(";\n", sql))) {
                bind(c, ps, params.toArray());
                boolean isResultSet = ps.execute();
                for (Rows<?> rows : results) {
                    if (!isResultSet) {
                        throw new IllegalStateException("a query of the list gave no rows: " + sql);
                    }
                    try (ResultSet rs = ps.getResultSet()) {
                        rows.read(rs);
                    }
                    isResultSet = ps.getMoreResults();
                }
            }
        }
    }

    /** The rows of one query of {@link Queries}, once they ran. */
    public static final class Rows<T> {

        private final Row<T> row;
        private List<T> rows;

        private Rows(Row<T> row) {
            this.row = row;
        }

        private void read(ResultSet rs) throws SQLException {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            rows = out;
        }

        /** The rows, in the order the query gave them. */
        public List<T> get() {
            if (rows == null) {
                throw new IllegalStateException("the queries have not run");
            }
            return rows;
        }
    }

    public static <T> T one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = query(c, sql, row, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
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
            } else if (p instanceof LocalDate d) {
                ps.setObject(at, d);
            } else if (p instanceof UUID u) {
                ps.setObject(at, u);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(at, b);
            } else if (p instanceof byte[] b) {
                ps.setBytes(at, b);
            } else if (p instanceof String[] a) {
                ps.setArray(at, c.createArrayOf("varchar", a));
            } else if (p instanceof UUID[] a) {
                ps.setArray(at, c.createArrayOf("uuid", a));
            } else if (p instanceof TextId id) {
                ps.setString(at, id.value());
            } else if (p instanceof Enum<?> e) {
                ps.setString(at, e.name());
            } else {
                throw new IllegalArgumentException("cannot bind " + p.getClass());
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
