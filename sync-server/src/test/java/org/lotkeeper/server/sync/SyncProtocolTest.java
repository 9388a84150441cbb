package org.lotkeeper.server.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SyncProtocolTest {

    @Inject
    DataSource ds;

    String[] device;

    @BeforeEach
    void enrolledDevice() {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        device = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "dock-tablet");
    }

    static ObjectNode receive(long seq, String lot, String quantity) {
        ObjectNode e = Riverside.JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("deviceSeq", seq);
        e.put("type", "RECEIVE");
        e.put("occurredAt", "2026-11-16T08:05:00Z");
        e.put("userId", "ana");
        e.put("site", "PLANT-1");
        ObjectNode p = e.putObject("payload");
        p.put("supplier", "SOLVCO");
        p.put("reference", "PO-1");
        p.put("item", "RM-SOLVENT");
        p.put("lot", lot);
        p.put("supplierLot", "SV-" + lot);
        p.putObject("quantity").put("value", quantity).put("uom", "LTR");
        p.put("expiry", "2027-09-30");
        p.put("location", "RCV-DOCK-1");
        return e;
    }

    @Test
    void aGzippedPushIsStored() throws IOException {
        String body = "{\"deviceId\":\"" + device[0] + "\",\"events\":[" + receive(1, "S-1", "200") + "]}";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        as(device[1])
                .header("Content-Encoding", "gzip")
                .body(gz.toByteArray())
                .post("/api/v1/sync/push")
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo("ACCEPTED"))
                .body("ackedThroughSeq", equalTo(1));
    }

    @Test
    void aGapInTheSequenceIs409WithTheExpectedSeqAndStoresNothing() {
        Response r = Riverside.pushRaw(device, List.of(receive(1, "S-1", "200"), receive(3, "S-3", "200")));
        r.then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("SEQUENCE_GAP"))
                .body("expectedSeq", equalTo(2));
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event")).isZero();
    }

    @Test
    void aRejectedEventKeepsItsSeqAndIsAnsweredTheSameWayAgain() {
        ObjectNode bad = receive(1, "S-1", "200");
        ((ObjectNode) bad.get("payload")).put("item", "RM-NOPE");
        ObjectNode good = receive(2, "S-2", "200");
        JsonNode answer = Riverside.push(device, List.of(bad, good));
        assertThat(answer.at("/results/0/status").asText()).isEqualTo("REJECTED");
        assertThat(answer.at("/results/0/error/code").asText()).isEqualTo("UNKNOWN_ITEM");
        assertThat(answer.at("/results/0/error/field").asText()).isEqualTo("events[0].payload.item");
        assertThat(answer.at("/results/1/status").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.get("ackedThroughSeq").asLong()).isEqualTo(2);

        JsonNode retry = Riverside.push(device, List.of(bad, good));
        assertThat(retry.at("/results/0/status").asText()).isEqualTo("REJECTED");
        assertThat(retry.at("/results/0/error/code").asText()).isEqualTo("UNKNOWN_ITEM");
        assertThat(retry.at("/results/1/status").asText()).isEqualTo("DUPLICATE");
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event")).isEqualTo(1);
        assertThat(Database.count(ds, "SELECT count(*) FROM rejected_event")).isEqualTo(1);
    }

    @Test
    void theSameEventIdWithOtherContentIsAConflict() {
        ObjectNode first = receive(1, "S-1", "200");
        Riverside.push(device, List.of(first));
        ObjectNode changed = first.deepCopy();
        ((ObjectNode) changed.get("payload").get("quantity")).put("value", "201");
        JsonNode answer = Riverside.push(device, List.of(changed));
        assertThat(answer.at("/results/0/status").asText()).isEqualTo("REJECTED");
        assertThat(answer.at("/results/0/error/code").asText()).isEqualTo("EVENT_ID_CONFLICT");

        ObjectNode sameValue = first.deepCopy();
        ((ObjectNode) sameValue.get("payload").get("quantity")).put("value", "200.000");
        assertThat(Riverside.push(device, List.of(sameValue))
                        .at("/results/0/status")
                        .asText())
                .isEqualTo("DUPLICATE");
    }

    @Test
    void aNewEventOnASpentSeqIsRejectedWithoutTouchingTheLedger() {
        Riverside.push(device, List.of(receive(1, "S-1", "200")));
        JsonNode answer = Riverside.push(device, List.of(receive(1, "S-9", "5")));
        assertThat(answer.at("/results/0/status").asText()).isEqualTo("REJECTED");
        assertThat(answer.at("/results/0/error/field").asText()).isEqualTo("events[0].deviceSeq");
        assertThat(Database.count(ds, "SELECT count(*) FROM lot WHERE lot = 'S-9'"))
                .isZero();
    }

    @Test
    void aUserWhoseRolesDoNotCoverTheEventIsRefused() {
        ObjectNode byQa = receive(1, "S-1", "200");
        byQa.put("userId", "quinn");
        JsonNode answer = Riverside.push(device, List.of(byQa));
        assertThat(answer.at("/results/0/error/code").asText()).isEqualTo("ROLE_NOT_ALLOWED");
        ObjectNode nobody = receive(2, "S-2", "200");
        nobody.put("userId", "nobody");
        assertThat(Riverside.push(device, List.of(nobody))
                        .at("/results/0/error/code")
                        .asText())
                .isEqualTo("UNKNOWN_USER");
    }

    @Test
    void deviceTimeFarAheadOfTheServerIsStoredWithClockSkew() {
        ObjectNode future = receive(1, "S-1", "200");
        future.put("occurredAt", "2026-11-21T00:06:00Z"); // the test clock stands at 2026-11-21T00:00Z
        JsonNode answer = Riverside.push(device, List.of(future));
        assertThat(answer.at("/results/0/status").asText()).isEqualTo("FLAGGED");
        assertThat(answer.at("/results/0/flags/0").asText()).isEqualTo("CLOCK_SKEW");
    }

    @Test
    void brokenRequestsAreProblemsNotServerErrors() {
        as(device[1])
                .body("{\"deviceId\": ")
                .post("/api/v1/sync/push")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(device[1])
                .body("{\"deviceId\": \"" + device[0] + "\", \"events\": 7}")
                .post("/api/v1/sync/push")
                .then()
                .statusCode(400)
                .body("field", equalTo("events"));
        List<JsonNode> tooMany = new ArrayList<>();
        for (int i = 1; i <= 1001; i++) {
            tooMany.add(receive(i, "S-" + i, "1"));
        }
        Riverside.pushRaw(device, tooMany).then().statusCode(413).body("code", equalTo("TOO_MANY_EVENTS"));
        Riverside.pushRaw(new String[] {"dev-other", device[1]}, List.of(receive(1, "S-1", "1")))
                .then()
                .statusCode(403);
        as(device[1])
                .header("Content-Encoding", "gzip")
                .body("not gzip")
                .post("/api/v1/sync/push")
                .then()
                .statusCode(400);
        as(Api.adminToken()).body("{}").post("/api/v1/sync/push").then().statusCode(403);
    }

    @Test
    void aFirstPullIsASnapshotOfTheSiteAndLaterPullsBringOnlyChanges() {
        Riverside.push(device, List.of(receive(1, "S-1", "200"), receive(2, "S-2", "300")));
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        JsonNode page;
        do {
            page = pull(cursor, 1);
            pages.add(page);
            cursor = page.get("cursor").asText();
        } while (!page.get("complete").asBoolean());
        JsonNode first = pages.get(0);
        // items are global: every item master data holds (Riverside's five, and any other tests added)
        assertThat(first.get("items")).hasSize((int) Database.count(ds, "SELECT count(*) FROM item"));
        assertThat(first.get("items").findValuesAsText("code"))
                .contains("RM-RESIN", "RM-PIGMENT", "RM-SOLVENT", "FG-PRIMER");
        assertThat(first.get("locations")).hasSize(9);
        JsonNode ana = null;
        for (JsonNode u : first.get("users")) {
            if (u.get("userId").asText().equals("ana")) {
                ana = u;
            }
        }
        assertThat(ana).isNotNull();
        assertThat(PinVerifier.matches("471147", ana.get("pinVerifier").asText()))
                .isTrue();
        // only who may act on a handheld, and a verifier only for who signs in on one (a badge)
        assertThat(first.get("users").findValuesAsText("userId"))
                .contains("ana", "ben", "quinn", "sam")
                .doesNotContain("admin");
        for (JsonNode u : first.get("users")) {
            if (!u.hasNonNull("badge")) {
                assertThat(u.hasNonNull("pinVerifier")).as(u.toString()).isFalse();
            }
        }
        List<String> lots = new ArrayList<>();
        List<String> stock = new ArrayList<>();
        pages.forEach(p -> {
            p.get("lots")
                    .forEach(l -> lots.add(
                            l.get("lot").asText() + ":" + l.get("status").asText()));
            p.get("stock")
                    .forEach(s -> stock.add(
                            s.get("lot").asText() + "@" + s.get("location").asText() + "="
                                    + s.at("/quantity/value").asText()));
        });
        assertThat(lots).containsExactly("S-1:RELEASED", "S-2:RELEASED");
        assertThat(stock).containsExactly("S-1@RCV-DOCK-1=200", "S-2@RCV-DOCK-1=300");

        ObjectNode more = receive(3, "S-1", "50");
        ((ObjectNode) more.get("payload")).put("supplierLot", "SV-S-1");
        Riverside.push(device, List.of(more));
        JsonNode next = pull(cursor, 100);
        assertThat(next.get("complete").asBoolean()).isTrue();
        assertThat(next.get("stock")).hasSize(1);
        assertThat(next.at("/stock/0/quantity/value").asText()).isEqualTo("250");
    }

    // the operations endpoints, on the management interface (its URLs are relative to its /q)
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openapi;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void metricsCountIngestFlagsPushLatencyAndLastSync() {
        ObjectNode future = receive(1, "S-1", "200");
        future.put("occurredAt", "2026-11-21T00:06:00Z");
        Riverside.push(device, List.of(future));
        // metrics are not for anyone: not anonymous, not a device, not QA; ADMIN reads them
        io.restassured.RestAssured.get(metrics).then().statusCode(401);
        as(device[1]).get(metrics).then().statusCode(403);
        as(Api.token("quinn", "quinn-Passw0rd!")).get(metrics).then().statusCode(403);
        io.restassured.RestAssured.get(openapi).then().statusCode(401);
        // the scraper's token reads the metrics and nothing else
        String scraper = "test-scraper-token-0123456789abcdef";
        as(scraper).get(metrics).then().statusCode(200);
        as(scraper).get(openapi).then().statusCode(403);
        as(scraper).get("/api/v1/devices").then().statusCode(403);
        io.restassured.RestAssured.get(ready).then().statusCode(200);
        String scraped = scrapeAsAdmin();
        assertThat(scraped)
                .contains("lotkeeper_events_ingested_total{type=\"RECEIVE\"}")
                .contains("lotkeeper_flags_raised_total{flag=\"CLOCK_SKEW\"}")
                .contains("lotkeeper_push_seconds_count")
                .contains("lotkeeper_site_last_push_seconds{site=\"PLANT-1\"} "
                        + (double)
                                java.time.Instant.parse("2026-11-21T00:00:00Z").getEpochSecond())
                .doesNotContain(device[0]);
    }

    /** The metrics as ADMIN reads them on the management interface. */
    private String scrapeAsAdmin() {
        return as(Api.adminToken())
                .get(metrics)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /**
     * docs/grafana/lotkeeper-dashboard.json names only metrics the server exports: after a stored,
     * a flagged and a refused event, every metric its queries name is in the scrape.
     */
    @Test
    void theGrafanaDashboardNamesOnlyMetricsTheServerExports() throws IOException {
        ObjectNode future = receive(1, "S-1", "200");
        future.put("occurredAt", "2026-11-21T00:06:00Z");
        ObjectNode refused = receive(2, "S-2", "10");
        ((ObjectNode) refused.get("payload")).put("item", "RM-NOPE");
        Riverside.push(device, List.of(future, refused));
        System.gc(); // the JVM's GC pause timer appears with its first pause
        String scraped = scrapeAsAdmin();
        JsonNode dashboard = Riverside.JSON.readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("../docs/grafana/lotkeeper-dashboard.json")));
        java.util.regex.Pattern metric =
                java.util.regex.Pattern.compile("\\b((?:lotkeeper|http_server|agroal|jvm|process)_[a-z_]+)\\b");
        java.util.Set<String> named = new java.util.TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> {
            java.util.regex.Matcher m = metric.matcher(expr.asText());
            while (m.find()) {
                named.add(m.group(1));
            }
        });
        named.add(dashboard.at("/templating/list/1/query").asText().replaceAll(".*\\((\\w+),.*", "$1"));
        assertThat(named).contains("jvm_memory_used_bytes");
        assertThat(named).hasSizeGreaterThan(8);
        for (String name : named) {
            assertThat(scraped).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }

    @Test
    void aCursorThatCannotBeServedSaysSo() {
        as(device[1])
                .queryParam("cursor", "garbage!")
                .get("/api/v1/sync/pull")
                .then()
                .statusCode(400)
                .body("field", equalTo("cursor"));
        String otherSite = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"v\":1,\"site\":\"PLANT-9\",\"since\":0,\"upto\":0,\"phase\":\"lots\",\"item\":\"\",\"lot\":\"\",\"location\":\"\"}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        as(device[1])
                .queryParam("cursor", otherSite)
                .get("/api/v1/sync/pull")
                .then()
                .statusCode(409)
                .body("code", equalTo("CURSOR_EXPIRED"));
        as(device[1])
                .queryParam("limit", 0)
                .get("/api/v1/sync/pull")
                .then()
                .statusCode(400)
                .body("field", equalTo("limit"));
    }

    private JsonNode pull(String cursor, int limit) {
        var req = as(device[1]).queryParam("limit", limit);
        if (cursor != null) {
            req = req.queryParam("cursor", cursor);
        }
        String body =
                req.get("/api/v1/sync/pull").then().statusCode(200).extract().asString();
        try {
            return Riverside.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
