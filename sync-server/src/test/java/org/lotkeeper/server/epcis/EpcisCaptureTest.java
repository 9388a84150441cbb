package org.lotkeeper.server.epcis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.console.ConsoleClient;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * EPCIS 2.0 capture on the Riverside week: GS1's example documents, a supplier's advance ship
 * notice becoming an expected receipt, a supplier's transformations becoming the upstream level of
 * a backward trace, each event stored once (by eventID or GS1's event hash), and hostile documents
 * refused whole.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class EpcisCaptureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAPTURE = "/api/v1/epcis/capture?partner=ACME-RESINS";
    /** RM-RESIN's GTIN in master data, and PLANT-1's GLN. */
    private static final String RESIN = "10614141000019";

    private static final String PLANT_1 = "0614141000005";

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
    void gs1sExampleDocumentsAreCapturedOnceAndAgainAsDuplicates() throws Exception {
        for (String example : List.of(
                "epcis/Example_9.6.1-ObjectEvent.jsonld",
                "epcis/Example_9.6.3-AggregationEvent.jsonld",
                "epcis/Example_9.6.4-TransformationEvent.jsonld")) {
            String doc = Api.resource(example);
            JsonNode first = capture(doc, "application/ld+json", 201);
            assertThat(first.get("refused").asInt()).as(example).isZero();
            assertThat(first.get("accepted").asInt())
                    .as(example)
                    .isEqualTo(first.get("events").asInt());
            JsonNode again = capture(doc, "application/json", 201);
            assertThat(again.get("duplicates").asInt())
                    .as(example)
                    .isEqualTo(first.get("events").asInt());
            assertThat(again.get("accepted").asInt()).isZero();
            int stored = as(quinn)
                    .get("/api/v1/epcis/capture/" + first.get("captureId").asText())
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("accepted");
            assertThat(stored).isEqualTo(first.get("accepted").asInt());
        }
        // The shipping example has no destination of this plant and no lots: stored, no expected receipt
        JsonNode shipping = capture(
                Api.resource("epcis/Example_9.6.1-ObjectEvent.jsonld")
                        .replace("df7bb3c", "0000000")
                        .replace("2005-04-03T20:33:31.116000-06:00", "2005-04-03T20:34:31.116000-06:00"),
                "application/ld+json",
                201);
        assertThat(shipping.at("/results/0/effects/0").asText()).startsWith("stored; not an advance ship notice");
    }

    @Test
    void aSuppliersShippingEventToThePlantBecomesAnExpectedReceiptOfItsLots() throws Exception {
        String asn = "ASN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String doc = document(shipping(
                "urn:uuid:" + UUID.randomUUID(),
                "https://id.gs1.org/417/" + PLANT_1,
                asn,
                quantity("urn:epc:class:lgtin:0614141.100001.ACR-900", "200", "KGM"),
                quantity("https://example.com/01/" + RESIN + "/10/ACR-901", "150.5", "KGM")));
        JsonNode r = capture(doc, "application/ld+json", 201);
        assertThat(r.at("/results/0/status").asText()).isEqualTo("ACCEPTED");
        assertThat(r.at("/results/0/effects/0").asText())
                .isEqualTo("expected receipt " + asn + " at PLANT-1: 2 line(s)");

        JsonNode task = JSON.readTree(as(Api.token("sam", "sam-Passw0rd!"))
                .get("/api/v1/tasks/" + asn)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(task.get("kind").asText()).isEqualTo("RECEIPT");
        assertThat(task.get("partner").asText()).isEqualTo("ACME-RESINS");
        assertThat(task.get("site").asText()).isEqualTo("PLANT-1");
        List<String> lines = new ArrayList<>();
        task.get("lines")
                .forEach(l -> lines.add(l.get("item").asText() + " "
                        + l.get("lot").asText() + " "
                        + new java.math.BigDecimal(l.at("/quantity/value").asText())
                                .stripTrailingZeros()
                                .toPlainString()
                        + " "
                        + l.at("/quantity/uom").asText()));
        assertThat(lines).containsExactly("RM-RESIN ACR-900 200 KGM", "RM-RESIN ACR-901 150.5 KGM");

        // The same despatch advice in another shipping event adds its lines to the expected receipt
        JsonNode more = capture(
                document(shipping(
                        "urn:uuid:" + UUID.randomUUID(),
                        "https://id.gs1.org/417/" + PLANT_1,
                        asn,
                        quantity("https://id.gs1.org/01/" + RESIN + "/10/ACR-902", "10", "KGM"))),
                "application/ld+json",
                201);
        // the same shipping event again, under another eventID: a duplicate (GS1's event hash), no lines added
        JsonNode again = capture(
                document(shipping(
                        "urn:uuid:" + UUID.randomUUID(),
                        "https://id.gs1.org/417/" + PLANT_1,
                        asn,
                        quantity("urn:epc:class:lgtin:0614141.100001.ACR-900", "200", "KGM"),
                        quantity("https://example.com/01/" + RESIN + "/10/ACR-901", "150.5", "KGM"))),
                "application/ld+json",
                201);
        assertThat(again.at("/results/0/status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.at("/results/0/reason").asText()).contains("by quinn as ACME-RESINS's");
        assertThat(more.at("/results/0/effects/0").asText())
                .as(more.toString())
                .isEqualTo("expected receipt " + asn + " at PLANT-1: 1 line(s), 3 in all");

        // An unknown GTIN refuses the event, stores nothing of it: sent again, it is refused again
        String unknown = document(shipping(
                "urn:uuid:" + UUID.randomUUID(),
                "https://id.gs1.org/417/" + PLANT_1,
                asn + "-X",
                quantity("https://id.gs1.org/01/09999999999999/10/Q1", "5", "KGM")));
        for (int i = 0; i < 2; i++) {
            JsonNode refused = capture(unknown, "application/ld+json", 201);
            assertThat(refused.at("/results/0/status").asText()).isEqualTo("REFUSED");
            assertThat(refused.at("/results/0/code").asText()).isEqualTo("UNKNOWN_ITEM");
            assertThat(refused.at("/results/0/reason").asText()).contains("09999999999999");
        }
        as(Api.token("sam", "sam-Passw0rd!"))
                .get("/api/v1/tasks/" + asn + "-X")
                .then()
                .statusCode(404);
    }

    @Test
    void aSuppliersTransformationsAreTheUpstreamLevelsOfABackwardTraceThroughTheReceivedLot() throws Exception {
        // Acme made ACR-779 (received as R-2402) from BPA-17 and ECH-3; BPA-17 from PHENOL-8
        String doc = document(
                transformation(
                        "urn:uuid:" + UUID.randomUUID(),
                        List.of(
                                quantity("urn:epc:class:lgtin:0614141.077777.BPA-17", "600", "KGM"),
                                quantity("https://id.gs1.org/01/00614141888887/10/ECH-3", "400", "KGM")),
                        List.of(quantity("https://id.gs1.org/01/" + RESIN + "/10/ACR-779", "1000", "KGM"))),
                transformation(
                        "urn:uuid:" + UUID.randomUUID(),
                        List.of(quantity("https://id.gs1.org/01/00614141555553/10/PHENOL-8", "700", "KGM")),
                        List.of(quantity("https://id.gs1.org/01/00614141777778/10/BPA-17", "650", "KGM"))));
        JsonNode r = capture(doc, "application/ld+json", 201);
        assertThat(r.get("accepted").asInt()).isEqualTo(2);
        assertThat(r.at("/results/0/effects/0").asText())
                .isEqualTo("upstream genealogy: 2 input(s) to 1 output(s), 2 link(s)");

        JsonNode trace = JSON.readTree(as(quinn)
                .get("/api/v1/trace/FG-PRIMER/PR-1001?direction=backward")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<String> upstream = new ArrayList<>();
        trace.get("upstream")
                .forEach(u -> upstream.add(u.get("level").asInt() + " "
                        + u.get("item").asText() + "/"
                        + u.get("lot").asText() + " " + u.get("supplier").asText() + " "
                        + u.get("supplierLot").asText()
                        + " <- " + u.get("inputGtin").asText() + "/"
                        + u.get("inputLot").asText() + " "
                        + new java.math.BigDecimal(u.get("quantity").asText())
                                .stripTrailingZeros()
                                .toPlainString() + " "
                        + u.get("uom").asText()));
        assertThat(upstream)
                .containsExactly(
                        "1 RM-RESIN/R-2402 ACME-RESINS ACR-779 <- 00614141777778/BPA-17 600 KGM",
                        "1 RM-RESIN/R-2402 ACME-RESINS ACR-779 <- 00614141888887/ECH-3 400 KGM",
                        "2 RM-RESIN/R-2402 ACME-RESINS ACR-779 <- 00614141555553/PHENOL-8 700 KGM");
        assertThat(trace.at("/upstream/0/input").asText()).isEqualTo("https://id.gs1.org/01/00614141777778/10/BPA-17");
        assertThat(trace.at("/upstream/0/supplierName").asText()).isNotBlank();

        // A recall of Acme's lot shows the same upstream level, marked apart from its lots, in the API and the console
        JsonNode recall = JSON.readTree(as(quinn)
                .body(
                        "{\"mock\": true, \"supplierLots\": [{\"supplier\": \"ACME-RESINS\", \"supplierLot\": \"ACR-779\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(recall.get("upstream")).hasSize(3);
        assertThat(recall.at("/upstream/2/level").asInt()).isEqualTo(2);
        assertThat(recall.at("/upstream/2/inputLot").asText()).isEqualTo("PHENOL-8");
        ConsoleClient console = ConsoleClient.signIn("quinn", "quinn-Passw0rd!");
        assertThat(console.request()
                        .get("/console/recalls/" + recall.get("recallId").asText())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("what the suppliers' EPCIS says the starting lots were made from")
                .contains("GTIN 00614141555553 lot PHENOL-8");
        assertThat(console.request()
                        .get("/console/lot?item=FG-PRIMER&lot=PR-1001")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("Upstream: what the suppliers say they made their lots from")
                .contains("GTIN 00614141777778 lot BPA-17");

        // Another supplier's transformation of a lot with the same code is not joined
        JsonNode other = JSON.readTree(as(quinn)
                .queryParam("partner", "SOLVCO")
                .contentType("application/ld+json")
                .body(document(transformation(
                        "urn:uuid:" + UUID.randomUUID(),
                        List.of(quantity("https://id.gs1.org/01/00614141999996/10/X-1", "1", "KGM")),
                        List.of(quantity("https://id.gs1.org/01/" + RESIN + "/10/ACR-779", "1", "KGM")))))
                .post("/api/v1/epcis/capture")
                .then()
                .statusCode(201)
                .extract()
                .asString());
        assertThat(other.get("accepted").asInt()).isEqualTo(1);
        assertThat(as(quinn)
                        .get("/api/v1/trace/FG-PRIMER/PR-1001?direction=backward")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("upstream"))
                .hasSize(3);
    }

    @Test
    void aPartnersCredentialCapturesOnlyItsOwnEventsIntoItsSitesAndStopsWhenRevoked() throws Exception {
        String admin = Api.adminToken();
        // only an administrator issues one, for a supplier, with a label and known sites
        as(quinn)
                .body("{\"label\": \"x\", \"sites\": [\"PLANT-1\"]}")
                .post("/api/v1/partners/ACME-RESINS/epcis-credentials")
                .then()
                .statusCode(403);
        as(admin)
                .body("{\"label\": \"x\", \"sites\": [\"PLANT-1\"]}")
                .post("/api/v1/partners/BUILDMART/epcis-credentials")
                .then()
                .statusCode(404);
        as(admin)
                .body("{\"sites\": [\"PLANT-9\"]}")
                .post("/api/v1/partners/ACME-RESINS/epcis-credentials")
                .then()
                .statusCode(400);
        JsonNode issued = JSON.readTree(as(admin)
                .body("{\"label\": \"Acme's EPCIS gateway\", \"sites\": [\"PLANT-1\"]}")
                .post("/api/v1/partners/ACME-RESINS/epcis-credentials")
                .then()
                .statusCode(201)
                .extract()
                .asString());
        String token = issued.get("token").asText();
        assertThat(token).startsWith("lkp_");
        String id = issued.at("/credential/id").asText();
        JsonNode listed = JSON.readTree(as(admin)
                .get("/api/v1/partners/ACME-RESINS/epcis-credentials")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(listed.toString())
                .contains(id)
                .contains("Acme's EPCIS gateway")
                .doesNotContain(token);

        String asn = "ASN-P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        String doc = document(shipping(
                "urn:uuid:" + UUID.randomUUID(),
                "https://id.gs1.org/417/" + PLANT_1,
                asn,
                quantity("https://id.gs1.org/01/" + RESIN + "/10/ACR-950", "50", "KGM")));
        JsonNode captured = JSON.readTree(as(token)
                .contentType("application/ld+json")
                .body(doc)
                .post("/api/v1/epcis/capture")
                .then()
                .statusCode(201)
                .extract()
                .asString());
        assertThat(captured.get("partner").asText()).isEqualTo("ACME-RESINS");
        assertThat(captured.get("capturedBy").asText()).isEqualTo("partner:ACME-RESINS");
        assertThat(captured.at("/results/0/effects/0").asText()).startsWith("expected receipt " + asn + " at PLANT-1");
        as(token)
                .get("/api/v1/epcis/capture/" + captured.get("captureId").asText())
                .then()
                .statusCode(200);
        // not another partner's events, not another's capture, nothing but the capture
        as(token)
                .contentType("application/ld+json")
                .body(doc)
                .post("/api/v1/epcis/capture?partner=SOLVCO")
                .then()
                .statusCode(403);
        String solvco = JSON.readTree(as(quinn)
                        .contentType("application/ld+json")
                        .body(Api.resource("epcis/Example_9.6.3-AggregationEvent.jsonld"))
                        .post("/api/v1/epcis/capture?partner=SOLVCO")
                        .then()
                        .statusCode(201)
                        .extract()
                        .asString())
                .get("captureId")
                .asText();
        as(token).get("/api/v1/epcis/capture/" + solvco).then().statusCode(404);

        // A user of another site captures the same partner's events, but not an expected receipt at PLANT-1,
        // nor reads what PLANT-1's QA captured
        as(admin)
                .body("{\"sites\": [{\"code\": \"PLANT-2\", \"name\": \"Hillside Plant\", \"gln\": null}], "
                        + "\"users\": [{\"userId\": \"pat\", \"name\": \"Pat Elsewhere\", \"roles\": [\"QA\"], "
                        + "\"sites\": [\"PLANT-2\"], \"password\": \"pat-Passw0rd!\"}]}")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        String pat = Api.token("pat", "pat-Passw0rd!");
        JsonNode elsewhere = JSON.readTree(as(pat).contentType("application/ld+json")
                .body(document(shipping(
                        "urn:uuid:" + UUID.randomUUID(),
                        "https://id.gs1.org/417/" + PLANT_1,
                        asn + "-2",
                        quantity("https://id.gs1.org/01/" + RESIN + "/10/ACR-951", "5", "KGM"))))
                .post(CAPTURE)
                .then()
                .statusCode(201)
                .extract()
                .asString());
        assertThat(elsewhere.at("/results/0/code").asText()).isEqualTo("SITE_NOT_ALLOWED");
        as(pat).get("/api/v1/epcis/capture/" + solvco).then().statusCode(404);
        as(quinn).get("/api/v1/epcis/capture/" + solvco).then().statusCode(200);
        as(token).get("/api/v1/epcis/events").then().statusCode(403);
        as(token).get("/api/v1/lots/RM-RESIN/R-2402").then().statusCode(403);
        as(token).get("/api/v1/tasks/" + asn).then().statusCode(403);
        // nor the console, by header or as a session cookie
        for (io.restassured.response.Response page : List.of(
                as(token).redirects().follow(false).get("/console/dashboard"),
                io.restassured.RestAssured.given()
                        .redirects()
                        .follow(false)
                        .cookie("lk_session", token)
                        .get("/console/lots"))) {
            assertThat(page.statusCode()).isNotEqualTo(200);
            assertThat(page.asString()).doesNotContain("partner:ACME-RESINS");
        }

        as(admin)
                .delete("/api/v1/partners/ACME-RESINS/epcis-credentials/" + id)
                .then()
                .statusCode(204);
        as(token)
                .contentType("application/ld+json")
                .body(doc)
                .post("/api/v1/epcis/capture")
                .then()
                .statusCode(401);
        assertThat(as(admin)
                        .get("/api/v1/partners/ACME-RESINS/epcis-credentials")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("[0].revokedBy"))
                .isEqualTo("admin");
    }

    @Test
    void anEventWithoutIdIsKeyedByGs1sEventHashAndAReusedIdWithOtherContentIsRefused() throws Exception {
        String event = transformation(
                null,
                List.of(quantity("https://id.gs1.org/01/00614141555553/10/PHENOL-9", "7", "KGM")),
                List.of(quantity("https://id.gs1.org/01/00614141777778/10/BPA-18", "6", "KGM")));
        JsonNode first = capture(document(event), "application/ld+json", 201);
        String key = first.at("/results/0/eventID").asText();
        assertThat(key).matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0");
        // The same event with its fields in another order has the same hash: a duplicate
        JsonNode reordered = JSON.readTree(event);
        com.fasterxml.jackson.databind.node.ObjectNode backwards = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        reordered.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> backwards.set(n, reordered.get(n)));
        JsonNode again = capture(document(backwards.toString()), "application/ld+json", 201);
        assertThat(again.at("/results/0/status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.at("/results/0/eventID").asText()).isEqualTo(key);

        String id = "urn:uuid:" + UUID.randomUUID();
        capture(
                document(transformation(
                        id,
                        List.of(quantity("https://id.gs1.org/01/00614141555553/10/A", "1", "KGM")),
                        List.of(quantity("https://id.gs1.org/01/00614141777778/10/B", "1", "KGM")))),
                "application/ld+json",
                201);
        JsonNode conflict = capture(
                document(transformation(
                        id,
                        List.of(quantity("https://id.gs1.org/01/00614141555553/10/A", "2", "KGM")),
                        List.of(quantity("https://id.gs1.org/01/00614141777778/10/B", "1", "KGM")))),
                "application/ld+json",
                201);
        assertThat(conflict.at("/results/0/status").asText()).isEqualTo("REFUSED");
        assertThat(conflict.at("/results/0/code").asText()).isEqualTo("EVENT_ID_CONFLICT");
    }

    @Test
    void hostileDocumentsAreRefusedWholeWithAProblemNamingWhere() throws Exception {
        String good = document(transformation(
                "urn:uuid:" + UUID.randomUUID(),
                List.of(quantity("https://id.gs1.org/01/00614141555553/10/H", "1", "KGM")),
                List.of(quantity("https://id.gs1.org/01/00614141777778/10/I", "1", "KGM"))));
        // deep
        String deep = good.replace("\"ilmd\": {}", "\"ilmd\": " + "{\"x:a\":".repeat(60) + "1" + "}".repeat(60));
        problem(deep, 400, "MALFORMED_JSON").contains("deeper than 32 levels");
        // wrong types
        JsonNode wrongType = problemJson(good.replace("\"quantity\": 1,", "\"quantity\": \"one\","), 400);
        assertThat(wrongType.get("code").asText()).isEqualTo("BAD_FORMAT");
        assertThat(wrongType.get("field").asText()).startsWith("epcisBody.eventList[0]");
        // an event type EPCIS does not have
        JsonNode magic =
                problemJson(good.replace("\"type\": \"TransformationEvent\"", "\"type\": \"MagicEvent\""), 400);
        assertThat(magic.get("field").asText()).isEqualTo("epcisBody.eventList[0].type");
        assertThat(magic.get("detail").asText()).contains("ObjectEvent");
        // unknown vocabulary
        problem(good.replace("\"bizStep\": \"commissioning\"", "\"bizStep\": \"teleporting\""), 400, "BAD_FORMAT");
        // a key twice
        problem(
                good.replace(
                        "\"type\": \"EPCISDocument\",", "\"type\": \"EPCISDocument\", \"type\": \"EPCISDocument\","),
                400,
                "MALFORMED_JSON");
        // not JSON, not a document
        problem("{\"type\": \"EPCISDocument\", ", 400, "MALFORMED_JSON");
        problem("[1, 2]", 400, "WRONG_TYPE");
        problem(good.replace("\"type\": \"EPCISDocument\"", "\"type\": \"EPCISQueryDocument\""), 400, "INVALID_FIELD");
        // too many events
        StringBuilder many = new StringBuilder();
        String one = transformation(
                null,
                List.of(quantity("https://id.gs1.org/01/00614141555553/10/H", "1", "KGM")),
                List.of(quantity("https://id.gs1.org/01/00614141777778/10/I", "1", "KGM")));
        for (int i = 0; i <= EpcisDocument.MAX_EVENTS; i++) {
            many.append(i == 0 ? "" : ",").append(one);
        }
        problem(document(many.toString()), 413, "TOO_MANY_EVENTS");
        // nothing of any of them was stored
        assertThat(Database.count(ds, "SELECT count(*) FROM epcis_event")).isZero();

        // the wrong media type, the wrong partner, the wrong role
        as(quinn)
                .contentType("text/plain")
                .body(good)
                .post(CAPTURE)
                .then()
                .statusCode(415)
                .body("detail", org.hamcrest.Matchers.containsString("application/ld+json or application/json"));
        assertThat(JSON.readTree(as(quinn)
                                .contentType("application/ld+json")
                                .body(good)
                                .post("/api/v1/epcis/capture?partner=BUILDMART")
                                .then()
                                .statusCode(400)
                                .extract()
                                .asString())
                        .get("field")
                        .asText())
                .isEqualTo("partner");
        as(Api.token("sam", "sam-Passw0rd!"))
                .contentType("application/ld+json")
                .body(good)
                .post(CAPTURE)
                .then()
                .statusCode(403);
        capture(good, "application/ld+json", 201);
        assertThat(JSON.readTree(as(Api.adminToken())
                                .contentType("application/ld+json")
                                .body(good)
                                .post(CAPTURE)
                                .then()
                                .statusCode(201)
                                .extract()
                                .asString())
                        .get("duplicates")
                        .asInt())
                .isEqualTo(1);
    }

    private org.assertj.core.api.AbstractStringAssert<?> problem(String body, int status, String code)
            throws Exception {
        JsonNode p = problemJson(body, status);
        assertThat(p.get("code").asText()).isEqualTo(code);
        return assertThat(p.get("detail").asText());
    }

    private JsonNode problemJson(String body, int status) throws Exception {
        return JSON.readTree(as(quinn)
                .contentType("application/ld+json")
                .body(body)
                .post(CAPTURE)
                .then()
                .statusCode(status)
                .extract()
                .asString());
    }

    private JsonNode capture(String doc, String type, int status) throws Exception {
        Response r = as(quinn).contentType(type).body(doc).post(CAPTURE);
        r.then().statusCode(status);
        if (status == 201) {
            r.then().header("Location", org.hamcrest.Matchers.containsString("/api/v1/epcis/capture/"));
        }
        return JSON.readTree(r.asString());
    }

    static String document(String... events) {
        return "{\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"], "
                + "\"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \"2026-11-20T08:00:00Z\", "
                + "\"epcisBody\": {\"eventList\": [" + String.join(",", events) + "]}}";
    }

    static String quantity(String epcClass, String quantity, String uom) {
        return "{\"epcClass\": \"" + epcClass + "\", \"quantity\": " + quantity + ", \"uom\": \"" + uom + "\"}";
    }

    static String shipping(String eventId, String destination, String despatchAdvice, String... quantities) {
        return "{\"type\": \"ObjectEvent\", " + (eventId == null ? "" : "\"eventID\": \"" + eventId + "\", ")
                + "\"eventTime\": \"2026-11-19T14:00:00+01:00\", \"eventTimeZoneOffset\": \"+01:00\", "
                + "\"action\": \"OBSERVE\", \"bizStep\": \"shipping\", \"disposition\": \"in_transit\", "
                + "\"readPoint\": {\"id\": \"https://id.gs1.org/414/0614141000012\"}, "
                + "\"quantityList\": [" + String.join(",", quantities) + "], "
                + "\"bizTransactionList\": [{\"type\": \"desadv\", \"bizTransaction\": \"urn:epcglobal:cbv:bt:0614141000012:"
                + despatchAdvice + "\"}], "
                + "\"sourceList\": [{\"type\": \"owning_party\", \"source\": \"https://id.gs1.org/417/0614141000012\"}], "
                + "\"destinationList\": [{\"type\": \"owning_party\", \"destination\": \"" + destination + "\"}]}";
    }

    static String transformation(String eventId, List<String> inputs, List<String> outputs) {
        return "{\"type\": \"TransformationEvent\", " + (eventId == null ? "" : "\"eventID\": \"" + eventId + "\", ")
                + "\"eventTime\": \"2026-11-10T09:00:00Z\", \"eventTimeZoneOffset\": \"+00:00\", "
                + "\"inputQuantityList\": [" + String.join(",", inputs) + "], "
                + "\"outputQuantityList\": [" + String.join(",", outputs) + "], "
                + "\"bizStep\": \"commissioning\", \"disposition\": \"active\", "
                + "\"readPoint\": {\"id\": \"https://id.gs1.org/414/0614141000012\"}, \"ilmd\": {}}";
    }
}
