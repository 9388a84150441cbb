package org.lotkeeper.server.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
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

    private static final List<String> STORAGE = List.of("WH-A-01", "WH-A-02", "WH-B-01", "RCV-DOCK-1", "QA-HOLD");
    private static final List<String> RAW = List.of("RM-RESIN", "RM-PIGMENT", "RM-SOLVENT");

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
        Map<String[], List<JsonNode>> streams = new LinkedHashMap<>();
        List<String[]> lotsSeen = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            streams.put(Riverside.enroll(sam, "gen-" + d), stream(random, lotsSeen, 25 + random.nextInt(25)));
        }
        int stored = 0;

        // Deliver: batches of 1-10, devices interleaved at random, one batch in five sent twice.
        Map<String[], Integer> sent = new HashMap<>();
        streams.keySet().forEach(k -> sent.put(k, 0));
        List<String[]> devices = new ArrayList<>(streams.keySet());
        while (!devices.isEmpty()) {
            String[] device = devices.get(random.nextInt(devices.size()));
            List<JsonNode> events = streams.get(device);
            int from = sent.get(device);
            int to = Math.min(events.size(), from + 1 + random.nextInt(10));
            List<JsonNode> batch = events.subList(from, to);
            JsonNode answer = Riverside.push(device, batch);
            for (JsonNode r : answer.get("results")) {
                // A hold on a lot that is not RELEASED at arrival is refused, as it should be; everything else is stored.
                if (r.get("status").asText().equals("REJECTED")) {
                    assertThat(r.at("/error/code").asText()).as(r.toString()).isEqualTo("INVALID_TRANSITION");
                } else {
                    assertThat(r.get("status").asText()).as(r.toString()).isIn("ACCEPTED", "FLAGGED");
                    stored++;
                }
            }
            if (random.nextInt(5) == 0) {
                Riverside.push(device, batch).get("results").forEach(r -> assertThat(r.get("status").asText()).isIn("DUPLICATE", "REJECTED"));
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

    /** A plausible device stream: receipts, moves, picks, shipments, production, counts, holds, returns. */
    private static List<JsonNode> stream(Random random, List<String[]> lots, int length) {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> amount = Arbitraries.integers().between(1, 60);
        List<JsonNode> out = new ArrayList<>();
        for (int seq = 1; seq <= length; seq++) {
            int k = lots.isEmpty() ? 0 : sample(kind, random);
            String[] lot = lots.isEmpty() ? null : lots.get(random.nextInt(lots.size()));
            String qty = Integer.toString(sample(amount, random));
            ObjectNode e = envelope(seq, "ben");
            ObjectNode p = e.putObject("payload");
            switch (k) {
                case 0, 1 -> {
                    String item = RAW.get(random.nextInt(RAW.size()));
                    String code = "G" + Integer.toHexString(random.nextInt(1 << 20));
                    lots.add(new String[] {item, code});
                    e.put("type", "RECEIVE").put("userId", "ana");
                    p.put("supplier", "SOLVCO").put("reference", "PO-" + seq).put("item", item).put("lot", code)
                            .put("supplierLot", "S" + code).put("location", pickOne(random, STORAGE));
                    quantity(p, "quantity", item, "200");
                    p.put("expiry", "2027-0" + (1 + random.nextInt(9)) + "-15");
                }
                case 2, 3 -> {
                    e.put("type", "MOVE");
                    p.put("item", lot[0]).put("lot", lot[1]).put("from", pickOne(random, STORAGE)).put("to", pickOne(random, STORAGE));
                    quantity(p, "quantity", lot[0], qty);
                }
                case 4 -> {
                    e.put("type", "PICK");
                    p.put("order", "SO-" + seq).put("item", lot[0]).put("lot", lot[1]).put("from", pickOne(random, STORAGE))
                            .put("to", "STAGE-OUT-1").put("customer", "HARBOR-PAINTS");
                    quantity(p, "quantity", lot[0], qty);
                }
                case 5 -> {
                    e.put("type", "SHIP");
                    p.put("shipment", "SHP-" + seq).put("customer", "HARBOR-PAINTS").put("item", lot[0]).put("lot", lot[1])
                            .put("from", "STAGE-OUT-1");
                    quantity(p, "quantity", lot[0], qty);
                }
                case 6 -> {
                    String[] other = lots.get(random.nextInt(lots.size()));
                    String product = "P" + Integer.toHexString(random.nextInt(1 << 20));
                    lots.add(new String[] {"FG-PRIMER", product});
                    e.put("type", "TRANSFORM");
                    p.put("kind", random.nextBoolean() ? "PRODUCTION" : "BLEND").put("batch", "B-" + seq);
                    ArrayNode inputs = p.putArray("inputs");
                    for (String[] in : other == lot ? List.<String[]>of(lot) : List.<String[]>of(lot, other)) {
                        ObjectNode line = inputs.addObject().put("item", in[0]).put("lot", in[1]).put("from", pickOne(random, STORAGE));
                        quantity(line, "quantity", in[0], qty);
                    }
                    ObjectNode output = p.putArray("outputs").addObject().put("item", "FG-PRIMER").put("lot", product).put("to", "PROD-LINE-1");
                    quantity(output, "quantity", "FG-PRIMER", "20");
                }
                case 7 -> {
                    e.put("type", "COUNT");
                    p.put("item", lot[0]).put("lot", lot[1]).put("location", pickOne(random, STORAGE));
                    quantity(p, "counted", lot[0], qty);
                }
                case 8 -> {
                    e.put("type", "STATUS");
                    p.put("item", lot[0]).put("lot", lot[1]).put("status", "ON_HOLD").put("reason", "damaged drum");
                }
                default -> {
                    e.put("type", "RETURN").put("userId", "ana");
                    p.put("customer", "CITY-MAINT").put("reference", "RMA-" + seq).put("item", lot[0]).put("lot", lot[1])
                            .put("to", "RETURNS-1").put("reason", "damaged");
                    quantity(p, "quantity", lot[0], qty);
                }
            }
            out.add(e);
        }
        return out;
    }

    private static ObjectNode envelope(int seq, String user) {
        ObjectNode e = Riverside.JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("deviceSeq", seq);
        e.put("type", "MOVE");
        e.put("occurredAt", "2026-11-18T10:00:00Z");
        e.put("userId", user);
        e.put("site", "PLANT-1");
        return e;
    }

    private static void quantity(ObjectNode node, String field, String item, String value) {
        String uom = item.equals("RM-SOLVENT") ? "LTR" : item.startsWith("FG") ? "H87" : "KGM";
        node.putObject(field).put("value", value).put("uom", uom);
    }

    private static <T> T sample(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(100).next(random).value();
    }

    private static String pickOne(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private Map<String, List<Map<String, Object>>> projections() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        out.put("lot", Database.rows(ds, "SELECT item, lot, site, status, expiry, manufactured, origin, supplier, supplier_lot, "
                + "created_at, first_event_id, status_event_id FROM lot ORDER BY item, lot"));
        out.put("stock", Database.rows(ds, "SELECT item, lot, location, container, site, quantity, uom FROM stock WHERE quantity <> 0 "
                + "ORDER BY item, lot, location, container"));
        out.put("lot_link", Database.rows(ds, "SELECT from_item, from_lot, to_item, to_lot, quantity, uom, kind, batch, event_id "
                + "FROM lot_link ORDER BY event_id, from_item, from_lot, to_item, to_lot"));
        out.put("receipt", Database.rows(ds, "SELECT * FROM receipt ORDER BY event_id"));
        out.put("shipment_line", Database.rows(ds, "SELECT * FROM shipment_line ORDER BY event_id"));
        out.put("return_line", Database.rows(ds, "SELECT * FROM return_line ORDER BY event_id"));
        out.put("count_variance", Database.rows(ds, "SELECT event_id, site, item, lot, location, counted, expected, uom, status "
                + "FROM count_variance ORDER BY event_id"));
        return out;
    }
}
