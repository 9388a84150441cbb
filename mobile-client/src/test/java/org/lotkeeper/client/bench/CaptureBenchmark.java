package org.lotkeeper.client.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import org.lotkeeper.client.store.SqliteStore;
import org.lotkeeper.client.store.WalCheckpoint;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;

/**
 * docs/QUALITY.md P1 on the device store: the time from {@code Outbox.capture(...)} to its return after
 * the commit (WAL, synchronous=FULL) on a real SQLite file, one capture at a time, as a scanner
 * does it. Prints percentiles, all in one process:
 * <ol>
 *   <li>baseline: one plain row per transaction on the same kind of file (what the disk allows);</li>
 *   <li>then for each way of checkpointing the WAL ({@link WalCheckpoint}: the device's background
 *       thread, SQLite's automatic checkpoint inside a commit, that again, the background again),
 *       on a fresh file:
 *       <ul>
 *         <li>closed loop: captures back to back (the most a device can do);</li>
 *         <li>sustained: captures paced at a fixed rate (default 1,000/s) for a fixed time,
 *             latency measured from the scheduled start, so a stall shows up in the figures.</li>
 *       </ul>
 *   </li>
 * </ol>
 * Run: {@code ./mvnw -B -q -pl mobile-client test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lotkeeper.client.bench.CaptureBenchmark [-Dexec.args="<dir> <captures> <rate/s> <seconds>"]}
 */
public final class CaptureBenchmark {

    private CaptureBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("capture-bench");
        int captures = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        Files.createDirectories(dir);
        System.out.printf(
                Locale.ROOT,
                "capture benchmark: dir=%s, %d captures, sustained %d/s for %d s, java %s, %d cpus%n",
                dir,
                captures,
                rate,
                seconds,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        baseline(dir.resolve("baseline.db"), captures);

        for (WalCheckpoint checkpoints : List.of(
                WalCheckpoint.BACKGROUND, WalCheckpoint.ON_COMMIT, WalCheckpoint.ON_COMMIT, WalCheckpoint.BACKGROUND)) {
            captures(dir, checkpoints, captures, rate, seconds);
        }
    }

    private static void captures(Path dir, WalCheckpoint checkpoints, int captures, int rate, int seconds)
            throws Exception {
        Path file = dir.resolve("device-" + checkpoints.name().toLowerCase(Locale.ROOT) + ".db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
        String mode = checkpoints == WalCheckpoint.BACKGROUND ? "background checkpoint" : "checkpoint in commit";
        try (SqliteStore store = SqliteStore.open(file, checkpoints)) {
            store.settings().saveEnrollment("http://localhost", new DeviceId("bench-1"), "t", new SiteCode("PLANT-1"));
            for (int i = 0; i < 2_000; i++) { // warm-up
                capture(store, i);
            }
            long[] closed = new long[captures];
            long t0 = System.nanoTime();
            for (int i = 0; i < captures; i++) {
                long s = System.nanoTime();
                capture(store, i);
                closed[i] = System.nanoTime() - s;
            }
            long elapsed = System.nanoTime() - t0;
            report("capture, closed loop, " + mode, closed, elapsed);

            int n = rate * seconds;
            long[] paced = new long[n];
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + i * period;
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(Math.min(due - now, 200_000));
                }
                capture(store, i);
                paced[i] = System.nanoTime() - due; // from the scheduled start: includes any queueing behind a stall
            }
            report("capture, " + rate + "/s, " + mode, paced, System.nanoTime() - start);
            System.out.printf(
                    Locale.ROOT,
                    "outbox rows: %d, file %s: %.1f MB, its WAL %.1f MB%n",
                    store.outbox().highestDeviceSeq(),
                    file,
                    Files.size(file) / 1e6,
                    Files.size(file.resolveSibling(file.getFileName() + "-wal")) / 1e6);
        }
    }

    private static final UserId USER = new UserId("ana");
    private static final ItemCode ITEM = new ItemCode("RM-RESIN");
    private static final LocationCode A = new LocationCode("WH-A-01");
    private static final LocationCode B = new LocationCode("WH-A-02");

    private static void capture(SqliteStore store, int i) {
        EventPayload p = i % 5 == 0
                ? new Receive(
                        new PartnerCode("ACME"),
                        new Reference("PO-" + i),
                        ITEM,
                        new LotCode("L-" + (i % 500)),
                        null,
                        Quantity.of("20", Uom.KGM),
                        null,
                        null,
                        A,
                        null,
                        List.of(),
                        null)
                : new Move(ITEM, new LotCode("L-" + (i % 500)), Quantity.of("1.5", Uom.KGM), A, B, null);
        store.outbox().capture(USER, p);
    }

    private static void baseline(Path file, int rows) throws Exception {
        Files.deleteIfExists(file);
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.FULL);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
            c.setAutoCommit(false);
            String payload = "x".repeat(400);
            long[] lat = new long[rows];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (payload) VALUES (?)")) {
                long t0 = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    long s = System.nanoTime();
                    ps.setString(1, payload);
                    ps.executeUpdate();
                    c.commit();
                    lat[i] = System.nanoTime() - s;
                }
                report("baseline, one plain row per transaction", lat, System.nanoTime() - t0);
            }
        }
    }

    private static void report(String name, long[] nanos, long elapsedNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-50s n=%6d  p50=%6.3f ms  p90=%6.3f ms  p99=%6.3f ms  p99.9=%6.3f ms  max=%7.3f ms  %8.0f/s%n",
                name,
                sorted.length,
                ms(sorted, 0.50),
                ms(sorted, 0.90),
                ms(sorted, 0.99),
                ms(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6,
                sorted.length / (elapsedNanos / 1e9));
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
