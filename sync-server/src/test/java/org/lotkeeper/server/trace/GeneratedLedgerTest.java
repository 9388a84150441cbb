package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.bench.ledger.LedgerGenerator;
import org.lotkeeper.bench.ledger.TraceBenchmark;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.ledger.ChainHash;
import org.lotkeeper.server.ledger.LedgerReplay;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * The large-ledger generator of the benchmarks module, run small (2,000 lots) so the benchmark
 * code cannot rot: what it bulk-loads is what ingest would have made of the same events (the
 * projections equal a replay of its ledger, every event reads back, the hash chain verifies); on
 * it the breadth-first trace and the recursive baseline agree, forward and backward walks are
 * mirror images, the benchmark's re-stated walks find what the server's find, and a mock recall
 * of a popular lot ships exactly what the ledger shipped.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class GeneratedLedgerTest {

    private static final int LOTS = 2_000;
    private static final String SITE = "PLANT-1";

    @Inject
    DataSource ds;

    @Inject
    LedgerReplay replay;

    private LedgerGenerator.Summary generate(long seed) throws Exception {
        return generate(seed, LOTS);
    }

    private LedgerGenerator.Summary generate(long seed, int lots) throws Exception {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        var config = ConfigProvider.getConfig();
        return LedgerGenerator.generate(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class),
                new LedgerGenerator.Config(lots, seed, SITE));
    }

    @AfterEach
    void removeGeneratedData() {
        Database.resetLedger(ds);
        Database.execute(ds, "DELETE FROM item WHERE code LIKE 'G-%'");
        Database.execute(ds, "DELETE FROM partner WHERE code LIKE 'G-%'");
        Database.execute(ds, "DELETE FROM location WHERE code LIKE 'G-%'");
    }

    @Test
    void generatedProjectionsAreWhatReplayingTheLedgerProjects() throws Exception {
        // half size: replay applies every event through the Projector one by one, the slow part of this class
        generate(1, LOTS / 2);
        Map<String, List<Map<String, Object>>> generated = projections();
        assertThat(generated.get("lot")).hasSize(LOTS / 2);

        replay.rebuildProjections();

        Map<String, List<Map<String, Object>>> replayed = projections();
        for (String table : generated.keySet()) {
            assertThat(replayed.get(table)).as(table).isEqualTo(generated.get(table));
        }
    }

    @Test
    void everyGeneratedEventReadsBackNamesItsLotsAndChainsItsHash() throws Exception {
        LedgerGenerator.Summary summary = generate(2);
        List<Map<String, Object>> events = Database.rows(
                ds,
                "SELECT ledger_seq, source, source_seq, recorded_at, content, prev_hash, hash "
                        + "FROM ledger_event ORDER BY ledger_seq");
        assertThat(events).hasSize((int) summary.events());
        Set<String> lotEvents = new HashSet<>();
        Database.rows(ds, "SELECT item, lot, ledger_seq FROM lot_event")
                .forEach(r -> lotEvents.add(r.get("item") + "/" + r.get("lot") + "@" + r.get("ledger_seq")));
        Set<String> expected = new HashSet<>();
        String previous = null;
        for (Map<String, Object> row : events) {
            String content = (String) row.get("content");
            Decoded<Event> event = EventJson.read(content);
            assertThat(event.isOk()).as("event %s reads", row.get("ledger_seq")).isTrue();
            assertThat(EventJson.canonicalString(event.value())).isEqualTo(content);
            for (LotRef lot : event.value().lots()) {
                expected.add(lot.item().value() + "/" + lot.lot().value() + "@" + row.get("ledger_seq"));
            }
            assertThat(row.get("prev_hash")).isEqualTo(previous);
            String hash = ChainHash.of(
                    previous,
                    (String) row.get("source"),
                    (Long) row.get("source_seq"),
                    ((java.sql.Timestamp) row.get("recorded_at")).toInstant(),
                    List.of(),
                    null,
                    content);
            assertThat(row.get("hash"))
                    .as("hash of event %s", row.get("ledger_seq"))
                    .isEqualTo(hash);
            previous = hash;
        }
        assertThat(lotEvents).isEqualTo(expected);
        assertThat(Database.rows(ds, "SELECT last_seq, last_hash FROM chain_head WHERE source = ?", "site:" + SITE))
                .containsExactly(Map.of("last_seq", summary.events(), "last_hash", previous));
    }

    @Test
    void generatedLedgerHasThePlantsShape() throws Exception {
        LedgerGenerator.Summary summary = generate(3);
        assertThat(summary.events()).as("about ten events a lot").isBetween(8L * LOTS, 12L * LOTS);
        assertThat(Database.rows(ds, "SELECT DISTINCT kind FROM lot_link ORDER BY kind"))
                .extracting(r -> r.get("kind"))
                .containsExactly("BLEND", "MERGE", "REWORK", "SPLIT");
        List<Map<String, Object>> fanIn = Database.rows(
                ds,
                "SELECT min(n) AS lo, max(n) AS hi FROM (SELECT event_id, count(DISTINCT (from_item, "
                        + "from_lot)) AS n FROM lot_link WHERE kind = 'BLEND' GROUP BY event_id) b");
        assertThat((Long) fanIn.get(0).get("lo")).isGreaterThanOrEqualTo(2);
        assertThat((Long) fanIn.get(0).get("hi"))
                .as("2-8 lots, and sometimes a popular lot besides")
                .isBetween(8L, 9L);
        assertThat(Database.count(ds, "SELECT count(*) FROM return_line")).isPositive();
        assertThat(Database.count(ds, "SELECT count(*) FROM stock WHERE quantity < 0"))
                .isZero();
    }

    @Test
    void breadthFirstAndRecursiveCteFindTheSameGenealogyBothWays() throws Exception {
        generate(4);
        List<LotRef> lots = Database.rows(ds, "SELECT item, lot FROM lot ORDER BY item, lot").stream()
                .map(r -> LotRef.of((String) r.get("item"), (String) r.get("lot")))
                .toList();
        Random random = new Random(4);
        BreadthFirstTrace bfs = new BreadthFirstTrace();
        RecursiveCteTrace cte = new RecursiveCteTrace();
        int deep = 0;
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < 60; i++) {
                LotRef start = lots.get(random.nextInt(lots.size()));
                for (boolean forward : new boolean[] {true, false}) {
                    Walk expected = bfs.walk(c, List.of(start), forward);
                    assertThat(cte.walk(c, List.of(start), forward))
                            .as("%s %s", start, forward)
                            .isEqualTo(expected);
                    TraceBenchmark.Walk bench = TraceBenchmark.breadthFirst(
                            c, start.item().value(), start.lot().value(), forward);
                    assertThat(bench.depths()).isEqualTo(keyed(expected));
                    assertThat(bench.links())
                            .extracting(TraceBenchmark.Link::id)
                            .isEqualTo(expected.links().stream().map(Link::id).toList());
                    assertThat(TraceBenchmark.recursiveCte(
                                            c, start.item().value(), start.lot().value(), forward)
                                    .depths())
                            .isEqualTo(keyed(expected));
                    for (LotRef reached : expected.depths().keySet()) {
                        assertThat(bfs.walk(c, List.of(reached), !forward).depths())
                                .as("%s reached from %s", start, reached)
                                .containsKey(start);
                    }
                    deep += expected.depths().size() > 2 ? 1 : 0;
                }
            }
        }
        assertThat(deep).as("walks that went beyond one step").isGreaterThan(30);
    }

    @Test
    void mockRecallOfAPopularLotShipsWhatTheLedgerShipped() throws Exception {
        LedgerGenerator.Summary summary = generate(5);
        LotRef popular = summary.popular().get(0);
        Set<String> descendants;
        try (Connection c = ds.getConnection()) {
            descendants = keyed(new BreadthFirstTrace().walk(c, List.of(popular), true))
                    .keySet();
        }
        ObjectNode request = Riverside.JSON.createObjectNode().put("mock", true).put("reason", "generated ledger");
        request.putArray("lots")
                .addObject()
                .put("item", popular.item().value())
                .put("lot", popular.lot().value());
        JsonNode recall = Riverside.JSON.readTree(as(Api.token("quinn", "quinn-Passw0rd!"))
                .body(request.toString())
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        List<JsonNode> affectedLots = RecallSums.affectedLots(recall, quinn, 5_000);
        Set<String> affected = new HashSet<>();
        affectedLots.forEach(
                l -> affected.add(l.get("item").asText() + "/" + l.get("lot").asText()));
        assertThat(affected).isEqualTo(descendants);
        assertThat(RecallSums.links(recall, quinn, 5_000))
                .as("every link between affected lots")
                .hasSize((int) Database.count(
                        ds, "SELECT count(*) FROM lot_link WHERE (from_item || '/' || from_lot) = ANY(?)", (Object)
                                affected.toArray(String[]::new)));
        assertThat(affected.size())
                .as("a popular lot reaches 1% of the lots (10,000 of 1M)")
                .isGreaterThanOrEqualTo(LOTS / 100);
        Map<String, BigDecimal> shippedLines = sums("SELECT item, lot, quantity FROM shipment_line", affected);
        assertThat(Database.count(
                        ds, "SELECT count(*) FROM shipment_line s WHERE (s.item || '/' || s.lot) = ANY(?)", (Object)
                                affected.toArray(String[]::new)))
                .as("and 5% as many shipment lines as lots (50,000 of 1M)")
                .isGreaterThanOrEqualTo(LOTS / 20);
        assertThat(RecallSums.ofRecall(recall, "shipments", quinn, 5_000))
                .isEqualTo(shippedLines)
                .isEqualTo(RecallSums.ofLedger(ds, "SHIP", affected));
        assertThat(RecallSums.ofRecall(recall, "returns", quinn, 5_000))
                .isEqualTo(RecallSums.ofLedger(ds, "RETURN", affected));

        // The PDF lists every affected lot and every customer's sums (the lines are in the CSV).
        byte[] pdf = as(quinn)
                .get("/api/v1/recalls/" + recall.get("recallId").asText() + "/report.pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        String text = org.lotkeeper.server.testing.Pdfs.text(pdf);
        affectedLots.forEach(l -> assertThat(text).contains(l.get("lot").asText()));
        recall.get("customers")
                .forEach(c -> assertThat(text).contains(c.get("customer").asText() + " "));
        assertThat(text).contains("report.csv", "Answered in");
    }

    /** Every projection table the generator writes, without generated ids and without empty stock rows, in a fixed order. */
    private Map<String, List<Map<String, Object>>> projections() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put(
                "lot",
                Database.rows(
                        ds,
                        "SELECT item, lot, site, status, expiry, retest_date, manufactured, origin, supplier, supplier_lot, created_at, "
                                + "first_event_id, status_event_id FROM lot ORDER BY item, lot"));
        out.put(
                "stock",
                Database.rows(
                        ds,
                        "SELECT item, lot, location, container, site, quantity, uom FROM stock WHERE quantity <> 0 "
                                + "ORDER BY item, lot, location, container"));
        out.put(
                "lot_link",
                Database.rows(
                        ds,
                        "SELECT from_item, from_lot, to_item, to_lot, quantity, uom, kind, batch, event_id, occurred_at "
                                + "FROM lot_link ORDER BY id"));
        out.put("receipt", Database.rows(ds, "SELECT * FROM receipt ORDER BY event_id"));
        out.put("shipment_line", Database.rows(ds, "SELECT * FROM shipment_line ORDER BY event_id"));
        out.put("return_line", Database.rows(ds, "SELECT * FROM return_line ORDER BY event_id"));
        return out;
    }

    private static Map<String, Integer> keyed(Walk walk) {
        Map<String, Integer> out = new LinkedHashMap<>();
        walk.depths()
                .forEach((lot, depth) ->
                        out.put(lot.item().value() + "/" + lot.lot().value(), depth));
        return out;
    }

    private Map<String, BigDecimal> sums(String sql, Set<String> lots) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Map<String, Object> row : Database.rows(ds, sql)) {
            String key = row.get("item") + "/" + row.get("lot");
            if (lots.contains(key)) {
                out.merge(key, new BigDecimal((String) row.get("quantity")), BigDecimal::add);
            }
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        return out;
    }
}
