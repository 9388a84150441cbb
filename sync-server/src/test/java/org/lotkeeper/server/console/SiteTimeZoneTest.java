package org.lotkeeper.server.console;

import javax.sql.DataSource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * A site's time zone (master data's {@code timeZone}): the lot page and the recall report show
 * that site's times in it, to the minute with the zone named; a name that is not a region of the
 * time-zone database is refused naming the field, and nothing of the upload is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SiteTimeZoneTest {

    private static final String PLANT_1 =
            "{\"sites\": [{\"code\": \"PLANT-1\", \"name\": \"Riverside Coatings, Plant 1\", \"gln\": \"0614141000005\"%s}]}";

    @Inject
    DataSource ds;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        new Riverside().play();
    }

    /** The other tests read Plant 1's times in the plant-wide zone (UTC). */
    @AfterEach
    void plantOneBackOnThePlantWideZone() {
        site("").then().statusCode(200);
    }

    private static io.restassured.response.Response site(String extra) {
        return as(Api.adminToken()).body(PLANT_1.formatted(extra)).put("/api/v1/masterdata");
    }

    @Test
    void aSitesLotPageAndRecallReportShowItsTimesInItsZone() throws Exception {
        site(", \"timeZone\": \"America/Chicago\"").then().statusCode(200);
        assertThat(Database.count(
                        ds, "SELECT count(*) FROM site WHERE code = 'PLANT-1' AND time_zone = 'America/Chicago'"))
                .isOne();

        ConsoleClient quinn = ConsoleClient.signIn("quinn", "quinn-Passw0rd!");
        // R-2401 was received 2026-11-16T08:05Z: 02:05 in Chicago (CST, UTC-6)
        String lot =
                quinn.request().get("/console/lot?item=RM-RESIN&lot=R-2401").asString();
        assertThat(lot).contains("2026-11-16 02:05 CST").doesNotContain(" UTC");
        assertThat(quinn.request().get("/console/masterdata?tab=sites").asString())
                .contains("America/Chicago")
                .contains(">Sites<");

        String token = Api.token("quinn", "quinn-Passw0rd!");
        String id = as(token)
                .body("{\"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");
        PdfReader reader = new PdfReader(
                as(token).get("/api/v1/recalls/" + id + "/report.pdf").asByteArray());
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(first).containsPattern("Created \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} CST by quinn");
        assertThat(quinn.request().get("/console/recalls/" + id).asString())
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} CST")
                .doesNotContain(" UTC");

        // back on the plant-wide zone, the same lot reads in UTC again
        site("").then().statusCode(200);
        assertThat(quinn.request().get("/console/lot?item=RM-RESIN&lot=R-2401").asString())
                .contains("2026-11-16 08:05 UTC");
        assertThat(quinn.request().get("/console/masterdata?tab=sites").asString())
                .contains("the plant-wide default");
    }

    @Test
    void aTimeZoneThatIsNotARegionIsRefusedNamingTheFieldAndNothingIsStored() {
        Database.execute(ds, "UPDATE site SET name = 'Before' WHERE code = 'PLANT-1'");
        for (String bad : new String[] {"Mars/Olympus", "+02:00", "GMT+2", "Europe/Berlin\\u0007", "X".repeat(300)}) {
            site(", \"timeZone\": \"" + bad + "\"")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("sites[0].timeZone"))
                    .body("errors[0].detail", containsString("Europe/Berlin"));
        }
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM site WHERE code = 'PLANT-1' AND name = 'Before' AND time_zone IS NULL"))
                .isOne();

        as(Api.adminToken())
                .contentType("text/csv")
                .body("code,name,gln,timeZone\nPLANT-1,Riverside Coatings,,Atlantis/Capital\n")
                .put("/api/v1/masterdata/csv/sites")
                .then()
                .statusCode(400)
                .body("errors[0].line", equalTo(2))
                .body("errors[0].field", equalTo("timeZone"));
        as(Api.adminToken())
                .contentType("text/csv")
                .body("code,name,gln,timeZone\nPLANT-1,Riverside Coatings,,europe/berlin\n")
                .put("/api/v1/masterdata/csv/sites")
                .then()
                .statusCode(200);
        assertThat(Database.count(
                        ds, "SELECT count(*) FROM site WHERE code = 'PLANT-1' AND time_zone = 'Europe/Berlin'"))
                .isOne();
    }
}
