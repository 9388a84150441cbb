package org.lotkeeper.server.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 part 3 (docs/OPERATIONS.md, "Backups and point-in-time recovery"): a PostgreSQL with
 * WAL archiving, a base backup taken while devices push (a quarter of their events stored, the
 * second quarter under way), a target time at half, and the database lost at three quarters. It is
 * restored from the backup and the archived WAL to a point in time between the backup and the
 * loss; a server on the restored database serves the devices, which resend what the restore lost
 * (409 {@code SEQUENCE_GAP} with {@code expectedSeq}) until the ledger is whole again: every event
 * once, chains intact, projections equal to a replay.
 */
class BackupRestoreIT {

    private static final int DEVICES = 3;
    private static final int PER_DEVICE = 100;

    @TempDir
    Path data;

    @Test
    void aBackupTakenMidLoadIsRestoredToAPointInTimeAndDevicesResendWhatTheRestoreLost() throws Exception {
        Path dbDir = data.resolve("db");
        Path archive = Files.createDirectories(data.resolve("wal-archive"));
        Path backup = data.resolve("backup");
        EmbeddedPostgres db = PgOps.in(dbDir)
                .setServerConfig("archive_mode", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        EmbeddedPostgres restored = null;
        try {
            try (Connection c = PgOps.connect(db);
                    Statement s = c.createStatement()) {
                s.execute("ALTER SYSTEM SET archive_command = 'cp %p " + archive + "/%f'");
                s.execute("SELECT pg_reload_conf()");
            }
            AtomicReference<ServerProcess> serving = new AtomicReference<>(
                    ServerProcess.on(data.resolve("server"), db.getJdbcUrl("postgres", "postgres"))
                            .start());
            try {
                Client.setUp(serving.get()::uri, "unused");
                List<DevicePusher> pushers = new ArrayList<>();
                for (int d = 0; d < DEVICES; d++) {
                    String[] device = Client.enroll(serving.get()::uri, "gun-" + d);
                    pushers.add(new DevicePusher(
                            device,
                            Client.receipts("B" + d + "-", PER_DEVICE),
                            20,
                            () -> serving.get().uri("/api/v1/sync/push")));
                }
                int total = DEVICES * PER_DEVICE;
                push(pushers, PER_DEVICE / 4);
                // the base backup, taken while the devices push their second quarter
                CompletableFuture<Void> secondQuarter = CompletableFuture.runAsync(() -> push(pushers, PER_DEVICE / 2));
                PgOps.baseBackup(db, dbDir, backup);
                secondQuarter.get();

                // the point to restore to: half the load stored
                String target;
                long atTarget;
                try (Connection c = PgOps.connect(db);
                        Statement s = c.createStatement()) {
                    atTarget = PgOps.one(s, "SELECT count(*) FROM ledger_event WHERE device_id IS NOT NULL");
                    try (ResultSet rs = s.executeQuery("SELECT clock_timestamp()::text")) {
                        rs.next();
                        target = rs.getString(1);
                    }
                }
                push(pushers, PER_DEVICE * 3 / 4);
                try (Connection c = PgOps.connect(db);
                        Statement s = c.createStatement()) {
                    // recovery stops at the first commit after the target: the WAL past it goes to the
                    // archive now, not when its segment is full
                    String segment;
                    try (ResultSet rs = s.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
                        rs.next();
                        segment = rs.getString(1);
                    }
                    long deadline = System.currentTimeMillis() + 30_000;
                    while (PgOps.one(
                                    s,
                                    "SELECT count(*) FROM pg_stat_archiver WHERE last_archived_wal >= '" + segment
                                            + "'")
                            == 0) {
                        assertThat(System.currentTimeMillis()).as("archived").isLessThan(deadline);
                        Thread.sleep(50);
                    }
                }

                // the database is lost: its server stops with it
                PgOps.kill(dbDir);
                serving.get().kill();
                long acknowledgedBeforeLoss =
                        pushers.stream().mapToInt(p -> p.acked).sum();

                // restore: the base backup, then the archived WAL up to the target time
                Path restoredDir = data.resolve("restored");
                Files.move(backup, restoredDir);
                Files.createFile(restoredDir.resolve("recovery.signal"));
                PgOps.configure(
                        restoredDir,
                        "restore_command = 'cp " + archive + "/%f %p'",
                        "recovery_target_time = '" + target + "'",
                        "recovery_target_action = 'promote'",
                        "archive_command = ''");
                restored = PgOps.in(restoredDir)
                        .setCleanDataDirectory(false)
                        .setPort(PgOps.freePort())
                        .setServerConfig("synchronous_commit", "on")
                        // recovery logs after pg_ctl has returned and closed the output it was given:
                        // PostgreSQL's own log files instead
                        .setServerConfig("logging_collector", "on")
                        .start();
                EmbeddedPostgres recovered = restored;
                long inRestore = awaitPromoted(recovered);
                assertThat(inRestore)
                        .as("the restore holds what was stored up to the target time, and no more")
                        .isBetween(atTarget, acknowledgedBeforeLoss - 1);

                // a server on the restored database; the devices resend what the restore lost
                serving.set(
                        ServerProcess.on(data.resolve("server-restored"), restored.getJdbcUrl("postgres", "postgres"))
                                .start());
                push(pushers, PER_DEVICE);
                int resent = pushers.stream().mapToInt(p -> p.resent).sum();
                assertThat(resent)
                        .as("the events acknowledged after the target time were sent again")
                        .isGreaterThanOrEqualTo((int) (acknowledgedBeforeLoss - inRestore));
                LedgerChecks.assertWhole(restored, serving.get(), total);
                System.out.printf(
                        "restore to a point in time: %d events acknowledged before the loss, %d in the restore,"
                                + " %d resent by the devices%n",
                        acknowledgedBeforeLoss, inRestore, resent);
            } finally {
                serving.get().close();
            }
        } finally {
            PgOps.closeQuietly(restored);
            PgOps.closeQuietly(db);
        }
    }

    /** Every device pushes until its first {@code upTo} events are acknowledged, all at once. */
    private static void push(List<DevicePusher> pushers, int upTo) {
        CompletableFuture.allOf(pushers.stream()
                        .map(p -> CompletableFuture.runAsync(() -> {
                            try {
                                p.drainTo(upTo, 180_000, new Random(upTo));
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /** Waits until the restored database has left recovery: the device events it holds. */
    private static long awaitPromoted(EmbeddedPostgres db) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        try (Connection c = PgOps.connect(db);
                Statement s = c.createStatement()) {
            while (PgOps.one(s, "SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END") == 1) {
                assertThat(System.currentTimeMillis()).as("recovery ends").isLessThan(deadline);
                Thread.sleep(100);
            }
            return PgOps.one(s, "SELECT count(*) FROM ledger_event WHERE device_id IS NOT NULL");
        }
    }
}
