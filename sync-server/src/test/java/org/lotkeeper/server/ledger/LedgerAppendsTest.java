package org.lotkeeper.server.ledger;

import java.sql.Connection;
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
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader holding ledger appends (a recall, while it reads its lots, stock and sums) sees one
 * ledger position throughout: a push that arrives meanwhile waits and is stored once the reader's
 * transaction ends, not lost and not half-visible.
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
        JsonNode ship = Riverside.JSON.readTree("""
                {"eventId": "0199a000-0000-7000-8000-0000000000b1", "deviceSeq": 1, "type": "SHIP", "occurredAt": "2026-11-21T09:00:00Z",
                 "userId": "ben", "site": "PLANT-1", "payload": {"shipment": "SHP-8", "customer": "HARBOR-PAINTS", "item": "FG-TOPCOAT",
                 "lot": "TC-1002", "quantity": {"value": "1", "uom": "H87"}, "from": "WH-A-01"}}""");
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

    /** Until one backend waits for an advisory lock (the push, at its append), at most a minute. */
    private void awaitOneWaitingForTheLock() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (Database.count(ds, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") < 1) {
            assertThat(Instant.now()).as("a push waiting for the ledger").isBefore(until);
            Thread.sleep(20);
        }
    }
}
