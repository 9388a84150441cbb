package org.lotkeeper.server.security;

import java.util.List;
import java.util.Map;

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
import static org.hamcrest.Matchers.equalTo;

/**
 * What a stolen device token can write, tried as an attacker would through the push API: nothing
 * in the name of admin or of a user without the role at the device's site, no ADJUST, and nothing
 * that touches a lot of another site — each REJECTED with a code naming the field, and the lot
 * left as it was.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DeviceAuthorityTest {

    private static final String RELEASED_PLANT1_LOT = """
            {"supplier": "SOLVCO", "reference": "PO-1", "item": "RM-SOLVENT", "lot": "S-1",
             "quantity": {"value": "100", "uom": "LTR"}, "location": "RCV-DOCK-1"}""";

    @Inject
    DataSource ds;

    private String[] plant1;
    private String[] plant2;

    @BeforeEach
    void twoSitesWithADeviceEach() {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        Api.as(Api.adminToken())
                .body("""
                {"sites": [{"code": "PLANT-2", "name": "Plant 2"}],
                 "locations": [{"code": "P2-DOCK", "site": "PLANT-2", "type": "RECEIVING"},
                               {"code": "P2-WH", "site": "PLANT-2", "type": "STORAGE"}],
                 "users": [{"userId": "olga", "name": "Olga at plant 2", "roles": ["OPERATOR", "RECEIVER"],
                            "sites": ["PLANT-2"], "badge": "B-2001", "pin": "480613"},
                           {"userId": "root2", "name": "An admin who also works plant 2", "roles": ["ADMIN"],
                            "sites": ["PLANT-1", "PLANT-2"], "password": "root2-Passw0rd!"}]}""")
                .put("/api/v1/masterdata")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        String sam = Api.token("sam", "sam-Passw0rd!");
        plant1 = Riverside.enroll(sam, "plant 1 gun");
        plant2 = Riverside.enroll(Api.adminToken(), "PLANT-2", "plant 2 gun");
        assertThat(status(push(plant1, Riverside.event(1, "ana", "RECEIVE", RELEASED_PLANT1_LOT))))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void anAdjustNeverComesFromADevice() {
        JsonNode result = push(plant1, Riverside.event(2, "sam", "ADJUST", """
                {"item": "RM-SOLVENT", "lot": "S-1", "location": "RCV-DOCK-1",
                 "delta": {"value": "-100", "uom": "LTR"}, "reason": "count"}"""));

        assertRejected(result, "NOT_FROM_A_DEVICE", "events[0].type");
        assertThat(onHand("S-1")).isEqualTo("100");
    }

    @Test
    void testResultsNeverComeFromADeviceEvenSignedInAsQa() {
        JsonNode result = push(plant1, Riverside.event(2, "quinn", "INSPECT", """
                {"item": "RM-SOLVENT", "lot": "S-1", "specificationVersion": 1, "source": "LAB",
                 "results": [{"test": "ID", "value": "PASS", "judgement": "CONFORMS"}]}"""));

        assertRejected(result, "NOT_FROM_A_DEVICE", "events[0].payload.source");
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'INSPECT'"))
                .isZero();
    }

    /**
     * The dock keys a supplier's COA and the device judges it; the server judges it again against
     * the version the device names and stores only what the specification gives — a forged
     * judgement, a test the specification lacks or a correction reason is refused, naming the field.
     */
    @Test
    void aSuppliersCoaFromTheDockIsJudgedAgainAndAnOutOfSpecificationResultHoldsTheReleasedLot() {
        Api.as(Api.token("quinn", "quinn-Passw0rd!"))
                .body("""
                {"version": 1, "effectiveFrom": "2026-01-01", "tests": [
                  {"code": "PURITY", "name": "Purity (GC)", "unit": "P1", "kind": "NUMERIC", "min": "99.0",
                   "decimals": 1, "assay": true},
                  {"code": "WATER", "name": "Water (KF)", "unit": "P1", "kind": "NUMERIC", "max": "0.10", "decimals": 2}],
                 "signature": {"password": "quinn-Passw0rd!"}}""")
                .put("/api/v1/items/RM-SOLVENT/specification")
                .then()
                .statusCode(200);
        String coa = """
                {"item": "RM-SOLVENT", "lot": "S-1", "specificationVersion": 1, "source": "SUPPLIER_COA",
                 "results": [%s]%s}""";

        assertRejected(
                push(
                        plant1,
                        Riverside.event(
                                2,
                                "ana",
                                "INSPECT",
                                coa.formatted(
                                        "{\"test\": \"PURITY\", \"value\": \"98.5\", \"judgement\": \"CONFORMS\"}",
                                        ""))),
                "INVALID_FIELD",
                "events[0].payload.results[0].judgement");
        assertRejected(
                push(
                        plant1,
                        Riverside.event(
                                3,
                                "ana",
                                "INSPECT",
                                coa.formatted(
                                        "{\"test\": \"COLOUR\", \"value\": \"5\", \"judgement\": \"CONFORMS\"}", ""))),
                "NOT_IN_SPECIFICATION",
                "events[0].payload.results[0].test");
        assertRejected(
                push(
                        plant1,
                        Riverside.event(
                                4,
                                "ana",
                                "INSPECT",
                                coa.formatted(
                                        "{\"test\": \"WATER\", \"value\": \"0.05\", \"judgement\": \"CONFORMS\"}",
                                        ", \"reason\": \"typo\""))),
                "NOT_FROM_A_DEVICE",
                "events[0].payload.reason");
        assertRejected(
                push(
                        plant1,
                        Riverside.event(
                                5,
                                "ana",
                                "INSPECT",
                                coa.formatted(
                                        "{\"test\": \"PURITY\", \"value\": \"99.5\", \"judgement\": \"CONFORMS\"}",
                                        ", \"potency\": \"100\""))),
                "INVALID_FIELD",
                "events[0].payload.potency");
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'INSPECT'"))
                .isZero();

        JsonNode stored = push(
                plant1,
                Riverside.event(
                        6,
                        "ana",
                        "INSPECT",
                        coa.formatted(
                                "{\"test\": \"PURITY\", \"value\": \"98.5\", \"judgement\": \"OUT_OF_SPECIFICATION\"}, "
                                        + "{\"test\": \"WATER\", \"value\": \"0.05\", \"judgement\": \"CONFORMS\"}",
                                "")));
        assertThat(status(stored)).as(stored.toString()).isEqualTo("FLAGGED");
        assertThat(stored.get("flags").toString()).contains("OUT_OF_SPECIFICATION");
        assertThat(Database.rows(ds, "SELECT status, potency FROM lot WHERE lot = 'S-1'")
                        .get(0))
                .containsEntry("status", "ON_HOLD")
                .containsEntry("potency", null);
    }

    @Test
    void adminsRightsStopAtTheConsole() {
        String move = """
                {"item": "RM-SOLVENT", "lot": "S-1", "quantity": {"value": "100", "uom": "LTR"},
                 "from": "RCV-DOCK-1", "to": "WH-A-01"}""";

        // the built-in admin holds no site: nothing in its name from a handheld
        assertRejected(push(plant1, Riverside.event(2, "admin", "MOVE", move)), "SITE_NOT_ALLOWED", "events[0].userId");
        // an admin who works at the site still has no handheld role
        assertRejected(push(plant1, Riverside.event(3, "root2", "MOVE", move)), "ROLE_NOT_ALLOWED", "events[0].type");
        // a user of another site cannot be named by this site's device
        assertRejected(push(plant1, Riverside.event(4, "olga", "MOVE", move)), "SITE_NOT_ALLOWED", "events[0].userId");
        assertThat(onHand("S-1")).isEqualTo("100");
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'MOVE'"))
                .isZero();
    }

    @Test
    void aDeviceOfAnotherSiteCannotHoldMoveOrConsumeThisSitesLot() {
        assertRejected(
                push(plant2, Riverside.event("PLANT-2", 1, "olga", "STATUS", """
                        {"item": "RM-SOLVENT", "lot": "S-1", "status": "ON_HOLD", "reason": "Damaged drum"}""")),
                "LOT_OF_ANOTHER_SITE",
                "events[0].payload.lot");
        assertRejected(
                push(plant2, Riverside.event("PLANT-2", 2, "olga", "TRANSFORM", """
                        {"kind": "BLEND", "batch": "B-9",
                         "inputs": [{"item": "RM-SOLVENT", "lot": "S-1", "quantity": {"value": "5", "uom": "LTR"}, "from": "P2-WH"}],
                         "outputs": [{"item": "RM-SOLVENT", "lot": "S-2", "quantity": {"value": "5", "uom": "LTR"}, "to": "P2-WH"}]}""")),
                "LOT_OF_ANOTHER_SITE",
                "events[0].payload.inputs[0].lot");

        Api.as(Api.token("sam", "sam-Passw0rd!"))
                .get("/api/v1/lots/RM-SOLVENT/S-1")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RELEASED"));
        assertThat(Database.count(ds, "SELECT count(*) FROM exception")).isZero();
    }

    @Test
    void aTransformationOrReceiptCannotWriteIntoAnotherSitesLot() {
        assertThat(status(push(plant2, Riverside.event("PLANT-2", 1, "olga", "RECEIVE", """
                        {"supplier": "SOLVCO", "reference": "PO-2", "item": "RM-SOLVENT", "lot": "S-2",
                         "quantity": {"value": "50", "uom": "LTR"}, "location": "P2-DOCK"}"""))))
                .isEqualTo("ACCEPTED");

        // a false genealogy: plant 2's lot made into plant 1's existing S-1
        assertRejected(
                push(plant2, Riverside.event("PLANT-2", 2, "olga", "TRANSFORM", """
                        {"kind": "BLEND", "batch": "B-9",
                         "inputs": [{"item": "RM-SOLVENT", "lot": "S-2", "quantity": {"value": "5", "uom": "LTR"}, "from": "P2-DOCK"}],
                         "outputs": [{"item": "RM-SOLVENT", "lot": "S-1", "quantity": {"value": "5", "uom": "LTR"}, "to": "P2-DOCK"}]}""")),
                "LOT_OF_ANOTHER_SITE",
                "events[0].payload.outputs[0].lot");
        // more of plant 1's lot received at plant 2
        assertRejected(
                push(plant2, Riverside.event("PLANT-2", 3, "olga", "RECEIVE", """
                        {"supplier": "SOLVCO", "reference": "PO-3", "item": "RM-SOLVENT", "lot": "S-1",
                         "quantity": {"value": "50", "uom": "LTR"}, "location": "P2-DOCK"}""")),
                "LOT_OF_ANOTHER_SITE",
                "events[0].payload.lot");
        assertThat(Database.count(ds, "SELECT count(*) FROM lot_link")).isZero();
        assertThat(onHand("S-1")).isEqualTo("100");
        // its own lots, the plant 2 device works with as before
        assertThat(status(push(plant2, Riverside.event("PLANT-2", 4, "olga", "MOVE", """
                        {"item": "RM-SOLVENT", "lot": "S-2", "quantity": {"value": "50", "uom": "LTR"},
                         "from": "P2-DOCK", "to": "P2-WH"}"""))))
                .isEqualTo("ACCEPTED");
    }

    @Test
    void theServerChecksAPinOnlineRecordsTheSignInAndLocksOneUserOnOneDeviceAfterFiveWrong() {
        assertThat(Riverside.pinCheck(plant1, "ana", "471147")).isEqualTo("OK");
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM audit_log WHERE action = 'PIN_SIGN_IN' AND actor = 'ana' AND subject = ?",
                        plant1[0]))
                .isEqualTo(1);
        // a user of another site is no user here, even with her right PIN
        assertThat(Riverside.pinCheck(plant1, "olga", "480613")).isEqualTo("WRONG");
        assertThat(Riverside.pinCheck(plant2, "olga", "480613")).isEqualTo("OK");

        for (int i = 1; i < 5; i++) {
            assertThat(Riverside.pinCheck(plant1, "ana", "908172")).isEqualTo("WRONG");
        }
        assertThat(Riverside.pinCheck(plant1, "ana", "908172")).isEqualTo("LOCKED");
        assertThat(Riverside.pinCheck(plant1, "ana", "471147"))
                .as("locked: the right PIN waits too")
                .isEqualTo("LOCKED");
        assertThat(Database.count(ds, "SELECT count(*) FROM audit_log WHERE action = 'PIN_SIGN_IN_FAILED'"))
                .isGreaterThanOrEqualTo(6);
        Api.as(Api.token("sam", "sam-Passw0rd!"))
                .post("/api/v1/users/ana/unlock")
                .then()
                .statusCode(200);
        assertThat(Riverside.pinCheck(plant1, "ana", "471147")).isEqualTo("OK");

        Api.as(plant1[1])
                .body(Map.of("userId", "ana", "pin", "12ab56"))
                .post("/api/v1/devices/pin-check")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("field", equalTo("pin"));
        Api.as(Api.token("sam", "sam-Passw0rd!"))
                .body(Map.of("userId", "ana", "pin", "471147"))
                .post("/api/v1/devices/pin-check")
                .then()
                .statusCode(403);
    }

    private static JsonNode push(String[] device, JsonNode event) {
        return Riverside.push(device, List.of(event)).get("results").get(0);
    }

    private static String status(JsonNode result) {
        return result.get("status").asText();
    }

    private static void assertRejected(JsonNode result, String code, String field) {
        assertThat(status(result)).as(result.toString()).isEqualTo("REJECTED");
        assertThat(result.at("/error/code").asText()).as(result.toString()).isEqualTo(code);
        assertThat(result.at("/error/field").asText()).as(result.toString()).isEqualTo(field);
    }

    private String onHand(String lot) {
        return Database.rows(ds, "SELECT sum(quantity) AS q FROM stock WHERE lot = '" + lot + "'")
                .get(0)
                .get("q")
                .toString()
                .replaceAll("\\.0+$", "");
    }
}
