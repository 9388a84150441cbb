package org.lotkeeper.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 part 2 (docs/OPERATIONS.md, "Database failover"): two server instances on a PostgreSQL
 * primary with a streaming-replication standby, both given one multi-host JDBC URL
 * ({@code targetServerType=primary}). Devices push to either; the primary is killed with SIGKILL
 * mid-load and the standby promoted. During the gap the servers answer 503 with
 * {@code Retry-After} and readiness is DOWN; they follow the new primary by themselves. It happens
 * twice: an asynchronous standby that fell behind (here: cut off from the primary before the kill)
 * loses events the primary had acknowledged, and the devices resend them (the {@code SEQUENCE_GAP}
 * path); then a synchronous standby, made from the new primary, loses nothing acknowledged, so
 * nothing is resent. In the end the ledger holds every event exactly once, the hash chains verify
 * and the projections equal a replay.
 */
class FailoverIT {

    private static final int DEVICES = 3;
    private static final int PER_DEVICE = 100;

    @TempDir
    Path data;

    /**
     * One plant, two failovers: first to an asynchronous standby that had fallen behind, then, with
     * a new standby made from the new primary, to a synchronous one.
     */
    @Test
    void theLedgerSurvivesAFailoverToAnAsynchronousThenToASynchronousStandby() throws Exception {
        Path firstDir = data.resolve("pg-1");
        Path secondDir = data.resolve("pg-2");
        Path thirdDir = data.resolve("pg-3");
        int thirdPort = PgOps.freePort();
        EmbeddedPostgres first = PgOps.in(firstDir)
                .setServerConfig("wal_keep_size", "256MB")
                .setServerConfig("synchronous_commit", "on")
                .start();
        EmbeddedPostgres second = null;
        EmbeddedPostgres third = null;
        try {
            second = standbyOf(first, firstDir, secondDir, PgOps.freePort());
            awaitStreaming(first, false);
            // every host the database may move to, the third's before it exists
            String url = "jdbc:postgresql://127.0.0.1:" + first.getPort() + ",127.0.0.1:" + second.getPort()
                    + ",127.0.0.1:" + thirdPort + "/postgres?targetServerType=primary&hostRecheckSeconds=2";
            try (ServerProcess a = ServerProcess.on(data.resolve("a"), url);
                    ServerProcess b = ServerProcess.on(data.resolve("b"), url)) {
                CompletableFuture<ServerProcess> startingB = CompletableFuture.supplyAsync(() -> start(b));
                start(a);
                startingB.get();
                Client.setUp(a::uri, "unused");
                List<DevicePusher> pushers = new ArrayList<>();
                for (int d = 0; d < DEVICES; d++) {
                    String[] device = Client.enroll(d % 2 == 0 ? a::uri : b::uri, "gun-" + d);
                    Random random = new Random(500 + d);
                    pushers.add(new DevicePusher(
                            device,
                            Client.receipts("F" + d + "-", PER_DEVICE),
                            20,
                            () -> (random.nextBoolean() ? a : b).uri("/api/v1/sync/push")));
                }
                int total = DEVICES * PER_DEVICE;

                // 1. asynchronous: the standby falls behind (here: cut off) while the primary acknowledges on
                CompletableFuture<Void> firstHalf = pushAsync(pushers, PER_DEVICE / 2);
                DevicePusher.awaitAcknowledged(pushers, total / 8);
                detach(second, first);
                DevicePusher.awaitAcknowledged(pushers, total / 4);
                long followed = failOver(firstDir, second, a, b, pushers);
                firstHalf.get();
                int resentAfterFirst = pushers.stream().mapToInt(p -> p.resent).sum();
                System.out.printf(
                        "failover to an asynchronous standby: %d answers 503 with Retry-After, %d events resent after"
                                + " SEQUENCE_GAP, first push stored %d ms after the promotion%n",
                        pushers.stream().mapToInt(p -> p.unavailable).sum(), resentAfterFirst, followed);
                assertThat(resentAfterFirst)
                        .as("what the standby had not received was acknowledged, lost and sent again")
                        .isPositive();

                // 2. synchronous: a new standby of the new primary, which waits for it at every commit
                third = standbyOf(second, secondDir, thirdDir, thirdPort);
                awaitStreaming(second, true);
                CompletableFuture<Void> secondHalf = pushAsync(pushers, PER_DEVICE);
                DevicePusher.awaitAcknowledged(pushers, total * 3 / 4);
                followed = failOver(secondDir, third, a, b, pushers);
                secondHalf.get();
                int resentAfterSecond = pushers.stream().mapToInt(p -> p.resent).sum() - resentAfterFirst;
                System.out.printf(
                        "failover to a synchronous standby: %d events resent, first push stored %d ms after the"
                                + " promotion%n",
                        resentAfterSecond, followed);
                assertThat(resentAfterSecond)
                        .as("every acknowledged event was on the standby before the device heard of it")
                        .isZero();

                LedgerChecks.assertWhole(third, b, total);
                for (DevicePusher p : pushers) {
                    assertThat(p.answers).as("every event acknowledged").hasSize(PER_DEVICE);
                }
            }
        } finally {
            PgOps.closeQuietly(third);
            PgOps.closeQuietly(second);
            PgOps.closeQuietly(first);
        }
    }

    /** A streaming standby of {@code primary} from a base backup, on {@code port}. */
    private static EmbeddedPostgres standbyOf(EmbeddedPostgres primary, Path primaryDir, Path dir, int port)
            throws Exception {
        PgOps.baseBackup(primary, primaryDir, dir);
        Files.createFile(dir.resolve("standby.signal"));
        PgOps.configure(
                dir,
                "primary_conninfo = 'host=127.0.0.1 port=" + primary.getPort()
                        + " user=postgres application_name=standby'",
                "synchronous_standby_names = ''");
        return PgOps.in(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("wal_keep_size", "256MB")
                .setServerConfig("synchronous_commit", "on")
                // it logs after pg_ctl has returned and closed the output it was given
                .setServerConfig("logging_collector", "on")
                .start();
    }

    /**
     * The primary in {@code primaryDir} dies (SIGKILL); both servers answer 503 with Retry-After
     * and report not ready; the standby is promoted. Answers how soon after the promotion the
     * first event was stored on it (ms).
     */
    private static long failOver(
            Path primaryDir, EmbeddedPostgres standby, ServerProcess a, ServerProcess b, List<DevicePusher> pushers)
            throws Exception {
        PgOps.kill(primaryDir);
        for (ServerProcess s : List.of(a, b)) {
            HttpResponse<String> during = awaitUnavailable(s, pushers.get(0));
            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).isPresent();
            assertThat(during.body()).contains("DATABASE_UNAVAILABLE");
            assertThat(get(s.managementUri("/q/health/ready")).statusCode()).isEqualTo(503);
        }
        try (Connection c = PgOps.connect(standby);
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_promote(true, 60)");
        }
        long promotedAt = System.currentTimeMillis();
        long deadline = promotedAt + 60_000;
        long stored;
        while ((stored = firstStoredAfter(standby, promotedAt)) == 0) {
            assertThat(System.currentTimeMillis())
                    .as("the servers follow the new primary")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        return stored - promotedAt;
    }

    /** Every device pushes until its first {@code upTo} events are acknowledged, in the background. */
    private static CompletableFuture<Void> pushAsync(List<DevicePusher> pushers, int upTo) {
        return CompletableFuture.allOf(pushers.stream()
                .map(p -> CompletableFuture.runAsync(() -> {
                    try {
                        p.drainTo(upTo, 180_000, new Random(upTo));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toArray(CompletableFuture[]::new));
    }

    /** The standby stops receiving WAL: what the primary acknowledges from now on only it has. */
    private static void detach(EmbeddedPostgres standby, EmbeddedPostgres primary) throws Exception {
        try (Connection c = PgOps.connect(standby);
                Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET primary_conninfo = ''");
            s.execute("SELECT pg_reload_conf()");
        }
        try (Connection c = PgOps.connect(primary);
                Statement s = c.createStatement()) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (PgOps.one(s, "SELECT count(*) FROM pg_stat_replication") > 0) {
                assertThat(System.currentTimeMillis())
                        .as("the standby detached")
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    /** Waits until the standby streams; with {@code synchronous}, until it is the synchronous one. */
    private static void awaitStreaming(EmbeddedPostgres primary, boolean synchronous) throws Exception {
        try (Connection c = PgOps.connect(primary);
                Statement s = c.createStatement()) {
            if (synchronous) {
                s.execute("ALTER SYSTEM SET synchronous_standby_names = 'standby'");
                s.execute("SELECT pg_reload_conf()");
            }
            String want = synchronous ? "sync" : "async";
            long deadline = System.currentTimeMillis() + 60_000;
            while (PgOps.one(
                            s,
                            "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming' AND sync_state = '"
                                    + want + "'")
                    == 0) {
                assertThat(System.currentTimeMillis())
                        .as("the standby streams (" + want + ")")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** A push of the device's first event (a duplicate once the database is back) until one is refused. */
    private static HttpResponse<String> awaitUnavailable(ServerProcess server, DevicePusher pusher)
            throws IOException, InterruptedException {
        HttpResponse<String> r = null;
        for (int i = 0; i < 50; i++) {
            r = pusher.pushFirst(server.uri("/api/v1/sync/push"));
            if (r.statusCode() != 200) {
                return r;
            }
            Thread.sleep(100);
        }
        return r;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** When the new primary stored its first event after {@code since} (epoch ms). */
    private static long firstStoredAfter(EmbeddedPostgres db, long since) throws Exception {
        try (Connection c = PgOps.connect(db);
                Statement s = c.createStatement()) {
            return PgOps.one(
                    s,
                    "SELECT (extract(epoch FROM min(recorded_at)) * 1000)::bigint FROM ledger_event"
                            + " WHERE recorded_at >= to_timestamp(" + since + " / 1000.0)");
        }
    }

    private static ServerProcess start(ServerProcess s) {
        try {
            return s.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
