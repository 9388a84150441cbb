package org.lotkeeper.server.quality;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.lotkeeper.server.testing.Api.as;

/**
 * A lot's quality life against its item's specification: results judged at once and kept in the
 * ledger as INSPECT events, an out-of-specification result that holds a released lot and raises an
 * exception, release refused until every required test conforms, a correction only with a reason.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LotQualityTest {

    private static final String R_2401 = "/api/v1/lots/RM-RESIN/R-2401";

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void weekWithASpecification() {
        Database.resetLedger(ds);
        new Riverside().playWithoutQuality();
        quinn = Api.token("quinn", "quinn-Passw0rd!");
        as(quinn)
                .body(SpecificationTest.body(1, "2026-01-01", SpecificationTest.TESTS, "quinn-Passw0rd!"))
                .put("/api/v1/items/RM-RESIN/specification")
                .then()
                .statusCode(200);
    }

    private ValidatableResponse results(String token, String lot, String body) {
        return as(token)
                .body(body)
                .post("/api/v1/lots/RM-RESIN/" + lot + "/results")
                .then();
    }

    private ValidatableResponse release(String lot) {
        return as(quinn)
                .body("{\"status\": \"RELEASED\", \"reason\": \"Meets its specification\", "
                        + "\"signature\": {\"password\": \"quinn-Passw0rd!\", \"meaning\": \"Released for use\"}}")
                .post("/api/v1/lots/RM-RESIN/" + lot + "/status")
                .then();
    }

    private long inspections() {
        return Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'INSPECT'");
    }

    @Test
    void anOutOfSpecificationResultHoldsTheLotUntilACorrectedResultConformsThenItIsReleased() {
        // the week released R-2401 on its COA; the supplier's assay, keyed now, is below the limit
        results(quinn, "R-2401", """
                        {"source": "SUPPLIER_COA", "results": [
                          {"test": "ASSAY", "value": "98.94"}, {"test": "VISC", "value": "420"},
                          {"test": "ID", "value": "pass"}, {"test": "APP", "value": "clear"}]}""")
                .statusCode(200)
                .body("type", equalTo("INSPECT"))
                .body("payload.specificationVersion", equalTo(1))
                .body("payload.results[0].value", equalTo("98.9"))
                .body("payload.results[0].judgement", equalTo("OUT_OF_SPECIFICATION"))
                .body("payload.results[2].value", equalTo("PASS"))
                .body("payload.results[3].value", equalTo("Clear"))
                .body("flags", contains("OUT_OF_SPECIFICATION"));
        as(quinn).get(R_2401).then().statusCode(200).body("status", equalTo("ON_HOLD"));
        assertThat(
                        Database.count(
                                ds,
                                "SELECT count(*) FROM exception WHERE flag = 'OUT_OF_SPECIFICATION' AND item = 'RM-RESIN' AND lot = 'R-2401'"))
                .isOne();
        as(quinn).get(R_2401 + "/timeline").then().statusCode(200).body("events.type", hasItem("INSPECT"));

        as(quinn)
                .get(R_2401 + "/quality")
                .then()
                .statusCode(200)
                .body("specificationVersion", equalTo(1))
                .body("conforms", equalTo(false))
                .body("outOfSpecification", contains("ASSAY"))
                .body("missing", empty())
                .body("potency", nullValue())
                .body("tests[0].limits", equalTo("99.0 – 101.0 %"));

        // the hold is lifted only by a release, and that is refused while the assay fails
        release("R-2401")
                .statusCode(422)
                .body("code", equalTo("SPECIFICATION_NOT_MET"))
                .body("detail", containsString("out of specification: ASSAY"));

        // a new assay replaces the old one only with a reason
        String retest = "{\"source\": \"LAB\", \"results\": [{\"test\": \"ASSAY\", \"value\": \"99.6\"}]%s}";
        results(quinn, "R-2401", retest.formatted("")).statusCode(400).body("field", equalTo("reason"));
        results(quinn, "R-2401", retest.formatted(", \"reason\": \"Retested in our lab: the COA value was a typo\""))
                .statusCode(200)
                .body("flags", empty());
        as(quinn)
                .get(R_2401 + "/quality")
                .then()
                .body("conforms", equalTo(true))
                .body("potency", equalTo("99.6"))
                .body("results.size()", equalTo(5));
        release("R-2401").statusCode(200);
        as(quinn).get(R_2401).then().body("status", equalTo("RELEASED"));
        assertThat(inspections()).isEqualTo(2);
    }

    @Test
    void qaReleasesALotThatFailsUnderASignedConcessionWhichTheLedgerKeeps() {
        results(quinn, "R-2401", "{\"source\": \"LAB\", \"results\": [{\"test\": \"ASSAY\", \"value\": \"98.7\"}]}")
                .statusCode(200);
        String release = """
                {"status": "RELEASED", "reason": "Customer accepted the deviation",
                 "signature": {"password": "quinn-Passw0rd!", "meaning": "Released under concession"},
                 "concession": {"reason": "DV-2026-014: assay 98.7 % against 99.0 %, accepted by BuildMart"}}""";
        // a concession goes with a release only
        as(quinn)
                .body(release.replace("\"RELEASED\"", "\"REJECTED\""))
                .post(R_2401 + "/status")
                .then()
                .statusCode(400)
                .body("field", equalTo("concession"));
        as(quinn)
                .body(release)
                .post(R_2401 + "/status")
                .then()
                .statusCode(200)
                .body("payload.status", equalTo("RELEASED"))
                .body("payload.concession", containsString("DV-2026-014"))
                .body("payload.signature.meaning", equalTo("Released under concession"));
        as(quinn).get(R_2401).then().body("status", equalTo("RELEASED"));
        // a lot that meets its specification needs none
        results(quinn, "R-2402", """
                        {"source": "LAB", "results": [
                          {"test": "ASSAY", "value": "100.2"}, {"test": "VISC", "value": "400"}, {"test": "ID", "value": "PASS"}]}""").statusCode(200);
        as(quinn)
                .body("{\"status\": \"ON_HOLD\", \"reason\": \"Check\"}")
                .post("/api/v1/lots/RM-RESIN/R-2402/status")
                .then()
                .statusCode(200);
        as(quinn)
                .body(release)
                .post("/api/v1/lots/RM-RESIN/R-2402/status")
                .then()
                .statusCode(400)
                .body("field", equalTo("concession"))
                .body("detail", containsString("meets its specification"));
    }

    @Test
    void aLotWithoutResultsIsNotReleasedNamingTheMissingTests() {
        as(quinn)
                .body("{\"status\": \"ON_HOLD\", \"reason\": \"Specification approved: test it\"}")
                .post("/api/v1/lots/RM-RESIN/R-2402/status")
                .then()
                .statusCode(200);
        release("R-2402")
                .statusCode(422)
                .body("code", equalTo("SPECIFICATION_NOT_MET"))
                .body("detail", containsString("no result yet: ASSAY, VISC, ID"));
        // an informative test (APP) is not needed for release
        results(quinn, "R-2402", """
                        {"source": "LAB", "results": [
                          {"test": "ASSAY", "value": "100.2"}, {"test": "VISC", "value": "499.4"}, {"test": "ID", "value": "PASS"}]}""").statusCode(200);
        as(quinn)
                .get("/api/v1/lots/RM-RESIN/R-2402/quality")
                .then()
                .body("conforms", equalTo(true))
                .body("tests[1].latestValue", equalTo("499"));
    }

    @Test
    void resultsThatCannotBeJudgedAreRefusedNamingTheFieldAndNothingIsStored() {
        results(quinn, "R-2401", "{\"source\": \"LAB\", \"results\": [{\"test\": \"VISCX\", \"value\": \"1\"}]}")
                .statusCode(400)
                .body("code", equalTo("NOT_IN_SPECIFICATION"))
                .body("field", equalTo("results[0].test"))
                .body("detail", containsString("ASSAY, VISC, ID, APP"));
        results(quinn, "R-2401", "{\"source\": \"LAB\", \"results\": [{\"test\": \"ASSAY\", \"value\": \"ninety\"}]}")
                .statusCode(400)
                .body("field", equalTo("results[0].value"));
        results(quinn, "R-2401", "{\"source\": \"LAB\", \"results\": [{\"test\": \"ID\", \"value\": \"maybe\"}]}")
                .statusCode(400)
                .body("field", equalTo("results[0].value"));
        results(
                        quinn,
                        "R-2401",
                        "{\"source\": \"LAB\", \"results\": [{\"test\": \"ID\", \"value\": \"PASS\"}, {\"test\": \"ID\", \"value\": \"PASS\"}]}")
                .statusCode(400)
                .body("field", equalTo("results[1].test"));
        results(quinn, "R-2401", "{\"source\": \"EMAIL\", \"results\": [{\"test\": \"ID\", \"value\": \"PASS\"}]}")
                .statusCode(400)
                .body("field", equalTo("source"));
        results(
                        quinn,
                        "R-2401",
                        "{\"source\": \"LAB\", \"document\": \"01936b2e-7000-7a10-9c8e-3b1f2a4d5e76\", \"results\": [{\"test\": \"ID\", \"value\": \"PASS\"}]}")
                .statusCode(400)
                .body("field", equalTo("document"));
        results(quinn, "R-2401", "{\"source\": \"LAB\", \"results\": []}")
                .statusCode(400)
                .body("field", equalTo("results"));
        // no specification for the solvent; a supervisor does not record results
        as(quinn)
                .body("{\"source\": \"LAB\", \"results\": [{\"test\": \"ID\", \"value\": \"PASS\"}]}")
                .post("/api/v1/lots/RM-SOLVENT/S-9001/results")
                .then()
                .statusCode(409)
                .body("code", equalTo("NO_SPECIFICATION"));
        results(
                        Api.token("sam", "sam-Passw0rd!"),
                        "R-2401",
                        "{\"source\": \"LAB\", \"results\": [{\"test\": \"ID\", \"value\": \"PASS\"}]}")
                .statusCode(403);
        assertThat(inspections()).isZero();
    }

    @Test
    void labResultsFromACsvFileAreRecordedOneEventPerLotAndAFileWithAProblemRecordsNothing() {
        // every table but the audit trail, which other requests of the test (sign-ins) may append to meanwhile
        String hold = Database.fingerprint(ds, "audit_log", "audit_head").toString();
        as(quinn)
                .contentType("text/csv")
                .body("item,lot,test,value\nRM-RESIN,R-2401,VISC,700\nRM-RESIN,R-2402,NOPE,1\n")
                .post("/api/v1/results/csv")
                .then()
                .statusCode(400)
                .body("code", equalTo("NOT_IN_SPECIFICATION"))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].field", equalTo("test"))
                .body("errors[0].detail", containsString("lot RM-RESIN/R-2402"));
        // the first lot's results, judged and held before the second lot failed, are gone with it
        assertThat(Database.fingerprint(ds, "audit_log", "audit_head").toString())
                .isEqualTo(hold);
        as(quinn)
                .contentType("text/csv")
                .body("item,lot,test,value,source\nRM-RESIN,R-2401,ASSAY,100.1,LAB\n"
                        + "RM-RESIN,R-2401,ID,pass,lab\nRM-RESIN,R-2402,ASSAY,98.0,coa\n")
                .post("/api/v1/results/csv")
                .then()
                .statusCode(200)
                .body("lots", equalTo(2))
                .body("results", equalTo(3));
        assertThat(inspections()).isEqualTo(2);
        as(quinn).get("/api/v1/lots/RM-RESIN/R-2402").then().body("status", equalTo("ON_HOLD"));
        as(quinn)
                .contentType("text/csv")
                .body("item,lot,test,result\nRM-RESIN,R-2401,ASSAY,100\n")
                .post("/api/v1/results/csv")
                .then()
                .statusCode(400)
                .body("errors[0].line", equalTo(1));
    }

    @Test
    void theInspectionIsAnInspectingEventInTheEpcisExport() {
        results(quinn, "R-2401", "{\"source\": \"LAB\", \"results\": [{\"test\": \"ASSAY\", \"value\": \"98\"}]}")
                .statusCode(200);
        String epcis = as(quinn)
                .accept("application/ld+json")
                .get("/api/v1/export/epcis?from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(epcis)
                .contains("\"bizStep\":\"inspecting\"", "\"disposition\":\"non_conformant\"", "OUT_OF_SPECIFICATION");
    }
}
