package org.lotkeeper.server.trace;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * A partner's several ship-from / ship-to locations (issue 21, part 1): in master data (JSON and
 * CSV, checked), chosen on a delivery note and an expected receipt, sent to the devices with the
 * task, and used by the FDA spreadsheet and the KDE check for the events done against those tasks.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PartnerLocationsTest {

    private static final String ROTTERDAM_GLN = "8712345000011";

    @Inject
    DataSource ds;

    private String admin;
    private String sam;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        Database.execute(ds, "TRUNCATE task_line, task, partner_location");
        new Riverside().play();
        admin = Api.adminToken();
        sam = Api.token("sam", "sam-Passw0rd!");
        as(admin)
                .body("""
                {"partnerLocations": [
                  {"partner": "HARBOR-PAINTS", "code": "ROTTERDAM", "name": "Harbor Paints Rotterdam DC",
                   "gln": "%s", "phone": "+31 10 123 4567", "street": "Waalhaven 12", "city": "Rotterdam",
                   "postalCode": "3089 JH", "country": "nl"},
                  {"partner": "ACME-RESINS", "code": "PLANT-B", "phone": "+1 555 010 2000", "street": "2 Mill Lane",
                   "city": "Akron", "region": "OH", "postalCode": "44301", "country": "US"}]}""".formatted(ROTTERDAM_GLN))
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
    }

    @Test
    void badLocationsAreRefusedWithEveryProblemNamedAndTheCsvTakesThem() {
        JsonNode problem = json(as(admin)
                .body("""
                {"partnerLocations": [
                  {"partner": "NOBODY", "code": "X"},
                  {"partner": "ACME-RESINS", "code": "A", "country": "Narnia", "gln": "123"},
                  {"partner": "ACME-RESINS", "code": "A"},
                  {"partner": "ACME-RESINS", "code": "B", "gln": "0614141000005"}]}""")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        List<String> fields = problem.get("errors").findValuesAsText("field");
        assertThat(fields)
                .contains(
                        "partnerLocations[0].partner",
                        "partnerLocations[1].country",
                        "partnerLocations[1].gln",
                        "partnerLocations[2].code",
                        "partnerLocations[3].gln"); // PLANT-1's own GLN

        as(admin)
                .contentType("text/csv")
                .body("partner,code,name,city,country\nSOLVCO,DEPOT-2,SolvCo Depot 2,Leeds,GB\n")
                .put("/api/v1/masterdata/csv/partner-locations")
                .then()
                .statusCode(200);
        assertThat(Database.count(
                        ds, "SELECT count(*) FROM partner_location WHERE partner = 'SOLVCO' AND city = 'Leeds'"))
                .isEqualTo(1);
        JsonNode csvProblem = json(as(admin)
                .contentType("text/csv")
                .body("partner,code,country\nSOLVCO,DEPOT-3,XX\n")
                .put("/api/v1/masterdata/csv/partner-locations")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(csvProblem.at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(csvProblem.at("/errors/0/field").asText()).isEqualTo("country");
    }

    @Test
    void aTaskNamesOneOfItsPartnersLocationsTheDeviceGetsItAndTheSpreadsheetUsesIt() throws Exception {
        // a location of another partner, or of none, is refused naming the field
        JsonNode wrong = json(as(sam).body("""
                {"id": "DN-LOC-0", "site": "PLANT-1", "kind": "SHIP", "partner": "BUILDMART", "partnerLocation": "ROTTERDAM",
                 "lines": [{"item": "FG-TOPCOAT", "quantity": 1}]}""")
                .post("/api/v1/tasks")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(wrong.get("field").asText()).isEqualTo("partnerLocation");

        // an order's ship-to location goes onto the delivery note made from it; codes in any case
        as(sam).body("""
                {"id": "SO-LOC-1", "site": "PLANT-1", "kind": "PICK", "partner": "HARBOR-PAINTS", "partnerLocation": "rotterdam",
                 "lines": [{"item": "FG-TOPCOAT", "quantity": 1}]}""")
                .post("/api/v1/tasks")
                .then()
                .statusCode(200)
                .body("partnerLocation.code", org.hamcrest.Matchers.equalTo("ROTTERDAM"));
        as(sam).body("{}")
                .post("/api/v1/tasks/SO-LOC-1/delivery-note")
                .then()
                .statusCode(200)
                .body("partnerLocation.code", org.hamcrest.Matchers.equalTo("ROTTERDAM"));
        as(admin)
                .body(
                        "{\"partnerLocations\": [{\"partner\": \"HARBOR-PAINTS\", \"code\": \"GATE-3\", \"name\": \"Gate 3\"}]}")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        as(sam).body("{\"id\": \"DN-SO-LOC-2\", \"partnerLocation\": \"GATE-3\"}")
                .post("/api/v1/tasks/SO-LOC-1/delivery-note")
                .then()
                .statusCode(200)
                .body("partnerLocation.code", org.hamcrest.Matchers.equalTo("GATE-3"));

        JsonNode note = json(as(sam).body("""
                {"id": "DN-LOC-1", "site": "PLANT-1", "kind": "SHIP", "partner": "HARBOR-PAINTS", "partnerLocation": "ROTTERDAM",
                 "lines": [{"item": "FG-TOPCOAT", "quantity": 1}]}""")
                .post("/api/v1/tasks")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(note.at("/partnerLocation/name").asText()).isEqualTo("Harbor Paints Rotterdam DC");
        as(sam).body("""
                {"id": "PO-LOC-1", "site": "PLANT-1", "kind": "RECEIPT", "partner": "ACME-RESINS", "partnerLocation": "PLANT-B",
                 "lines": [{"item": "RM-RESIN", "quantity": 10, "uom": "KGM"}]}""")
                .post("/api/v1/tasks")
                .then()
                .statusCode(200)
                .body("partnerLocation.name", org.hamcrest.Matchers.equalTo("Acme Resins Ltd"));

        // the device gets each task with the location: its name, address and GLN
        String[] device = Riverside.enroll(sam, "gun-locations");
        JsonNode tasks = json(io.restassured.RestAssured.given()
                        .header("Authorization", "Bearer " + device[1])
                        .get("/api/v1/sync/pull")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("tasks");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.get("id").asText(), t));
        assertThat(byId.get("DN-LOC-1").at("/partnerLocation/address").asText())
                .isEqualTo("Waalhaven 12, Rotterdam, 3089 JH, NL");
        assertThat(byId.get("DN-LOC-1").at("/partnerLocation/gln").asText()).isEqualTo(ROTTERDAM_GLN);
        assertThat(byId.get("PO-LOC-1").at("/partnerLocation/code").asText()).isEqualTo("PLANT-B");

        // the device ships and receives against them; the FDA spreadsheet names those locations
        Riverside.push(
                device,
                List.of(
                        event(
                                1,
                                "SHIP",
                                p -> p.put("shipment", "DN-LOC-1")
                                        .put("customer", "HARBOR-PAINTS")
                                        .put("item", "FG-TOPCOAT")
                                        .put("lot", "TC-1002")
                                        .put("from", "STAGE-OUT-1")
                                        .set("quantity", quantity("1", "H87"))),
                        event(
                                2,
                                "RECEIVE",
                                p -> p.put("supplier", "ACME-RESINS")
                                        .put("reference", "PO-LOC-1")
                                        .put("item", "RM-RESIN")
                                        .put("lot", "R-LOC-1")
                                        .put("supplierLot", "ACR-LOC")
                                        .put("location", "RCV-DOCK-1")
                                        .set("quantity", quantity("10", "KGM")))));
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        Map<String, String> shipped = row(
                as(quinn)
                        .get("/api/v1/lots/FG-TOPCOAT/TC-1002/fsma204.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                "Shipping",
                "DN-LOC-1");
        assertThat(shipped.get("Immediate subsequent recipient: business name"))
                .isEqualTo("Harbor Paints Rotterdam DC");
        assertThat(shipped.get("Immediate subsequent recipient: city")).isEqualTo("Rotterdam");
        assertThat(shipped.get("Immediate subsequent recipient: country")).isEqualTo("NL");
        assertThat(shipped.get("Immediate subsequent recipient: GLN")).isEqualTo(ROTTERDAM_GLN);
        Map<String, String> received = row(
                as(quinn)
                        .get("/api/v1/lots/RM-RESIN/R-LOC-1/fsma204.xlsx")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                "Receiving",
                "PO-LOC-1");
        assertThat(received.get("Immediate previous source: business name")).isEqualTo("Acme Resins Ltd");
        assertThat(received.get("Immediate previous source: street address")).isEqualTo("2 Mill Lane");
        assertThat(received.get("Immediate previous source: state or region")).isEqualTo("OH");
        // the console shows the locations on the partners tab and the ship-to on the delivery note
        assertThat(org.lotkeeper.server.console.ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD)
                        .request()
                        .get("/console/masterdata?tab=partners")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(
                        "<strong>ROTTERDAM</strong>: Harbor Paints Rotterdam DC — Waalhaven 12, Rotterdam, 3089 JH, NL");
        assertThat(org.lotkeeper.server.console.ConsoleClient.signIn("sam", "sam-Passw0rd!")
                        .request()
                        .get("/console/tasks?kind=SHIP")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("to Harbor Paints Rotterdam DC — Waalhaven 12, Rotterdam, 3089 JH, NL");
        // the KDE check names a location without an address as the partner's location, not as the partner
        Riverside.push(
                device,
                List.of(event(
                        3,
                        "SHIP",
                        p -> p.put("shipment", "DN-SO-LOC-2")
                                .put("customer", "HARBOR-PAINTS")
                                .put("item", "FG-TOPCOAT")
                                .put("lot", "TC-1002")
                                .put("from", "STAGE-OUT-1")
                                .set("quantity", quantity("1", "H87")))));
        JsonNode kde = json(as(quinn)
                .get("/api/v1/kde/completeness?from=2026-11-16T00:00:00Z&to=2026-11-22T00:00:00Z")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(kde.findValuesAsText("code")).contains("HARBOR-PAINTS / GATE-3");
        assertThat(kde.findValuesAsText("name")).contains("Gate 3 (location GATE-3 of HARBOR-PAINTS)");
        // Harbor Paints' own shipment of the week, against no location, keeps its own address
        Map<String, String> week = row(
                as(quinn)
                        .get("/api/v1/lots/FG-TOPCOAT/TC-1002/fsma204.xlsx")
                        .then()
                        .extract()
                        .asByteArray(),
                "Shipping",
                "SHP-2");
        assertThat(week.get("Immediate subsequent recipient: business name")).isEqualTo("Harbor Paints");
    }

    private static JsonNode json(String text) {
        try {
            return Riverside.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode quantity(String value, String uom) {
        ObjectNode q = Riverside.JSON.createObjectNode();
        return q.put("value", value).put("uom", uom);
    }

    private static JsonNode event(int seq, String type, java.util.function.Consumer<ObjectNode> payload) {
        ObjectNode e = Riverside.JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString())
                .put("deviceSeq", seq)
                .put("type", type)
                .put("occurredAt", "2026-11-20T10:0" + seq + ":00Z")
                .put("userId", "ana")
                .put("site", "PLANT-1");
        payload.accept(e.putObject("payload"));
        return e;
    }

    /** The row of a sheet whose reference document number is {@code reference}: its text cells by header. */
    private static Map<String, String> row(byte[] xlsx, String sheetName, String reference) throws Exception {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet(sheetName);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            for (Row r : sheet) {
                if (r.getRowNum() == 0) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (Cell c : r) {
                    cells.put(
                            headers.get(c.getColumnIndex()),
                            new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c));
                }
                if (reference.equals(cells.get("Reference document number"))) {
                    return cells;
                }
            }
        }
        throw new AssertionError("no row of " + reference + " in " + sheetName);
    }
}
