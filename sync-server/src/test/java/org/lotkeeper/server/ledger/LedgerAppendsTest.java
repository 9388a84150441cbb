package org.lotkeeper.server.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading at one ledger position (a recall's lots, stock and sums). A reader holding ledger appends
 * (a real recall) sees one position throughout: a push that arrives meanwhile waits and is stored
 * once the reader's transaction ends, not lost and not half-visible. A snapshot reader (a mock
 * recall) sees one position throughout while pushes go on and are stored meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LedgerAppendsTest {

    @Inject
    DataSource ds;

    @Test
    void aPushWaitsWhileAReaderHoldsTheLedgerAndIsStoredAfter() throws Exception {
        Database.resetLedger(ds);
        new Riverside().play();
        String[] gun = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "gun-appends");
        JsonNode ship = ship("0199a000-0000-7000-8000-0000000000b1");
        long head = Database.count(ds, "SELECT max(ledger_seq) FROM ledger_event");
        CompletableFuture<JsonNode> push;
        try (Connection reader = ds.getConnection()) {
            reader.setAutoCommit(false);
            LedgerAppends.hold(reader, false);
            push = CompletableFuture.supplyAsync(() -> Riverside.push(gun, List.of(ship)));
            awaitOneWaitingForTheLock();
            assertThat(push).as("the push waits for the reader").isNotDone();
            assertThat(Database.count(ds, "SELECT max(ledger_seq) FROM ledger_event"))
                    .as("nothing appended meanwhile")
                    .isEqualTo(head);
            assertThat(Database.count(ds, "SELECT count(*) FROM shipment_line WHERE shipment = 'SHP-8'"))
                    .as("nor projected")
                    .isZero();
            reader.commit();
        }
        JsonNode answer = push.get(60, TimeUnit.SECONDS);
        assertThat(answer.at("/results/0/status").asText()).isIn("ACCEPTED", "FLAGGED");
        assertThat(Database.count(ds, "SELECT max(ledger_seq) FROM ledger_event"))
                .isEqualTo(head + 1);
        assertThat(Database.count(ds, "SELECT count(*) FROM shipment_line WHERE shipment = 'SHP-8'"))
                .isEqualTo(1);
    }

    @Test
    void aSnapshotReaderSeesOnePositionWhilePushesAreStored() throws Exception {
        Database.resetLedger(ds);
        new Riverside().play();
        String[] gun = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "gun-snapshot");
        long head = Database.count(ds, "SELECT max(ledger_seq) FROM ledger_event");
        try (Connection reader = ds.getConnection()) {
            reader.setAutoCommit(false);
            assertThat(LedgerAppends.snapshot(reader)).isEqualTo(head);
            BigDecimal before = stockOf(reader, "TC-1002");

            JsonNode answer = Riverside.push(gun, List.of(ship("0199a000-0000-7000-8000-0000000000b2")));

            assertThat(answer.at("/results/0/status").asText()).isIn("ACCEPTED", "FLAGGED");
            assertThat(Database.count(ds, "SELECT max(ledger_seq) FROM ledger_event"))
                    .as("stored while the snapshot is open")
                    .isEqualTo(head + 1);
            long seen = Jdbc.one(reader, "SELECT max(ledger_seq) FROM ledger_event", rs -> rs.getLong(1));
            assertThat(seen).as("the snapshot still sees its position").isEqualTo(head);
            assertThat(stockOf(reader, "TC-1002"))
                    .as("and the projections as they stood there")
                    .isEqualByComparingTo(before);
            reader.commit();
            assertThat(stockOf(reader, "TC-1002")).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
        }
    }

    @Test
    void aMockRecallDoesNotWaitForAnAppendButARealRecallDoes() throws Exception {
        Database.resetLedger(ds);
        new Riverside().play();
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        long head = Database.count(ds, "SELECT max(ledger_seq) FROM ledger_event");
        String lots = "\"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]";
        CompletableFuture<String> real;
        try (Connection appender = ds.getConnection()) {
            // what an ingest holds from its append until its commit
            appender.setAutoCommit(false);
            Jdbc.one(appender, "SELECT pg_advisory_xact_lock(?)", rs -> null, LedgerWriter.APPEND_LOCK);

            JsonNode mock = Riverside.JSON.readTree(CompletableFuture.supplyAsync(() -> Api.as(quinn)
                            .body("{" + lots + "}")
                            .post("/api/v1/recalls")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .get(60, TimeUnit.SECONDS));
            assertThat(mock.get("asOfSeq").asLong()).isEqualTo(head);
            assertThat(mock.get("affectedLotCount").asInt()).isPositive();

            real = CompletableFuture.supplyAsync(() -> Api.as(quinn)
                    .body("{\"mock\": false, " + lots + ", \"reason\": \"Supplier reports contamination\", "
                            + "\"signature\": {\"password\": \"quinn-Passw0rd!\"}}")
                    .post("/api/v1/recalls")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            awaitOneWaitingForTheLock();
            assertThat(real).as("a real recall waits for the append").isNotDone();
            appender.commit();
        }
        JsonNode answer = Riverside.JSON.readTree(real.get(60, TimeUnit.SECONDS));
        assertThat(answer.get("asOfSeq").asLong()).isEqualTo(head);
        assertThat(answer.get("recalledLots")).isNotEmpty();
    }

    private static JsonNode ship(String eventId) throws Exception {
        return Riverside.JSON.readTree("""
                {"eventId": "%s", "deviceSeq": 1, "type": "SHIP", "occurredAt": "2026-11-21T09:00:00Z",
                 "userId": "ben", "site": "PLANT-1", "payload": {"shipment": "SHP-8", "customer": "HARBOR-PAINTS", "item": "FG-TOPCOAT",
                 "lot": "TC-1002", "quantity": {"value": "1", "uom": "H87"}, "from": "WH-A-01"}}""".formatted(eventId));
    }

    private static BigDecimal stockOf(Connection c, String lot) throws SQLException {
        return Jdbc.one(
                c, "SELECT coalesce(sum(quantity), 0) FROM stock WHERE lot = ?", rs -> rs.getBigDecimal(1), lot);
    }

    /** Until one backend waits for an advisory lock (the push, at its append), at most a minute. */
    private void awaitOneWaitingForTheLock() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (Database.count(ds, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") < 1) {
            assertThat(Instant.now()).as("a push waiting for the ledger").isBefore(until);
            Thread.sleep(20);
        }
    }
}
