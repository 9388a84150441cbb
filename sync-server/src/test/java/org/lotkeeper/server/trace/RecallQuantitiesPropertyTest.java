package org.lotkeeper.server.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import static org.lotkeeper.server.testing.Api.as;

/**
 * Recall invariants on generated plants: the affected lots are the start lots and everything
 * reachable from them through genealogy links, and per lot the recall's shipped and returned
 * quantities are the sums of the SHIP and RETURN events the ledger holds for it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RecallQuantitiesPropertyTest {

    @Inject
    DataSource ds;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void recallQuantitiesAreTheLedgersShipAndReturnEvents(long seed) throws Exception {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        Random random = new Random(seed);
        String sam = Api.token("sam", "sam-Passw0rd!");
        List<String[]> lots = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            String[] device = Riverside.enroll(sam, "gen-" + d);
            List<JsonNode> events = GeneratedStreams.stream(random, lots, 60);
            for (int from = 0; from < events.size(); from += 20) {
                Riverside.push(device, events.subList(from, Math.min(events.size(), from + 20)));
            }
        }
        List<String[]> known =
                Database.rows(ds, "SELECT item, lot FROM lot WHERE origin <> 'UNKNOWN' ORDER BY item, lot").stream()
                        .map(r -> new String[] {(String) r.get("item"), (String) r.get("lot")})
                        .toList();
        ObjectNode request = Riverside.JSON.createObjectNode().put("mock", true).put("reason", "property test");
        ArrayNode start = request.putArray("lots");
        Set<String> starting = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String[] lot = known.get(random.nextInt(known.size()));
            if (starting.add(lot[0] + "/" + lot[1])) {
                start.addObject().put("item", lot[0]).put("lot", lot[1]);
            }
        }
        JsonNode recall = Riverside.JSON.readTree(as(Api.token("quinn", "quinn-Passw0rd!"))
                .body(request.toString())
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        // small pages, so that paging itself is under test
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        Set<String> affected = new HashSet<>();
        RecallSums.affectedLots(recall, quinn, 4)
                .forEach(l ->
                        affected.add(l.get("item").asText() + "/" + l.get("lot").asText()));
        assertThat(affected).isEqualTo(descendants(starting));
        Set<String> linked = new HashSet<>();
        RecallSums.links(recall, quinn, 3)
                .forEach(l -> linked.add(l.at("/from/item").asText() + "/"
                        + l.at("/from/lot").asText() + ">" + l.at("/to/item").asText() + "/"
                        + l.at("/to/lot").asText()));
        Set<String> expectedLinks = new HashSet<>();
        Database.rows(ds, "SELECT from_item, from_lot, to_item, to_lot FROM lot_link").stream()
                .filter(r -> affected.contains(r.get("from_item") + "/" + r.get("from_lot")))
                .forEach(r -> expectedLinks.add(
                        r.get("from_item") + "/" + r.get("from_lot") + ">" + r.get("to_item") + "/" + r.get("to_lot")));
        assertThat(linked).as("the links out of every affected lot").isEqualTo(expectedLinks);

        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'SHIP'"))
                .as("the plant shipped")
                .isPositive();
        assertThat(RecallSums.ofRecall(recall, "shipments", quinn, 3))
                .isEqualTo(RecallSums.ofLedger(ds, "SHIP", affected));
        assertThat(RecallSums.ofRecall(recall, "returns", quinn, 2))
                .isEqualTo(RecallSums.ofLedger(ds, "RETURN", affected));
    }

    /** The start lots and every lot reachable from them over lot_link, walked here independently. */
    private Set<String> descendants(Set<String> start) {
        Map<String, List<String>> out = new HashMap<>();
        Database.rows(ds, "SELECT from_item, from_lot, to_item, to_lot FROM lot_link")
                .forEach(r -> out.computeIfAbsent(r.get("from_item") + "/" + r.get("from_lot"), k -> new ArrayList<>())
                        .add(r.get("to_item") + "/" + r.get("to_lot")));
        Set<String> seen = new HashSet<>(start);
        List<String> queue = new ArrayList<>(start);
        while (!queue.isEmpty()) {
            for (String next : out.getOrDefault(queue.remove(queue.size() - 1), List.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }
}
