package org.lotkeeper.client.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.core.ClientCore;
import org.lotkeeper.client.sim.SimDevice;
import org.lotkeeper.client.sim.Simulator;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.client.store.OutboxState;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.Receive;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.model.wire.PushResult;
import org.lotkeeper.model.wire.PushStatus;
import org.lotkeeper.profiles.DeviceProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the real, packaged server: the simulator enrolls a device, pulls, logs in Ana by
 * badge and PIN, receives the four Riverside lots by scanning their supplier labels, internal lot
 * labels and location labels through the keyboard-wedge path of the dock tablet's profile, and
 * syncs. The server's own answers then show each lot with the supplier lot, expiry and quantity of
 * {@code steps.json}, exactly once.
 */
class RiversideReceivingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Simulator simulator(Map<String, String> vars) {
        return new Simulator(
                Simulator.Options.in(dir.resolve("devices")).withVariables(vars),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> enrolledAndLoggedIn() {
        return List.of(
                "device dock-1 profile=dock-tablet-10",
                "enroll ${SERVER} ${CODE}",
                "sync",
                "login B-1001 471147",
                "start receive");
    }

    @Test
    void riversideLotsScannedAtTheDockReachTheServerWithTheirSupplierLotsExpiriesAndQuantities() throws Exception {
        try (ServerProcess server = new ServerProcess(dir.resolve("server")).start();
                Simulator sim = simulator(Map.of())) {
            ServerApi api = new ServerApi(server);
            api.loadMasterData("/riverside/masterdata.json");
            String code = api.enrollmentCode("PLANT-1", "dock tablet 1");
            List<String> script = new ArrayList<>(enrolledAndLoggedIn());
            script.addAll(RiversideReceipts.receiveLines(RiversideReceipts.receipts()));
            script.addAll(List.of(
                    "expect pending 4",
                    "# putaway of R-2401, still in quarantine: the GS1 location label of WH-A-01 (AI 414 + 254) is",
                    "# read, but ordinary storage refuses a lot QA has not released; QA-HOLD takes it",
                    "start move",
                    "scan " + RiversideReceipts.scan("internalLotLabels", "R-2401"),
                    "expect refused quarantine or returns location",
                    "scan " + RiversideReceipts.scan("locations", "WH-A-01"),
                    "expect refused not WH-A-01 (storage)",
                    "scan QA-HOLD",
                    "expect MOVE item=RM-RESIN lot=R-2401 quantity=1000/KGM from=RCV-DOCK-1 to=QA-HOLD",
                    "sync",
                    "expect pending 0"));

            int exit = sim.set("SERVER", server.url()).set("CODE", code).run(script);

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Simulator.OK);
            assertThat(sim.refusals())
                    .as("the two expected answers about the quarantined lot, and nothing else: "
                            + err.toString(StandardCharsets.UTF_8))
                    .isEqualTo(2);
            List<JsonNode> printed = jsonLines();
            assertThat(printed)
                    .filteredOn(n -> n.path("kind").asText().equals("captured"))
                    .hasSize(5);
            JsonNode lastSync = printed.stream()
                    .filter(n -> n.path("kind").asText().equals("sync"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(lastSync.path("ok").asBoolean()).isTrue();
            assertThat(lastSync.path("pending").asLong()).isZero();
            assertThat(lastSync.path("needsAttention").asLong()).isZero();

            SimDevice device = sim.device("dock-1").orElseThrow();
            List<OutboxEntry> outbox = device.core().store().outbox().all();
            assertThat(outbox).extracting(OutboxEntry::state).containsOnly(OutboxState.ACCEPTED);

            // the server's figures, pulled afresh as the device
            String token = device.core().store().settings().token().orElseThrow();
            PullResponse snapshot = api.snapshot(token);
            for (JsonNode r : RiversideReceipts.receipts()) {
                String lot = r.path("lot").asText();
                assertThat(snapshot.lots())
                        .filteredOn(l -> l.lot().value().equals(lot))
                        .singleElement()
                        .satisfies(l -> {
                            assertThat(l.item().value())
                                    .isEqualTo(r.path("item").asText());
                            assertThat(l.expiry()).hasToString(r.path("expiry").asText());
                            assertThat(l.status().name()).isEqualTo(lot.startsWith("S-") ? "RELEASED" : "QUARANTINE");
                        });
            }
            // a zero row is how the server says "nothing left here" (R-2401 on the dock after the putaway)
            assertThat(snapshot.stock())
                    .filteredOn(s -> !s.quantity().isZero())
                    .extracting(s -> s.lot().value() + "@" + s.location().value() + "=" + s.quantity())
                    .containsExactlyInAnyOrder(
                            "R-2401@QA-HOLD=1000 kg",
                            "R-2402@RCV-DOCK-1=800 kg",
                            "P-5001@RCV-DOCK-1=500 kg",
                            "S-9001@RCV-DOCK-1=2000 L");

            // the ledger holds exactly what the device captured: the same events again are duplicates of
            // the stored ones (content compared canonically, supplier lots included) …
            DeviceId deviceId = device.core().store().settings().deviceId().orElseThrow();
            List<Event> captured = outbox.stream().map(OutboxEntry::event).toList();
            PushResponse again = api.push(token, deviceId, captured);
            assertThat(again.results()).extracting(PushResult::status).containsOnly(PushStatus.DUPLICATE);
            assertThat(again.results())
                    .extracting(PushResult::ledgerSeq)
                    .containsExactlyElementsOf(
                            outbox.stream().map(OutboxEntry::ledgerSeq).toList());
            for (JsonNode r : RiversideReceipts.receipts()) {
                Receive stored = captured.stream()
                        .map(Event::payload)
                        .filter(Receive.class::isInstance)
                        .map(Receive.class::cast)
                        .filter(p -> p.lot().value().equals(r.path("lot").asText()))
                        .findFirst()
                        .orElseThrow();
                assertThat(stored.supplierLot())
                        .isEqualTo(LotCode.of(r.path("supplierLot").asText()));
            }
            // … and one with another supplier lot under the same id is refused, so the stored one is that lot
            Event first = captured.get(0);
            Receive r0 = (Receive) first.payload();
            Receive forged = new Receive(
                    r0.supplier(),
                    r0.reference(),
                    r0.item(),
                    r0.lot(),
                    LotCode.of("ACR-000"),
                    r0.quantity(),
                    r0.expiry(),
                    r0.manufactured(),
                    r0.location(),
                    r0.sscc(),
                    r0.documents(),
                    null);
            PushResponse conflict = api.push(
                    token,
                    deviceId,
                    List.of(new Event(
                            first.eventId(),
                            first.deviceSeq(),
                            first.occurredAt(),
                            first.userId(),
                            first.site(),
                            forged)));
            assertThat(conflict.results()).singleElement().satisfies(res -> {
                assertThat(res.status()).isEqualTo(PushStatus.REJECTED);
                assertThat(res.error().code()).isEqualTo("EVENT_ID_CONFLICT");
            });
        }
    }

    @Test
    void eventsCapturedWhileOfflineOrWhileTheServerIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
        try (ServerProcess server = new ServerProcess(dir.resolve("server")).start();
                Simulator sim = simulator(Map.of())) {
            ServerApi api = new ServerApi(server);
            api.loadMasterData("/riverside/masterdata.json");
            String code = api.enrollmentCode("PLANT-1", "dock tablet 2");
            List<JsonNode> receipts = RiversideReceipts.receipts();
            Simulator s = sim.set("SERVER", server.url()).set("CODE", code);

            // the radio goes off: the first receipt is captured and waits
            List<String> offline = new ArrayList<>(enrolledAndLoggedIn());
            offline.add("offline");
            offline.addAll(RiversideReceipts.receiveLines(receipts.subList(0, 1)));
            offline.addAll(List.of("sync", "expect pending 1", "online"));
            assertThat(s.run(offline)).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Simulator.OK);
            assertThat(lastSync().path("ok").asBoolean()).isFalse();
            assertThat(lastSync().path("connectivity").asText()).isEqualTo("OFFLINE");

            // the server dies (SIGKILL): three more receipts are captured against a dead server
            server.kill();
            List<String> serverDown = new ArrayList<>(RiversideReceipts.receiveLines(receipts.subList(1, 4)));
            serverDown.addAll(List.of("sync", "expect pending 4"));
            assertThat(s.run(serverDown))
                    .as(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo(Simulator.OK);
            assertThat(lastSync().path("ok").asBoolean()).isFalse();
            assertThat(lastSync().path("error").path("kind").asText()).isEqualTo("NETWORK");

            // it comes back on the same address and data: one sync drains the outbox
            server.start();
            assertThat(s.run(List.of("sync", "expect pending 0")))
                    .as(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo(Simulator.OK);
            assertThat(lastSync().path("ok").asBoolean()).isTrue();
            assertThat(s.refusals()).isZero();

            SimDevice device = sim.device("dock-1").orElseThrow();
            List<OutboxEntry> outbox = device.core().store().outbox().all();
            assertThat(outbox).hasSize(4).extracting(OutboxEntry::state).containsOnly(OutboxState.ACCEPTED);
            assertThat(outbox).extracting(OutboxEntry::ledgerSeq).doesNotHaveDuplicates();

            PullResponse snapshot =
                    api.snapshot(device.core().store().settings().token().orElseThrow());
            assertThat(snapshot.lots())
                    .extracting(l -> l.lot().value())
                    .containsExactlyInAnyOrder("R-2401", "R-2402", "P-5001", "S-9001");
            assertThat(snapshot.stock())
                    .filteredOn(st -> !st.quantity().isZero())
                    .extracting(st -> st.lot().value() + "@" + st.location().value() + "=" + st.quantity())
                    .containsExactlyInAnyOrder(
                            "R-2401@RCV-DOCK-1=1000 kg",
                            "R-2402@RCV-DOCK-1=800 kg",
                            "P-5001@RCV-DOCK-1=500 kg",
                            "S-9001@RCV-DOCK-1=2000 L");
            // the device's own view settled on the server's figures, not on server + overlay
            assertThat(device.core().data().stockOf(org.lotkeeper.model.id.ItemCode.of("RM-RESIN")))
                    .extracting(c -> c.lot().lot().value() + "=" + c.quantity())
                    .containsExactlyInAnyOrder("R-2401=1000 kg", "R-2402=800 kg");
        }
    }

    private JsonNode lastSync() throws Exception {
        return jsonLines().stream()
                .filter(n -> n.path("kind").asText().equals("sync"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /**
     * Scan-only receiving on the packaged server: the supplier label first starts a goods receipt
     * from the item's one approved supplier, numbered by the device; the ledger holds it. Then the
     * same device, running with the sync engine's default pacing, sees a receipt task a supervisor
     * created within seconds (the change check), not at the next minute's pull.
     */
    @Test
    void aSupplierLabelFirstIsAGoodsReceiptInTheLedgerAndANewTaskReachesTheDeviceWithinSeconds() throws Exception {
        Path devices = dir.resolve("devices");
        try (ServerProcess server = new ServerProcess(dir.resolve("server")).start()) {
            ServerApi api = new ServerApi(server);
            api.loadMasterData("/riverside/masterdata.json");
            String code = api.enrollmentCode("PLANT-1", "dock tablet 1");
            String token;
            DeviceId deviceId;
            List<Event> captured;
            try (Simulator sim = simulator(Map.of())) {
                List<String> script = new ArrayList<>(enrolledAndLoggedIn());
                script.addAll(List.of(
                        "scan " + RiversideReceipts.scan("labels", "R-2402"),
                        "expect screen from Acme Resins Ltd",
                        "scan " + RiversideReceipts.scan("internalLotLabels", "R-2402"),
                        "scan RCV-DOCK-1",
                        "expect RECEIVE item=RM-RESIN lot=R-2402 supplier=ACME-RESINS quantity=800/KGM",
                        "sync",
                        "expect pending 0"));
                int exit = sim.set("SERVER", server.url()).set("CODE", code).run(script);
                assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Simulator.OK);
                SimDevice device = sim.device("dock-1").orElseThrow();
                captured = device.core().store().outbox().all().stream()
                        .map(OutboxEntry::event)
                        .toList();
                Receive stored = (Receive) captured.get(0).payload();
                String tag = device.core().store().settings().deviceTag().orElseThrow();
                assertThat(stored.reference().value()).isEqualTo("GR-" + tag + "-0001");
                token = device.core().store().settings().token().orElseThrow();
                deviceId = device.core().store().settings().deviceId().orElseThrow();
            }
            // in the ledger: the same event again is a duplicate of the stored one
            assertThat(api.push(token, deviceId, captured).results())
                    .extracting(PushResult::status)
                    .containsExactly(PushStatus.DUPLICATE);

            try (ClientCore device = ClientCore.builder(
                            devices.resolve("dock-1.db"),
                            DeviceProfiles.bundled().byName("dock-tablet-10").orElseThrow())
                    .build()) {
                device.startSync();
                Reference po = Reference.of("PO-7790");
                waitFor(() -> device.syncStatus().lastSyncAt() != null, "the first sync");
                assertThat(device.data().expectedReceipt(po)).isEmpty();
                String supervisor = api.token("sam", "sam-Passw0rd!");
                api.call("POST", "/api/v1/tasks", supervisor, """
                        {"id": "PO-7790", "site": "PLANT-1", "kind": "RECEIPT", "partner": "ACME-RESINS",
                         "lines": [{"item": "RM-RESIN", "quantity": 500, "uom": "KGM"}]}""");
                long created = System.nanoTime();
                waitFor(() -> device.data().expectedReceipt(po).isPresent(), "the new task on the device");
                long seconds = (System.nanoTime() - created) / 1_000_000_000L;
                assertThat(seconds)
                        .as("reached the device by the change check, not the minute's pull")
                        .isLessThan(20);
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(what + " did not come within 30 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * A write the device's store cannot make (another process holds the SQLite file's write lock
     * past the store's 10 s wait, as a stuck backup or a failing flash would) is refused on the
     * screen with a sentence and stores nothing; once the file is free the same scan saves, and the
     * event reaches the server's ledger: the store is not left broken by the failed write.
     */
    @Test
    void aScanTheStoreCouldNotSaveIsRefusedAndTheSameScanSavesAndSyncsOnceTheFileIsFree() throws Exception {
        try (ServerProcess server = new ServerProcess(dir.resolve("server")).start();
                Simulator sim = simulator(Map.of())) {
            ServerApi api = new ServerApi(server);
            api.loadMasterData("/riverside/masterdata.json");
            String code = api.enrollmentCode("PLANT-1", "dock tablet 1");
            List<String> received = new ArrayList<>(enrolledAndLoggedIn());
            received.addAll(RiversideReceipts.receiveLines(RiversideReceipts.receipts()));
            received.addAll(List.of(
                    "expect pending 4", "start move", "scan " + RiversideReceipts.scan("internalLotLabels", "R-2401")));
            sim.set("SERVER", server.url()).set("CODE", code);
            assertThat(sim.run(received))
                    .as(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo(Simulator.OK);

            try (java.sql.Connection other =
                            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("devices/dock-1.db"));
                    java.sql.Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                assertThat(sim.run(List.of("scan QA-HOLD", "expect refused Not saved", "expect pending 4")))
                        .as(err.toString(StandardCharsets.UTF_8))
                        .isEqualTo(Simulator.OK);
                st.execute("ROLLBACK");
            }

            assertThat(sim.run(List.of(
                            "scan QA-HOLD",
                            "expect MOVE item=RM-RESIN lot=R-2401 quantity=1000/KGM from=RCV-DOCK-1 to=QA-HOLD",
                            "expect pending 5",
                            "sync",
                            "expect pending 0")))
                    .as(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo(Simulator.OK);
            SimDevice device = sim.device("dock-1").orElseThrow();
            assertThat(device.core().store().outbox().all())
                    .hasSize(5)
                    .extracting(OutboxEntry::state)
                    .containsOnly(OutboxState.ACCEPTED);
            String token = device.core().store().settings().token().orElseThrow();
            assertThat(api.snapshot(token).stock())
                    .filteredOn(st ->
                            st.lot().value().equals("R-2401") && !st.quantity().isZero())
                    .extracting(st -> st.location().value() + "=" + st.quantity())
                    .containsExactly("QA-HOLD=1000 kg");
        }
    }

    private List<JsonNode> jsonLines() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}
