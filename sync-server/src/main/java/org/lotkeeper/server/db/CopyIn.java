package org.lotkeeper.server.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.lotkeeper.model.id.TextId;
import org.postgresql.PGConnection;

/**
 * Many rows into one table with {@code COPY … FROM STDIN (FORMAT csv)}: one statement and one
 * round trip however many rows, with no per-row parameter binding (ledger appends). Values are
 * written as {@link Jdbc#bind} would send them: {@code null} as SQL NULL, text quoted, instants at
 * microseconds rounded half up (as the driver rounds them), text arrays as array literals. The
 * rows go in the caller's transaction; a bad row fails the whole COPY.
 */
public final class CopyIn {

    private final String sql;
    private final int columns;
    private final StringBuilder csv = new StringBuilder();
    private int rows;

    public CopyIn(String table, List<String> columns) {
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
        this.columns = columns.size();
    }

    /** One more row, its values in the order of the columns. */
    public CopyIn row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            append(values[i]);
        }
        csv.append('\n');
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Sends the rows (nothing when there are none); answers how many the table took. */
    public long run(Connection c) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY could not be sent", e);
        }
    }

    private void append(Object v) {
        if (v == null) {
            return; // an unquoted empty field: NULL
        }
        if (v instanceof Long || v instanceof Integer) {
            csv.append(v);
        } else if (v instanceof Instant t) {
            csv.append(micros(t));
        } else if (v instanceof UUID u) {
            csv.append(u);
        } else if (v instanceof String s) {
            quoted(s);
        } else if (v instanceof TextId id) {
            quoted(id.value());
        } else if (v instanceof Enum<?> e) {
            quoted(e.name());
        } else if (v instanceof String[] a) {
            quoted(arrayLiteral(a));
        } else {
            throw new IllegalArgumentException("cannot copy " + v.getClass());
        }
    }

    private void quoted(String s) {
        csv.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                csv.append('"');
            }
            csv.append(ch);
        }
        csv.append('"');
    }

    /** The instant at microseconds, half a microsecond rounded up (what the JDBC driver sends). */
    static Instant micros(Instant t) {
        Instant down = t.truncatedTo(ChronoUnit.MICROS);
        return t.getNano() % 1000 >= 500 ? down.plus(1, ChronoUnit.MICROS) : down;
    }

    /** {@code {"A","B"}}: every element quoted, backslash and quote escaped. */
    static String arrayLiteral(String[] a) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (a[i] == null) {
                sb.append("NULL");
                continue;
            }
            sb.append('"');
            for (int j = 0; j < a[i].length(); j++) {
                char ch = a[i].charAt(j);
                if (ch == '"' || ch == '\\') {
                    sb.append('\\');
                }
                sb.append(ch);
            }
            sb.append('"');
        }
        return sb.append('}').toString();
    }
}
