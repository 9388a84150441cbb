package org.lotkeeper.client.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.BooleanSupplier;

import mockwebserver3.MockWebServer;
import org.lotkeeper.client.platform.ManualScheduler;
import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.UuidV7Generator;

import static org.lotkeeper.client.store.StoreFixtures.ANA;
import static org.lotkeeper.client.store.StoreFixtures.SITE;

/** A device (real SQLite file, real OkHttp stack, sync engine on a manual clock) against a MockWebServer. */
final class SyncHarness implements AutoCloseable {

    static final DeviceId DEVICE = new DeviceId("dev-7f3a");

    final MockWebServer server = new MockWebServer();
    final FakeSyncServer fake = new FakeSyncServer();
    final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-25T08:00:00Z"));
    final SqliteStore store;
    final SyncClient client;
    final SyncEngine engine;

    SyncHarness(Path dir, SyncPolicy policy, long seed) throws IOException {
        server.setDispatcher(fake);
        server.start();
        store = SqliteStore.open(dir.resolve("device.db"), time, new UuidV7Generator(time, new Random(seed)));
        String url = server.url("/").toString();
        store.settings().saveEnrollment(url, DEVICE, FakeSyncServer.TOKEN, SITE);
        client = SyncClient.create(
                url,
                store.settings()::token,
                new SyncClient.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofSeconds(3)));
        engine = new SyncEngine(store, client.sync(), time, time, policy, new Random(seed));
    }

    SyncHarness(Path dir) throws IOException {
        this(dir, new SyncPolicy(3, 100, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(30)), 42);
    }

    Event capture(EventPayload payload) {
        return store.outbox().capture(ANA, payload);
    }

    /** Runs scheduled cycles until {@code done} holds; fails after {@code maxCycles}. */
    void runUntil(BooleanSupplier done, int maxCycles) {
        for (int i = 0; i < maxCycles && !done.getAsBoolean(); i++) {
            if (!time.runNext()) {
                break;
            }
        }
        if (!done.getAsBoolean()) {
            throw new AssertionError("not done after " + maxCycles + " cycles; status " + engine.status());
        }
    }

    @Override
    public void close() throws IOException {
        engine.close();
        client.shutdown();
        store.close();
        server.close();
    }
}
