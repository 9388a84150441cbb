package org.lotkeeper.client.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotkeeper.client.core.ClientCore;
import org.lotkeeper.client.e2e.ServerApi;
import org.lotkeeper.client.e2e.ServerProcess;
import org.lotkeeper.client.sim.Simulator;
import org.lotkeeper.model.event.Event;
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
import org.lotkeeper.model.id.UuidV7Generator;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.profiles.DeviceProfiles;

/**
 * docs/QUALITY.md P6 and P7 at a chosen size, end to end on the packaged server: a loader device pushes
 * {@code lots} RECEIVE events (one lot and one stock row each) through the push API — with
 * {@code stockRowsPerLot} 2, each followed by a MOVE of half the lot to WH-A-01 (a second stock
 * row, as P6's 100,000 lots / 200,000 stock rows asks); then a fresh
 * simulated device enrolls and its first sync (a snapshot of the site, applied to SQLite) is timed,
 * then an incremental pull with nothing new and one with one new lot. P7: the device's store is
 * reopened as at start (open, migrate, ready for a badge scan), timed, with the heap used after a GC.
 *
 * <p>Run (after building sync-server): {@code ./mvnw -B -q -pl mobile-client test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.lotkeeper.client.bench.FirstSyncBenchmark
 * -Dexec.args="<dir> <lots> [stockRowsPerLot: 1 or 2]"}
 */
public final class FirstSyncBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FirstSyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "mobile-client/target/first-sync-bench");
        int lots = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rowsPerLot = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (rowsPerLot != 1 && rowsPerLot != 2) {
            throw new IllegalArgumentException("stockRowsPerLot is 1 or 2");
        }
        if (Files.exists(dir.resolve("devices"))) {
            throw new IllegalStateException("use a fresh directory: " + dir);
        }
        System.setProperty(
                "lotkeeper.server.jar",
                System.getProperty(
                        "lotkeeper.server.jar",
                        Files.isRegularFile(Path.of("sync-server/target/quarkus-app/quarkus-run.jar"))
                                ? "sync-server/target/quarkus-app/quarkus-run.jar"
                                : "../sync-server/target/quarkus-app/quarkus-run.jar"));
        try (ServerProcess server = new ServerProcess(dir.resolve("server")).start()) {
            ServerApi api = new ServerApi(server);
            api.loadMasterData("/riverside/masterdata.json");
            JsonNode loader = api.enroll(api.enrollmentCode("PLANT-1", "loader"), "loader");
            String loaderToken = loader.path("token").asText();
            DeviceId loaderId = DeviceId.of(loader.path("deviceId").asText());

            long t0 = System.nanoTime();
            UuidV7Generator ids = new UuidV7Generator();
            long seq = 1;
            int perPush = 1000 / rowsPerLot; // at most 1,000 events a push
            for (int from = 0; from < lots; from += perPush) {
                List<Event> batch = new ArrayList<>();
                for (int i = from; i < Math.min(lots, from + perPush); i++) {
                    batch.add(receipt(ids, seq++, i));
                    if (rowsPerLot == 2) {
                        batch.add(halfToStorage(ids, seq++, i));
                    }
                }
                PushResponse r = api.push(loaderToken, loaderId, batch);
                if (r.results().stream().anyMatch(x -> !x.status().stored())) {
                    throw new IllegalStateException(
                            "a receipt was not stored: " + r.results().get(0));
                }
            }
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "loaded %,d lots (%,d events, %,d stock rows) through push in %.1f s (%,.0f events/s)%n",
                    lots,
                    seq - 1,
                    (long) lots * rowsPerLot,
                    loadSeconds,
                    (seq - 1) / loadSeconds);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Path devices = dir.resolve("devices");
            Simulator sim = new Simulator(
                    Simulator.Options.in(devices), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            try {
                sim.set("SERVER", server.url()).set("CODE", api.enrollmentCode("PLANT-1", "fresh"));
                check(sim.run(List.of("device fresh profile=zebra-tc5x", "enroll ${SERVER} ${CODE}")));
                time(sim, out, "first sync (snapshot)");
                time(sim, out, "incremental sync, nothing new");
                api.push(loaderToken, loaderId, List.of(receipt(ids, seq++, lots)));
                time(sim, out, "incremental sync, one new lot");
            } finally {
                sim.close();
            }

            System.gc();
            long before = usedHeap();
            long s0 = System.nanoTime();
            try (ClientCore device = ClientCore.builder(
                            devices.resolve("fresh.db"),
                            DeviceProfiles.bundled().byName("zebra-tc5x").orElseThrow())
                    .build()) {
                if (device.data().userByBadge("B-1001").isEmpty()
                        || device.data()
                                .itemByGtin(org.lotkeeper.model.id.Gtin.of("10614141000033"))
                                .isEmpty()) {
                    throw new IllegalStateException(
                            "the synced device does not know badge B-1001 or the solvent's GTIN");
                }
                double readyMs = (System.nanoTime() - s0) / 1e6;
                System.gc();
                System.out.printf(
                        Locale.ROOT,
                        "P7 in-process: store open to ready-to-scan %.0f ms; heap used after GC %.1f MB "
                                + "(%.1f MB before opening); device file %.1f MB%n",
                        readyMs,
                        usedHeap() / 1e6,
                        before / 1e6,
                        Files.size(devices.resolve("fresh.db")) / 1e6);
            }
        }
    }

    private static Event receipt(UuidV7Generator ids, long seq, int i) {
        String lot = String.format(Locale.ROOT, "S-%06d", i);
        Receive r = new Receive(
                PartnerCode.of("SOLVCO"),
                Reference.of("PO-LOAD"),
                ItemCode.of("RM-SOLVENT"),
                LotCode.of(lot),
                null,
                Quantity.of(Integer.toString(100 + i % 900), Uom.LTR),
                LocalDate.parse("2027-09-30").plusDays(i % 300),
                null,
                LocationCode.of(i % 2 == 0 ? "RCV-DOCK-1" : "WH-B-01"),
                null,
                List.of(),
                null);
        return new Event(ids.next(), seq, Instant.now(), UserId.of("ana"), SiteCode.of("PLANT-1"), r);
    }

    /** A MOVE of half of lot {@code i} from where it was received to WH-A-01: its second stock row. */
    private static Event halfToStorage(UuidV7Generator ids, long seq, int i) {
        Move m = new Move(
                ItemCode.of("RM-SOLVENT"),
                LotCode.of(String.format(Locale.ROOT, "S-%06d", i)),
                Quantity.of(Integer.toString((100 + i % 900) / 2), Uom.LTR),
                LocationCode.of(i % 2 == 0 ? "RCV-DOCK-1" : "WH-B-01"),
                LocationCode.of("WH-A-01"),
                null);
        return new Event(ids.next(), seq, Instant.now(), UserId.of("ana"), SiteCode.of("PLANT-1"), m);
    }

    private static void time(Simulator sim, ByteArrayOutputStream out, String what) throws Exception {
        out.reset();
        long t = System.nanoTime();
        check(sim.run(List.of("sync")));
        double ms = (System.nanoTime() - t) / 1e6;
        JsonNode sync = JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
        if (!sync.path("ok").asBoolean()) {
            throw new IllegalStateException("sync failed: " + sync);
        }
        System.out.printf(Locale.ROOT, "%-32s %8.0f ms   cache %s%n", what, ms, sync.path("cache"));
    }

    private static void check(int exit) {
        if (exit != Simulator.OK) {
            throw new IllegalStateException("simulator exit " + exit);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
