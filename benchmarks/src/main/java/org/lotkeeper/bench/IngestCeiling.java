package org.lotkeeper.bench;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;

/**
 * The physical limit beside {@link PushLoad} (docs/PERFORMANCE.md, P3): the rows a push load left
 * in the server's database — ledger, {@code lot_event}, projection rows — written again by
 * PostgreSQL alone, with no server in between: {@code --connections} connections, one
 * transaction per {@code --batch} ledger events with an even share of every other table's rows
 * (by position, not the rows of its own events), fsync and {@code synchronous_commit} as the
 * database has them. Only final rows are inserted: the server's updates, reads and locks are not
 * replayed, so this is an upper bound. Each table is
 * copied to {@code ceiling_<table>} ({@code LIKE … INCLUDING ALL}: same columns, indexes and
 * defaults) and written in three ways, one after the other:
 * <ul>
 *   <li>{@code copy}: {@code COPY … FROM STDIN} (text) per table;</li>
 *   <li>{@code insert}: one batched {@code INSERT} per table ({@code reWriteBatchedInserts}, as the
 *       server does);</li>
 *   <li>{@code insert-serial}: the same, with the server's global ledger-append lock taken before
 *       the ledger rows and held through the commit, as {@code LedgerWriter} does.</li>
 * </ul>
 * It prints events/s, rows/s and transaction latency percentiles for each.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.lotkeeper.bench.IngestCeiling \
 *     --jdbc-url jdbc:postgresql://127.0.0.1:5432/postgres [--user postgres] [--password …] \
 *     [--connections 50] [--batch 200] [--tables ledger_event,lot_event,lot,stock,receipt] [--modes copy,insert,insert-serial]
 *     [--commit-delay 0 (microseconds; commit_siblings 5)]
 * </pre>
 * The source tables are only read; the {@code ceiling_*} copies are dropped at the end.
 */
public final class IngestCeiling {

    /** The server's ledger-append advisory lock key ({@code LedgerWriter.APPEND_LOCK}, "LOTK"). */
    private static final long APPEND_LOCK = 0x4C4F544BL;

    /** A table's rows as COPY's text format gives them: each row's line, and its fields (parsed before any timing). */
    private record Table(
            String name, List<String> columns, List<String> types, List<String> lines, List<List<String>> rows) {
        String copy() {
            return "ceiling_" + name;
        }

        /** The share of this table's rows for transaction {@code t} of {@code n}: an even split by position. */
        List<String> share(int t, int n) {
            return lines.subList(from(t, n), from(t + 1, n));
        }

        List<List<String>> shareOfRows(int t, int n) {
            return rows.subList(from(t, n), from(t + 1, n));
        }

        private int from(int t, int n) {
            return (int) ((long) lines.size() * t / n);
        }
    }

    private IngestCeiling() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = PushLoad.options(args);
        String url = opt.getOrDefault("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        Properties props = new Properties();
        props.setProperty("user", opt.getOrDefault("user", "postgres"));
        props.setProperty("password", opt.getOrDefault("password", ""));
        props.setProperty("reWriteBatchedInserts", "true");
        // group commit: a committing transaction waits this long for others to share its WAL flush
        String commitDelay = opt.getOrDefault("commit-delay", "0");
        props.setProperty("options", "-c commit_delay=" + Integer.parseInt(commitDelay) + " -c commit_siblings=5");
        int connections = Integer.parseInt(opt.getOrDefault("connections", "50"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "200"));
        List<String> names = List.of(opt.getOrDefault("tables", "ledger_event,lot_event,lot,stock,receipt")
                .split(","));
        if (!names.get(0).equals("ledger_event")) {
            throw new IllegalArgumentException("--tables must start with ledger_event (its rows are the events)");
        }
        List<String> modes =
                List.of(opt.getOrDefault("modes", "copy,insert,insert-serial").split(","));

        List<Table> tables = new ArrayList<>();
        long events;
        try (Connection c = DriverManager.getConnection(url, props);
                Statement st = c.createStatement()) {
            for (String name : names) {
                tables.add(read(c, name));
            }
            events = tables.get(0).lines().size();
            try (ResultSet rs =
                    st.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit'), "
                            + "current_setting('commit_delay'), version()")) {
                rs.next();
                System.out.printf(
                        "PostgreSQL: fsync=%s synchronous_commit=%s commit_delay=%s, %s%n",
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
        int transactions = (int) Math.max(1, (events + batch - 1) / batch);
        long rows = tables.stream().mapToLong(t -> t.lines().size()).sum();
        System.out.printf(
                "rows: %s; %d transactions of %d events, %d connections%n",
                tables.stream().map(t -> t.name() + " " + t.lines().size()).collect(Collectors.joining(", ")),
                transactions,
                batch,
                connections);

        for (String mode : modes) {
            reset(url, props, tables);
            long[] latencies = new long[transactions];
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            List<Future<Void>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                done.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, props)) {
                        c.setAutoCommit(false);
                        for (int t = next.getAndIncrement(); t < transactions; t = next.getAndIncrement()) {
                            long s = System.nanoTime();
                            write(c, mode, tables, t, transactions);
                            c.commit();
                            latencies[t] = System.nanoTime() - s;
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            verify(url, props, tables);
            System.out.printf(
                    "%-13s %8.0f events/s, %8.0f rows/s over %.1f s; transaction (ms): %s%n",
                    mode, events / seconds, rows / seconds, seconds, PushLoad.percentiles(latencies));
        }
        try (Connection c = DriverManager.getConnection(url, props);
                Statement st = c.createStatement()) {
            for (Table t : tables) {
                st.execute("DROP TABLE IF EXISTS " + t.copy());
            }
        }
    }

    private static Table read(Connection c, String name) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped "
                        + "AND attgenerated = '' ORDER BY attnum")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    types.add(rs.getString(2));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no table " + name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            String order = name.equals("ledger_event") ? " ORDER BY ledger_seq" : "";
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "COPY (SELECT " + String.join(", ", quoted(columns)) + " FROM " + name + order
                                    + ") TO STDOUT",
                            out);
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        return new Table(
                name,
                columns,
                types,
                lines,
                lines.stream().map(IngestCeiling::fields).toList());
    }

    private static List<String> quoted(List<String> columns) {
        return columns.stream().map(c -> '"' + c + '"').toList();
    }

    private static void reset(String url, Properties props, List<Table> tables) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, props);
                Statement st = c.createStatement()) {
            for (Table t : tables) {
                st.execute("DROP TABLE IF EXISTS " + t.copy());
                st.execute("CREATE TABLE " + t.copy() + " (LIKE " + t.name() + " INCLUDING ALL)");
            }
            st.execute("CHECKPOINT");
        }
    }

    /** Every copy holds exactly its source's rows (so the parsing and the splitting lost nothing). */
    private static void verify(String url, Properties props, List<Table> tables) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, props);
                Statement st = c.createStatement()) {
            for (Table t : tables) {
                String columns = String.join(", ", quoted(t.columns()));
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT " + columns + " FROM " + t.name()
                        + " EXCEPT ALL SELECT " + columns + " FROM " + t.copy() + ") missing")) {
                    rs.next();
                    long missing = rs.getLong(1);
                    try (ResultSet n = c.createStatement().executeQuery("SELECT count(*) FROM " + t.copy())) {
                        n.next();
                        if (missing != 0 || n.getLong(1) != t.lines().size()) {
                            throw new IllegalStateException(t.copy() + " differs from " + t.name() + ": " + missing
                                    + " rows missing, " + n.getLong(1) + " rows instead of "
                                    + t.lines().size());
                        }
                    }
                }
            }
        }
    }

    private static void write(Connection c, String mode, List<Table> tables, int t, int n) throws Exception {
        // the ledger rows last, as LedgerWriter appends them at the end of a push's transaction
        List<Table> order = new ArrayList<>(tables.subList(1, tables.size()));
        order.add(tables.get(0));
        for (Table table : order) {
            List<String> share = table.share(t, n);
            if (share.isEmpty()) {
                continue;
            }
            List<List<String>> rows = table.shareOfRows(t, n);
            String columns = String.join(", ", quoted(table.columns()));
            if (mode.equals("copy")) {
                String data = String.join("\n", share) + "\n";
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + table.copy() + " (" + columns + ") FROM STDIN", new StringReader(data));
                continue;
            }
            if (mode.equals("insert-serial")
                    && table.name().equals(tables.get(0).name())) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
                }
            }
            String marks = table.types().stream().map(type -> "?::" + type).collect(Collectors.joining(", "));
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO " + table.copy() + " (" + columns + ") VALUES (" + marks + ")")) {
                for (List<String> fields : rows) {
                    for (int i = 0; i < fields.size(); i++) {
                        ps.setString(i + 1, fields.get(i));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** One line of COPY's text format: fields split at tabs, {@code \N} as null, backslash escapes undone. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        for (String raw : line.split("\t", -1)) {
            if (raw.equals("\\N")) {
                fields.add(null);
                continue;
            }
            StringBuilder b = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char ch = raw.charAt(i);
                if (ch != '\\' || i + 1 == raw.length()) {
                    b.append(ch);
                    continue;
                }
                char esc = raw.charAt(++i);
                b.append(ESCAPES.getOrDefault(esc, esc));
            }
            fields.add(b.toString());
        }
        return fields;
    }

    private static final Map<Character, Character> ESCAPES = new LinkedHashMap<>(
            Map.of('n', '\n', 't', '\t', 'r', '\r', 'b', '\b', 'f', '\f', 'v', '\u000b', '\\', '\\'));
}
