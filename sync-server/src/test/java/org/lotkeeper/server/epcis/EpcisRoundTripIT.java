package org.lotkeeper.server.epcis;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.server.faults.ServerProcess;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of issue 21's capture: two packaged servers, each on its own embedded PostgreSQL. The
 * Riverside plant (A) plays its week and exports its EPCIS; its customer City Maintenance runs
 * the second, empty server (B), which captures that document as its supplier Riverside's. The
 * shipment of SHP-3 becomes B's expected receipt; B receives the lot PR-1003 against it; and B's
 * backward trace of that lot shows Riverside's own genealogy — the rework's inputs, and the
 * batch before it — as upstream levels, exactly as A's own backward trace has them.
 */
class EpcisRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** City Maintenance's GLN: a customer at A, the site CITY-1 at B. */
    private static final String CITY_GLN = "0614141000999";

    @TempDir
    Path data;

    @AfterEach
    void restAssuredBackToItsDefaults() {
        RestAssured.reset();
    }

    @Test
    void aPlantsEpcisCapturedByItsCustomerTracesBackAcrossBothServers() throws Exception {
        try (ServerProcess a = ServerProcess.embedded(data.resolve("a")).start();
                ServerProcess b = ServerProcess.embedded(data.resolve("b")).start()) {
            // A: the Riverside week, City Maintenance with its GLN, the week's EPCIS
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = a.port();
            new Riverside().play();
            String adminA = token(a, "admin", ServerProcess.ADMIN_PASSWORD);
            on(a, adminA)
                    .body("{\"partners\": [{\"code\": \"CITY-MAINT\", \"name\": \"City Maintenance\", "
                            + "\"kind\": \"CUSTOMER\", \"gln\": \"" + CITY_GLN + "\"}]}")
                    .put("/api/v1/masterdata")
                    .then()
                    .statusCode(200);
            String quinnA = token(a, "quinn", "quinn-Passw0rd!");
            String export = on(a, quinnA)
                    .accept("application/ld+json")
                    .get("/api/v1/export/epcis?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            int exported = JSON.readTree(export).at("/epcisBody/eventList").size();
            assertThat(exported).isGreaterThan(20);

            // B: City Maintenance's own plant, empty; Riverside is its supplier
            String adminB = token(b, "admin", ServerProcess.ADMIN_PASSWORD);
            on(b, adminB)
                    .body(CITY_MASTER_DATA)
                    .put("/api/v1/masterdata")
                    .then()
                    .statusCode(200);
            String dana = token(b, "dana", "dana-Passw0rd!");
            JsonNode captured = JSON.readTree(on(b, dana)
                    .contentType("application/ld+json")
                    .body(export)
                    .post("/api/v1/epcis/capture?partner=RIVERSIDE")
                    .then()
                    .statusCode(201)
                    .extract()
                    .asString());
            assertThat(captured.get("events").asInt()).isEqualTo(exported);
            assertThat(captured.get("refused").asInt()).as(captured.toString()).isZero();
            assertThat(captured.get("accepted").asInt()).isEqualTo(exported);
            // sent again: every event a duplicate, nothing stored twice
            JsonNode again = JSON.readTree(on(b, dana)
                    .contentType("application/json")
                    .body(export)
                    .post("/api/v1/epcis/capture?partner=RIVERSIDE")
                    .then()
                    .statusCode(201)
                    .extract()
                    .asString());
            assertThat(again.get("duplicates").asInt()).isEqualTo(exported);

            // The delivery SHP-3 (two shipping events) is one expected receipt at CITY-1
            String stan = token(b, "stan", "stan-Passw0rd!");
            JsonNode task = JSON.readTree(on(b, stan)
                    .get("/api/v1/tasks/SHP-3")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(task.get("kind").asText()).isEqualTo("RECEIPT");
            assertThat(task.get("partner").asText()).isEqualTo("RIVERSIDE");
            Map<String, String> lines = new TreeMap<>();
            task.get("lines")
                    .forEach(l -> lines.put(
                            l.get("item").asText() + " " + l.get("lot").asText(),
                            l.at("/quantity/value").asText() + " "
                                    + l.at("/quantity/uom").asText()));
            assertThat(lines)
                    .containsExactly(
                            Map.entry("PRIMER-IN PR-1003", "5 H87"), Map.entry("TOPCOAT-IN TC-1002", "10 H87"));

            // B's dock receives PR-1003 against it as its own lot C-1003
            String code = on(b, stan)
                    .body("{\"site\": \"CITY-1\", \"label\": \"dock-gun\"}")
                    .post("/api/v1/devices/enrollments")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("code");
            JsonNode device = JSON.readTree(given().baseUri("http://127.0.0.1")
                    .port(b.port())
                    .contentType("application/json")
                    .body("{\"code\": \"" + code + "\"}")
                    .post("/api/v1/devices/enroll")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            ObjectNode receive = JSON.createObjectNode();
            receive.put("eventId", UUID.randomUUID().toString())
                    .put("deviceSeq", 1)
                    .put("type", "RECEIVE")
                    .put("occurredAt", "2026-11-21T09:00:00Z")
                    .put("userId", "cleo")
                    .put("site", "CITY-1");
            ObjectNode p = receive.putObject("payload");
            p.put("supplier", "RIVERSIDE")
                    .put("reference", "SHP-3")
                    .put("item", "PRIMER-IN")
                    .put("lot", "C-1003")
                    .put("supplierLot", "PR-1003")
                    .put("location", "DOCK");
            p.putObject("quantity").put("value", "5").put("uom", "H87");
            ObjectNode push = JSON.createObjectNode();
            push.put("deviceId", device.get("deviceId").asText());
            push.putArray("events").add(receive);
            on(b, device.get("token").asText())
                    .body(push.toString())
                    .post("/api/v1/sync/push")
                    .then()
                    .statusCode(200);

            // B's backward trace of C-1003 shows A's genealogy of PR-1003 as upstream levels
            JsonNode traceB = JSON.readTree(on(b, dana)
                    .get("/api/v1/trace/PRIMER-IN/C-1003?direction=backward")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            Map<String, Integer> upstream = new TreeMap<>();
            traceB.get("upstream").forEach(u -> {
                assertThat(u.get("supplier").asText()).isEqualTo("RIVERSIDE");
                assertThat(u.get("supplierLot").asText()).isEqualTo("PR-1003");
                upstream.merge(
                        u.get("inputGtin").asText() + "/" + u.get("inputLot").asText(),
                        u.get("level").asInt(),
                        Math::min);
            });

            JsonNode traceA = JSON.readTree(on(a, quinnA)
                    .get("/api/v1/trace/FG-PRIMER/PR-1003?direction=backward")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            Map<String, String> gtins = Map.of(
                    "RM-RESIN", "10614141000019",
                    "RM-PIGMENT", "10614141000026",
                    "RM-SOLVENT", "10614141000033",
                    "FG-PRIMER", "10614141000101",
                    "FG-TOPCOAT", "10614141000118");
            Map<String, Integer> ancestors = new TreeMap<>();
            traceA.get("lots").forEach(l -> {
                if (l.get("relation").asText().equals("ANCESTOR")) {
                    ancestors.put(
                            gtins.get(l.get("item").asText()) + "/"
                                    + l.get("lot").asText(),
                            l.get("depth").asInt());
                }
            });
            assertThat(ancestors).hasSizeGreaterThan(2).containsValue(2);
            assertThat(upstream).isEqualTo(ancestors);
        }
    }

    private static RequestSpecification on(ServerProcess server, String token) {
        return given().baseUri("http://127.0.0.1")
                .port(server.port())
                .header("Authorization", "Bearer " + token)
                .contentType("application/json");
    }

    private static String token(ServerProcess server, String user, String password) {
        Map<String, String> body = new HashMap<>();
        body.put("username", user);
        body.put("password", password);
        return given().baseUri("http://127.0.0.1")
                .port(server.port())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    private static final String CITY_MASTER_DATA = """
            {"sites": [{"code": "CITY-1", "name": "City Maintenance Depot", "gln": "%s"}],
             "items": [
               {"code": "PRIMER-IN", "name": "Primer (bought in)", "gtin": "10614141000101", "baseUom": "H87",
                "qcRequired": false, "coaRequired": false, "lotNumbering": "MANUAL", "suppliers": ["RIVERSIDE"]},
               {"code": "TOPCOAT-IN", "name": "Topcoat (bought in)", "gtin": "10614141000118", "baseUom": "H87",
                "qcRequired": false, "coaRequired": false, "lotNumbering": "MANUAL", "suppliers": ["RIVERSIDE"]}],
             "locations": [{"code": "DOCK", "site": "CITY-1", "type": "RECEIVING", "pickSequence": 0}],
             "partners": [{"code": "RIVERSIDE", "name": "Riverside Coatings", "kind": "SUPPLIER", "gln": "0614141000005"}],
             "users": [
               {"userId": "dana", "name": "Dana QA", "roles": ["QA"], "sites": ["CITY-1"], "password": "dana-Passw0rd!"},
               {"userId": "stan", "name": "Stan Supervisor", "roles": ["SUPERVISOR"], "sites": ["CITY-1"], "password": "stan-Passw0rd!"},
               {"userId": "cleo", "name": "Cleo Receiver", "roles": ["RECEIVER"], "sites": ["CITY-1"], "badge": "C-1", "pin": "135792"}]}
            """.formatted(CITY_GLN);
}
