package org.lotkeeper.client.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.UuidV7Generator;
import org.lotkeeper.model.wire.EventJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lotkeeper.client.store.StoreFixtures.A01;
import static org.lotkeeper.client.store.StoreFixtures.A02;
import static org.lotkeeper.client.store.StoreFixtures.ANA;
import static org.lotkeeper.client.store.StoreFixtures.SITE;
import static org.lotkeeper.client.store.StoreFixtures.move;

class SqliteStoreTest {

    @TempDir
    Path dir;

    private SqliteStore open() {
        SqliteStore store = SqliteStore.open(dir.resolve("device.db"));
        if (store.settings().site().isEmpty()) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t0k3n", SITE);
        }
        return store;
    }

    @Test
    void opensTheFileInWalModeWithFullSyncAndForeignKeys() {
        try (SqliteStore store = open()) {
            assertThat(store.pragma("journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(store.pragma("synchronous")).isEqualTo("2"); // FULL
            assertThat(store.pragma("foreign_keys")).isEqualTo("1");
            assertThat(store.schemaVersion()).isEqualTo(Migrations.ALL.size());
        }
    }

    @Test
    void theDeviceLeavesWalCheckpointsToSqlitesCommits() {
        try (SqliteStore store = open()) {
            assertThat(store.pragma("wal_autocheckpoint")).isEqualTo("1000");
        }
    }

    @Test
    void withBackgroundCheckpointsNoCommitCheckpointsAThreadCopiesTheWalAndItStartsAgain() throws Exception {
        Path file = dir.resolve("background.db");
        Path wal = dir.resolve("background.db-wal");
        try (SqliteStore store = SqliteStore.open(file, WalCheckpoint.BACKGROUND)) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t0k3n", SITE);
            assertThat(store.pragma("wal_autocheckpoint")).isEqualTo("0"); // no capture does it
            assertThat(store.checkpointNow()).isTrue();
            long fileBefore = Files.size(file);
            for (int i = 0; i < 2_500; i++) {
                store.outbox().capture(ANA, move("R-" + i, "1", A01, A02));
            }
            // captures back to back never leave the WAL to grow: the thread copies it between two
            // (2,500 captures write about 75 MB of WAL frames; the thread keeps it to about 16 MB and
            // what is written while it copies)
            assertThat(Files.size(wal)).isLessThan(40L << 20);
            // the checkpoint thread, by itself, copies the pages into the database file
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Files.size(file) <= fileBefore && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.size(file)).isGreaterThan(fileBefore);
            assertThat(store.checkpointNow()).isTrue();
            // once all of it is copied, the next commits write the WAL from its start again
            long walSize = Files.size(wal);
            for (int i = 0; i < 20; i++) {
                store.outbox().capture(ANA, move("S-" + i, "1", A01, A02));
            }
            assertThat(Files.size(wal)).isLessThanOrEqualTo(walSize);
            assertThat(store.outbox().pendingCount()).isEqualTo(2_520);
        }
    }

    @Test
    void captureAssignsGaplessSequenceNumbersThatContinueAfterReopening() {
        List<Long> seqs = new ArrayList<>();
        try (SqliteStore store = open()) {
            for (int i = 0; i < 3; i++) {
                seqs.add(store.outbox().capture(ANA, move("R-1", "1", A01, A02)).deviceSeq());
            }
        }
        try (SqliteStore store = open()) {
            seqs.add(store.outbox().capture(ANA, move("R-1", "1", A01, A02)).deviceSeq());
            assertThat(store.settings().nextDeviceSeq()).isEqualTo(5);
        }
        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void capturedEventIsInTheOutboxAsPendingWithItsJsonAndIdentity() {
        try (SqliteStore store = open()) {
            Event e = store.outbox().capture(ANA, move("R-1", "12.5", A01, A02));
            assertThat(e.eventId().value().version()).isEqualTo(7);
            assertThat(e.site()).isEqualTo(SITE);
            OutboxEntry entry = store.outbox().entry(e.eventId()).orElseThrow();
            assertThat(entry.state()).isEqualTo(OutboxState.PENDING);
            assertThat(EventJson.canonicalString(entry.event())).isEqualTo(EventJson.canonicalString(e));
            assertThat(store.outbox().pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void captureWithoutASiteIsRefusedAndUsesNoSequenceNumber() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("fresh.db"))) {
            assertThatThrownBy(() -> store.outbox().capture(ANA, move("R-1", "1", A01, A02)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(store.outbox()
                            .capture(ANA, SITE, move("R-1", "1", A01, A02))
                            .deviceSeq())
                    .isEqualTo(1);
        }
    }

    @Test
    void aFailedCaptureUsesNoSequenceNumberAndLeavesNothingBehind() throws Exception {
        try (SqliteStore store = open()) {
            store.outbox().capture(ANA, move("R-1", "1", A01, A02));
        }
        // a trigger makes the local-view insert of lot BOOM fail inside the capture transaction
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("device.db"))) {
            c.createStatement()
                    .execute("CREATE TRIGGER boom BEFORE INSERT ON local_delta WHEN NEW.lot = 'BOOM' "
                            + "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        }
        try (SqliteStore store = open()) {
            assertThatThrownBy(() -> store.outbox().capture(ANA, move("BOOM", "1", A01, A02)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("disk on fire");
            assertThat(store.outbox().all()).extracting(OutboxEntry::deviceSeq).containsExactly(1L);
            assertThat(store.outbox().capture(ANA, move("R-1", "1", A01, A02)).deviceSeq())
                    .isEqualTo(2);
        }
    }

    @Test
    void thePotencyMigrationMakesTheNextPullLoadEveryLotAgain() throws Exception {
        Path file = dir.resolve("device.db");
        try (SqliteStore store =
                SqliteStore.open(file, Clock.systemUTC(), new UuidV7Generator(), Migrations.ALL.subList(0, 3))) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t0k3n", SITE);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO device_settings (key, value) VALUES ('pull.cursor', 'c-43')");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(5);
            assertThat(store.settings().pullCursor()).isEmpty();
        }
    }

    @Test
    void theRetestDateMigrationMakesTheNextPullLoadEveryLotAgain() throws Exception {
        Path file = dir.resolve("device.db");
        try (SqliteStore store =
                SqliteStore.open(file, Clock.systemUTC(), new UuidV7Generator(), Migrations.ALL.subList(0, 2))) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("dev-1"), "t0k3n", SITE);
            store.outbox().capture(ANA, move("R-1", "1", A01, A02));
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO device_settings (key, value) VALUES ('pull.cursor', 'c-42')");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.ALL.size());
            // a client before v3 read past lots' retest dates: the cursor goes, the outbox stays
            assertThat(store.settings().pullCursor()).isEmpty();
            assertThat(store.outbox().all()).hasSize(1);
        }
    }

    @Test
    void aNewerMigrationKeepsTheOutbox() {
        Path file = dir.resolve("device.db");
        try (SqliteStore store = open()) {
            store.outbox().capture(ANA, move("R-1", "1", A01, A02));
        }
        List<Migration> newer = new ArrayList<>(Migrations.ALL);
        newer.add(new Migration(
                Migrations.ALL.size() + 1,
                "a later column",
                List.of(
                        "ALTER TABLE outbox ADD COLUMN note TEXT",
                        "CREATE TABLE later_things (id INTEGER PRIMARY KEY)")));
        try (SqliteStore store = SqliteStore.open(file, Clock.systemUTC(), new UuidV7Generator(), newer)) {
            assertThat(store.schemaVersion()).isEqualTo(newer.size());
            assertThat(store.outbox().all()).hasSize(1);
            assertThat(store.outbox().capture(ANA, move("R-1", "1", A01, A02)).deviceSeq())
                    .isEqualTo(2);
        }
        // a client that only knows the older schema refuses the newer file instead of guessing
        assertThatThrownBy(() -> SqliteStore.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void aMigrationThatDropsOrEmptiesTheOutboxIsRefused() {
        assertThatThrownBy(() -> new Migration(9, "oops", List.of("DROP TABLE IF EXISTS outbox")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Migration(9, "oops", List.of("delete from \"outbox\"")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Migration(9, "oops", List.of("ALTER TABLE outbox RENAME TO old_outbox")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Migration(9, "prune", List.of("DELETE FROM outbox WHERE state = 'ACCEPTED' AND 0")).statements())
                .hasSize(1);
    }

    @Test
    void settingsKeepTheEnrollment() throws Exception {
        try (SqliteStore store = open()) {
            assertThat(store.settings().isEnrolled()).isTrue();
            store.settings().clearToken();
            assertThat(store.settings().isEnrolled()).isFalse();
            assertThat(store.settings().deviceId()).contains(new DeviceId("dev-1"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("device.db"));
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT value FROM device_settings WHERE key = 'server.url'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("http://localhost");
        }
    }
}
