package org.lotkeeper.server.trace;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Hostile and wrong input to the trace, lot and recall endpoints answers a 4xx problem+json and
 * changes nothing; roles and sites are enforced; the status endpoint beside the lot resource
 * still works.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TraceAccessAndBadInputTest {

    private static final String OTHER_SITE = """
            {"sites": [{"code": "PLANT-2", "name": "Hillside Plant", "gln": null}],
             "users": [{"userId": "pat", "name": "Pat Elsewhere", "roles": ["QA"], "sites": ["PLANT-2"], "password": "pat-Passw0rd!"},
                       {"userId": "olly", "name": "Olly Operator", "roles": ["OPERATOR"], "sites": ["PLANT-1"], "password": "olly-Passw0rd!"}]}""";

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        new Riverside().play();
        as(Api.adminToken()).body(OTHER_SITE).put("/api/v1/masterdata").then().statusCode(200);
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    @Test
    void unknownLotsAnswer404ProblemJsonOnEveryLotEndpoint() {
        for (String path : new String[] {
            "/api/v1/lots/RM-RESIN/NOPE-1",
            "/api/v1/lots/RM-RESIN/NOPE-1/timeline",
            "/api/v1/lots/RM-RESIN/NOPE-1/balance",
            "/api/v1/trace/RM-RESIN/NOPE-1",
            "/api/v1/trace/NO-ITEM/R-2401"
        }) {
            problem(as(quinn).get(path), 404, "NOT_FOUND");
        }
        problem(as(quinn).get("/api/v1/recalls/00000000-0000-0000-0000-000000000000"), 404, "NOT_FOUND");
        problem(as(quinn).get("/api/v1/recalls/not-a-uuid/report.csv"), 404, "NOT_FOUND");
    }

    @Test
    void scriptsAndDotsInPathParametersAreAnsweredWithProblemJsonNeverEchoedAsHtml() {
        Response script = as(quinn).get("/api/v1/lots/RM-RESIN/<script>alert(1)</script>");
        assertThat(script.statusCode()).isIn(400, 404);
        assertThat(script.contentType()).startsWith("application/problem+json");
        Response scriptItem = as(quinn).get("/api/v1/trace/<script>/R-2401");
        assertThat(scriptItem.statusCode()).isIn(400, 404);
        assertThat(scriptItem.contentType()).startsWith("application/problem+json");
        Response dots =
                as(quinn).urlEncodingEnabled(false).get("/api/v1/lots/RM-RESIN/..%2F..%2Fetc%2Fpasswd/timeline");
        assertThat(dots.statusCode()).isIn(400, 404);
        assertThat(dots.contentType()).startsWith("application/problem+json");
        Response tooLong = as(quinn).get("/api/v1/trace/RM-RESIN/" + "L".repeat(300));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownDirectionAnswers400NamingTheField() {
        problem(as(quinn).get("/api/v1/trace/RM-RESIN/R-2401?direction=sideways"), 400, "UNKNOWN_ENUM")
                .then()
                .body("field", equalTo("direction"));
        as(quinn).get("/api/v1/trace/RM-RESIN/R-2401?direction=BACKWARD").then().statusCode(200);
    }

    @Test
    void aRecallNamingNothingOrUnknownLotsAnswers400AndStoresNothing() {
        problem(as(quinn).body("{}").post("/api/v1/recalls"), 400, "MISSING_FIELD");
        problem(as(quinn).body("{\"lots\": [], \"supplierLots\": []}").post("/api/v1/recalls"), 400, "MISSING_FIELD");
        problem(
                        as(quinn)
                                .body("{\"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-9999\"}]}")
                                .post("/api/v1/recalls"),
                        400,
                        "UNKNOWN_LOT")
                .then()
                .body("field", equalTo("lots[0]"));
        problem(
                        as(quinn)
                                .body(
                                        "{\"supplierLots\": [{\"supplier\": \"ACME-RESINS\", \"supplierLot\": \"ACR-000\"}]}")
                                .post("/api/v1/recalls"),
                        400,
                        "UNKNOWN_SUPPLIER_LOT")
                .then()
                .body("field", equalTo("supplierLots[0]"));
        problem(as(quinn).body("{\"lots\": [{\"item\": \"RM-RESIN\"}]}").post("/api/v1/recalls"), 400, "MISSING_FIELD")
                .then()
                .body("field", equalTo("lots[0].lot"));
        problem(as(quinn).body("{\"lots\": \"R-2401\"}").post("/api/v1/recalls"), 400, "INVALID_FIELD");
        problem(as(quinn).body("{oops").post("/api/v1/recalls"), 400, "MALFORMED_JSON");
        problem(as(quinn).body("{\"lots\": [}").post("/api/v1/recalls"), 400, "INVALID_FIELD");
        assertThat(Database.count(ds, "SELECT count(*) FROM recall")).isZero();
    }

    @Test
    void aRealRecallWithoutSignatureIs400AndWithAWrongPasswordIs401AndChangesNothing() {
        String lots = "\"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}], \"reason\": \"contamination\"";
        problem(as(quinn).body("{\"mock\": false, " + lots + "}").post("/api/v1/recalls"), 400, "SIGNATURE_REQUIRED");
        problem(
                as(quinn)
                        .body("{\"mock\": false, " + lots
                                + ", \"signature\": {\"password\": \"wrong\", \"meaning\": \"Recall\"}}")
                        .post("/api/v1/recalls"),
                401,
                "SIGNATURE_INVALID");
        problem(
                        as(quinn)
                                .body("{\"mock\": false, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}], "
                                        + "\"signature\": {\"password\": \"quinn-Passw0rd!\"}}")
                                .post("/api/v1/recalls"),
                        400,
                        "MISSING_FIELD")
                .then()
                .body("field", equalTo("reason"));
        assertThat(Database.count(ds, "SELECT count(*) FROM recall")).isZero();
        assertThat(Database.count(ds, "SELECT count(*) FROM lot WHERE status = 'RECALLED'"))
                .isZero();
    }

    @Test
    void anOperatorMayTraceButNotRecallAndNobodyUnsignedMayDoEither() {
        String olly = Api.token("olly", "olly-Passw0rd!");
        as(olly).get("/api/v1/trace/RM-RESIN/R-2401").then().statusCode(200);
        as(olly).get("/api/v1/lots/RM-RESIN/R-2401").then().statusCode(200);
        problem(
                as(olly).body("{\"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                        .post("/api/v1/recalls"),
                403,
                "ROLE_NOT_ALLOWED");
        problem(as(olly).get("/api/v1/recalls"), 403, "ROLE_NOT_ALLOWED");
        problem(as(olly).get("/api/v1/export/epcis?from=2026-11-16T00:00:00Z"), 403, "ROLE_NOT_ALLOWED");
        problem(given().get("/api/v1/trace/RM-RESIN/R-2401"), 401, "UNAUTHENTICATED");
        problem(given().get("/api/v1/lots/RM-RESIN/R-2401/timeline"), 401, "UNAUTHENTICATED");
        problem(given().contentType("application/json").body("{}").post("/api/v1/recalls"), 401, "UNAUTHENTICATED");
    }

    @Test
    void aUserOfAnotherSiteSeesNeitherTheLotsNorTheRecallsOfThisOne() {
        String id = as(quinn)
                .body("{\"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");
        String pat = Api.token("pat", "pat-Passw0rd!");
        problem(as(pat).get("/api/v1/lots/RM-RESIN/R-2401"), 403, "SITE_NOT_ALLOWED");
        problem(as(pat).get("/api/v1/trace/RM-RESIN/R-2401"), 403, "SITE_NOT_ALLOWED");
        problem(
                as(pat).body("{\"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                        .post("/api/v1/recalls"),
                403,
                "SITE_NOT_ALLOWED");
        as(pat).get("/api/v1/recalls").then().statusCode(200).body("size()", equalTo(0));
        problem(as(pat).get("/api/v1/recalls/" + id), 404, "NOT_FOUND");
        problem(as(pat).get("/api/v1/recalls/" + id + "/report.pdf"), 404, "NOT_FOUND");
        problem(as(pat).get("/api/v1/export/epcis?from=2026-11-16T00:00:00Z&site=PLANT-1"), 403, "SITE_NOT_ALLOWED");
        as(pat).get("/api/v1/export/epcis?from=2026-11-16T00:00:00Z")
                .then()
                .statusCode(200)
                .body("epcisBody.eventList.size()", equalTo(0));
        as(Api.adminToken()).get("/api/v1/recalls").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void badExportRangesAnswer400() {
        problem(as(quinn).get("/api/v1/export/epcis"), 400, "MISSING_FIELD");
        problem(as(quinn).get("/api/v1/export/epcis?from=yesterday"), 400, "INVALID_FIELD");
        problem(
                as(quinn).get("/api/v1/export/epcis?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z"),
                400,
                "INVALID_FIELD");
    }

    @Test
    void theStatusEndpointBesideTheLotResourceStillChangesStatus() {
        String sam = Api.token("sam", "sam-Passw0rd!");
        as(sam).body("{\"status\": \"ON_HOLD\", \"reason\": \"drum dented\"}")
                .post("/api/v1/lots/FG-PRIMER/PR-1001/status")
                .then()
                .statusCode(200)
                .body("payload.status", equalTo("ON_HOLD"));
        as(quinn).get("/api/v1/lots/FG-PRIMER/PR-1001").then().statusCode(200).body("status", equalTo("ON_HOLD"));
        as(quinn)
                .get("/api/v1/lots/FG-PRIMER/PR-1001/timeline")
                .then()
                .statusCode(200)
                .body("events[-1].type", equalTo("STATUS"))
                .body("events[-1].why", equalTo("now on hold: drum dented"))
                .body("events[-1].userName", equalTo("Sam Supervisor"));
    }

    private static Response problem(Response r, int status, String code) {
        r.then().statusCode(status).body("code", equalTo(code));
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.asString()).doesNotContain("<script>").doesNotContain("Exception");
        return r;
    }
}
