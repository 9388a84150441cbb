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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 part 2 (docs/OPERATIONS.md, "Database failover"): two server instances on a PostgreSQL
 * primary with a streaming-replication standby, both given one multi-host JDBC URL
 * ({@code targetServerType=primary}). Devices push to either; the primary is killed with SIGKILL
 * mid-load and the standby promoted. During the gap the servers answer 503 with
 * {@code Retry-After} and readiness is DOWN; they follow the new primary by themselves; after the
 * devices' retries the ledger holds every event exactly once, the hash chains verify and the
 * projections equal a replay. An asynchronous standby that fell behind (here: cut off from the
 * primary before the kill) loses events the primary had acknowledged; the devices resend them (the
 * {@code SEQUENCE_GAP} path). With a synchronous standby nothing acknowledged is lost, so nothing is
 * resent.
 */
class FailoverIT {

    private static final int DEVICES = 4;
    private static final int PER_DEVICE = 150;

    @TempDir
    Path data;

    @Test
    void anAsynchronousStandbyTakesOverAndDevicesResendWhatItHadNotReceived() throws Exception {
        Outcome o = failover(false);
        System.out.printf(
                "failover, asynchronous standby: %d answers 503 with Retry-After, %d events resent after"
                        + " SEQUENCE_GAP, first push stored %d ms after the promotion%n",
                o.unavailable(), o.resent(), o.followMillis());
        assertThat(o.resent())
                .as("what the standby had not received was acknowledged, lost and sent again")
                .isPositive();
    }

    @Test
    void aSynchronousStandbyLosesNothingAcknowledged() throws Exception {
        Outcome o = failover(true);
        System.out.printf(
                "failover, synchronous standby: %d answers 503 with Retry-After, %d events resent, first push"
                        + " stored %d ms after the promotion%n",
                o.unavailable(), o.resent(), o.followMillis());
        assertThat(o.resent())
                .as("every acknowledged event was on the standby before the device heard of it")
                .isZero();
    }

    private record Outcome(int unavailable, int resent, long followMillis) {}

    private Outcome failover(boolean synchronous) throws Exception {
        Path primaryDir = data.resolve("primary");
        Path standbyDir = data.resolve("standby");
        EmbeddedPostgres primary = EmbeddedPostgres.builder()
                .setDataDirectory(primaryDir)
                .setServerConfig("wal_keep_size", "256MB")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        EmbeddedPostgres standby = null;
        try {
            PgOps.baseBackup(primary, primaryDir, standbyDir);
            Files.createFile(standbyDir.resolve("standby.signal"));
            PgOps.configure(
                    standbyDir,
                    "primary_conninfo = 'host=127.0.0.1 port=" + primary.getPort()
                            + " user=postgres application_name=standby'");
            standby = EmbeddedPostgres.builder()
                    .setDataDirectory(standbyDir)
                    .setCleanDataDirectory(false)
                    .setPort(PgOps.freePort())
                    .setServerConfig("synchronous_commit", "on")
                    // it logs after pg_ctl has returned and closed the output it was given
                    .setServerConfig("logging_collector", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            awaitStreaming(primary, synchronous);
            String url = "jdbc:postgresql://127.0.0.1:" + primary.getPort() + ",127.0.0.1:" + standby.getPort()
                    + "/postgres?targetServerType=primary&hostRecheckSeconds=2";
            try (ServerProcess a = ServerProcess.on(data.resolve("a"), url);
                    ServerProcess b = ServerProcess.on(data.resolve("b"), url)) {
                CompletableFuture<ServerProcess> startingB = CompletableFuture.supplyAsync(() -> start(b));
                start(a);
                startingB.get();
                Client.setUp(a::uri, "unused");
                List<DevicePusher> pushers = new ArrayList<>();
                List<CompletableFuture<DevicePusher>> running = new ArrayList<>();
                for (int d = 0; d < DEVICES; d++) {
                    String[] device = Client.enroll(d % 2 == 0 ? a::uri : b::uri, "gun-" + d);
                    Random random = new Random(500 + d);
                    DevicePusher pusher = new DevicePusher(
                            device,
                            Client.receipts("F" + d + "-", PER_DEVICE),
                            20,
                            () -> (random.nextBoolean() ? a : b).uri("/api/v1/sync/push"));
                    pushers.add(pusher);
                    running.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return pusher.drain(240_000, new Random(600));
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                DevicePusher.awaitAcknowledged(pushers, DEVICES * PER_DEVICE / 4);
                if (!synchronous) {
                    // an asynchronous standby falls behind (here: cut off), the primary acknowledges on
                    detach(standby, primary);
                    DevicePusher.awaitAcknowledged(pushers, DEVICES * PER_DEVICE / 2);
                }
                // the primary dies under load
                PgOps.kill(primaryDir);

                // the gap: no primary; both servers refuse with 503 and Retry-After, readiness DOWN
                for (ServerProcess s : List.of(a, b)) {
                    HttpResponse<String> during = awaitUnavailable(s, pushers.get(0));
                    assertThat(during.statusCode()).isEqualTo(503);
                    assertThat(during.headers().firstValue("Retry-After")).isPresent();
                    assertThat(during.body()).contains("DATABASE_UNAVAILABLE");
                    assertThat(get(s.managementUri("/q/health/ready")).statusCode())
                            .isEqualTo(503);
                }
                try (Connection c = PgOps.connect(standby);
                        Statement s = c.createStatement()) {
                    s.execute("SELECT pg_promote(true, 60)");
                }
                long promotedAt = System.currentTimeMillis();
                for (CompletableFuture<DevicePusher> f : running) {
                    f.get();
                }
                long followMillis = firstStoredAfter(standby, promotedAt) - promotedAt;

                // every event exactly once on the new primary; chains verify; projections = a replay
                int total = DEVICES * PER_DEVICE;
                try (Connection c = PgOps.connect(standby);
                        Statement s = c.createStatement()) {
                    assertThat(PgOps.one(s, "SELECT count(*) FROM ledger_event WHERE device_id IS NOT NULL"))
                            .isEqualTo(total);
                    assertThat(PgOps.one(
                                    s, "SELECT count(DISTINCT event_id) FROM ledger_event WHERE device_id IS NOT NULL"))
                            .isEqualTo(total);
                    assertThat(PgOps.one(s, "SELECT count(*) FROM stock WHERE quantity <> 10"))
                            .isZero();
                    assertThat(PgOps.one(s, "SELECT count(*) FROM stock")).isEqualTo(total);
                    String admin = Client.token(b::uri, "admin", ServerProcess.ADMIN_PASSWORD);
                    JsonNode verified = Client.call(b.uri("/api/v1/admin/ledger/verify"), "POST", admin, null);
                    assertThat(verified.get("ok").asBoolean())
                            .as(verified.toString())
                            .isTrue();
                    String before = TwoInstancesIT.snapshot(s);
                    Client.call(a.uri("/api/v1/admin/projections/rebuild"), "POST", admin, null);
                    assertThat(TwoInstancesIT.snapshot(s)).isEqualTo(before);
                }
                for (DevicePusher p : pushers) {
                    assertThat(p.answers).as("every event acknowledged").hasSize(PER_DEVICE);
                }
                return new Outcome(
                        pushers.stream().mapToInt(p -> p.unavailable).sum(),
                        pushers.stream().mapToInt(p -> p.resent).sum(),
                        followMillis);
            }
        } finally {
            PgOps.closeQuietly(standby);
            PgOps.closeQuietly(primary);
        }
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
