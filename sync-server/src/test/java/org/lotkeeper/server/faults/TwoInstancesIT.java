package org.lotkeeper.server.faults;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/QUALITY.md R4: two server instances on one PostgreSQL, several devices pushing at once to
 * either, each batch now and then sent to both at the same moment. Every event is stored once,
 * ledger order has no holes and no doubles, and the projections equal a replay of the ledger.
 * The sign-in rate limit is shared: guesses spread over both instances meet one budget.
 *
 * <p>Then a rolling upgrade (docs/OPERATIONS.md, "Upgrades"), with two more devices pushing all
 * along: the next release (this build packaged again with one more migration) replaces each
 * instance in turn — it leaves the balancer, stops (SIGTERM: requests under way finish), starts as
 * the next release and rejoins. The first to start applies the migration itself while the other,
 * the old release, serves; then one instance is rolled back to the old release, on the migrated
 * schema. Every event is stored once, ledger order has no holes, and the projections still equal
 * a replay.
 */
class TwoInstancesIT {

    @TempDir
    Path data;

    @Test
    void twoServersOnOneDatabaseStoreEachEventOnce() throws Exception {
        try (EmbeddedPostgres pg = PgOps.scratch(data.resolve("pg"))) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (ServerProcess a = ServerProcess.on(data.resolve("a"), url).start();
                    ServerProcess b = ServerProcess.on(data.resolve("b"), url).start()) {
                Client.setUp(a::uri, "unused");
                List<CompletableFuture<DevicePusher>> devices = new ArrayList<>();
                int perDevice = 150;
                for (int d = 0; d < 4; d++) {
                    String[] device = Client.enroll(d % 2 == 0 ? a::uri : b::uri, "gun-" + d);
                    Random random = new Random(100 + d);
                    List<ObjectNode> events = Client.receipts("D" + d + "-", perDevice);
                    DevicePusher pusher = new DevicePusher(
                            device, events, 12, () -> (random.nextBoolean() ? a : b).uri("/api/v1/sync/push"));
                    devices.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return pusher.drain(180_000, new Random(200));
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                    // The same device also fires batches at the other instance at the same time.
                    devices.add(CompletableFuture.supplyAsync(() -> {
                        Random echo = new Random(300);
                        for (int i = 0; i < 20; i++) {
                            int upTo = Math.max(1, pusher.acked + 5);
                            int from = echo.nextInt(Math.min(upTo, perDevice));
                            try {
                                URI other = (echo.nextBoolean() ? a : b).uri("/api/v1/sync/push");
                                Client.call(
                                        other,
                                        "POST",
                                        device[1],
                                        Client.pushBody(
                                                device[0],
                                                events.subList(from, Math.min(perDevice, from + 1 + echo.nextInt(8)))));
                            } catch (Exception gapOrDuplicate) {
                                // a 409 gap is a fine answer to a batch sent ahead
                            }
                        }
                        return pusher;
                    }));
                }
                for (CompletableFuture<DevicePusher> f : devices) {
                    f.get();
                }
                int total = 4 * perDevice;
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                        Statement s = c.createStatement()) {
                    assertThat(PgOps.one(s, "SELECT count(*) FROM stock WHERE quantity <> 10"))
                            .isZero();
                    assertThat(PgOps.one(s, "SELECT count(*) FROM stock")).isEqualTo(total);
                    assertEachEventOnceAndReplayEqual(s, b, total);
                }
                // The sign-in budget per user name (10 a minute) is one budget for both instances.
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < 11; i++) {
                    try {
                        Client.token((i % 2 == 0 ? a : b)::uri, "mallory", "guess-" + i);
                        answers.add("200");
                    } catch (java.io.IOException refused) {
                        answers.add(refused.getMessage().substring(5, 8));
                    }
                }
                assertThat(answers)
                        .containsExactly("401", "401", "401", "401", "401", "401", "401", "401", "401", "401", "429");

                rollingUpgrade(url, a, b, total);
            }
        }
    }

    /**
     * The next release's migration as a release would ship it: expand only (a nullable column and
     * an index), so the release before it keeps working on the migrated schema.
     */
    private static final String NEXT_RELEASE_MIGRATION = "ALTER TABLE lot ADD COLUMN next_release_note text;\n"
            + "CREATE INDEX lot_next_release_note ON lot (next_release_note);\n";

    private void rollingUpgrade(String url, ServerProcess a, ServerProcess b, int alreadyStored) throws Exception {
        // The next release: this build and one more migration, packaged beside target/quarkus-app.
        // Its Flyway also reads a directory, fixed when it is built as a release's migrations are,
        // which holds the migration; the release applies it itself when it starts.
        Path migrations = Files.createDirectories(data.resolve("next-release"));
        Files.writeString(migrations.resolve("V900__next_release_expands.sql"), NEXT_RELEASE_MIGRATION);
        Path nextRelease = Commands.packageServer(
                        data.resolve("next-release.log"),
                        "next-release",
                        "-Dquarkus.flyway.locations=db/migration,filesystem:" + migrations)
                .resolve("quarkus-run.jar");

        List<ServerProcess> balanced = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(a, b));
        java.util.function.Supplier<URI> balancer = () -> balanced.get(
                        java.util.concurrent.ThreadLocalRandom.current().nextInt(balanced.size()))
                .uri("/api/v1/sync/push");
        // Two devices push a few events every 100 ms for as long as the upgrade takes.
        java.util.concurrent.atomic.AtomicBoolean upgrading = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<DevicePusher> pushers = new ArrayList<>();
        List<CompletableFuture<DevicePusher>> pushing = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            DevicePusher pusher = new DevicePusher(
                    Client.enroll(a::uri, "upgrade-" + d), Client.receipts("U" + d + "-", 2_000), 3, balancer);
            pushers.add(pusher);
            Random random = new Random(600 + d);
            pushing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    while (upgrading.get()) {
                        pusher.drainTo(Math.min(2_000, pusher.acked + 3), 60_000, random);
                        Thread.sleep(100);
                    }
                    return pusher;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        List<Integer> acknowledged = new ArrayList<>();
        DevicePusher.awaitAcknowledged(pushers, 20);
        // Each instance in turn leaves the balancer, stops (SIGTERM), starts as the next release and
        // rejoins; the first to start migrates the schema while the other, the old release, serves.
        // Then one is rolled back: the old release again, on the migrated schema.
        record Restart(ServerProcess instance, Path release) {}
        List<Integer> migratedAfterStart = new ArrayList<>();
        for (Restart r : List.of(new Restart(a, nextRelease), new Restart(b, nextRelease), new Restart(b, null))) {
            acknowledged.add(acked(pushers));
            balanced.remove(r.instance());
            r.instance().close();
            r.instance().release(r.release());
            r.instance().start();
            migratedAfterStart.add(nextReleaseMigrations(url));
            balanced.add(r.instance());
        }
        // the rolled-back old release alone, on the migrated schema, takes the pushes
        // (while each instance restarted, the other alone took them: the next release, a, twice)
        balanced.remove(a);
        DevicePusher.awaitAcknowledged(pushers, acked(pushers) + 20);
        acknowledged.add(acked(pushers));
        balanced.add(a);
        upgrading.set(false);
        for (CompletableFuture<DevicePusher> f : pushing) {
            f.get();
        }
        System.out.printf(
                "rolling upgrade: events acknowledged before each restart and after, by the old release alone: %s%n",
                acknowledged);
        assertThat(acknowledged)
                .as("acknowledged before each restart and after, by the old release alone: pushes flowed all along")
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(migratedAfterStart)
                .as("the next release's migration, once the first instance of it started, and still once after")
                .containsExactly(1, 1, 1);

        int total = alreadyStored + acked(pushers);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            assertThat(PgOps.one(
                            s,
                            "SELECT count(*) FROM information_schema.columns "
                                    + "WHERE table_name = 'lot' AND column_name = 'next_release_note'"))
                    .isOne();
            assertEachEventOnceAndReplayEqual(s, a, total);
        }
    }

    /** How often the next release's migration is recorded as applied (Flyway's history). */
    private static int nextReleaseMigrations(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            return (int) PgOps.one(s, "SELECT count(*) FROM flyway_schema_history WHERE version = '900' AND success");
        }
    }

    /**
     * {@code total} events in the ledger, each once, ledger order without holes; a projection
     * rebuild through {@code server} replays them all and changes nothing.
     */
    private static void assertEachEventOnceAndReplayEqual(Statement s, ServerProcess server, long total)
            throws Exception {
        assertThat(PgOps.one(s, "SELECT count(*) FROM ledger_event")).isEqualTo(total);
        assertThat(PgOps.one(s, "SELECT count(DISTINCT event_id) FROM ledger_event"))
                .isEqualTo(total);
        assertThat(PgOps.one(s, "SELECT max(ledger_seq) - min(ledger_seq) + 1 FROM ledger_event"))
                .isEqualTo(total);
        assertThat(LedgerChecks.rebuildChangesNothing(s, server)).isEqualTo(total);
    }

    /** Events acknowledged to all the pushers together. */
    private static int acked(List<DevicePusher> pushers) {
        return pushers.stream().mapToInt(p -> p.acked).sum();
    }
}
