package org.lotkeeper.client.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.model.id.DeviceId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/QUALITY.md R1 at small size: a capturing process is killed with SIGKILL ({@code destroyForcibly})
 * at random moments, many times over, on one SQLite file. Afterwards every capture the process
 * confirmed is in the file with its id, deviceSeq has no gap and no repeat, and no event is
 * half-written (each has exactly its local-view rows).
 */
class KillDuringCaptureTest {

    private static final int KILLS = 12;

    @TempDir
    Path dir;

    @Test
    void everyConfirmedCaptureSurvivesKillNineAndSequenceStaysGapless() throws Exception {
        Path db = dir.resolve("device.db");
        Random random = new Random(20261125);
        Map<Long, String> confirmed = new LinkedHashMap<>();
        int killedWhileCapturing = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CaptureChild.class.getName(),
                            db.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("child-stderr.txt").toFile()))
                    .start();
            List<String> lines = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch capturing = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                        if (line.startsWith("READY")) {
                            ready.countDown();
                        } else if (line.startsWith("CONFIRMED ")) {
                            capturing.countDown();
                        }
                    }
                } catch (IOException e) {
                    // the pipe closes when the child dies
                }
            });
            reader.start();
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("child started").isTrue();
            // one round in four is killed early (the first capture loads the codec classes); the others once captures
            // flow, at a random point mid-stream, however slow a busy machine makes the child's start
            if (random.nextInt(4) == 0) {
                Thread.sleep(random.nextInt(150));
            } else {
                assertThat(capturing.await(60, TimeUnit.SECONDS))
                        .as("child captures")
                        .isTrue();
                Thread.sleep(random.nextInt(300));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            int before = confirmed.size();
            synchronized (lines) {
                for (String line : lines) {
                    if (line.startsWith("CONFIRMED ")) {
                        String[] parts = line.split(" ", -1);
                        if (parts.length == 3
                                && parts[2].length() == 36) { // a line cut by the kill is not a confirmation
                            confirmed.put(Long.parseLong(parts[1]), parts[2]);
                        }
                    }
                }
            }
            if (confirmed.size() > before) {
                killedWhileCapturing++;
            }
        }
        assertThat(killedWhileCapturing)
                .as(
                        "rounds in which the child was killed mid-stream; child stderr: %s",
                        java.nio.file.Files.exists(dir.resolve("child-stderr.txt"))
                                ? java.nio.file.Files.readString(dir.resolve("child-stderr.txt"))
                                : "")
                .isGreaterThanOrEqualTo(KILLS / 3);
        assertThat(confirmed).hasSizeGreaterThan(KILLS);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            Map<Long, String> stored = new LinkedHashMap<>();
            try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT device_seq, event_id FROM outbox ORDER BY device_seq")) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertThat(stored).containsAllEntriesOf(confirmed);
            assertThat(stored.keySet())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, stored.size())
                            .boxed()
                            .toList());
            // nothing half-written: a RECEIVE has one stock delta and one lot row, a MOVE two stock deltas
            try (ResultSet rs = c.createStatement().executeQuery("""
                    SELECT o.device_seq, o.type,
                           (SELECT COUNT(*) FROM local_delta d WHERE d.device_seq = o.device_seq),
                           (SELECT COUNT(*) FROM local_lot l WHERE l.device_seq = o.device_seq)
                    FROM outbox o""")) {
                while (rs.next()) {
                    boolean receive = rs.getString(2).equals("RECEIVE");
                    assertThat(rs.getInt(3))
                            .as("stock rows of event " + rs.getLong(1))
                            .isEqualTo(receive ? 1 : 2);
                    assertThat(rs.getInt(4))
                            .as("lot rows of event " + rs.getLong(1))
                            .isEqualTo(receive ? 1 : 0);
                }
            }
            try (ResultSet rs = c.createStatement()
                    .executeQuery(
                            "SELECT COUNT(*) FROM local_delta WHERE device_seq NOT IN (SELECT device_seq FROM outbox)")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        try (SqliteStore store = SqliteStore.open(db)) {
            long highest = store.outbox().highestDeviceSeq();
            assertThat(store.outbox()
                            .capture(
                                    StoreFixtures.ANA,
                                    StoreFixtures.move("K-1", "1", StoreFixtures.DOCK, StoreFixtures.A01))
                            .deviceSeq())
                    .isEqualTo(highest + 1);
            assertThat(store.settings().deviceId()).contains(new DeviceId("dev-1"));
        }
    }
}
