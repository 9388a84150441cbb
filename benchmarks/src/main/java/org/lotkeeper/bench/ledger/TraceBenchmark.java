package org.lotkeeper.bench.ledger;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Trace latency on a generated ledger ({@link LedgerGenerator}): the server's breadth-first walk
 * against the plain {@code WITH RECURSIVE} baseline, both directions, over random lots, in one run
 * on one connection. Not part of the test suite; docs/PERFORMANCE.md has the command and figures.
 *
 * <p>The two query shapes and the walk are those of {@code org.lotkeeper.server.trace.BreadthFirstTrace}
 * and {@code RecursiveCteTrace}, re-stated here (the benchmarks do not depend on the server); a
 * test in sync-server ({@code GeneratedLedgerTest}) checks that they find what the server's do.
 */
public final class TraceBenchmark {

    /** A {@code lot_link} row, read in full as the server reads it. */
    public record Link(
            long id,
            String fromItem,
            String fromLot,
            String toItem,
            String toLot,
            BigDecimal quantity,
            String uom,
            String kind,
            String batch,
            UUID eventId,
            OffsetDateTime occurredAt) {
        String from() {
            return fromItem + "/" + fromLot;
        }

        String to() {
            return toItem + "/" + toLot;
        }
    }

    /** Lots reached ("item/lot" → depth) and the links among them, in id order. */
    public record Walk(Map<String, Integer> depths, List<Link> links) {}

    static final int BATCH = 5_000;

    static final String BFS_FORWARD =
            "SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, "
                    + "l.event_id, l.occurred_at FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot) "
                    + "JOIN lot_link l ON l.from_item = f.item AND l.from_lot = f.lot";
    static final String BFS_BACKWARD =
            "SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, "
                    + "l.event_id, l.occurred_at FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot) "
                    + "JOIN lot_link l ON l.to_item = f.item AND l.to_lot = f.lot";
    static final String CTE_FORWARD = "WITH RECURSIVE reach(item, lot) AS ("
            + " SELECT f.item::text, f.lot::text FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot)"
            + " UNION SELECT l.to_item::text, l.to_lot::text FROM lot_link l JOIN reach r ON l.from_item = r.item AND l.from_lot = r.lot)"
            + " SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, l.event_id, l.occurred_at"
            + " FROM reach r JOIN lot_link l ON l.from_item = r.item AND l.from_lot = r.lot ORDER BY l.id";
    static final String CTE_BACKWARD = "WITH RECURSIVE reach(item, lot) AS ("
            + " SELECT f.item::text, f.lot::text FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot)"
            + " UNION SELECT l.from_item::text, l.from_lot::text FROM lot_link l JOIN reach r ON l.to_item = r.item AND l.to_lot = r.lot)"
            + " SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, l.event_id, l.occurred_at"
            + " FROM reach r JOIN lot_link l ON l.to_item = r.item AND l.to_lot = r.lot ORDER BY l.id";

    private TraceBenchmark() {}

    /** The breadth-first walk: one query per depth level for the whole frontier. */
    public static Walk breadthFirst(Connection c, String item, String lot, boolean forward) throws SQLException {
        Map<String, Integer> depths = new LinkedHashMap<>();
        List<String[]> frontier = new ArrayList<>();
        depths.put(item + "/" + lot, 0);
        frontier.add(new String[] {item, lot});
        Map<Long, Link> links = new LinkedHashMap<>();
        int depth = 0;
        while (!frontier.isEmpty()) {
            depth++;
            List<String[]> next = new ArrayList<>();
            for (int from = 0; from < frontier.size(); from += BATCH) {
                List<String[]> batch = frontier.subList(from, Math.min(frontier.size(), from + BATCH));
                List<Link> found = query(c, forward ? BFS_FORWARD : BFS_BACKWARD, batch);
                found.sort(Comparator.comparingLong(Link::id));
                for (Link l : found) {
                    links.putIfAbsent(l.id(), l);
                    String reached = forward ? l.to() : l.from();
                    if (depths.putIfAbsent(reached, depth) == null) {
                        next.add(
                                forward
                                        ? new String[] {l.toItem(), l.toLot()}
                                        : new String[] {l.fromItem(), l.fromLot()});
                    }
                }
            }
            frontier = next;
        }
        List<Link> ordered = new ArrayList<>(links.values());
        ordered.sort(Comparator.comparingLong(Link::id));
        return new Walk(depths, ordered);
    }

    /** The baseline: one recursive query, depths computed in memory. */
    public static Walk recursiveCte(Connection c, String item, String lot, boolean forward) throws SQLException {
        List<Link> links = query(c, forward ? CTE_FORWARD : CTE_BACKWARD, List.<String[]>of(new String[] {item, lot}));
        Map<String, List<String>> next = new HashMap<>();
        for (Link l : links) {
            next.computeIfAbsent(forward ? l.from() : l.to(), k -> new ArrayList<>())
                    .add(forward ? l.to() : l.from());
        }
        Map<String, Integer> depths = new LinkedHashMap<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        depths.put(item + "/" + lot, 0);
        queue.add(item + "/" + lot);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String b : next.getOrDefault(at, List.of())) {
                if (depths.putIfAbsent(b, depths.get(at) + 1) == null) {
                    queue.add(b);
                }
            }
        }
        return new Walk(depths, links);
    }

    private static List<Link> query(Connection c, String sql, Collection<String[]> lots) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array items =
                    c.createArrayOf("varchar", lots.stream().map(l -> l[0]).toArray());
            Array codes =
                    c.createArrayOf("varchar", lots.stream().map(l -> l[1]).toArray());
            ps.setArray(1, items);
            ps.setArray(2, codes);
            List<Link> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Link(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBigDecimal(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getObject(10, UUID.class),
                            rs.getObject(11, OffsetDateTime.class)));
                }
            }
            return out;
        }
    }

    interface Walker {
        Walk walk(Connection c, String item, String lot, boolean forward) throws SQLException;
    }

    /** {@code --jdbc-url URL --user U --password P --samples N --seed S [--popular item/lot,item/lot…]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int samples = Integer.parseInt(a.getOrDefault("samples", "1000"));
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(a.getOrDefault("seed", "7")));
        try (Connection c = DriverManager.getConnection(
                a.get("jdbc-url"), a.getOrDefault("user", "postgres"), a.getOrDefault("password", "postgres"))) {
            List<String[]> all = new ArrayList<>();
            long events;
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT item, lot FROM lot ORDER BY item, lot")) {
                    while (rs.next()) {
                        all.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ledger_event")) {
                    rs.next();
                    events = rs.getLong(1);
                }
            }
            List<String[]> picks = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                picks.add(all.get(rnd.nextInt(all.size())));
            }
            System.out.printf(
                    "ledger: %,d lots, %,d events; %,d random lots, each walked by each method (after a warm-up of 200)%n",
                    all.size(), events, samples);
            Map<String, Walker> methods = new LinkedHashMap<>();
            methods.put("breadth-first", TraceBenchmark::breadthFirst);
            methods.put("recursive CTE", TraceBenchmark::recursiveCte);
            for (int w = 0; w < 200; w++) {
                String[] l = all.get(rnd.nextInt(all.size()));
                for (Walker m : methods.values()) {
                    m.walk(c, l[0], l[1], true);
                    m.walk(c, l[0], l[1], false);
                }
            }
            System.out.printf(
                    "%-10s %-14s %8s %8s %8s %8s %12s%n",
                    "direction", "method", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean lots");
            for (boolean forward : new boolean[] {false, true}) {
                Map<String, double[]> times = new LinkedHashMap<>();
                Map<String, Long> reached = new LinkedHashMap<>();
                methods.keySet().forEach(k -> times.put(k, new double[samples]));
                for (int i = 0; i < samples; i++) {
                    String[] l = picks.get(i);
                    // alternate which method goes first, so neither always finds the other's pages in cache
                    List<String> order = new ArrayList<>(methods.keySet());
                    if (i % 2 == 1) {
                        java.util.Collections.reverse(order);
                    }
                    for (String m : order) {
                        long t0 = System.nanoTime();
                        Walk w = methods.get(m).walk(c, l[0], l[1], forward);
                        times.get(m)[i] = (System.nanoTime() - t0) / 1e6;
                        reached.merge(m, (long) w.depths().size(), Long::sum);
                    }
                }
                for (String m : methods.keySet()) {
                    double[] t = times.get(m);
                    Arrays.sort(t);
                    System.out.printf(
                            "%-10s %-14s %8.2f %8.2f %8.2f %8.2f %12.1f%n",
                            forward ? "forward" : "backward",
                            m,
                            pct(t, 50),
                            pct(t, 95),
                            pct(t, 99),
                            t[t.length - 1],
                            reached.get(m) / (double) samples);
                }
            }
            for (String pop : a.getOrDefault("popular", "").split(",", -1)) {
                if (pop.isBlank()) {
                    continue;
                }
                String[] l = pop.split("/", 2);
                for (String m : methods.keySet()) {
                    double[] t = new double[5];
                    int n = 0;
                    for (int i = 0; i < t.length; i++) {
                        long t0 = System.nanoTime();
                        n = methods.get(m).walk(c, l[0], l[1], true).depths().size();
                        t[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    Arrays.sort(t);
                    System.out.printf("popular lot %s forward, %s: %,d lots, median of 5: %.1f ms%n", pop, m, n, t[2]);
                }
            }
        }
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
