package org.lotkeeper.client.sim;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotkeeper.client.core.RiversideDevice;
import org.lotkeeper.client.store.OutboxEntry;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A simulator whose devices (by name) are enrolled and have pulled the Riverside master data. */
    private Simulator simulator(String... names) {
        for (String name : names) {
            RiversideDevice.prepare(dir.resolve(name + ".db"), List.of());
        }
        return new Simulator(
                Simulator.Options.in(dir),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static final List<String> RECEIVE_P5001 = List.of(
            "login B-1001 471147",
            "start receive",
            "action nopo TIO2-CORP PO-7782",
            "scan ]d2011061414100002610TX-55<GS>17280630",
            "quantity 500 kg",
            "# the internal label typed by hand instead of scanned",
            "type P-5001",
            "key ENTER",
            "scan RCV-DOCK-1");

    private List<JsonNode> printed() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReceiptScriptPrintsTheCapturedEventAsOneJsonLineAndItsExpectationsHold() throws Exception {
        List<String> script = new ArrayList<>(List.of("device dock-1 profile=honeywell-ct4x"));
        script.addAll(RECEIVE_P5001);
        script.add("expect RECEIVE item=RM-PIGMENT lot=P-5001 supplierLot=TX-55 quantity=500/KGM expiry=2028-06-30 "
                + "location=RCV-DOCK-1 reference=PO-7782 userId=ana deviceSeq=1");
        script.add("expect pending 1");
        try (Simulator sim = simulator("dock-1")) {
            assertThat(sim.run(script)).as(errors()).isEqualTo(Simulator.OK);
            assertThat(sim.refusals()).isZero();
        }
        assertThat(printed()).singleElement().satisfies(n -> {
            assertThat(n.path("kind").asText()).isEqualTo("captured");
            assertThat(n.path("line").asInt()).isEqualTo(10);
            assertThat(n.path("device").asText()).isEqualTo("dock-1");
            assertThat(n.path("event").path("payload").path("supplierLot").asText())
                    .isEqualTo("TX-55");
        });
    }

    @Test
    void aFailedExpectationExitsWithOneAndNamesTheLineAndTheDifference() {
        List<String> script = new ArrayList<>(List.of("device dock-1 profile=zebra-tc5x"));
        script.addAll(RECEIVE_P5001);
        script.add("expect RECEIVE quantity=400/KGM");
        try (Simulator sim = simulator("dock-1")) {
            assertThat(sim.run(script)).isEqualTo(Simulator.EXPECT_FAILED);
        }
        assertThat(errors())
                .contains(
                        "line 11: expect failed: RECEIVE quantity: expected 400/KGM, found {\"value\":\"500\",\"uom\":\"KGM\"}");
    }

    @Test
    void anUnknownCommandStopsTheScriptWithTwoAndItsLineNumber() throws Exception {
        try (Simulator sim = simulator("dock-1")) {
            int exit =
                    sim.run(List.of("device dock-1", "# fine so far", "scna ]C1011061414100001910R-2401", "offline"));
            assertThat(exit).isEqualTo(Simulator.SCRIPT_ERROR);
            assertThat(sim.device("dock-1").orElseThrow().network().isOnline()).isTrue();
        }
        assertThat(errors()).startsWith("line 3: unknown command 'scna'");
        assertThat(printed()).isEmpty();
    }

    @Test
    void anActionTheWorkflowNeverTakesStopsTheScriptButOneItTakesLaterIsARefusal() {
        try (Simulator sim = simulator("dock-1")) {
            int exit = sim.run(List.of(
                    "device dock-1 profile=zebra-tc5x",
                    "login B-1001 471147",
                    "start receive",
                    "action lot R-1",
                    "expect refused No lot code is needed now",
                    "action pin 123456"));
            assertThat(exit).isEqualTo(Simulator.SCRIPT_ERROR);
            assertThat(sim.refusals()).isEqualTo(1);
        }
        assertThat(errors()).contains("line 6: RECEIVE takes no action pin");
    }

    @Test
    void aRefusedScanIsReportedWithItsLineAndLeavesTheWorkflowWhereItWas() {
        try (Simulator sim = simulator("dock-1")) {
            int exit = sim.run(List.of(
                    "device dock-1 profile=zebra-tc5x",
                    "login B-1001 471147",
                    "start receive",
                    "action nopo ACME-RESINS PO-7780",
                    "scan WH-A-01",
                    "expect refused not a supplier label",
                    "expect pending 0"));
            assertThat(exit).as(errors()).isEqualTo(Simulator.OK);
            assertThat(sim.refusals()).isEqualTo(1);
        }
        assertThat(errors()).contains("line 5: dock-1 refused: ");
    }

    @Test
    void syncWithoutAReachableServerReportsOfflineAndKeepsTheEventPending() throws Exception {
        List<String> script = new ArrayList<>(List.of("device dock-1 profile=zebra-tc5x"));
        script.addAll(RECEIVE_P5001);
        script.addAll(List.of("sync", "expect pending 1"));
        try (Simulator sim = simulator("dock-1")) {
            assertThat(sim.run(script)).as(errors()).isEqualTo(Simulator.OK);
        }
        JsonNode sync = printed().get(1);
        assertThat(sync.path("kind").asText()).isEqualTo("sync");
        assertThat(sync.path("ok").asBoolean()).isFalse();
        assertThat(sync.path("connectivity").asText()).isEqualTo("OFFLINE");
        assertThat(sync.path("error").path("kind").asText()).isEqualTo("NETWORK");
        assertThat(sync.path("pending").asInt()).isEqualTo(1);
    }

    @Test
    void severalSimulatedDevicesRunSideBySideInOneJvmEachWithItsOwnSequence() throws Exception {
        List<String> names = List.of("gun-1", "gun-2", "gun-3", "gun-4");
        for (String name : names) {
            RiversideDevice.prepare(dir.resolve(name + ".db"), List.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<Simulator>> runs = new ArrayList<>();
            for (String name : names) {
                Callable<Simulator> play = () -> {
                    Simulator sim = new Simulator(
                            Simulator.Options.in(dir),
                            new PrintStream(OutputStreamNull.INSTANCE),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
                    List<String> script = new ArrayList<>(List.of("device " + name + " profile=zebra-tc5x"));
                    for (int i = 0; i < 5; i++) {
                        script.addAll(RECEIVE_P5001);
                    }
                    assertThat(sim.run(script)).isEqualTo(Simulator.OK);
                    return sim;
                };
                runs.add(pool.submit(play));
            }
            for (Future<Simulator> f : runs) {
                try (Simulator sim = f.get()) {
                    SimDevice d = sim.devices().get(0);
                    assertThat(d.core().store().outbox().all())
                            .extracting(OutboxEntry::deviceSeq)
                            .containsExactly(1L, 2L, 3L, 4L, 5L);
                    assertThat(d.core().data().stockAt(org.lotkeeper.model.id.LocationCode.of("RCV-DOCK-1")))
                            .extracting(c -> c.quantity().toString())
                            .containsExactly("2500 kg");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(errors()).isEmpty();
    }

    /** Discards output. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {}
    }
}
