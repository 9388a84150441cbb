package org.lotkeeper.client.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.store.OutboxState;
import org.lotkeeper.client.sync.FakeSyncServer.Fault;
import org.lotkeeper.client.sync.SyncStatus.Connectivity;
import org.lotkeeper.client.sync.SyncStatus.SyncError;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.ProblemDetail;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.WireJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.store.StoreFixtures.A01;
import static org.lotkeeper.client.store.StoreFixtures.A02;
import static org.lotkeeper.client.store.StoreFixtures.RESIN;
import static org.lotkeeper.client.store.StoreFixtures.kg;
import static org.lotkeeper.client.store.StoreFixtures.move;
import static org.lotkeeper.client.store.StoreFixtures.snapshot;

class SyncEngineTest {

    @TempDir
    Path dir;

    private SyncHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private SyncHarness harness() throws Exception {
        h = new SyncHarness(dir);
        return h;
    }

    /** A device that asks the site's change number every 5 s between its one-minute pulls. */
    private void changeCheckingHarness() throws Exception {
        h = new SyncHarness(
                dir,
                new SyncPolicy(
                        3,
                        100,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(5)),
                42);
    }

    private static Event[] captureMoves(SyncHarness h, int n) {
        Event[] events = new Event[n];
        for (int i = 0; i < n; i++) {
            events[i] = h.capture(move("R-1", "1", A01, A02));
        }
        return events;
    }

    private long pending() {
        return h.store.outbox().pendingCount();
    }

    @Test
    void pushesPendingEventsInDeviceSeqOrderGzippedWithTheDeviceToken() throws Exception {
        harness();
        captureMoves(h, 5);
        h.engine.start();
        h.time.runDue();

        assertThat(pending()).isZero();
        RecordedRequest first = h.server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/sync/push");
        assertThat(first.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeSyncServer.TOKEN);
        JsonNode body =
                WireJson.mapper().readTree(FakeSyncServer.gunzip(first.getBody().toByteArray()));
        assertThat(body.get("deviceId").asText()).isEqualTo(SyncHarness.DEVICE.value());
        assertThat(body.get("events"))
                .extracting(e -> e.get("deviceSeq").asLong())
                .containsExactly(1L, 2L, 3L);
        assertThat(h.fake.batchSizes).containsExactly(3, 2); // batch size 3 in this harness, one batch in flight
        assertThat(h.fake.ledger(SyncHarness.DEVICE))
                .extracting(FakeSyncServer.Stored::deviceSeq)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        SyncStatus status = h.engine.status();
        assertThat(status.connectivity()).isEqualTo(Connectivity.ONLINE);
        assertThat(status.pendingCount()).isZero();
        assertThat(status.lastSyncAt()).isEqualTo(h.time.instant());
        assertThat(status.lastError()).isNull();
    }

    @Test
    void anAnswerLostAfterTheServerCommittedIsRetriedAndTheDuplicatesDrainTheOutbox() throws Exception {
        harness();
        Event[] events = captureMoves(h, 3);
        AtomicInteger call = new AtomicInteger();
        h.fake.faults = () -> call.getAndIncrement() == 0 ? Fault.DROP_AFTER_COMMIT : Fault.NONE;
        h.engine.start();
        h.time.runDue();

        assertThat(pending()).isEqualTo(3);
        assertThat(h.engine.status().connectivity()).isEqualTo(Connectivity.OFFLINE);
        assertThat(h.engine.status().lastError().kind()).isEqualTo(SyncError.Kind.NETWORK);
        assertThat(h.time.nextDelay())
                .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)));

        h.runUntil(() -> pending() == 0, 5);
        assertThat(h.store.outbox().all()).extracting(OutboxEntry::state).containsOnly(OutboxState.DUPLICATE);
        assertThat(h.fake.ledger(SyncHarness.DEVICE)).hasSize(3);
        for (Event e : events) {
            assertThat(h.fake.received.get(e.eventId())).hasValue(2);
        }
    }

    @Test
    void aTimeoutAfterCommitIsRetriedWithoutDoublingAnything() throws Exception {
        harness();
        captureMoves(h, 2);
        AtomicInteger call = new AtomicInteger();
        h.fake.faults = () -> call.getAndIncrement() == 0 ? Fault.SLOW_AFTER_COMMIT : Fault.NONE;
        h.engine.start();
        h.time.runDue();
        assertThat(h.engine.status().lastError().kind()).isEqualTo(SyncError.Kind.NETWORK);
        assertThat(h.engine.status().lastError().message()).containsIgnoringCase("timeout");

        h.runUntil(() -> pending() == 0, 5);
        assertThat(h.fake.ledger(SyncHarness.DEVICE)).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedOnTheTimerWithGrowingJitteredBackoff() throws Exception {
        harness();
        captureMoves(h, 1);
        AtomicInteger call = new AtomicInteger();
        h.fake.faults = () -> call.getAndIncrement() < 5 ? Fault.ERROR_500 : Fault.NONE;
        h.engine.start();
        h.time.runDue();
        assertThat(h.engine.status().lastError().code()).isEqualTo("HTTP_500");
        assertThat(h.engine.status().connectivity()).isEqualTo(Connectivity.ONLINE);

        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(h.time.nextDelay().orElseThrow());
            h.time.runNext();
        }
        assertThat(pending()).isZero();
        // ceilings 1, 2, 4, 8, 16 s; each delay is in [ceiling/2, ceiling]
        for (int i = 0; i < delays.size(); i++) {
            long ceiling = 1000L << i;
            assertThat(delays.get(i).toMillis()).isBetween(ceiling / 2, ceiling);
        }
        assertThat(h.engine.status().lastError()).isNull();
        assertThat(h.time.nextDelay()).contains(Duration.ofMinutes(1)); // back to the idle timer
    }

    @Test
    void aNewScanDoesNotCutABackoffShortButTheTimerRetries() throws Exception {
        harness();
        captureMoves(h, 1);
        AtomicInteger call = new AtomicInteger();
        h.fake.faults = () -> call.getAndIncrement() == 0 ? Fault.ERROR_503_AFTER_COMMIT : Fault.NONE;
        h.engine.start();
        h.time.runDue();
        int requests = h.fake.pushRequests.get();
        h.capture(move("R-1", "1", A01, A02));
        h.time.runDue();
        assertThat(h.fake.pushRequests.get()).isEqualTo(requests);
        assertThat(h.engine.status().pendingCount()).isEqualTo(2);
        h.runUntil(() -> pending() == 0, 3);
        assertThat(h.fake.ledger(SyncHarness.DEVICE)).hasSize(2);
    }

    @Test
    void aDeadServerMakesTheDeviceOfflineAndTheOutboxWaits() throws Exception {
        harness();
        captureMoves(h, 2);
        h.server.close();
        h.engine.start();
        h.time.runDue();
        assertThat(h.engine.status().connectivity()).isEqualTo(Connectivity.OFFLINE);
        assertThat(h.engine.status().pendingCount()).isEqualTo(2);
        assertThat(h.time.scheduledCount()).isEqualTo(1);
    }

    @Test
    void aSequenceGapRewindsAndResendsFromTheExpectedSeq() throws Exception {
        harness();
        captureMoves(h, 3);
        h.engine.start();
        h.time.runDue();
        assertThat(pending()).isZero();
        h.fake.forgetFrom(SyncHarness.DEVICE, 2); // the server lost events 2 and 3
        captureMoves(h, 1);
        h.time.runDue();

        assertThat(pending()).isZero();
        assertThat(h.fake.ledger(SyncHarness.DEVICE))
                .extracting(FakeSyncServer.Stored::deviceSeq)
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(h.engine.status().lastError()).isNull();
    }

    @Test
    void aSequenceGapBeyondWhatTheDeviceMadeIsReportedAsAMismatch() throws Exception {
        harness();
        captureMoves(h, 2);
        h.fake.faults = () -> Fault.NONE;
        h.server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeSyncServer.problem(ProblemDetail.sequenceGap(99, "expected 99"));
            }
        });
        h.engine.start();
        h.time.runDue();
        SyncError error = h.engine.status().lastError();
        assertThat(error.kind()).isEqualTo(SyncError.Kind.SEQUENCE_MISMATCH);
        assertThat(error.message()).contains("99");
        assertThat(pending()).isEqualTo(2);
        assertThat(h.time.nextDelay()).contains(Duration.ofSeconds(30)); // the longest backoff
    }

    @Test
    void unauthorizedWipesWhatTheDeviceHoldsButItsOutboxStopsSyncAndAsksForReenrollment() throws Exception {
        harness();
        h.engine.start();
        h.time.runDue();
        assertThat(h.store.referenceCache().rowCounts().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("the first sync brought reference data")
                .isPositive();
        captureMoves(h, 1);
        h.store.settings().saveEnrollment(h.server.url("/").toString(), SyncHarness.DEVICE, "revoked", null);
        h.engine.requestSync();
        h.time.runDue();
        assertThat(h.engine.status().needsEnrollment()).isTrue();
        assertThat(h.store.referenceCache().rowCounts())
                .as("users with their PIN verifiers, lots, stock and tasks are gone at once")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(h.store.settings().token()).isEmpty();
        assertThat(h.store.referenceCache().cursor()).isEmpty();
        assertThat(pending()).as("nothing captured is lost").isPositive();
        assertThat(h.engine.status().lastError().kind()).isEqualTo(SyncError.Kind.UNAUTHENTICATED);
        assertThat(h.time.scheduledCount()).isZero();
        h.capture(move("R-1", "1", A01, A02));
        assertThat(h.time.scheduledCount()).isZero();

        h.store.settings().saveEnrollment(h.server.url("/").toString(), SyncHarness.DEVICE, FakeSyncServer.TOKEN, null);
        h.engine.credentialsRenewed();
        h.time.runDue();
        assertThat(pending()).isZero();
        assertThat(h.engine.status().needsEnrollment()).isFalse();
    }

    @Test
    void aRejectedPoisonEventStaysForAttentionAndDoesNotBlockTheRest() throws Exception {
        harness();
        Event good1 = h.capture(move("R-1", "1", A01, A02));
        Event poison = h.capture(move("R-1", "1", A01, new LocationCode(FakeSyncServer.POISON_LOCATION)));
        Event good2 = h.capture(move("R-1", "1", A01, A02));
        h.engine.start();
        h.time.runDue();

        assertThat(pending()).isZero();
        assertThat(h.store.outbox().entry(good1.eventId()).orElseThrow().state().acknowledged())
                .isTrue();
        assertThat(h.store.outbox().entry(good2.eventId()).orElseThrow().state().acknowledged())
                .isTrue();
        OutboxEntry rejected = h.store.outbox().entry(poison.eventId()).orElseThrow();
        assertThat(rejected.state()).isEqualTo(OutboxState.REJECTED);
        assertThat(rejected.error().code()).isEqualTo("UNKNOWN_LOCATION");
        assertThat(h.engine.status().needsAttentionCount()).isEqualTo(1);

        h.capture(move("R-1", "1", A01, A02));
        h.time.runDue();
        assertThat(pending()).isZero();
        assertThat(h.fake.received.get(poison.eventId())).hasValue(1); // never pushed again
    }

    @Test
    void shuffledAndRepeatedResultsAreMatchedByEventId() throws Exception {
        harness();
        captureMoves(h, 3);
        h.fake.faults = () -> Fault.SHUFFLED_DUPLICATED_ANSWER;
        h.engine.start();
        h.time.runDue();
        assertThat(pending()).isZero();
        assertThat(h.store.outbox().all()).allSatisfy(e -> {
            assertThat(e.state()).isIn(OutboxState.ACCEPTED, OutboxState.FLAGGED);
            assertThat(e.ledgerSeq()).isEqualTo(e.deviceSeq());
        });
    }

    @Test
    void aTooLargeBatchIsHalved() throws Exception {
        harness();
        captureMoves(h, 3);
        AtomicInteger call = new AtomicInteger();
        h.server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().endsWith("/push") && call.getAndIncrement() == 0) {
                    return FakeSyncServer.problem(ProblemDetail.of(413, "TOO_LARGE", "body too large", null));
                }
                return h.fake.dispatch(request);
            }
        });
        h.engine.start();
        h.time.runDue();
        assertThat(pending()).isZero();
        assertThat(h.fake.batchSizes).containsExactly(1, 1, 1);
    }

    @Test
    void pullLoadsPagesUntilCompleteAndThenAsksWithTheCursor() throws Exception {
        harness();
        PullResponse full = snapshot("c-final");
        h.fake.pulls = cursor -> {
            if (cursor == null) {
                return FakeSyncServer.json(
                        200,
                        new PullResponse(
                                "p2",
                                false,
                                full.items(),
                                full.locations(),
                                full.partners(),
                                List.of(),
                                List.of(),
                                List.of(),
                                full.users()));
            } else if (cursor.equals("p2")) {
                return FakeSyncServer.json(
                        200,
                        new PullResponse("c-final", true, null, null, null, full.lots(), full.stock(), null, null));
            }
            return FakeSyncServer.json(200, new PullResponse(cursor, true, null, null, null, null, null, null, null));
        };
        List<SyncStatus> seen = new ArrayList<>();
        h.engine.addListener(seen::add);
        h.engine.start();
        h.time.runDue();

        assertThat(h.store.referenceCache().cursor()).contains("c-final");
        assertThat(h.store.view().stockAt(new LotRef(RESIN, new LotCode("R-2")), A02))
                .contains(kg("250"));
        assertThat(seen)
                .extracting(SyncStatus::snapshot)
                .filteredOn(p -> p != null && p.running())
                .extracting(SyncStatus.SnapshotProgress::pages)
                .contains(0, 1);
        assertThat(h.engine.status().snapshot()).isEqualTo(new SyncStatus.SnapshotProgress(false, 2, 12));

        h.time.advance(Duration.ofMinutes(1)); // the idle timer pulls again, with the cursor
        assertThat(h.fake.pullCursors).containsExactly(null, "p2", "c-final");
    }

    @Test
    void betweenPullsTheDeviceAsksForTheSitesChangeNumberAndPullsOnlyWhenItMoved() throws Exception {
        changeCheckingHarness();
        h.fake.siteVersion.set(7);
        h.engine.start();
        h.time.runDue(); // the snapshot, with the number it started from
        assertThat(h.fake.pullRequests).hasValue(1);
        assertThat(h.fake.changeRequests).hasValue(1);

        h.time.advance(Duration.ofSeconds(5));
        h.time.advance(Duration.ofSeconds(5));
        assertThat(h.fake.changeRequests).hasValue(3);
        assertThat(h.fake.pullRequests).as("nothing changed: no pull").hasValue(1);

        h.fake.siteVersion.set(8); // a supervisor created a task
        h.time.advance(Duration.ofSeconds(5));
        assertThat(h.fake.pullRequests).as("pulled within one change check").hasValue(2);
        h.time.advance(Duration.ofSeconds(5));
        assertThat(h.fake.pullRequests).hasValue(2);
    }

    @Test
    void anOlderServerWithoutChangeNumbersIsNoSyncError() throws Exception {
        changeCheckingHarness();
        h.fake.changesServed = false;
        h.engine.start();
        h.time.runDue();
        h.time.advance(Duration.ofSeconds(5));
        h.time.advance(Duration.ofSeconds(5));

        assertThat(h.engine.status().lastError()).isNull();
        assertThat(h.fake.pullRequests).hasValue(1);
        h.time.advance(Duration.ofMinutes(1)); // the pull interval still pulls
        assertThat(h.fake.pullRequests).hasValue(2);
    }

    @Test
    void withoutChangeChecksNothingButThePullIntervalAsks() throws Exception {
        harness();
        h.engine.start();
        h.time.runDue();
        h.time.advance(Duration.ofSeconds(30));
        assertThat(h.fake.changeRequests).hasValue(0);
        assertThat(h.fake.pullRequests).hasValue(1);
    }

    @Test
    void anExpiredCursorReloadsASnapshotAndKeepsTheOutbox() throws Exception {
        harness();
        h.engine.start();
        h.time.runDue();
        assertThat(h.store.referenceCache().cursor()).contains("c1");

        h.server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().endsWith("/pull")) {
                    h.fake.pullCursors.add(request.getUrl().queryParameter("cursor"));
                    if (request.getUrl().queryParameter("cursor") != null) {
                        return FakeSyncServer.problem(ProblemDetail.of(409, "CURSOR_EXPIRED", "cursor too old", null));
                    }
                    return FakeSyncServer.json(200, snapshot("c2"));
                }
                return FakeSyncServer.problem(ProblemDetail.of(503, "UNAVAILABLE", "ingest paused", null));
            }
        });
        Event waiting = h.capture(move("R-1", "30", A01, A02));
        h.time.runDue(); // push fails (503): the outbox keeps the event
        h.time.advance(Duration.ofMinutes(2));
        assertThat(h.fake.pullCursors).containsSubsequence("c1", null);
        assertThat(h.store.referenceCache().cursor()).contains("c2");
        assertThat(h.store.outbox().entry(waiting.eventId()).orElseThrow().state())
                .isEqualTo(OutboxState.PENDING);
        assertThat(h.store.view().stockAt(new LotRef(RESIN, new LotCode("R-1")), A02))
                .contains(kg("30"));
    }

    @Test
    void aPullIsRefusedWithoutTokenBeforeAnyCall() throws Exception {
        harness();
        h.store.settings().clearToken();
        h.engine.start();
        h.time.runDue();
        assertThat(h.engine.status().needsEnrollment()).isTrue();
        assertThat(h.server.getRequestCount()).isZero();
    }
}
