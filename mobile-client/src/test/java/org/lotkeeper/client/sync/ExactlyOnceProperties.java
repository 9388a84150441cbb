package org.lotkeeper.client.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.store.OutboxState;
import org.lotkeeper.client.sync.FakeSyncServer.Fault;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.wire.EventJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.client.store.StoreFixtures.A01;
import static org.lotkeeper.client.store.StoreFixtures.A02;
import static org.lotkeeper.client.store.StoreFixtures.move;

/**
 * docs/QUALITY.md R2 at small size: whatever the network does (drops before and after the server
 * committed, timeouts, 500/503, shuffled and repeated answers, a server that lost events), once
 * the faults stop the outbox drains and the ledger holds each of the device's events exactly once,
 * with the content the device captured. A rejected event is never stored and stays on the device.
 */
class ExactlyOnceProperties {

    private static final Fault[] FAULTS = {
        Fault.DROP_BEFORE,
        Fault.ERROR_500,
        Fault.DROP_AFTER_COMMIT,
        Fault.SHUFFLED_DUPLICATED_ANSWER,
        Fault.ERROR_503_AFTER_COMMIT,
        Fault.SLOW_AFTER_COMMIT
    };

    @Property(tries = 8)
    void everyCapturedEventReachesTheLedgerExactlyOnceDespiteFaults(@ForAll long seed) throws IOException {
        Path dir = Files.createTempDirectory("exactly-once");
        Random random = new Random(seed);
        try (SyncHarness h = new SyncHarness(
                dir,
                new SyncPolicy(
                        1 + random.nextInt(5),
                        100,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(20)),
                seed)) {
            h.fake.slowMillis = 500;
            h.fake.faults = () -> {
                synchronized (random) {
                    if (random.nextInt(100) < 45) {
                        Fault f = FAULTS[random.nextInt(FAULTS.length)];
                        // timeouts cost real time: keep them rare
                        return f == Fault.SLOW_AFTER_COMMIT && random.nextInt(4) != 0 ? Fault.DROP_AFTER_COMMIT : f;
                    }
                    return Fault.NONE;
                }
            };
            h.engine.start();
            for (int step = 0; step < 30; step++) {
                int action;
                synchronized (random) {
                    action = random.nextInt(10);
                }
                if (action < 5) {
                    int n = 1 + random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        boolean poison = random.nextInt(20) == 0;
                        h.capture(
                                move("R-1", "1", A01, poison ? new LocationCode(FakeSyncServer.POISON_LOCATION) : A02));
                    }
                } else if (action < 9) {
                    h.time.runNext();
                } else if (random.nextInt(3) == 0) {
                    long highest = h.store.outbox().highestDeviceSeq();
                    if (highest > 1) {
                        h.fake.forgetFrom(
                                SyncHarness.DEVICE, 1 + random.nextInt((int) highest)); // a restored server backup
                    }
                }
            }
            h.fake.faults = () -> Fault.NONE;
            // A device learns of a restored server backup only from the gap its next push meets, so it
            // captures once more at the end: events the backup lost must then be sent again.
            h.capture(move("R-1", "1", A01, A02));
            h.engine.requestSync();
            h.runUntil(() -> h.store.outbox().pendingCount() == 0, 30);

            List<OutboxEntry> outbox = h.store.outbox().all();
            Map<EventId, OutboxEntry> byId =
                    outbox.stream().collect(Collectors.toMap(e -> e.event().eventId(), Function.identity()));
            List<FakeSyncServer.Stored> ledger = h.fake.ledger(SyncHarness.DEVICE);
            List<OutboxEntry> stored =
                    outbox.stream().filter(e -> e.state().acknowledged()).toList();

            assertThat(ledger)
                    .extracting(FakeSyncServer.Stored::eventId)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(
                            stored.stream().map(e -> e.event().eventId()).toList());
            assertThat(ledger).extracting(FakeSyncServer.Stored::deviceSeq).doesNotHaveDuplicates();
            for (FakeSyncServer.Stored s : ledger) {
                assertThat(s.canonical())
                        .isEqualTo(
                                EventJson.canonicalBytes(byId.get(s.eventId()).event()));
            }
            for (OutboxEntry e : outbox) {
                boolean poison = e.event().payload() instanceof org.lotkeeper.model.event.Move m
                        && m.to().value().equals(FakeSyncServer.POISON_LOCATION);
                assertThat(e.state()).isEqualTo(poison ? OutboxState.REJECTED : e.state());
                assertThat(e.state().acknowledged()).isEqualTo(!poison);
            }
            assertThat(outbox)
                    .extracting(OutboxEntry::deviceSeq)
                    .containsExactlyElementsOf(
                            Stream.iterate(1L, i -> i + 1).limit(outbox.size()).toList());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
