package org.lotkeeper.server.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

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
import static org.hamcrest.Matchers.notNullValue;
import static org.lotkeeper.server.testing.Api.as;

/**
 * The Riverside week end to end over HTTP on the real PostgreSQL, clock fixed as the scenario
 * says: exactly the expected flags and stock; pushing everything again, in any order, changes
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RiversideLedgerTest {

    @Inject
    DataSource ds;

    @BeforeEach
    void cleanLedger() {
        Database.resetLedger(ds);
    }

    @Test
    void theWeekGivesExactlyTheExpectedFlagsAndStock() {
        Riverside week = new Riverside().play();
        JsonNode expected = Riverside.expected();

        Set<String> expectedFlags = new HashSet<>();
        for (JsonNode f : expected.get("flags")) {
            for (JsonNode flag : f.get("flags")) {
                expectedFlags.add(f.get("device").asText() + " " + f.get("type").asText() + " "
                        + f.get("lot").get("item").asText() + "/"
                        + f.get("lot").get("lot").asText() + " " + flag.asText());
            }
        }
        Set<String> actualFlags = new HashSet<>();
        for (int i = 0; i < week.pushed.size(); i++) {
            JsonNode answer = week.answers.get(i);
            assertThat(answer.get("status").asText())
                    .as("answer to %s", week.pushed.get(i))
                    .isIn("ACCEPTED", "FLAGGED");
            for (JsonNode flag : answer.path("flags")) {
                JsonNode event = week.pushed.get(i);
                actualFlags.add(deviceOf(event) + " " + event.get("type").asText() + " "
                        + event.get("payload").get("item").asText() + "/"
                        + event.get("payload").get("lot").asText() + " " + flag.asText());
            }
        }
        assertThat(actualFlags).isEqualTo(expectedFlags);

        assertThat(onHand()).containsExactlyInAnyOrderElementsOf(expectedOnHand(expected));
        for (JsonNode none : expected.get("noStock")) {
            assertThat(Database.count(
                            ds,
                            "SELECT count(*) FROM stock WHERE item = ? AND lot = ? AND quantity <> 0",
                            none.get("item").asText(),
                            none.get("lot").asText()))
                    .as("stock of %s", none)
                    .isZero();
        }
        assertThat(Database.count(ds, "SELECT count(*) FROM exception")).isEqualTo(expectedFlags.size());
        assertThat(Database.count(ds, "SELECT count(*) FROM count_variance WHERE status = 'PENDING'"))
                .isEqualTo(1);
    }

    @Test
    void pushingEverythingAgainInAnyOrderChangesNothing() {
        Riverside week = new Riverside().play();
        List<String> before = onHand();
        long events = Database.count(ds, "SELECT count(*) FROM ledger_event");

        for (String device : week.devices.keySet()) {
            List<JsonNode> mine = new ArrayList<>();
            List<JsonNode> originalAnswers = new ArrayList<>();
            for (int i = 0; i < week.pushed.size(); i++) {
                if (deviceOf(week.pushed.get(i)).equals(device)) {
                    mine.add(week.pushed.get(i));
                    originalAnswers.add(week.answers.get(i));
                }
            }
            JsonNode again = Riverside.push(week.devices.get(device), mine);
            for (int i = 0; i < mine.size(); i++) {
                JsonNode r = again.get("results").get(i);
                assertThat(r.get("status").asText()).isEqualTo("DUPLICATE");
                assertThat(r.get("ledgerSeq")).isEqualTo(originalAnswers.get(i).get("ledgerSeq"));
                assertThat(r.path("flags")).isEqualTo(originalAnswers.get(i).path("flags"));
            }
            List<JsonNode> shuffled = new ArrayList<>(mine);
            Collections.shuffle(shuffled, new Random(42));
            JsonNode shuffledAnswer = Riverside.push(week.devices.get(device), shuffled);
            shuffledAnswer
                    .get("results")
                    .forEach(r -> assertThat(r.get("status").asText()).isEqualTo("DUPLICATE"));
            assertThat(shuffledAnswer.get("ackedThroughSeq").asLong()).isEqualTo(mine.size());
        }
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event")).isEqualTo(events);
        assertThat(onHand()).isEqualTo(before);
    }

    @Test
    void aSupervisorApprovesTheCountVarianceWhichWritesTheAdjustAndResolvesTheFlag() {
        new Riverside().play();
        String sam = Api.token("sam", "sam-Passw0rd!");
        int id = as(sam).get("/api/v1/variances?status=PENDING")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].lot", equalTo("PR-1001"))
                .body("[0].variance.value", equalTo("-1"))
                .extract()
                .path("[0].id");
        as(sam).body("{\"note\": \"one pail damaged and scrapped earlier\"}")
                .post("/api/v1/variances/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("adjustEventId", notNullValue());
        assertThat(onHand()).contains("FG-PRIMER/PR-1001@WH-A-01=14 H87");
        assertThat(Database.count(
                        ds, "SELECT count(*) FROM ledger_event WHERE type = 'ADJUST' AND source = 'site:PLANT-1'"))
                .isEqualTo(1);
        as(sam).body("{}")
                .post("/api/v1/variances/" + id + "/approve")
                .then()
                .statusCode(409)
                .body("code", equalTo("ALREADY_DECIDED"));

        as(sam).get("/api/v1/exceptions?status=OPEN")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].flag", equalTo("FEFO_DEVIATION"));
        int fefo = as(sam).get("/api/v1/exceptions?flag=FEFO_DEVIATION")
                .then()
                .extract()
                .path("[0].id");
        as(sam).body("{\"note\": \"customer asked for the newer lot\"}")
                .post("/api/v1/exceptions/" + fefo + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedBy", equalTo("sam"));
        // QA reads the queue (it investigates what tests and batches raise) but decides no count variance
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        as(quinn).get("/api/v1/exceptions").then().statusCode(200);
        as(quinn).get("/api/v1/variances").then().statusCode(403);
    }

    private static String deviceOf(JsonNode event) {
        for (JsonNode step : Riverside.steps()) {
            if (step.has("event") && step.get("event").get("eventId").equals(event.get("eventId"))) {
                return step.get("device").asText();
            }
        }
        throw new IllegalStateException("event not in the scenario");
    }

    private List<String> onHand() {
        return Database.rows(
                        ds,
                        "SELECT item, lot, location, uom, SUM(quantity) AS q FROM stock GROUP BY item, lot, location, uom "
                                + "HAVING SUM(quantity) <> 0 ORDER BY item, lot, location")
                .stream()
                .map(r -> r.get("item") + "/" + r.get("lot") + "@" + r.get("location") + "=" + r.get("q") + " "
                        + r.get("uom"))
                .toList();
    }

    private static List<String> expectedOnHand(JsonNode expected) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : expected.get("onHand")) {
            out.add(s.get("item").asText() + "/" + s.get("lot").asText() + "@"
                    + s.get("location").asText() + "="
                    + s.get("quantity").get("value").asText() + " "
                    + s.get("quantity").get("uom").asText());
        }
        return out;
    }
}
