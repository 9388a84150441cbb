package org.lotkeeper.server.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.GeneratedStreams;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger invariant: the projections are exactly what a replay of the ledger gives. Event streams
 * of several devices are generated (jqwik arbitraries, seeded), delivered interleaved across
 * devices, in random batches, with retried batches; then the live projections are compared with
 * a rebuild from the ledger, and every event is stored exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ReplayPropertyTest {

    @Inject
    DataSource ds;

    @Inject
    LedgerReplay replay;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void projectionsEqualAReplayOfTheLedger(long seed) {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        String sam = Api.token("sam", "sam-Passw0rd!");
        Random random = new Random(seed);
        // by device id: its credentials and the events it pushes
        Map<String, String[]> credentials = new LinkedHashMap<>();
        Map<String, List<JsonNode>> streams = new LinkedHashMap<>();
        List<String[]> lotsSeen = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            String[] enrolled = Riverside.enroll(sam, "gen-" + d);
            credentials.put(enrolled[0], enrolled);
            streams.put(enrolled[0], GeneratedStreams.stream(random, lotsSeen, 25 + random.nextInt(25)));
        }
        int stored = 0;

        // Deliver: batches of 1-10, devices interleaved at random, one batch in five sent twice.
        Map<String, Integer> sent = new HashMap<>();
        streams.keySet().forEach(k -> sent.put(k, 0));
        List<String> devices = new ArrayList<>(streams.keySet());
        while (!devices.isEmpty()) {
            String device = devices.get(random.nextInt(devices.size()));
            List<JsonNode> events = streams.get(device);
            int from = sent.get(device);
            int to = Math.min(events.size(), from + 1 + random.nextInt(10));
            List<JsonNode> batch = events.subList(from, to);
            JsonNode answer = Riverside.push(credentials.get(device), batch);
            for (JsonNode r : answer.get("results")) {
                // A hold on a lot that is not RELEASED at arrival is refused, as it should be; everything else is
                // stored.
                if (r.get("status").asText().equals("REJECTED")) {
                    assertThat(r.at("/error/code").asText()).as(r.toString()).isEqualTo("INVALID_TRANSITION");
                } else {
                    assertThat(r.get("status").asText()).as(r.toString()).isIn("ACCEPTED", "FLAGGED");
                    stored++;
                }
            }
            if (random.nextInt(5) == 0) {
                Riverside.push(credentials.get(device), batch)
                        .get("results")
                        .forEach(r -> assertThat(r.get("status").asText()).isIn("DUPLICATE", "REJECTED"));
            }
            sent.put(device, to);
            if (to == events.size()) {
                devices.remove(device);
            }
        }
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event")).isEqualTo(stored);

        Map<String, List<Map<String, Object>>> live = projections();
        assertThat(replay.rebuildProjections()).isEqualTo(stored);
        assertThat(projections()).isEqualTo(live);
    }

    private Map<String, List<Map<String, Object>>> projections() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put(
                "lot",
                Database.rows(
                        ds,
                        "SELECT item, lot, site, status, expiry, retest_date, manufactured, origin, supplier, supplier_lot, "
                                + "created_at, first_event_id, status_event_id FROM lot ORDER BY item, lot"));
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
                        "SELECT from_item, from_lot, to_item, to_lot, quantity, uom, kind, batch, event_id "
                                + "FROM lot_link ORDER BY event_id, from_item, from_lot, to_item, to_lot"));
        out.put("receipt", Database.rows(ds, "SELECT * FROM receipt ORDER BY event_id"));
        out.put("shipment_line", Database.rows(ds, "SELECT * FROM shipment_line ORDER BY event_id"));
        out.put("return_line", Database.rows(ds, "SELECT * FROM return_line ORDER BY event_id"));
        out.put(
                "count_variance",
                Database.rows(
                        ds,
                        "SELECT event_id, site, item, lot, location, counted, expected, uom, status "
                                + "FROM count_variance ORDER BY event_id"));
        return out;
    }
}
