package org.lotkeeper.server.console;

import java.nio.charset.StandardCharsets;

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

import static org.assertj.core.api.Assertions.assertThat;

/** The Quality page takes a laboratory system's results as CSV: every lot of the file, or none, problems by line. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class QualityConsoleTest {

    @Inject
    DataSource ds;

    @BeforeEach
    void weekWithASpecification() {
        Database.resetLedger(ds);
        new Riverside().playWithoutQuality();
        Api.as(Api.token("quinn", "quinn-Passw0rd!"))
                .body("""
                        {"version": 1, "effectiveFrom": "2026-01-01", "tests": [
                          {"code": "ASSAY", "name": "Assay", "unit": "P1", "kind": "NUMERIC", "min": "99.0", "max": "101.0", "decimals": 1},
                          {"code": "ID", "name": "Identity", "kind": "PASS_FAIL"}],
                         "signature": {"password": "quinn-Passw0rd!"}}""")
                .put("/api/v1/items/RM-RESIN/specification")
                .then()
                .statusCode(200);
    }

    private static Response upload(ConsoleClient who, String csv) {
        return who.request()
                .multiPart("_csrf", who.csrf())
                .multiPart("file", "lab.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/quality/results");
    }

    @Test
    void qaUploadsLabResultsAndTheLotPageShowsThemJudged() {
        ConsoleClient quinn = ConsoleClient.signIn("quinn", "quinn-Passw0rd!");
        assertThat(quinn.request().get("/console/quality").asString()).contains("Lab results from a file");

        Response bad = upload(quinn, "item,lot,test,value\nRM-RESIN,R-2401,ASSAY,100.0\nRM-RESIN,R-2401,ID,maybe\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("No result of the file was recorded", "line 3", "PASS or FAIL");
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'INSPECT'"))
                .isZero();

        Response ok = upload(
                quinn, "item,lot,test,value,source\nRM-RESIN,R-2401,ASSAY,100.04,coa\nRM-RESIN,R-2401,ID,PASS,coa\n");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(quinn.request().get(ok.header("Location")).asString()).contains("lab results were recorded");
        assertThat(quinn.request().get("/console/lot?item=RM-RESIN&lot=R-2401").asString())
                .contains("Meets its specification", "100.0", "Supplier&#39;s COA");

        // a supervisor reads the page but records no results
        ConsoleClient sam = ConsoleClient.signIn("sam", "sam-Passw0rd!");
        assertThat(sam.request().get("/console/quality").asString()).doesNotContain("Lab results from a file");
        assertThat(upload(sam, "item,lot,test,value\nRM-RESIN,R-2401,ID,PASS\n").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRefusedGridKeepsWhatWasKeyedAndOffersPassOrFailAsAChoice() {
        ConsoleClient quinn = ConsoleClient.signIn("quinn", "quinn-Passw0rd!");
        String page =
                quinn.request().get("/console/lot?item=RM-RESIN&lot=R-2401").asString();
        assertThat(page).contains("<select name=\"value\" class=\"result\" aria-label=\"New result for Identity\">");

        Response refused = quinn.request()
                .formParam("_csrf", quinn.csrf())
                .formParam("item", "RM-RESIN")
                .formParam("lot", "R-2401")
                .formParam("source", "SUPPLIER_COA")
                .formParam("test", "ASSAY", "ID")
                .formParam("value", "100.2", "PASS")
                .formParam("reason", "as the certificate says")
                .formParam("retestDate", "2031-01-01")
                .post("/console/lot/results");

        // a retest date past the lot's expiry: refused, and the grid is as it was sent
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("Not retested, no result recorded")
                .contains("value=\"100.2\"")
                .contains("<option selected>PASS</option>")
                .contains("<option value=\"SUPPLIER_COA\" selected>")
                .contains("value=\"as the certificate says\"");
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'INSPECT'"))
                .isZero();
    }
}
