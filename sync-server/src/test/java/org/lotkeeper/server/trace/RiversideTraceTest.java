package org.lotkeeper.server.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Lot detail, timeline, mass balance and trace on the Riverside week (clock fixed by the test
 * profile), against riverside/expected.json.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RiversideTraceTest {

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        Database.execute(ds, "TRUNCATE recall");
        new Riverside().play();
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    @Test
    void backwardTraceOfTheReworkedLotReachesEveryAncestorAndSupplierLot() throws Exception {
        JsonNode expected = Riverside.expected().get("backward");
        JsonNode answer = json(as(quinn).get("/api/v1/trace/FG-PRIMER/PR-1003?direction=backward").then().statusCode(200)
                .extract().asString());

        assertThat(answer.at("/root/item").asText()).isEqualTo("FG-PRIMER");
        assertThat(answer.at("/root/lot").asText()).isEqualTo("PR-1003");
        Set<String> ancestors = new HashSet<>();
        for (JsonNode l : answer.get("lots")) {
            if (l.get("relation").asText().equals("ANCESTOR")) {
                ancestors.add(l.get("item").asText() + "/" + l.get("lot").asText());
                assertThat(l.get("depth").asInt()).isPositive();
            }
        }
        Set<String> expectedAncestors = new HashSet<>();
        expected.get("ancestors").forEach(a -> expectedAncestors.add(a.get("item").asText() + "/" + a.get("lot").asText()));
        assertThat(ancestors).isEqualTo(expectedAncestors);

        Map<String, Set<String>> suppliers = new TreeMap<>();
        answer.get("receipts").forEach(r -> suppliers.computeIfAbsent(r.get("supplier").asText(), k -> new TreeSet<>())
                .add(r.get("supplierLot").asText()));
        Map<String, Set<String>> expectedSuppliers = new TreeMap<>();
        expected.get("suppliers").fields().forEachRemaining(e -> {
            Set<String> lots = new TreeSet<>();
            e.getValue().forEach(v -> lots.add(v.asText()));
            expectedSuppliers.put(e.getKey(), lots);
        });
        assertThat(suppliers).isEqualTo(expectedSuppliers);
        assertThat(answer.has("elapsedMs")).isTrue();
        // PR-1001 fed PR-1003 through the rework at depth 1; R-2402 fed PR-1001, so it is two links away.
        assertThat(depthOf(answer, "FG-PRIMER", "PR-1001")).isEqualTo(1);
        assertThat(depthOf(answer, "RM-RESIN", "R-2402")).isEqualTo(2);
        assertThat(depthOf(answer, "RM-RESIN", "R-2401")).isEqualTo(1);
        // A backward answer lists the root's own shipment, not those of its ancestors.
        List<String> shipped = new ArrayList<>();
        answer.get("shipments").forEach(s -> shipped.add(s.get("lot").asText() + "->" + s.get("customer").asText()));
        assertThat(shipped).containsExactly("PR-1003->CITY-MAINT");
    }

    @Test
    void forwardTraceOfAResinLotFollowsLotsNotItems() throws Exception {
        JsonNode answer = json(as(quinn).get("/api/v1/trace/RM-RESIN/R-2401?direction=forward").then().statusCode(200)
                .extract().asString());
        Set<String> lots = new HashSet<>();
        answer.get("lots").forEach(l -> lots.add(l.get("lot").asText()));
        assertThat(lots).containsExactlyInAnyOrder("R-2401", "TC-1002", "PR-1003");
        Set<String> customers = new HashSet<>();
        answer.get("shipments").forEach(s -> customers.add(s.get("customer").asText()));
        assertThat(customers).containsExactlyInAnyOrder("HARBOR-PAINTS", "CITY-MAINT");
        assertThat(answer.get("returns")).hasSize(1);
        assertThat(answer.at("/returns/0/customer").asText()).isEqualTo("CITY-MAINT");
        assertThat(answer.at("/returns/0/quantity/value").asText()).isEqualTo("2");
        for (JsonNode link : answer.get("links")) {
            assertThat(link.get("eventId").asText()).isNotEmpty();
            assertThat(link.get("kind").asText()).isIn("PRODUCTION", "REWORK");
        }
    }

    static int depthOf(JsonNode answer, String item, String lot) {
        for (JsonNode l : answer.get("lots")) {
            if (l.get("item").asText().equals(item) && l.get("lot").asText().equals(lot)) {
                return l.get("depth").asInt();
            }
        }
        throw new AssertionError("no " + item + "/" + lot + " in " + answer);
    }

    static JsonNode json(String text) throws Exception {
        return Riverside.JSON.readTree(text);
    }
}
