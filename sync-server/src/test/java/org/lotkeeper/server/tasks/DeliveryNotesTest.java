package org.lotkeeper.server.tasks;

import java.io.IOException;
import java.util.List;

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
import static org.hamcrest.Matchers.hasItems;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Delivery notes (SHIP tasks) and return authorisations (RETURN tasks) over HTTP on the real
 * PostgreSQL: what the ledger holds against them, what goes down to devices, and how they end.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DeliveryNotesTest {

    @Inject
    DataSource ds;

    String sam;
    String[] device;

    @BeforeEach
    void clean() {
        Database.resetLedger(ds);
        Database.execute(ds, "TRUNCATE task_line, task");
        Api.loadRiversideMasterData();
        sam = Api.token("sam", "sam-Passw0rd!");
        device = Riverside.enroll(sam, "gun-notes");
    }

    private static String ship(String note, String lot, int quantity, String from) {
        return """
                {"shipment": "%s", "customer": "BUILDMART", "item": "FG-PRIMER", "lot": "%s",
                 "quantity": {"value": "%d", "uom": "H87"}, "from": "%s"}""".formatted(note, lot, quantity, from);
    }

    @Test
    void aDeliveryNoteShowsWhatIsShippedAndWhatIsMissingAndLeavesTheDevicesWhenComplete() throws IOException {
        as(sam).body("""
                        {"id": "DN-1", "site": "PLANT-1", "kind": "SHIP", "partner": "BUILDMART", "shipTo": "Dock 4, Harbour Road",
                         "lines": [{"item": "FG-PRIMER", "quantity": 20}, {"item": "FG-PRIMER", "lot": "PR-9", "quantity": 5}]}""").post("/api/v1/tasks").then().statusCode(200).body("progress", equalTo("NONE"));
        assertThat(task(pull(), "DN-1").get("shipTo").asText()).isEqualTo("Dock 4, Harbour Road");

        // 5 of the named lot fill its line; 8 of another lot fill the open line in part
        Riverside.push(
                device,
                List.of(
                        Riverside.event(1, "ben", "SHIP", ship("DN-1", "PR-9", 5, "STAGE-OUT-1")),
                        Riverside.event(2, "ben", "SHIP", ship("DN-1", "PR-1", 8, "STAGE-OUT-1"))));
        as(sam).get("/api/v1/tasks/DN-1")
                .then()
                .statusCode(200)
                .body("progress", equalTo("PARTIAL"))
                .body("lines[0].done.value", equalTo("8"))
                .body("lines[1].done.value", equalTo("5"));
        JsonNode pulled = task(pull(), "DN-1");
        assertThat(pulled.at("/lines/0/done/value").asText()).isEqualTo("8");

        // a shipment to another customer on the same number counts for nothing
        Riverside.push(
                device,
                List.of(Riverside.event(
                        3,
                        "ben",
                        "SHIP",
                        ship("DN-1", "PR-1", 12, "STAGE-OUT-1").replace("BUILDMART", "HARBOR-PAINTS"))));
        as(sam).get("/api/v1/tasks/DN-1").then().body("lines[0].done.value", equalTo("8"));

        Riverside.push(device, List.of(Riverside.event(4, "ben", "SHIP", ship("DN-1", "PR-1", 12, "STAGE-OUT-1"))));
        as(sam).get("/api/v1/tasks/DN-1")
                .then()
                .body("progress", equalTo("COMPLETE"))
                .body("status", equalTo("OPEN"));
        assertThat(pull().get("tasks").findValuesAsText("id")).doesNotContain("DN-1");
        as(sam).post("/api/v1/tasks/DN-1/close").then().statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void aDeliveryNoteMadeFromAnOrderOffersWhatWasPickedForItWhereItIsStaged() throws IOException {
        as(sam).body("""
                        {"id": "SO-5", "site": "PLANT-1", "kind": "PICK", "partner": "BUILDMART",
                         "lines": [{"item": "FG-PRIMER", "quantity": 10}]}""").post("/api/v1/tasks").then().statusCode(200);
        Riverside.push(device, List.of(Riverside.event(1, "ben", "PICK", """
                {"order": "SO-5", "item": "FG-PRIMER", "lot": "PR-1", "quantity": {"value": "10", "uom": "H87"},
                 "from": "WH-A-01", "to": "STAGE-OUT-1", "customer": "BUILDMART"}""")));

        as(sam).body("{\"shipTo\": \"Dock 4\"}")
                .post("/api/v1/tasks/SO-5/delivery-note")
                .then()
                .statusCode(200)
                .body("id", equalTo("DN-SO-5"))
                .body("kind", equalTo("SHIP"))
                .body("sourceOrder", equalTo("SO-5"))
                .body("partner", equalTo("BUILDMART"))
                .body("lines[0].quantity.value", equalTo("10"));
        JsonNode note = task(pull(), "DN-SO-5");
        assertThat(note.at("/picked/0/lot").asText()).isEqualTo("PR-1");
        assertThat(note.at("/picked/0/location").asText()).isEqualTo("STAGE-OUT-1");
        assertThat(note.at("/picked/0/quantity/value").asText()).isEqualTo("10");

        Riverside.push(device, List.of(Riverside.event(2, "ben", "SHIP", ship("DN-SO-5", "PR-1", 4, "STAGE-OUT-1"))));
        assertThat(task(pull(), "DN-SO-5").at("/picked/0/quantity/value").asText())
                .as("what is still staged")
                .isEqualTo("6");

        as(sam).post("/api/v1/tasks/CNT-NONE/delivery-note").then().statusCode(404);
        as(sam).post("/api/v1/tasks/DN-SO-5/delivery-note")
                .then()
                .statusCode(400)
                .body("field", equalTo("id"));
    }

    @Test
    void aReturnAuthorisationNamesLotAndReasonAndAReturnPutsTheLotInQuarantine() throws IOException {
        as(sam).body("""
                        {"id": "RMA-9", "site": "PLANT-1", "kind": "RETURN", "partner": "BUILDMART",
                         "lines": [{"item": "FG-TOPCOAT", "quantity": 2}]}""")
                .post("/api/v1/tasks")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("lines[0].lot", "lines[0].reason"));
        as(sam).body("""
                        {"id": "RMA-9", "site": "PLANT-1", "kind": "RETURN", "partner": "BUILDMART",
                         "lines": [{"item": "FG-TOPCOAT", "lot": "TC-1", "quantity": 2, "reason": "Damaged pail"}]}""").post("/api/v1/tasks").then().statusCode(200);
        assertThat(task(pull(), "RMA-9").at("/lines/0/reason").asText()).isEqualTo("Damaged pail");

        // the lot is released before it comes back
        Riverside.push(device, List.of(Riverside.event(1, "ana", "RECEIVE", """
                        {"supplier": "ACME-RESINS", "reference": "PO-1", "item": "FG-TOPCOAT", "lot": "TC-1",
                         "quantity": {"value": "40", "uom": "H87"}, "location": "RCV-DOCK-1"}""")));
        as(Api.token("quinn", "quinn-Passw0rd!"))
                .body("""
                        {"status": "RELEASED", "reason": "tests pass", "signature": {"password": "quinn-Passw0rd!", "meaning": "approved"}}""")
                .post("/api/v1/lots/FG-TOPCOAT/TC-1/status")
                .then()
                .statusCode(200);
        Riverside.push(device, List.of(Riverside.event(2, "ana", "RETURN", """
                        {"customer": "BUILDMART", "reference": "RMA-9", "item": "FG-TOPCOAT", "lot": "TC-1",
                         "quantity": {"value": "2", "uom": "H87"}, "to": "RETURNS-1", "reason": "Damaged pail"}""")));

        as(sam).get("/api/v1/tasks/RMA-9")
                .then()
                .body("progress", equalTo("COMPLETE"))
                .body("lines[0].done.value", equalTo("2"));
        as(sam).get("/api/v1/lots/FG-TOPCOAT/TC-1").then().statusCode(200).body("status", equalTo("QUARANTINE"));
        assertThat(pull().get("tasks").findValuesAsText("id")).doesNotContain("RMA-9");
    }

    @Test
    void openOrdersComeAsCsvWholeOrNotAtAllAndATaskCanBeCancelled() throws IOException {
        as(sam).contentType("text/csv")
                .body("""
                        id,kind,site,partner,shipTo,item,lot,quantity
                        DN-7,SHIP,PLANT-1,BUILDMART,Dock 2,FG-PRIMER,,20
                        DN-7,SHIP,PLANT-1,BUILDMART,Dock 2,FG-TOPCOAT,TC-1,5
                        DN-8,SHIP,PLANT-1,CITY-MAINT,,FG-PRIMER,,nope
                        """)
                .post("/api/v1/tasks/csv")
                .then()
                .statusCode(400)
                .body("errors[0].line", equalTo(4))
                .body("errors[0].field", equalTo("quantity"));
        as(sam).get("/api/v1/tasks?kind=SHIP").then().body("size()", equalTo(0));

        as(sam).contentType("text/csv")
                .body("""
                        id,kind,site,partner,shipTo,item,lot,quantity
                        DN-7,SHIP,PLANT-1,BUILDMART,Dock 2,FG-PRIMER,,20
                        DN-7,SHIP,PLANT-1,BUILDMART,Dock 2,FG-TOPCOAT,TC-1,5
                        DN-8,SHIP,PLANT-1,CITY-MAINT,,FG-PRIMER,,3
                        """)
                .post("/api/v1/tasks/csv")
                .then()
                .statusCode(200)
                .body("id", hasItems("DN-7", "DN-8"))
                .body("find { it.id == 'DN-7' }.lines.size()", equalTo(2));
        as(sam).post("/api/v1/tasks/DN-8/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(sam).post("/api/v1/tasks/DN-8/close").then().statusCode(409).body("code", equalTo("ALREADY_CLOSED"));
        assertThat(pull().get("tasks").findValuesAsText("id")).containsExactly("DN-7");
        as(sam).get("/api/v1/tasks?kind=SHIP&status=CANCELLED")
                .then()
                .body("id", hasItems("DN-8"))
                .body("size()", equalTo(1));
        as(sam).get("/api/v1/tasks?kind=NOPE").then().statusCode(400).body("field", equalTo("kind"));
    }

    private JsonNode pull() throws IOException {
        return Riverside.JSON.readTree(as(device[1])
                .get("/api/v1/sync/pull")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static JsonNode task(JsonNode pull, String id) {
        for (JsonNode t : pull.get("tasks")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no task " + id + " in " + pull.get("tasks"));
    }
}
