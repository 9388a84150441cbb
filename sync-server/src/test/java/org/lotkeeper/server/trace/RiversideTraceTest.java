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
        new Riverside().play();
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    @Test
    void backwardTraceOfTheReworkedLotReachesEveryAncestorAndSupplierLot() throws Exception {
        JsonNode expected = Riverside.expected().get("backward");
        JsonNode answer = json(as(quinn)
                .get("/api/v1/trace/FG-PRIMER/PR-1003?direction=backward")
                .then()
                .statusCode(200)
                .extract()
                .asString());

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
        expected.get("ancestors")
                .forEach(a -> expectedAncestors.add(
                        a.get("item").asText() + "/" + a.get("lot").asText()));
        assertThat(ancestors).isEqualTo(expectedAncestors);

        Map<String, Set<String>> suppliers = new TreeMap<>();
        answer.get("receipts")
                .forEach(r -> suppliers
                        .computeIfAbsent(r.get("supplier").asText(), k -> new TreeSet<>())
                        .add(r.get("supplierLot").asText()));
        Map<String, Set<String>> expectedSuppliers = new TreeMap<>();
        expected.get("suppliers").properties().forEach(e -> {
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
        // A backward answer sums the root's own shipment, not those of its ancestors.
        List<String> shipped = new ArrayList<>();
        answer.get("shipped")
                .forEach(s -> shipped.add(
                        s.get("lot").asText() + ": " + s.get("lines").asInt() + " line, "
                                + s.at("/quantity/value").asText() + " "
                                + s.at("/quantity/uom").asText()));
        assertThat(shipped).containsExactly("PR-1003: 1 line, 5 H87");
        assertThat(answer.get("customers").asInt()).isEqualTo(1);
    }

    @Test
    void forwardTraceOfAResinLotFollowsLotsNotItems() throws Exception {
        JsonNode answer = json(as(quinn)
                .get("/api/v1/trace/RM-RESIN/R-2401?direction=forward")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Set<String> lots = new HashSet<>();
        answer.get("lots").forEach(l -> lots.add(l.get("lot").asText()));
        assertThat(lots).containsExactlyInAnyOrder("R-2401", "TC-1002", "PR-1003");
        assertThat(answer.get("customers").asInt()).isEqualTo(2);
        Set<String> shippedLots = new HashSet<>();
        answer.get("shipped")
                .forEach(s -> shippedLots.add(
                        s.get("lot").asText() + " " + s.get("lines").asInt()));
        assertThat(shippedLots).containsExactlyInAnyOrder("TC-1002 2", "PR-1003 1");
        // the lines behind those sums, a page at a time, in shipping order
        JsonNode first = json(as(quinn)
                .get("/api/v1/trace/RM-RESIN/R-2401/shipments?limit=2")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(first.get("lines")).hasSize(2);
        JsonNode second = json(as(quinn)
                .get("/api/v1/trace/RM-RESIN/R-2401/shipments?limit=2&after="
                        + first.get("next").asText())
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(second.get("lines")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
        Set<String> customers = new HashSet<>();
        first.get("lines").forEach(s -> customers.add(s.get("customer").asText()));
        second.get("lines").forEach(s -> customers.add(s.get("customer").asText()));
        assertThat(customers).containsExactlyInAnyOrder("HARBOR-PAINTS", "CITY-MAINT");
        JsonNode harbor = json(as(quinn)
                .get("/api/v1/trace/RM-RESIN/R-2401/shipments?customer=HARBOR-PAINTS")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(harbor.get("lines")).hasSize(1);
        assertThat(harbor.at("/lines/0/shipment").asText()).isEqualTo("SHP-2");
        assertThat(harbor.at("/lines/0/customerName").asText()).isEqualTo("Harbor Paints");
        assertThat(answer.get("returns")).hasSize(1);
        assertThat(answer.at("/returns/0/customer").asText()).isEqualTo("CITY-MAINT");
        assertThat(answer.at("/returns/0/quantity/value").asText()).isEqualTo("2");
        for (JsonNode link : answer.get("links")) {
            assertThat(link.get("eventId").asText()).isNotEmpty();
            assertThat(link.get("kind").asText()).isIn("PRODUCTION", "REWORK");
        }
    }

    @Test
    void lotDetailShowsStatusExpirySupplierStockDocumentsAndOpenFlags() throws Exception {
        JsonNode resin = json(as(quinn)
                .get("/api/v1/lots/RM-RESIN/R-2402")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(resin.get("status").asText()).isEqualTo("RELEASED");
        assertThat(resin.get("supplier").asText()).isEqualTo("ACME-RESINS");
        assertThat(resin.get("supplierName").asText()).isEqualTo("Acme Resins Ltd");
        assertThat(resin.get("supplierLot").asText()).isEqualTo("ACR-779");
        assertThat(resin.get("expiry").asText()).isNotEmpty();
        assertThat(resin.get("expired").asBoolean()).isFalse();
        assertThat(resin.get("onHand")).isEmpty();
        assertThat(resin.at("/onHandTotal/value").asText()).isEqualTo("0");
        assertThat(resin.get("documents")).hasSize(1);
        assertThat(resin.at("/documents/0/kind").asText()).isEqualTo("COA");
        assertThat(resin.at("/documents/0/filename").asText()).isEqualTo("coa-ACR-779.pdf");
        assertThat(resin.has("elapsedMs")).isTrue();

        JsonNode topcoat = json(as(quinn)
                .get("/api/v1/lots/FG-TOPCOAT/TC-1002")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Set<String> onHand = new TreeSet<>();
        topcoat.get("onHand")
                .forEach(o -> onHand.add(o.get("location").asText() + "="
                        + o.at("/quantity/value").asText()));
        assertThat(onHand).containsExactly("RETURNS-1=2", "WH-A-01=10");
        assertThat(topcoat.at("/onHandTotal/value").asText()).isEqualTo("12");
        assertThat(topcoat.get("origin").asText()).isEqualTo("PRODUCED");

        JsonNode primer = json(as(quinn)
                .get("/api/v1/lots/FG-PRIMER/PR-1001")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(primer.get("flags")).hasSize(1);
        assertThat(primer.at("/flags/0/flag").asText()).isEqualTo("COUNT_VARIANCE");
        JsonNode reworked = json(as(quinn)
                .get("/api/v1/lots/FG-PRIMER/PR-1003")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(reworked.at("/flags/0/flag").asText()).isEqualTo("FEFO_DEVIATION");
    }

    @Test
    void timelineListsEveryEventOfTheLotInLedgerOrderWithWhoWhereWhyAndBothClocks() throws Exception {
        JsonNode timeline = json(as(quinn)
                .get("/api/v1/lots/FG-PRIMER/PR-1001/timeline")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<String> types = new ArrayList<>();
        long seq = 0;
        for (JsonNode e : timeline.get("events")) {
            types.add(e.get("type").asText());
            assertThat(e.get("ledgerSeq").asLong()).isGreaterThan(seq);
            seq = e.get("ledgerSeq").asLong();
            assertThat(e.get("occurredAt").asText()).endsWith("Z");
            assertThat(e.get("recordedAt").asText()).endsWith("Z");
            assertThat(e.get("userName").asText()).isNotBlank();
        }
        assertThat(types)
                .containsExactly("TRANSFORM", "INSPECT", "STATUS", "MOVE", "TRANSFORM", "PICK", "SHIP", "COUNT");
        JsonNode produced = timeline.at("/events/0");
        assertThat(produced.get("userName").asText()).isEqualTo("Ben Picker");
        assertThat(produced.get("deviceLabel").asText()).isEqualTo("gun-1");
        assertThat(produced.get("where").get(0).asText()).isEqualTo("PROD-LINE-1");
        assertThat(produced.at("/payload/batch").asText()).isEqualTo("B-1001");
        JsonNode tested = timeline.at("/events/1");
        assertThat(tested.at("/payload/source").asText()).isEqualTo("LAB");
        assertThat(tested.get("userName").asText()).isEqualTo("Quinn Quality");
        JsonNode release = timeline.at("/events/2");
        assertThat(release.get("why").asText())
                .startsWith("now released: ")
                .contains("Batch record and QC tests pass")
                .contains("signed by Quinn Quality");
        assertThat(release.has("deviceId")).isFalse();
        JsonNode move = timeline.at("/events/3");
        assertThat(move.get("where").toString()).isEqualTo("[\"PROD-LINE-1\",\"WH-A-01\"]");
        JsonNode count = timeline.at("/events/7");
        assertThat(count.get("flags").toString()).isEqualTo("[\"COUNT_VARIANCE\"]");
        // a receipt says which delivery the lot came in on
        JsonNode received = json(as(quinn)
                        .get("/api/v1/lots/RM-RESIN/R-2402/timeline")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .at("/events/0");
        assertThat(received.get("type").asText()).isEqualTo("RECEIVE");
        assertThat(received.get("why").asText()).isEqualTo("Receipt PO-7781 from ACME-RESINS, supplier lot ACR-779");
    }

    @Test
    void massBalanceHoldsPerLotAndReportsThePendingCountVariance() throws Exception {
        JsonNode primer = json(as(quinn)
                .get("/api/v1/lots/FG-PRIMER/PR-1001/balance")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(primer.at("/produced/value").asText()).isEqualTo("30");
        assertThat(primer.at("/consumed/value").asText()).isEqualTo("5");
        assertThat(primer.at("/shipped/value").asText()).isEqualTo("10");
        assertThat(primer.at("/onHand/value").asText()).isEqualTo("15");
        assertThat(primer.at("/difference/value").asText()).isEqualTo("0");
        assertThat(primer.get("balanced").asBoolean()).isFalse();
        assertThat(primer.get("differences")).hasSize(1);
        assertThat(primer.at("/differences/0/kind").asText()).isEqualTo("COUNT_VARIANCE");
        assertThat(primer.at("/differences/0/quantity/value").asText()).isEqualTo("-1");

        JsonNode topcoat = json(as(quinn)
                .get("/api/v1/lots/FG-TOPCOAT/TC-1002/balance")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(topcoat.at("/produced/value").asText()).isEqualTo("40");
        assertThat(topcoat.at("/returned/value").asText()).isEqualTo("2");
        assertThat(topcoat.at("/shipped/value").asText()).isEqualTo("30");
        assertThat(topcoat.at("/onHand/value").asText()).isEqualTo("12");
        assertThat(topcoat.get("balanced").asBoolean()).isTrue();

        JsonNode resin = json(as(quinn)
                .get("/api/v1/lots/RM-RESIN/R-2402/balance")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(resin.at("/received/value").asText()).isEqualTo("800");
        assertThat(resin.at("/consumed/value").asText()).isEqualTo("800");
        assertThat(resin.at("/onHand/uom").asText()).isEqualTo("KGM");
        assertThat(resin.get("balanced").asBoolean()).isTrue();
    }

    @Test
    void anApprovedCountVarianceBecomesAnAdjustmentThatTheBalanceCounts() throws Exception {
        String sam = Api.token("sam", "sam-Passw0rd!");
        int id = as(sam).get("/api/v1/variances?status=PENDING")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        as(sam).body("{\"note\": \"one pail scrapped\"}")
                .post("/api/v1/variances/" + id + "/approve")
                .then()
                .statusCode(200);
        JsonNode primer = json(as(quinn)
                .get("/api/v1/lots/FG-PRIMER/PR-1001/balance")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(primer.at("/adjustedOut/value").asText()).isEqualTo("1");
        assertThat(primer.at("/onHand/value").asText()).isEqualTo("14");
        assertThat(primer.get("balanced").asBoolean()).isTrue();
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
