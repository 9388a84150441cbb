package org.lotkeeper.server.trace;

import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * The shipment and return lines behind the sums of trace and recall answers: a recall's lines are
 * the ledger's as it stood when the recall was answered, a trace's are today's; bad paging
 * parameters are refused naming the parameter.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LinePagingTest {

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
    void aRecallKeepsItsLinesAsTheLedgerStoodWhileTheTraceShowsTodays() throws Exception {
        JsonNode recall = mockRecallOfR2401();
        String lines = "/api/v1/recalls/" + recall.get("recallId").asText() + "/shipments?customer=HARBOR-PAINTS";
        assertThat(json(as(quinn).get(lines).then().statusCode(200).extract().asString())
                        .get("lines"))
                .hasSize(1);

        // one more unit of TC-1002 (made from R-2401) leaves for Harbor Paints after the recall was answered
        String[] gun = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "gun-9");
        ObjectNode ship = (ObjectNode) Riverside.JSON.readTree("""
                {"eventId": "0199a000-0000-7000-8000-000000000001", "deviceSeq": 1, "type": "SHIP", "occurredAt": "2026-11-21T09:00:00Z",
                 "userId": "ben", "site": "PLANT-1", "payload": {"shipment": "SHP-9", "customer": "HARBOR-PAINTS", "item": "FG-TOPCOAT",
                 "lot": "TC-1002", "quantity": {"value": "1", "uom": "H87"}, "from": "WH-A-01"}}""");
        assertThat(Riverside.push(gun, List.of(ship)).at("/results/0/status").asText())
                .as("stored")
                .isIn("ACCEPTED", "FLAGGED");

        JsonNode kept =
                json(as(quinn).get(lines).then().statusCode(200).extract().asString());
        assertThat(kept.get("lines")).hasSize(1);
        assertThat(kept.at("/lines/0/shipment").asText()).isEqualTo("SHP-2");
        JsonNode today = json(as(quinn)
                .get("/api/v1/trace/RM-RESIN/R-2401/shipments?customer=HARBOR-PAINTS")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(today.get("lines"))
                .extracting(l -> l.get("shipment").asText())
                .containsExactly("SHP-2", "SHP-9");
        JsonNode again = mockRecallOfR2401();
        JsonNode harbor = null;
        for (JsonNode c : again.get("customers")) {
            harbor = c.get("customer").asText().equals("HARBOR-PAINTS") ? c : harbor;
        }
        assertThat(harbor).isNotNull();
        assertThat(harbor.get("shippedLines").asInt()).isEqualTo(2);
        assertThat(harbor.at("/shippedQuantity/0/value").asText()).isEqualTo("21");
        assertThat(harbor.get("lastShippedAt").asText()).isEqualTo("2026-11-21T09:00:00Z");
    }

    @Test
    void badPagingParametersAreRefusedNamingTheParameter() throws Exception {
        String id = mockRecallOfR2401().get("recallId").asText();
        for (String base : List.of(
                "/api/v1/recalls/" + id + "/shipments",
                "/api/v1/recalls/" + id + "/returns",
                "/api/v1/trace/RM-RESIN/R-2401/shipments")) {
            for (String[] bad : new String[][] {
                {"limit=0", "limit"},
                {"limit=5001", "limit"},
                {"limit=abc", "limit"},
                {"limit=99999999999", "limit"},
                {"after=yesterday", "after"},
                {"after=2026-11-19T13:00:00Z,not-a-uuid", "after"},
                {"after=" + "9".repeat(90), "after"},
                {"customer=%3Cscript%3E", "customer"}
            }) {
                as(quinn)
                        .get(base + "?" + bad[0])
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("field", equalTo(bad[1]));
            }
            // a time Java reads but PostgreSQL cannot hold is a bad cursor, not a 500
            as(quinn)
                    .queryParam("after", "+999999999-12-31T23:59:59Z,00000000-0000-0000-0000-000000000000")
                    .get(base)
                    .then()
                    .statusCode(400)
                    .body("field", equalTo("after"));
            // a cursor past the last line is an empty last page, not an error
            as(quinn)
                    .get(base + "?after=2999-01-01T00:00:00Z,00000000-0000-0000-0000-000000000000")
                    .then()
                    .statusCode(200)
                    .body("lines.size()", equalTo(0))
                    .body("next", equalTo(null));
        }
        as(quinn)
                .get("/api/v1/recalls/00000000-0000-7000-8000-000000000000/shipments")
                .then()
                .statusCode(404);
        as(quinn).get("/api/v1/trace/RM-RESIN/NO-SUCH-LOT/shipments").then().statusCode(404);
        // a recall's lines are QA's and supervisors', not a device's
        String device = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "gun-8")[1];
        as(device).get("/api/v1/recalls/" + id + "/shipments").then().statusCode(403);
    }

    @Test
    void aRecallStoredWithEveryLineInlineStillReadsItsLinesAndReports() throws Exception {
        JsonNode recall = mockRecallOfR2401();
        String id = recall.get("recallId").asText();
        // as a recall was stored before the lines were paged: customers[] with shipped[] and returned[] lines, jsonb
        ObjectNode old = recall.deepCopy();
        old.putArray("customers")
                .addObject()
                .put("customer", "HARBOR-PAINTS")
                .put("name", "Harbor Paints")
                .<ObjectNode>set(
                        "shipped",
                        Riverside.JSON.readTree("[{\"item\": \"FG-TOPCOAT\", \"lot\": \"TC-1002\", "
                                + "\"shipment\": \"SHP-2\", \"quantity\": {\"value\": \"20\", \"uom\": \"H87\"}, "
                                + "\"shippedAt\": \"2026-11-19T13:00:00Z\"}]"))
                .putArray("returned");
        Database.execute(
                ds,
                "UPDATE recall SET result = '" + old.toString().replace("'", "''")
                        + "'::jsonb, result_gz = NULL WHERE id = '" + id + "'");

        assertThat(json(as(quinn)
                                .get("/api/v1/recalls/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .at("/customers/0/shipped"))
                .hasSize(1);
        assertThat(json(as(quinn)
                                .get("/api/v1/recalls/" + id + "/shipments")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .get("lines"))
                .hasSize(3);
        as(quinn)
                .get("/api/v1/recalls/" + id + "/report.pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void aRecallStoredWithItsLotsInlineStillPagesThemAndReports() throws Exception {
        JsonNode recall = mockRecallOfR2401();
        String id = recall.get("recallId").asText();
        List<JsonNode> lots = RecallSums.affectedLots(recall, quinn, 500);
        List<JsonNode> links = RecallSums.links(recall, quinn, 500);
        assertThat(links).isNotEmpty();
        // as a recall was stored before V25: its lots and links inside the answer, no counts, no lots beside it
        ObjectNode old = recall.deepCopy();
        old.remove(List.of("affectedLotCount", "affectedByItem", "linkCount"));
        old.putArray("affectedLots").addAll(lots);
        old.putArray("links").addAll(links);
        Database.execute(
                ds,
                "UPDATE recall SET result = '" + old.toString().replace("'", "''")
                        + "'::jsonb, result_gz = NULL, lots_gz = NULL WHERE id = '" + id + "'");

        JsonNode stored = json(as(quinn)
                .get("/api/v1/recalls/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(stored.get("affectedLots")).as("read back in today's shape").isNull();
        assertThat(stored.get("links")).isNull();
        assertThat(stored.get("affectedLotCount").asInt()).isEqualTo(lots.size());
        assertThat(stored.get("linkCount").asInt()).isEqualTo(links.size());
        assertThat(RecallSums.affectedLots(stored, quinn, 2)).isEqualTo(lots);
        assertThat(RecallSums.links(stored, quinn, 1)).isEqualTo(links);
        as(quinn)
                .get("/api/v1/recalls/" + id + "/report.pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void aRecallsLotsAndLinksPagesRefuseABadCursor() throws Exception {
        String id = mockRecallOfR2401().get("recallId").asText();
        for (String what : List.of("lots", "links")) {
            as(quinn)
                    .get("/api/v1/recalls/" + id + "/" + what + "?after=x")
                    .then()
                    .statusCode(400)
                    .body("field", equalTo("after"));
            as(quinn)
                    .get("/api/v1/recalls/" + id + "/" + what + "?limit=0")
                    .then()
                    .statusCode(400)
                    .body("field", equalTo("limit"));
            as(quinn)
                    .get("/api/v1/recalls/" + id + "/" + what + "?after=999999")
                    .then()
                    .statusCode(200)
                    .body("lines", org.hamcrest.Matchers.empty());
        }
        as(quinn)
                .get("/api/v1/recalls/00000000-0000-7000-8000-000000000000/lots")
                .then()
                .statusCode(404);
    }

    @Test
    void aRecallsLinesLeaveOutLotsOfSitesTheCallerCannotReach() throws Exception {
        JsonNode recall = mockRecallOfR2401();
        String lines = "/api/v1/recalls/" + recall.get("recallId").asText() + "/shipments";
        assertThat(json(as(quinn).get(lines).then().statusCode(200).extract().asString())
                        .get("lines"))
                .extracting(l -> l.get("lot").asText())
                .containsExactlyInAnyOrder("TC-1002", "PR-1003", "TC-1002");
        // TC-1002 now belongs to another site, as if the recall had been asked by someone who reaches both
        Database.execute(ds, "UPDATE lot SET site = 'PLANT-2' WHERE item = 'FG-TOPCOAT' AND lot = 'TC-1002'");
        assertThat(json(as(quinn).get(lines).then().statusCode(200).extract().asString())
                        .get("lines"))
                .extracting(l -> l.get("lot").asText())
                .containsExactly("PR-1003");
        assertThat(json(as(Api.adminToken())
                                .get(lines)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .get("lines"))
                .as("a caller of every site")
                .hasSize(3);
    }

    private static JsonNode json(String text) throws Exception {
        return Riverside.JSON.readTree(text);
    }

    /** A mock recall of the resin lot R-2401, as quinn asks it. */
    private JsonNode mockRecallOfR2401() throws Exception {
        return json(as(quinn)
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
