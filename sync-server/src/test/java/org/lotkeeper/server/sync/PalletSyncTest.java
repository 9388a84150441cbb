package org.lotkeeper.server.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.server.pallets.SsccBlocks;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Pallets in the sync protocol (docs/PROTOCOL.md pull): SSCC blocks handed to devices — sent again
 * when the answer was lost, renewed when few are left, never overlapping another device's or a
 * printed roll's — and what containers hold, pulled like stock.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PalletSyncTest {

    private static final String PALLET = CompanyPrefix.of("0614141").sscc(7).value();

    @Inject
    DataSource ds;

    String sam;
    String[] device;

    @BeforeEach
    void enrolledDevice() {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        sam = Api.token("sam", "sam-Passw0rd!");
        device = Riverside.enroll(sam, "gun");
    }

    @Test
    void aDeviceGetsABlockAgainWhenTheAnswerWasLostAndANewOneOnlyWhenItRunsLow() {
        JsonNode first = pull(device, Map.of("ssccBlock", "0", "ssccLeft", "0")).get("ssccBlock");
        assertThat(first.get("prefix").asText()).isEqualTo("0614141");
        assertThat(first.get("first").asLong()).isZero();
        assertThat(first.get("count").asInt()).isEqualTo(SsccBlocks.DEVICE_BLOCK);
        long id = first.get("id").asLong();

        // the answer was lost: the device still says it holds none, and gets the same block, not another
        assertThat(pull(device, Map.of("ssccBlock", "0", "ssccLeft", "0")).get("ssccBlock"))
                .isEqualTo(first);
        // it holds the block and has plenty left: nothing
        assertThat(pull(device, Map.of("ssccBlock", Long.toString(id), "ssccLeft", "200"))
                        .has("ssccBlock"))
                .isFalse();
        // an older client that does not say what it holds gets none
        assertThat(pull(device, Map.of()).has("ssccBlock")).isFalse();

        // another device and a printed roll draw after it; the first device, running low, after them
        String[] other = Riverside.enroll(sam, "gun 2");
        JsonNode second = pull(other, Map.of("ssccBlock", "0", "ssccLeft", "0")).get("ssccBlock");
        as(sam).queryParam("count", "3")
                .queryParam("format", "zpl")
                .post("/api/v1/labels/sscc-rolls/PLANT-1")
                .then()
                .statusCode(200);
        JsonNode renewed = pull(device, Map.of("ssccBlock", Long.toString(id), "ssccLeft", "49"))
                .get("ssccBlock");
        assertThat(second.get("first").asLong()).isEqualTo(200);
        assertThat(renewed.get("first").asLong()).isEqualTo(403);
        assertThat(renewed.get("id").asLong()).isGreaterThan(second.get("id").asLong());

        // a blank label of a handed-out number prints again before anything is packed on it; others are 404
        String handedOut = CompanyPrefix.of("0614141").sscc(401).value();
        assertThat(as(sam).get("/api/v1/labels/sscc/" + handedOut + "?format=zpl")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(handedOut);
        as(sam).get("/api/v1/labels/sscc/"
                        + CompanyPrefix.of("0614141").sscc(700).value())
                .then()
                .statusCode(404);
    }

    @Test
    void aDeviceGetsAtMostTenBlocksADay() {
        long known = 0;
        int blocks = 0;
        for (int i = 0; i < 15; i++) {
            JsonNode page = pull(device, Map.of("ssccBlock", Long.toString(known), "ssccLeft", "0"));
            if (page.has("ssccBlock")) {
                known = page.get("ssccBlock").get("id").asLong();
                blocks++;
            }
        }
        assertThat(blocks).isEqualTo(10);
    }

    @Test
    void aSiteWithoutACompanyPrefixNumbersNoPallets() {
        Database.execute(ds, "UPDATE site SET gs1_company_prefix = NULL WHERE code = 'PLANT-1'");
        try {
            assertThat(pull(device, Map.of("ssccBlock", "0", "ssccLeft", "0")).has("ssccBlock"))
                    .isFalse();
            as(sam).queryParam("count", "3")
                    .post("/api/v1/labels/sscc-rolls/PLANT-1")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("NO_COMPANY_PREFIX"));
        } finally {
            Api.loadRiversideMasterData();
        }
    }

    @Test
    void aRollIsRefusedForASiteTheCallerCannotReachAndForABadCount() {
        as(sam).queryParam("count", "3")
                .post("/api/v1/labels/sscc-rolls/PLANT-9")
                .then()
                .statusCode(403);
        as(sam).queryParam("count", "5000")
                .post("/api/v1/labels/sscc-rolls/PLANT-1")
                .then()
                .statusCode(400)
                .body("field", equalTo("count"));
        as(Api.token("quinn", "quinn-Passw0rd!"))
                .queryParam("count", "2")
                .post("/api/v1/labels/sscc-rolls/PLANT-1")
                .then()
                .statusCode(200);
        assertThat(Database.count(ds, "SELECT count(*) FROM sscc_block")).isEqualTo(1);
    }

    @Test
    void whatAContainerHoldsIsPulledAndAnEmptiedContainerComesAsZero() {
        Riverside.push(device, List.of(SyncProtocolTest.receive(1, "S-1", "200"), pack(2, "PACK", "150")));
        List<String> rows = containers(pullAll(null));
        assertThat(rows).containsExactly(PALLET + ":S-1@RCV-DOCK-1=150");

        String cursor = lastCursor;
        Riverside.push(device, List.of(pack(3, "UNPACK", "150")));
        assertThat(containers(pullAll(cursor))).containsExactly(PALLET + ":S-1@RCV-DOCK-1=0");
        // the stock at the location stayed whole all along
        assertThat(Database.count(
                        ds, "SELECT sum(quantity)::bigint FROM stock WHERE item = 'RM-SOLVENT' AND lot = 'S-1'"))
                .isEqualTo(200);
    }

    private String lastCursor;

    private List<JsonNode> pullAll(String cursor) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page;
        do {
            Map<String, String> params = cursor == null ? Map.of("limit", "1") : Map.of("limit", "1", "cursor", cursor);
            page = pull(device, params);
            pages.add(page);
            cursor = page.get("cursor").asText();
        } while (!page.get("complete").asBoolean());
        lastCursor = cursor;
        return pages;
    }

    private static List<String> containers(List<JsonNode> pages) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode p : pages) {
            for (JsonNode c : p.path("containers")) {
                String row = c.get("sscc").asText() + ":" + c.get("lot").asText() + "@"
                        + c.get("location").asText() + "="
                        + c.at("/quantity/value").asText();
                assertThat(seen.add(row)).as("each row once: " + row).isTrue();
                out.add(row);
            }
        }
        return out;
    }

    private static ObjectNode pack(long seq, String type, String quantity) {
        ObjectNode e = Riverside.JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("deviceSeq", seq);
        e.put("type", type);
        e.put("occurredAt", "2026-11-16T09:00:00Z");
        e.put("userId", "ben");
        e.put("site", "PLANT-1");
        ObjectNode p = e.putObject("payload");
        p.put("sscc", PALLET);
        p.put("location", "RCV-DOCK-1");
        ObjectNode line = p.putArray("contents").addObject();
        line.put("item", "RM-SOLVENT");
        line.put("lot", "S-1");
        line.putObject("quantity").put("value", quantity).put("uom", "LTR");
        return e;
    }

    private static JsonNode pull(String[] device, Map<String, String> params) {
        var req = as(device[1]);
        for (var p : params.entrySet()) {
            req = req.queryParam(p.getKey(), p.getValue());
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
