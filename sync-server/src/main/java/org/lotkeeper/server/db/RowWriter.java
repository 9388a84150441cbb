package org.lotkeeper.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A batched INSERT or UPDATE of rows of one record type. Each column is named beside the function
 * that takes its value from the record, and the SQL is generated from those lists, so the column
 * order of the statement and of the binding cannot drift apart, and a row of the wrong type does
 * not compile.
 *
 * <pre>{@code
 * static final RowWriter<Receipt> RECEIPTS = RowWriter.insert("receipt", "", List.of(
 *         column("event_id", Receipt::eventId),
 *         column("item", r -> r.lot().item()), …));
 * RECEIPTS.run(connection, receipts);
 * }</pre>
 *
 * @param <T> the row type
 */
public final class RowWriter<T> {

    /** One column and how a row gives its value (bound as {@link Jdbc#bind} binds it). */
    public record Column<T>(String name, Function<? super T, ?> value) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final String sql;
    private final List<Column<T>> parameters;

    private RowWriter(String sql, List<Column<T>> parameters) {
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
    }

    public static <T> Column<T> column(String name, Function<? super T, ?> value) {
        return new Column<>(name, value);
    }

    /** {@code INSERT INTO table (columns…) VALUES (?…) suffix}; the suffix may be empty or an {@code ON CONFLICT …} clause. */
    public static <T> RowWriter<T> insert(String table, String suffix, List<Column<T>> columns) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return new RowWriter<>(
                "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")"
                        + (suffix.isEmpty() ? "" : " " + suffix),
                columns);
    }

    /**
     * {@code UPDATE table SET set… [, alsoSet] WHERE key = ? AND …}; {@code alsoSet} is an
     * expression without parameters ({@code changed_xid = pg_current_xact_id()}) or empty.
     */
    public static <T> RowWriter<T> update(String table, List<Column<T>> set, String alsoSet, List<Column<T>> key) {
        String assignments = set.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "))
                + (alsoSet.isEmpty() ? "" : ", " + alsoSet);
        String where = key.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(" AND "));
        List<Column<T>> parameters = new ArrayList<>(set);
        parameters.addAll(key);
        return new RowWriter<>("UPDATE " + table + " SET " + assignments + " WHERE " + where, parameters);
    }

    /** The statement, for tests and logs. */
    public String sql() {
        return sql;
    }

    /** Writes the rows in one batch; nothing is sent for none. */
    public void run(Connection c, Collection<? extends T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Object[] values = new Object[parameters.size()];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = parameters.get(i).value().apply(row);
                }
                Jdbc.bind(c, ps, values);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
