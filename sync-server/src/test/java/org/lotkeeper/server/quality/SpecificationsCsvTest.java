package org.lotkeeper.server.quality;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.console.ConsoleClient;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Specifications from a CSV file, through the API (signature in headers) and the console (a form
 * with the password): each item's rows make one version, approved with the file's one signature;
 * every version of the file or none, problems by line; the console lists and shows them.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SpecificationsCsvTest {

    private static final String PASSWORD = "quinn-Passw0rd!";
    static final String FILE = """
            item,version,effectiveFrom,code,name,method,unit,kind,min,max,decimals,accepted,required,assay
            RM-RESIN,1,2026-01-01,ASSAY,Assay,HPLC-12,P1,numeric,99.0,101.0,1,,,true
            RM-RESIN,1,2026-01-01,APP,Appearance,,,text,,,,Clear; Slightly hazy,false,
            FG-PRIMER,1,2026-02-01,VISC,Viscosity,ASTM D2196,C7,NUMERIC,80,120,0,,,
            FG-PRIMER,1,2026-02-01,COLOUR,Colour,Visual,,TEXT,,,,White,,
            """;

    @Inject
    DataSource ds;

    @BeforeEach
    void noSpecifications() {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        Database.execute(ds, "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE user_id = 'quinn'");
    }

    /** The wrong passwords tried here count toward quinn's lockout: other tests start without them. */
    @AfterEach
    void noFailedSignatureForOtherTests() {
        Database.execute(ds, "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE user_id = 'quinn'");
    }

    private static ValidatableResponse upload(String csv, String password) {
        var request = as(Api.token("quinn", PASSWORD)).contentType("text/csv").body(csv);
        if (password != null) {
            request = request.header("Lotkeeper-Signature-Password", password);
        }
        return request.post("/api/v1/specifications/csv").then();
    }

    private long versions() {
        return Database.count(ds, "SELECT count(*) FROM specification");
    }

    @Test
    void everyItemsVersionOfTheFileIsApprovedWithTheOneSignatureOrNone() {
        // a broken line refuses the whole file, naming the line
        upload(
                        FILE.replace(
                                "FG-PRIMER,1,2026-02-01,VISC,Viscosity,ASTM D2196,C7,NUMERIC,80,120",
                                "FG-PRIMER,1,2026-02-01,VISC,Viscosity,ASTM D2196,C7,NUMERIC,120,80"),
                        PASSWORD)
                .statusCode(400)
                .body("errors[0].line", equalTo(4))
                .body("errors[0].detail", containsString("specification FG-PRIMER version 1"));
        upload(FILE, null).statusCode(400).body("code", equalTo("SIGNATURE_REQUIRED"));
        upload(FILE, "not-quinns").statusCode(401);
        upload(FILE.replace(",2026-02-01,COLOUR", ",2026-03-01,COLOUR"), PASSWORD)
                .statusCode(400)
                .body("errors[0].line", equalTo(5))
                .body("errors[0].field", equalTo("effectiveFrom"));
        assertThat(versions()).isZero();

        upload(FILE, PASSWORD)
                .statusCode(200)
                .body("approved.size()", equalTo(2))
                .body("approved[0].item", equalTo("RM-RESIN"))
                .body("approved[1].item", equalTo("FG-PRIMER"));
        as(Api.token("quinn", PASSWORD))
                .get("/api/v1/items/RM-RESIN/specification")
                .then()
                .statusCode(200)
                .body("tests[0].assay", equalTo(true))
                .body("tests[1].accepted[1]", equalTo("Slightly hazy"))
                .body("tests[1].required", equalTo(false))
                .body("approvedName", equalTo("Quinn Quality"));
        // the same file again approves nothing new; a changed one must be the next version
        upload(FILE, PASSWORD).statusCode(200).body("approved.size()", equalTo(0));
        upload(FILE.replace("99.0,101.0", "98.5,101.0"), PASSWORD)
                .statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        assertThat(versions()).isEqualTo(2);
    }

    @Test
    void qaApprovesAFileInTheConsoleAndEveryoneOfQualityReadsTheSpecifications() {
        ConsoleClient quinn = ConsoleClient.signIn("quinn", PASSWORD);
        Response bad = form(quinn, FILE, "wrong password");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.asString()).contains("No specification of the file was approved");
        assertThat(versions()).isZero();

        Response ok = form(quinn, FILE, PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(303);
        String list = quinn.request().get(ok.header("Location")).asString();
        assertThat(list).contains("were approved with your signature", "RM-RESIN", "FG-PRIMER", "Quinn Quality");
        String one = quinn.request()
                .get("/console/quality/specifications?item=RM-RESIN")
                .asString();
        assertThat(one)
                .contains(
                        "version 1",
                        "(in force)",
                        "HPLC-12",
                        "99.0 – 101.0 %",
                        "Clear, Slightly hazy",
                        "for information");

        ConsoleClient sam = ConsoleClient.signIn("sam", "sam-Passw0rd!");
        String read = sam.request()
                .get("/console/quality/specifications?item=FG-PRIMER")
                .asString();
        assertThat(read).contains("ASTM D2196", "80 – 120 mPa·s").doesNotContain("Specifications from a file");
        assertThat(form(sam, FILE, "sam-Passw0rd!").statusCode()).isEqualTo(403);
        assertThat(sam.request()
                        .get("/console/quality/specifications?item=RM-PIGMENT")
                        .statusCode())
                .isEqualTo(404);
    }

    private static Response form(ConsoleClient who, String csv, String password) {
        return who.request()
                .multiPart("_csrf", who.csrf())
                .multiPart("file", "specs.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("password", password)
                .multiPart("meaning", "Approved")
                .post("/console/quality/specifications/csv");
    }
}
