package org.lotkeeper.server.transfers;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.ledger.LedgerReplay;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;
import org.lotkeeper.server.trace.EpcisSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers between sites (docs/DOMAIN.md, "Transfers between sites"): plant 1 makes an
 * intermediate from resin and sends it to plant 2 on a transfer order; plant 2 receives it against
 * the order and finishes it; the genealogy, status and documents cross the gate, and a recall of the
 * resin reaches plant 2's customer.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TransfersTest {

    @Inject
    DataSource ds;

    @Inject
    LedgerReplay replay;

    private String admin;
    private String[] plant1;
    private String[] plant2;

    @BeforeEach
    void twoPlants() {
        Database.resetLedger(ds);
        Database.execute(ds, "TRUNCATE task_line, task");
        Api.loadRiversideMasterData();
        admin = Api.adminToken();
        Api.as(admin).body("""
                {"sites": [{"code": "PLANT-2", "name": "Hillside Finishing", "gln": "0614141000012"}],
                 "locations": [{"code": "P2-DOCK", "site": "PLANT-2", "type": "RECEIVING"},
                               {"code": "P2-LINE", "site": "PLANT-2", "type": "PRODUCTION"}],
                 "partners": [{"code": "P2-CUST", "name": "Hillside's customer", "kind": "CUSTOMER"}],
                 "users": [{"userId": "olga", "name": "Olga at plant 2", "roles": ["OPERATOR", "RECEIVER"],
                            "sites": ["PLANT-2"], "badge": "B-2001", "pin": "480613"},
                           {"userId": "pat", "name": "Pat at plant 2", "roles": ["QA", "SUPERVISOR"],
                            "sites": ["PLANT-2"], "password": "pat-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        plant1 = Riverside.enroll(admin, "PLANT-1", "plant 1 gun");
        plant2 = Riverside.enroll(admin, "PLANT-2", "plant 2 gun");
    }

    @Test
    void anIntermediateCrossesTheGateWithItsStatusGenealogyAndDocumentsAndARecallFollowsIt() throws Exception {
        String sam = Api.token("sam", "sam-Passw0rd!");
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        String pat = Api.token("pat", "pat-Passw0rd!");
        Api.as(sam).body("""
                        {"id": "TR-1", "site": "PLANT-1", "kind": "TRANSFER", "toSite": "PLANT-2",
                         "lines": [{"item": "FG-PRIMER", "quantity": 400}]}""").post("/api/v1/tasks").then().statusCode(200);

        // plant 1: resin in, primer base made, the whole lot loaded onto the transfer (two pallets' worth)
        Riverside.push(
                plant1,
                List.of(
                        Riverside.event("PLANT-1", 1, "ana", "RECEIVE", """
                                {"supplier": "ACME-RESINS", "reference": "PO-9", "item": "RM-RESIN", "lot": "R-9",
                                 "supplierLot": "ACR-9", "quantity": {"value": "500", "uom": "KGM"},
                                 "expiry": "2027-06-30", "location": "RCV-DOCK-1"}"""),
                        Riverside.event("PLANT-1", 2, "ben", "TRANSFORM", """
                                {"kind": "PRODUCTION", "batch": "B-9",
                                 "inputs": [{"item": "RM-RESIN", "lot": "R-9", "quantity": {"value": "400", "uom": "KGM"},
                                             "from": "RCV-DOCK-1"}],
                                 "outputs": [{"item": "FG-PRIMER", "lot": "P-9", "quantity": {"value": "400", "uom": "H87"},
                                              "to": "PROD-LINE-1"}]}"""),
                        Riverside.event("PLANT-1", 3, "ben", "MOVE", """
                                {"item": "FG-PRIMER", "lot": "P-9", "quantity": {"value": "150", "uom": "H87"},
                                 "from": "PROD-LINE-1", "to": "WH-A-01"}""")));
        // plant 1's QA files the lot's certificate before it leaves
        String coa = Api.as(quinn)
                .contentType("multipart/form-data")
                .multiPart("kind", "COA")
                .multiPart("lots", "[{\"item\": \"FG-PRIMER\", \"lot\": \"P-9\"}]")
                .multiPart(
                        "file", "coa.txt", "COA of P-9".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/documents")
                .then()
                .statusCode(200)
                .extract()
                .path("documentId");
        JsonNode sent = Riverside.push(
                plant1,
                List.of(
                        Riverside.event("PLANT-1", 4, "ben", "TRANSFER_OUT", """
                                {"transfer": "TR-1", "toSite": "PLANT-2", "item": "FG-PRIMER", "lot": "P-9",
                                 "quantity": {"value": "250", "uom": "H87"}, "from": "PROD-LINE-1"}"""),
                        Riverside.event("PLANT-1", 5, "ben", "TRANSFER_OUT", """
                                {"transfer": "TR-1", "toSite": "PLANT-2", "item": "FG-PRIMER", "lot": "P-9",
                                 "quantity": {"value": "150", "uom": "H87"}, "from": "WH-A-01"}""")));
        assertThat(statuses(sent)).as(sent.toString()).containsExactly("ACCEPTED", "ACCEPTED");
        // the lot went with its last kilo: it is plant 2's, still in quarantine, on neither floor
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM lot WHERE lot = 'P-9' AND site = 'PLANT-2' AND status = 'QUARANTINE'"))
                .isEqualTo(1);
        assertThat(Database.count(ds, "SELECT count(*) FROM stock WHERE lot = 'P-9' AND quantity <> 0"))
                .isZero();
        assertThat(Database.count(
                        ds, "SELECT count(*) FROM transit WHERE transfer = 'TR-1' AND quantity = 400 AND sent = 400"))
                .isEqualTo(1);
        assertThat(Api.as(sam).get("/api/v1/tasks/TR-1").then().extract().<String>path("progress"))
                .isEqualTo("COMPLETE");
        assertThat(Api.as(sam).get("/api/v1/tasks/TR-1").then().extract().<Boolean>path("inTransit"))
                .isTrue();
        // both sites see it in transit; plant 1 no longer reaches the lot itself
        for (String token : List.of(quinn, pat, admin)) {
            assertThat(Api.as(token)
                            .get("/api/v1/transfers")
                            .then()
                            .statusCode(200)
                            .extract()
                            .<List<String>>path("inTransit.lot"))
                    .containsExactly("P-9");
        }
        Api.as(quinn).get("/api/v1/lots/FG-PRIMER/P-9").then().statusCode(403);
        assertThat(Api.as(pat)
                        .get("/api/v1/lots/FG-PRIMER/P-9")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("inTransit[0].transfer"))
                .isEqualTo("TR-1");

        // plant 2's devices get the transfer with what is on its way, and the lot with its status
        JsonNode pull = Riverside.JSON.readTree(
                Api.as(plant2[1]).get("/api/v1/sync/pull").asString());
        JsonNode inbound = null;
        for (JsonNode t : pull.get("tasks")) {
            if (t.get("id").asText().equals("TR-1")) {
                inbound = t;
            }
        }
        assertThat(inbound).as(pull.get("tasks").toString()).isNotNull();
        assertThat(inbound.get("kind").asText()).isEqualTo("TRANSFER");
        assertThat(inbound.get("fromSite").asText()).isEqualTo("PLANT-1");
        assertThat(inbound.get("toSite").asText()).isEqualTo("PLANT-2");
        assertThat(inbound.at("/inTransit/0/quantity/value").asText()).isEqualTo("400");
        assertThat(pull.get("lots").toString()).contains("P-9", "QUARANTINE");
        // its documents went with it
        assertThat(Api.as(pat)
                        .get("/api/v1/lots/FG-PRIMER/P-9")
                        .then()
                        .extract()
                        .<List<String>>path("documents.documentId"))
                .containsExactly(coa);
        Api.as(pat).get("/api/v1/documents/" + coa).then().statusCode(200);

        // plant 1 may not touch it any more; plant 2 may not send to itself nor to a site that does not exist
        JsonNode late = Riverside.push(
                plant1,
                List.of(
                        Riverside.event("PLANT-1", 6, "ben", "MOVE", """
                                {"item": "FG-PRIMER", "lot": "P-9", "quantity": {"value": "1", "uom": "H87"},
                                 "from": "WH-A-01", "to": "WH-A-02"}"""),
                        Riverside.event("PLANT-1", 7, "ben", "TRANSFER_OUT", """
                                {"transfer": "TR-2", "toSite": "PLANT-1", "item": "RM-RESIN", "lot": "R-9",
                                 "quantity": {"value": "1", "uom": "KGM"}, "from": "RCV-DOCK-1"}"""),
                        Riverside.event("PLANT-1", 8, "ben", "TRANSFER_OUT", """
                                {"transfer": "TR-2", "toSite": "NO-SUCH-SITE", "item": "RM-RESIN", "lot": "R-9",
                                 "quantity": {"value": "1", "uom": "KGM"}, "from": "RCV-DOCK-1"}"""),
                        // a plant 1 gun (stolen, say) cannot take in what is on its way to plant 2
                        Riverside.event("PLANT-1", 9, "ana", "TRANSFER_IN", """
                                {"transfer": "TR-1", "fromSite": "PLANT-2", "item": "FG-PRIMER", "lot": "P-9",
                                 "quantity": {"value": "400", "uom": "H87"}, "to": "RCV-DOCK-1"}""")));
        assertThat(late.findValuesAsText("code"))
                .containsExactly("LOT_OF_ANOTHER_SITE", "INVALID_FIELD", "UNKNOWN_SITE", "LOT_OF_ANOTHER_SITE");
        assertThat(late.at("/results/2/error/field").asText()).isEqualTo("events[2].payload.toSite");

        // plant 2 receives it (status kept), finishes it and ships it
        JsonNode arrived = Riverside.push(plant2, List.of(Riverside.event("PLANT-2", 1, "olga", "TRANSFER_IN", """
                                {"transfer": "TR-1", "fromSite": "PLANT-1", "item": "FG-PRIMER", "lot": "P-9",
                                 "quantity": {"value": "400", "uom": "H87"}, "to": "P2-DOCK"}""")));
        assertThat(statuses(arrived)).containsExactly("ACCEPTED");
        assertThat(Database.count(ds, "SELECT count(*) FROM transit WHERE quantity <> 0"))
                .isZero();
        assertThat(Api.as(sam).get("/api/v1/tasks/TR-1").then().extract().<Boolean>path("inTransit"))
                .isFalse();
        assertThat(Database.count(ds, "SELECT count(*) FROM lot WHERE lot = 'P-9' AND status = 'QUARANTINE'"))
                .isEqualTo(1);
        assertThat(Api.as(pat).get("/api/v1/transfers").then().extract().<List<String>>path("inTransit"))
                .isEmpty();
        JsonNode balance = Riverside.JSON.readTree(
                Api.as(pat).get("/api/v1/lots/FG-PRIMER/P-9/balance").asString());
        assertThat(balance.get("balanced").asBoolean()).as(balance.toString()).isTrue();
        assertThat(balance.at("/onHand/value").asText()).isEqualTo("400");
        assertThat(balance.at("/inTransit/value").asText()).isEqualTo("0");

        assertThat(statuses(Riverside.push(
                        plant2,
                        List.of(
                                Riverside.event("PLANT-2", 2, "olga", "TRANSFORM", """
                                        {"kind": "REPACK", "batch": "B-P2",
                                         "inputs": [{"item": "FG-PRIMER", "lot": "P-9", "quantity": {"value": "400", "uom": "H87"},
                                                     "from": "P2-DOCK"}],
                                         "outputs": [{"item": "FG-TOPCOAT", "lot": "T-9", "quantity": {"value": "400", "uom": "H87"},
                                                      "to": "P2-LINE"}]}"""),
                                Riverside.event("PLANT-2", 3, "olga", "SHIP", """
                                        {"shipment": "P2-SHP-1", "customer": "P2-CUST", "item": "FG-TOPCOAT", "lot": "T-9",
                                         "quantity": {"value": "100", "uom": "H87"}, "from": "P2-LINE"}""")))))
                .allMatch(s -> s.equals("ACCEPTED") || s.equals("FLAGGED"));

        // the lot's timeline holds both sites' events; its genealogy continues at plant 2
        assertThat(Api.as(pat)
                        .get("/api/v1/lots/FG-PRIMER/P-9/timeline")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<String>>path("events.type"))
                .contains("TRANSFORM", "MOVE", "TRANSFER_OUT", "TRANSFER_IN");

        // a recall of plant 1's resin reaches plant 2's finished goods and customer: counted for plant 1's QA,
        // named for an admin
        JsonNode asQuinn = Riverside.JSON.readTree(Api.as(quinn)
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-9\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(asQuinn.get("lotsOutsideYourSites").asInt()).isEqualTo(2);
        assertThat(asQuinn.toString()).doesNotContain("T-9", "P2-CUST");
        JsonNode asAdmin = Riverside.JSON.readTree(Api.as(admin)
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-9\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(asAdmin.get("lotsOutsideYourSites").asInt()).isZero();
        assertThat(asAdmin.toString()).contains("P2-CUST");
        assertThat(Api.as(admin)
                        .get("/api/v1/recalls/" + asAdmin.get("recallId").asText() + "/lots")
                        .asString())
                .contains("P-9", "T-9");
        String csv = Api.as(admin)
                .get("/api/v1/recalls/" + asAdmin.get("recallId").asText() + "/report.csv")
                .asString();
        assertThat(csv).contains("Transfer to a sister site", "Transfer from a sister site", "Hillside Finishing");
        String epcis = Api.as(admin)
                .get("/api/v1/recalls/" + asAdmin.get("recallId").asText() + "/epcis.jsonld")
                .asString();
        assertThat(EpcisSchema.problems(epcis)).isEmpty();
        // the transfer is shipping and receiving between the two sites' GLNs (AI 414)
        assertThat(epcis).contains("\"in_transit\"", "https://id.gs1.org/414/0614141000012");

        // the projections, transit included, are what a replay of the ledger makes
        List<java.util.Map<String, Object>> transit =
                Database.rows(ds, "SELECT * FROM transit ORDER BY transfer, item, lot");
        List<java.util.Map<String, Object>> lots =
                Database.rows(ds, "SELECT item, lot, site, status FROM lot ORDER BY item, lot");
        replay.rebuildProjections();
        assertThat(Database.rows(ds, "SELECT * FROM transit ORDER BY transfer, item, lot"))
                .isEqualTo(transit);
        assertThat(Database.rows(ds, "SELECT item, lot, site, status FROM lot ORDER BY item, lot"))
                .isEqualTo(lots);
    }

    @Test
    void aTransferInTransitIsStockToContainAndARealRecallRecallsIt() throws Exception {
        Riverside.push(
                plant1,
                List.of(
                        Riverside.event("PLANT-1", 1, "ana", "RECEIVE", """
                                {"supplier": "ACME-RESINS", "reference": "PO-9", "item": "RM-RESIN", "lot": "R-9",
                                 "quantity": {"value": "500", "uom": "KGM"}, "location": "RCV-DOCK-1"}"""),
                        Riverside.event("PLANT-1", 2, "ben", "TRANSFER_OUT", """
                                {"transfer": "TR-7", "toSite": "PLANT-2", "item": "RM-RESIN", "lot": "R-9",
                                 "quantity": {"value": "500", "uom": "KGM"}, "from": "RCV-DOCK-1"}""")));
        JsonNode recall = Riverside.JSON.readTree(Api.as(admin)
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-9\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(recall.at("/stockToContain/0/location").asText()).isEqualTo("in transit on TR-7, PLANT-1 → PLANT-2");
        assertThat(recall.at("/stockToContain/0/locationType").asText()).isEqualTo("IN_TRANSIT");
        assertThat(recall.at("/stockToContain/0/quantity/value").asText()).isEqualTo("500");
    }

    @Test
    void aTransferOrderNeedsAnotherKnownSiteAndNoPartner() {
        String sam = Api.token("sam", "sam-Passw0rd!");
        for (String[] bad : List.of(
                new String[] {"\"toSite\": \"PLANT-1\",", "toSite", "not to its own site PLANT-1"},
                new String[] {"\"toSite\": \"NO-SUCH-SITE\",", "toSite", "toSite NO-SUCH-SITE is not a site"},
                new String[] {"", "toSite", "needs the receiving site's code"},
                new String[] {"\"toSite\": \"PLANT-2\", \"partner\": \"CITY-MAINT\",", "partner", "not to a partner"
                })) {
            String body = "{\"id\": \"TR-X\", \"site\": \"PLANT-1\", \"kind\": \"TRANSFER\", " + bad[0]
                    + " \"lines\": [{\"item\": \"FG-PRIMER\", \"quantity\": 4}]}";
            io.restassured.response.Response answer = Api.as(sam).body(body).post("/api/v1/tasks");
            answer.then().statusCode(400);
            assertThat(answer.<List<String>>path("errors.field")).as(body).contains(bad[1]);
            assertThat(answer.asString()).as(body).contains(bad[2]);
        }
        Api.as(sam)
                .body("{\"id\": \"SO-X\", \"site\": \"PLANT-1\", \"kind\": \"PICK\", \"partner\": \"CITY-MAINT\", "
                        + "\"toSite\": \"PLANT-2\", \"lines\": [{\"item\": \"FG-PRIMER\", \"quantity\": 4}]}")
                .post("/api/v1/tasks")
                .then()
                .statusCode(400);
    }

    private static List<String> statuses(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("results").forEach(r -> out.add(r.get("status").asText()));
        return out;
    }
}
