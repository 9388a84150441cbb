package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Genealogy invariants on generated graphs (jqwik arbitraries, seeded): any depth, fan-in and
 * fan-out, rework that feeds a lot into a later lot of the same item, and — for some seeds —
 * back links that make cycles, as bad data could. For every lot: B is a descendant of A exactly
 * when A is an ancestor of B; the breadth-first walk gives the same lots, depths and links as
 * the recursive-CTE baseline, the whole trace's one-statement walk and a reachability computed in
 * memory; walks through cycles end.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TracePropertyTest {

    private static final List<String> ITEMS =
            List.of("RM-RESIN", "RM-PIGMENT", "RM-SOLVENT", "FG-PRIMER", "FG-TOPCOAT");

    /** Statuses the generated lots take in turn, so the walk's reading of them is seen. */
    private static final List<String> STATUSES = List.of("RELEASED", "QUARANTINE", "ON_HOLD");

    @Inject
    DataSource ds;

    record Edge(LotRef from, LotRef to) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void walksAreSymmetricAgreeWithTheRecursiveBaselineAndEndOnCycles(long seed) throws SQLException {
        Database.resetLedger(ds);
        Random random = new Random(seed);
        boolean withCycles = seed % 2 == 0;
        List<LotRef> lots = new ArrayList<>();
        int n = sample(Arbitraries.integers().between(15, 60), random);
        for (int i = 0; i < n; i++) {
            lots.add(LotRef.of(
                    ITEMS.get(sample(Arbitraries.integers().between(0, ITEMS.size() - 1), random)),
                    String.format("G%d-%03d", seed, i)));
        }
        List<Edge> edges = new ArrayList<>();
        Arbitrary<Integer> fanIn = Arbitraries.integers().between(0, 4);
        for (int i = 1; i < n; i++) {
            int inputs = sample(fanIn, random);
            for (int k = 0; k < inputs; k++) {
                // inputs come from earlier lots: a DAG in time order, with rework when the items match
                edges.add(new Edge(lots.get(random.nextInt(i)), lots.get(i)));
            }
        }
        if (withCycles) {
            int back = sample(Arbitraries.integers().between(1, 4), random);
            for (int k = 0; k < back; k++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                edges.add(new Edge(
                        lots.get(Math.max(a, b)),
                        lots.get(Math.min(a, b)))); // a later lot feeds an earlier one (or itself)
            }
        }
        // a link to a lot the lot projection does not hold: walked through, never listed
        edges.add(0, new Edge(lots.get(0), LotRef.of(ITEMS.get(0), String.format("G%d-ORPHAN", seed))));
        store(lots, edges);

        GenealogyWalk bfs = new BreadthFirstTrace();
        GenealogyWalk cte = new RecursiveCteTrace();
        Map<LotRef, Set<LotRef>> descendants = new HashMap<>();
        Map<LotRef, Set<LotRef>> ancestors = new HashMap<>();
        try (Connection c = ds.getConnection()) {
            for (LotRef lot : lots) {
                Walk forth = bfs.walk(c, List.of(lot), true);
                Walk back = bfs.walk(c, List.of(lot), false);
                assertThat(cte.walk(c, List.of(lot), true))
                        .as("forward from %s", lot)
                        .isEqualTo(forth);
                assertThat(cte.walk(c, List.of(lot), false))
                        .as("backward from %s", lot)
                        .isEqualTo(back);
                assertThat(forth.depths()).isEqualTo(reachable(lot, edges, true));
                assertThat(back.depths()).isEqualTo(reachable(lot, edges, false));
                assertWholeWalkAgrees(c, lot, back, forth);
                descendants.put(lot, forth.depths().keySet());
                ancestors.put(lot, back.depths().keySet());
            }
            List<LotRef> starts = List.of(lots.get(0), lots.get(n / 2), lots.get(n - 1));
            assertThat(cte.walk(c, starts, true)).isEqualTo(bfs.walk(c, starts, true));
        }
        for (LotRef a : lots) {
            for (LotRef b : lots) {
                assertThat(descendants.get(a).contains(b))
                        .as("%s descends from %s iff %s is its ancestor", b, a, a)
                        .isEqualTo(ancestors.get(b).contains(a));
            }
        }
        if (withCycles) {
            Edge backLink = edges.get(edges.size() - 1);
            assertThat(descendants.get(backLink.to())).contains(backLink.from());
        }
        // the HTTP answer walks both ways and ends too
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        LotRef middle = lots.get(n / 2);
        as(quinn)
                .get("/api/v1/trace/" + middle.item() + "/" + middle.lot() + "?direction=both")
                .then()
                .statusCode(200)
                .body(
                        "lots.size()",
                        org.hamcrest.Matchers.equalTo(union(descendants.get(middle), ancestors.get(middle))));
        as(quinn)
                .get("/api/v1/trace/" + lots.get(0).item() + "/" + lots.get(0).lot() + "?direction=forward")
                .then()
                .statusCode(200)
                .body("lots.size()", org.hamcrest.Matchers.equalTo(union(descendants.get(lots.get(0)), Set.of())))
                .body("lotsOutsideYourSites", org.hamcrest.Matchers.equalTo(1));
    }

    /**
     * The whole trace's one-statement walk gives the breadth-first walks each way, lots in the
     * same order, and the site and status of every lot reached.
     */
    private static void assertWholeWalkAgrees(Connection c, LotRef lot, Walk back, Walk forth) throws SQLException {
        WholeWalk.Found both = WholeWalk.of(c, lot, Direction.BOTH, false, List.of("PLANT-1"));
        assertThat(both.root().ref()).isEqualTo(lot);
        assertThat(both.back()).as("backward from %s", lot).isEqualTo(back);
        assertThat(both.forth()).as("forward from %s", lot).isEqualTo(forth);
        assertThat(List.copyOf(both.back().depths().keySet()))
                .containsExactlyElementsOf(back.depths().keySet());
        assertThat(List.copyOf(both.forth().depths().keySet()))
                .containsExactlyElementsOf(forth.depths().keySet());
        Map<LotRef, WholeWalk.Reached> expected = new HashMap<>();
        List<LotRef> reached = new ArrayList<>(back.depths().keySet());
        reached.addAll(forth.depths().keySet());
        TraceQueries.lots(c, reached).forEach((l, f) -> expected.put(l, new WholeWalk.Reached(f.site(), f.status())));
        assertThat(both.reached()).isEqualTo(expected);
        Walk justTheRoot = new Walk(Map.of(lot, 0), List.of());
        WholeWalk.Found forward = WholeWalk.of(c, lot, Direction.FORWARD, true, List.of());
        assertThat(forward.forth()).isEqualTo(forth);
        assertThat(forward.back()).isEqualTo(justTheRoot);
        WholeWalk.Found backward = WholeWalk.of(c, lot, Direction.BACKWARD, true, List.of());
        assertThat(backward.back()).isEqualTo(back);
        assertThat(backward.forth()).isEqualTo(justTheRoot);
        // a caller of another site: the root's facts (to refuse with), no walk
        WholeWalk.Found refused = WholeWalk.of(c, lot, Direction.BOTH, false, List.of("PLANT-9"));
        assertThat(refused.root().ref()).isEqualTo(lot);
        assertThat(refused.back()).isEqualTo(justTheRoot);
        assertThat(refused.forth()).isEqualTo(justTheRoot);
    }

    /** Lots of either set that the lot projection holds (the orphan is walked, not listed). */
    private int union(Set<LotRef> a, Set<LotRef> b) {
        Set<LotRef> all = new HashSet<>(a);
        all.addAll(b);
        all.removeIf(l -> l.lot().value().endsWith("-ORPHAN"));
        return all.size();
    }

    /** Shortest distances over the edges in memory, breadth first. */
    private static Map<LotRef, Integer> reachable(LotRef start, List<Edge> edges, boolean forward) {
        Map<LotRef, Integer> depths = new HashMap<>();
        depths.put(start, 0);
        List<LotRef> frontier = List.of(start);
        int d = 0;
        while (!frontier.isEmpty()) {
            d++;
            List<LotRef> next = new ArrayList<>();
            for (Edge e : edges) {
                LotRef a = forward ? e.from() : e.to();
                LotRef b = forward ? e.to() : e.from();
                if (frontier.contains(a) && !depths.containsKey(b)) {
                    depths.put(b, d);
                    next.add(b);
                }
            }
            frontier = next;
        }
        return depths;
    }

    private void store(List<LotRef> lots, List<Edge> edges) throws SQLException {
        Api.loadRiversideMasterData();
        Instant t = Instant.parse("2026-11-16T08:00:00Z");
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO lot (item, lot, site, status, origin, created_at, first_event_id) "
                            + "VALUES (?, ?, 'PLANT-1', ?, 'PRODUCED', ?, ?)")) {
                int i = 0;
                for (LotRef l : lots) {
                    ps.setString(1, l.item().value());
                    ps.setString(2, l.lot().value());
                    ps.setString(3, STATUSES.get(i++ % STATUSES.size()));
                    ps.setObject(4, java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
                    ps.setObject(5, UUID.randomUUID());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO lot_link (from_item, from_lot, to_item, to_lot, quantity, uom, kind, "
                            + "batch, event_id, occurred_at) VALUES (?, ?, ?, ?, 1, 'KGM', 'PRODUCTION', ?, ?, ?)")) {
                int i = 0;
                for (Edge e : edges) {
                    ps.setString(1, e.from().item().value());
                    ps.setString(2, e.from().lot().value());
                    ps.setString(3, e.to().item().value());
                    ps.setString(4, e.to().lot().value());
                    ps.setString(5, "B-" + i++);
                    ps.setObject(6, UUID.randomUUID());
                    ps.setObject(7, java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static <T> T sample(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(100).next(random).value();
    }
}
