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
import static org.hamcrest.Matchers.nullValue;
import static org.lotkeeper.server.testing.Api.as;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TasksTest {

    @Inject
    DataSource ds;

    String sam;

    @BeforeEach
    void clean() {
        Database.resetLedger(ds);
        Database.execute(ds, "TRUNCATE task_line, task");
        Api.loadRiversideMasterData();
        sam = Api.token("sam", "sam-Passw0rd!");
    }

    @Test
    void openTasksGoDownWithThePullUntilTheyAreClosed() throws IOException {
        as(sam).body("""
                {"id": "SO-1", "site": "PLANT-1", "kind": "PICK", "partner": "BUILDMART",
                 "lines": [{"item": "FG-PRIMER", "quantity": 10}]}""")
                .post("/api/v1/tasks")
                .then()
                .statusCode(200)
                .body("lines[0].quantity.value", equalTo("10"))
                .body("lines[0].quantity.uom", equalTo("H87"));
        as(sam).body("""
                {"id": "PO-7780", "site": "PLANT-1", "kind": "RECEIPT", "partner": "ACME-RESINS",
                 "lines": [{"item": "RM-RESIN", "quantity": 1000, "uom": "KGM"}]}""").post("/api/v1/tasks").then().statusCode(200);
        as(sam).body("""
                {"id": "CNT-1", "site": "PLANT-1", "kind": "COUNT", "lines": [{"item": "FG-PRIMER", "location": "WH-A-01"}]}""").post("/api/v1/tasks").then().statusCode(200);

        String[] device = Riverside.enroll(sam, "gun-tasks");
        JsonNode tasks = pull(device).get("tasks");
        assertThat(tasks).hasSize(3);
        assertThat(tasks.findValuesAsText("id")).containsExactlyInAnyOrder("SO-1", "PO-7780", "CNT-1");
        for (JsonNode t : tasks) {
            switch (t.get("id").asText()) {
                case "SO-1" -> {
                    assertThat(t.get("partner").asText()).isEqualTo("BUILDMART");
                    assertThat(t.at("/lines/0/order").asText()).isEqualTo("SO-1");
                }
                case "PO-7780" -> assertThat(t.get("partner").asText()).isEqualTo("ACME-RESINS");
                default -> assertThat(t.at("/lines/0/location").asText()).isEqualTo("WH-A-01");
            }
        }

        as(sam).post("/api/v1/tasks/SO-1/close").then().statusCode(200).body("status", equalTo("DONE"));
        as(sam).post("/api/v1/tasks/SO-1/close").then().statusCode(409);
        assertThat(pull(device).get("tasks").findValuesAsText("id")).containsExactlyInAnyOrder("PO-7780", "CNT-1");
    }

    @Test
    void theSitesChangeNumberMovesWithEveryTaskAndMasterDataChangeSoDevicesKnowWhenToPull() throws IOException {
        String[] device = Riverside.enroll(sam, "gun-changes");
        long before = changes(device);
        assertThat(changes(device)).as("asking changes nothing").isEqualTo(before);

        as(sam).body("""
                {"id": "SO-2", "site": "PLANT-1", "kind": "PICK", "partner": "BUILDMART",
                 "lines": [{"item": "FG-PRIMER", "quantity": 4}]}""").post("/api/v1/tasks").then().statusCode(200);
        long created = changes(device);
        assertThat(created).isGreaterThan(before);

        as(sam).post("/api/v1/tasks/SO-2/cancel").then().statusCode(200);
        long cancelled = changes(device);
        assertThat(cancelled).isGreaterThan(created);

        Api.loadRiversideMasterData();
        assertThat(changes(device)).isGreaterThan(cancelled);

        as(sam).get("/api/v1/sync/changes").then().statusCode(403); // a person's token is not a device's
    }

    private static long changes(String[] device) throws IOException {
        return Riverside.JSON
                .readTree(as(device[1])
                        .get("/api/v1/sync/changes")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("version")
                .asLong();
    }

    @Test
    void anExpectedReceiptShowsWhatWasReceivedAgainstItAndLeavesTheDevicesWhenComplete() throws IOException {
        as(sam).body("""
                {"id": "PO-9100", "site": "PLANT-1", "kind": "RECEIPT", "partner": "ACME-RESINS",
                 "lines": [{"item": "RM-RESIN", "quantity": 1000, "uom": "kg"}]}""").post("/api/v1/tasks").then().statusCode(200);
        String[] dock = Riverside.enroll(sam, "dock-progress");
        String receipt = """
                {"supplier": "ACME-RESINS", "reference": "PO-9100", "item": "RM-RESIN", "lot": "R-9101",
                 "quantity": {"value": "%s", "uom": "KGM"}, "location": "RCV-DOCK-1"}""";
        Riverside.push(dock, List.of(Riverside.event(1, "ana", "RECEIVE", receipt.formatted("400"))));
        as(sam).get("/api/v1/tasks/PO-9100")
                .then()
                .statusCode(200)
                .body("progress", equalTo("PARTIAL"))
                .body("lines[0].done.value", equalTo("400"));
        assertThat(pull(dock).get("tasks").findValuesAsText("id")).contains("PO-9100");

        Riverside.push(dock, List.of(Riverside.event(2, "ana", "RECEIVE", receipt.formatted("600"))));
        as(sam).get("/api/v1/tasks/PO-9100").then().statusCode(200).body("progress", equalTo("COMPLETE"));
        assertThat(pull(dock).get("tasks").findValuesAsText("id")).doesNotContain("PO-9100");

        // a PO that lists items without quantities has no progress to show, and stays on the devices
        as(sam).body("""
                {"id": "PO-9200", "site": "PLANT-1", "kind": "RECEIPT", "partner": "ACME-RESINS",
                 "lines": [{"item": "RM-RESIN"}]}""").post("/api/v1/tasks").then().statusCode(200);
        Riverside.push(
                dock,
                List.of(Riverside.event(
                        3,
                        "ana",
                        "RECEIVE",
                        receipt.formatted("50").replace("PO-9100", "PO-9200").replace("R-9101", "R-9201"))));
        as(sam).get("/api/v1/tasks/PO-9200").then().statusCode(200).body("progress", nullValue());
        assertThat(pull(dock).get("tasks").findValuesAsText("id")).contains("PO-9200");
    }

    @Test
    void anItemsApprovedSuppliersGoDownWithThePull() throws IOException {
        String[] device = Riverside.enroll(sam, "gun-suppliers");
        JsonNode items = pull(device).get("items");
        assertThat(items.findValues("suppliers").stream().map(JsonNode::toString))
                .contains("[\"ACME-RESINS\"]", "[\"TIO2-CORP\"]", "[\"SOLVCO\"]", "[]");
    }

    @Test
    void badTasksAreRefusedWithEveryProblemNamed() {
        as(sam).body("""
                {"id": "SO-9", "site": "PLANT-1", "kind": "PICK", "partner": "ACME-RESINS",
                 "lines": [{"item": "NOPE", "quantity": 1}, {"item": "FG-PRIMER"}, {"item": "FG-PRIMER", "quantity": -2}]}""")
                .post("/api/v1/tasks")
                .then()
                .statusCode(400)
                .body("field", equalTo("partner"))
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems("partner", "lines[0].item", "lines[1].quantity", "lines[2]"));
        // an expected receipt names only items its supplier is approved for: the dock would refuse the rest
        as(sam).body("""
                {"id": "PO-9", "site": "PLANT-1", "kind": "RECEIPT", "partner": "ACME-RESINS",
                 "lines": [{"item": "RM-RESIN", "quantity": 100}, {"item": "RM-PIGMENT", "quantity": 50}]}""")
                .post("/api/v1/tasks")
                .then()
                .statusCode(400)
                .body("field", equalTo("lines[1].item"))
                .body(
                        "detail",
                        org.hamcrest.Matchers.containsString("not approved from ACME-RESINS (approved: TIO2-CORP)"));
        as(sam).body(
                        "{\"id\": \"CNT-2\", \"site\": \"PLANT-1\", \"kind\": \"COUNT\", \"lines\": [{\"item\": \"FG-PRIMER\", \"quantity\": 3}]}")
                .post("/api/v1/tasks")
                .then()
                .statusCode(400)
                .body("field", equalTo("lines[0]"));
        as(Api.token("quinn", "quinn-Passw0rd!"))
                .body("{}")
                .post("/api/v1/tasks")
                .then()
                .statusCode(403);
    }

    private static JsonNode pull(String[] device) throws IOException {
        return Riverside.JSON.readTree(as(device[1])
                .get("/api/v1/sync/pull")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
