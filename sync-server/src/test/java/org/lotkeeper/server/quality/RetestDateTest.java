package org.lotkeeper.server.quality;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.console.ConsoleClient;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Retest dates (docs/QUALITY-CONTROL.md): a release gives a lot of an item with a retest interval
 * its retest date, never after the expiry; QA's signed, conforming retest moves it on; a lot past
 * it is flagged when a device uses it, and the dashboard lists the lots due.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RetestDateTest {

    private static final String R_2401 = "/api/v1/lots/RM-RESIN/R-2401";
    private static final String PASSWORD = "quinn-Passw0rd!";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21); // the test clock
    private static final String CONFORMING = """
            [{"test": "ASSAY", "value": "99.6"}, {"test": "VISC", "value": "420"},
             {"test": "ID", "value": "pass"}, {"test": "APP", "value": "clear"}]""";

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void weekWithASpecificationAndARetestInterval() {
        Database.resetLedger(ds);
        new Riverside().playWithoutQuality();
        Database.execute(ds, "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE user_id = 'quinn'");
        quinn = Api.token("quinn", PASSWORD);
        as(quinn)
                .body(SpecificationTest.body(1, "2026-01-01", SpecificationTest.TESTS, PASSWORD))
                .put("/api/v1/items/RM-RESIN/specification")
                .then()
                .statusCode(200);
        Database.execute(ds, "UPDATE item SET retest_interval_days = 180 WHERE code IN ('RM-RESIN', 'RM-SOLVENT')");
    }

    @AfterEach
    void noRetestIntervalNorFailedSignatureForOtherTests() {
        Database.execute(ds, "UPDATE item SET retest_interval_days = NULL");
        Database.execute(ds, "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE user_id = 'quinn'");
    }

    private ValidatableResponse status(String status) {
        return as(quinn)
                .body("{\"status\": \"" + status + "\", \"reason\": \"Retest programme\", "
                        + "\"signature\": {\"password\": \"" + PASSWORD + "\"}}")
                .post(R_2401 + "/status")
                .then();
    }

    private ValidatableResponse retest(String body) {
        return as(quinn).body(body).post(R_2401 + "/retest").then();
    }

    private static String retestBody(String results, String date) {
        return "{\"results\": " + results + ", \"retestDate\": \"" + date + "\", " + "\"signature\": {\"password\": \""
                + PASSWORD + "\"}}";
    }

    @Test
    void aReleaseGivesTheRetestDateAndOnlyASignedConformingRetestMovesItOn() {
        as(quinn)
                .body("{\"source\": \"LAB\", \"results\": " + CONFORMING + "}")
                .post(R_2401 + "/results")
                .then()
                .statusCode(200);
        status("ON_HOLD").statusCode(200);
        LocalDate expiry =
                LocalDate.parse(as(quinn).get(R_2401).then().extract().path("expiry"));
        LocalDate given = TODAY.plusDays(180).isBefore(expiry) ? TODAY.plusDays(180) : expiry;
        status("RELEASED").statusCode(200).body("payload.retestDate", equalTo(given.toString()));
        as(quinn)
                .get(R_2401)
                .then()
                .body("retestDate", equalTo(given.toString()))
                .body("dueForRetest", equalTo(false));
        as(quinn).get(R_2401 + "/quality").then().body("retestDate", equalTo(given.toString()));

        long before = Database.count(ds, "SELECT count(*) FROM ledger_event");
        // refused, nothing stored: no signature, a date not after today, past the interval, results out of limits
        retest("{\"results\": " + CONFORMING + ", \"retestDate\": \"2027-01-15\"}")
                .statusCode(400)
                .body("code", equalTo("SIGNATURE_REQUIRED"));
        retest(retestBody(CONFORMING, TODAY.toString())).statusCode(400).body("field", equalTo("retestDate"));
        retest(retestBody(CONFORMING, expiry.plusDays(1).toString()))
                .statusCode(400)
                .body("field", equalTo("retestDate"))
                .body("detail", containsString("after the lot's expiry"));
        Database.execute(ds, "UPDATE item SET retest_interval_days = 60 WHERE code = 'RM-RESIN'");
        retest(retestBody(CONFORMING, TODAY.plusDays(61).toString()))
                .statusCode(400)
                .body("field", equalTo("retestDate"))
                .body("detail", containsString("retest interval of RM-RESIN (60 days"));
        retest(retestBody("[{\"test\": \"ASSAY\", \"value\": \"98.1\"}]", "2027-01-15"))
                .statusCode(422)
                .body("code", equalTo("SPECIFICATION_NOT_MET"));
        retest("{\"results\": " + CONFORMING + ", \"basedOn\": 1, \"retestDate\": \"2027-01-15\", "
                        + "\"signature\": {\"password\": \"" + PASSWORD + "\"}}")
                .statusCode(400)
                .body("field", equalTo("basedOn"));
        retest(retestBody(CONFORMING, "2027-01-15").replace(PASSWORD, "wrong")).statusCode(401);
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event")).isEqualTo(before);

        // new results, conforming and signed: the date moves on
        long retested = retest(retestBody("[{\"test\": \"ASSAY\", \"value\": \"99.8\"}]", "2027-01-15"))
                .statusCode(200)
                .body("type", equalTo("INSPECT"))
                .body("payload.retest.until", equalTo("2027-01-15"))
                .body("payload.retest.signature.meaning", equalTo("Retested and conforming"))
                .extract()
                .jsonPath()
                .getLong("ledgerSeq");
        // that retest's own results cannot be signed again to move the date further
        retest(basedOn(retested, "2027-01-20")).statusCode(400).body("field", equalTo("basedOn"));
        as(quinn).get(R_2401).then().body("retestDate", equalTo("2027-01-15"));

        // results recorded before that retest cannot be signed again; results recorded after it can
        long earlier = Database.count(ds, "SELECT min(ledger_seq) FROM ledger_event WHERE type = 'INSPECT'");
        retest(basedOn(earlier, "2027-01-20")).statusCode(400).body("field", equalTo("basedOn"));
        long later = as(quinn)
                .body("{\"source\": \"LAB\", \"results\": [{\"test\": \"VISC\", \"value\": \"410\"}], "
                        + "\"reason\": \"Viscosity retested\"}")
                .post(R_2401 + "/results")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("ledgerSeq");
        retest(basedOn(later, "2027-01-20"))
                .statusCode(200)
                .body("payload.retest.basedOn", equalTo((int) later))
                .body("payload.results", nullValue());
        as(quinn).get(R_2401).then().body("retestDate", equalTo("2027-01-20"));
        as(quinn).get(R_2401 + "/timeline").then().body("events.type.findAll { it == 'INSPECT' }.size()", equalTo(4));
    }

    private static String basedOn(long seq, String date) {
        return "{\"basedOn\": " + seq + ", \"retestDate\": \"" + date + "\", \"signature\": {\"password\": \""
                + PASSWORD + "\"}}";
    }

    @Test
    void aLotPastItsRetestDateIsFlaggedWhenADeviceShipsItAndTheDashboardListsIt() {
        // a solvent drum whose supplier label says "test by 2026-11-19": received released (no QC), already due
        String[] gun = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "gun-retest");
        JsonNode received = Riverside.push(gun, List.of(Riverside.event(1, "ana", "RECEIVE", """
                        {"supplier": "SOLVCO", "reference": "PO-RT-1", "item": "RM-SOLVENT", "lot": "S-9100",
                         "quantity": {"value": "200", "uom": "LTR"}, "expiry": "2027-06-30",
                         "retestDate": "2026-11-19", "location": "WH-B-01"}""")));
        assertThat(received.path("results").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        as(quinn)
                .get("/api/v1/lots/RM-SOLVENT/S-9100")
                .then()
                .body("status", equalTo("RELEASED"))
                .body("retestDate", equalTo("2026-11-19"))
                .body("dueForRetest", equalTo(true));

        JsonNode shipped = Riverside.push(gun, List.of(Riverside.event(2, "ana", "SHIP", """
                        {"shipment": "SHP-RT-1", "customer": "BUILDMART", "item": "RM-SOLVENT", "lot": "S-9100",
                         "quantity": {"value": "20", "uom": "LTR"}, "from": "WH-B-01"}""")));
        assertThat(shipped.path("results").get(0).path("flags").toString()).contains("LOT_NOT_AVAILABLE");
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM exception WHERE flag = 'LOT_NOT_AVAILABLE' AND lot = 'S-9100' "
                                + "AND detail LIKE '%due for retest on 2026-11-19%'"))
                .isOne();

        ConsoleClient sam = ConsoleClient.signIn("sam", "sam-Passw0rd!");
        String dashboard = sam.request().get("/console/dashboard").asString();
        assertThat(dashboard).contains("Due for retest", "S-9100", "2026-11-19", "due — not to be used");
        assertThat(sam.request().get("/console/lot?item=RM-SOLVENT&lot=S-9100").asString())
                .contains("Retest by", "due for retest — not to be used until QA retests it");
    }

    @Test
    void qaSignsARetestInTheConsoleWithTheResultsKeyedInTheGrid() {
        as(quinn)
                .body("{\"source\": \"LAB\", \"results\": " + CONFORMING + "}")
                .post(R_2401 + "/results")
                .then()
                .statusCode(200);
        status("ON_HOLD").statusCode(200);
        status("RELEASED").statusCode(200);
        ConsoleClient console = ConsoleClient.signIn("quinn", PASSWORD);
        assertThat(console.request()
                        .get("/console/lot?item=RM-RESIN&lot=R-2401")
                        .asString())
                .contains("Retest (optional)", "Retest by");
        // results out of their limits are no retest, and nothing is recorded
        long before = Database.count(ds, "SELECT count(*) FROM ledger_event");
        var refused = grid(console, "98.1", "2027-01-10");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("Not retested, no result recorded");
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event")).isEqualTo(before);
        // a new assay with the date and the password: a retest, no correction asked for
        var signed = grid(console, "99.9", "2027-01-10");
        assertThat(signed.statusCode()).isEqualTo(303);
        assertThat(console.request().get(signed.header("Location")).asString()).contains("Retest signed", "2027-01-10");
        as(quinn).get(R_2401).then().body("retestDate", equalTo("2027-01-10"));
        as(quinn)
                .get(R_2401 + "/quality")
                .then()
                .body("results.findAll { it.test == 'ASSAY' }.reason", contains(null, null));
    }

    /** The lot page's quality grid sent with only an assay, a new retest date and quinn's password. */
    private static io.restassured.response.Response grid(ConsoleClient console, String assay, String date) {
        return console.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", console.csrf())
                .formParam("item", "RM-RESIN")
                .formParam("lot", "R-2401")
                .formParam("source", "LAB")
                .formParam("test", "ASSAY", "VISC", "ID", "APP")
                .formParam("value", assay, "", "", "")
                .formParam("retestDate", date)
                .formParam("password", PASSWORD)
                .post("/console/lot/results");
    }

    @Test
    void theRetestIntervalIsMasterDataWithinItsBounds() {
        String csv = "code,name,gtin,baseUom,qcRequired,coaRequired,shelfLifeDays,lotNumbering,suppliers,"
                + "retestIntervalDays\nRM-SOLVENT,Xylene,10614141000033,LTR,false,false,540,MANUAL,SOLVCO,%s\n";
        given().header("Authorization", "Bearer " + Api.adminToken())
                .contentType("text/csv")
                .body(csv.formatted("0"))
                .put("/api/v1/masterdata/csv/items")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("retestIntervalDays"));
        given().header("Authorization", "Bearer " + Api.adminToken())
                .contentType("text/csv")
                .body(csv.formatted("365"))
                .put("/api/v1/masterdata/csv/items")
                .then()
                .statusCode(200);
        assertThat(Database.count(ds, "SELECT retest_interval_days FROM item WHERE code = 'RM-SOLVENT'"))
                .isEqualTo(365);
    }
}
