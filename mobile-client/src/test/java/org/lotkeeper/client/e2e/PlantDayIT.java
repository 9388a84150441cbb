package org.lotkeeper.client.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lotkeeper.client.sim.SimDevice;
import org.lotkeeper.client.sim.Simulator;
import org.lotkeeper.client.store.OutboxEntry;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.wire.WireJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One plant day on the real, packaged server, every handheld workflow played through the
 * simulator (real workflows, SQLite store, sync engine) as an operator would: the dock tablet
 * receives, QA releases through the API, the gun puts away, produces a batch, picks an order, loads
 * the delivery note made from that order, counts, the dock takes a return against an RMA, the gun
 * holds a lot and looks things up. Each test ends with what the device captured read back from the
 * server's ledger (the lot's timeline), and with what the server made of it.
 *
 * <p>The tests run in order and share the day: each starts from where the one before left the
 * plant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlantDayIT {

    private static final String RESIN_LABEL = RiversideReceipts.scan("internalLotLabels", "R-2401");
    private static final String SOLVENT_LABEL = RiversideReceipts.scan("internalLotLabels", "S-9001");
    /** The GS1 lot label of the batch's output, as printed from the batch ticket. */
    private static final String PRIMER_LABEL = "]C1011061414100010110PR-1001";

    private SimPlant plant;
    private ServerApi api;
    private Simulator sim;
    private String sam;

    @BeforeAll
    void startThePlant() throws Exception {
        plant = SimPlant.start("plant-day");
        api = plant.api;
        sam = api.token("sam", "sam-Passw0rd!");
        sim = plant.simulator("devices", Clock.system(ZoneId.systemDefault()));
        plant.enrollDockAndGun(sim);
    }

    @AfterAll
    void stopThePlant() throws IOException {
        if (plant != null) {
            plant.close();
        }
    }

    @Test
    @Order(1)
    void receive() throws Exception {
        play(RiversideReceipts.dockScript());

        for (Event e : captured("dock-1")) {
            String lot = lotOf(e);
            assertThat(eventIdsInLedger(itemOf(e), lot))
                    .as(lot)
                    .contains(e.eventId().toString());
        }
        assertThat(lot("RM-RESIN", "R-2401").path("supplierLot").asText()).isEqualTo("ACR-778");
        assertThat(lot("RM-RESIN", "R-2401").path("status").asText()).isEqualTo("QUARANTINE");
        assertThat(lot("RM-SOLVENT", "S-9001").path("status").asText()).isEqualTo("RELEASED");

        // QA reads the certificate and releases the resin with an e-signature, through the API
        String quinn = api.token("quinn", "quinn-Passw0rd!");
        api.upload(
                quinn,
                "COA",
                "coa-ACR-778.pdf",
                "%PDF-1.4\n% COA ACR-778\n".getBytes(StandardCharsets.US_ASCII),
                "[{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]");
        release(quinn, "RM-RESIN", "R-2401");
    }

    @Test
    @Order(2)
    void move() throws Exception {
        play(
                "device gun-1",
                "login B-1002 583920",
                "sync",
                "start move",
                "scan " + RESIN_LABEL,
                "# a GS1 location label of another site (another GLN) is refused now the device knows its own",
                "scan ]C14140614141000012254WH-A-01",
                "expect refused another site",
                "scan " + RiversideReceipts.scan("locations", "WH-A-01"),
                "expect MOVE item=RM-RESIN lot=R-2401 quantity=1000/KGM from=RCV-DOCK-1 to=WH-A-01 userId=ben",
                "scan " + SOLVENT_LABEL,
                "scan WH-B-01",
                "expect MOVE item=RM-SOLVENT lot=S-9001 quantity=2000/LTR from=RCV-DOCK-1 to=WH-B-01",
                "sync",
                "expect pending 0");

        assertLastInLedger("gun-1", "RM-SOLVENT", "S-9001", "MOVE");
        assertThat(onHand("RM-RESIN", "R-2401")).containsExactly("WH-A-01=1000 KGM");
    }

    @Test
    @Order(3)
    void produce() throws Exception {
        play(
                "device gun-1",
                "start produce",
                "scan O:B-1001",
                "scan " + RESIN_LABEL,
                "quantity 400 KGM",
                "scan " + SOLVENT_LABEL,
                "quantity 100 LTR",
                "scan O:B-1001",
                "scan " + PRIMER_LABEL,
                "quantity 30",
                "scan WH-A-02",
                "scan O:B-1001",
                "expect TRANSFORM kind=PRODUCTION batch=B-1001 inputs.0.lot=R-2401 inputs.0.quantity=400/KGM "
                        + "inputs.1.lot=S-9001 outputs.0.item=FG-PRIMER outputs.0.lot=PR-1001 "
                        + "outputs.0.quantity=30/H87 outputs.0.to=WH-A-02",
                "sync",
                "expect pending 0");

        assertLastInLedger("gun-1", "FG-PRIMER", "PR-1001", "TRANSFORM");
        assertLastInLedger("gun-1", "RM-RESIN", "R-2401", "TRANSFORM");
        assertThat(onHand("RM-RESIN", "R-2401")).containsExactly("WH-A-01=600 KGM");
        assertThat(lot("FG-PRIMER", "PR-1001").path("status").asText()).isEqualTo("QUARANTINE");
        release(api.token("quinn", "quinn-Passw0rd!"), "FG-PRIMER", "PR-1001");
    }

    @Test
    @Order(4)
    void pick() throws Exception {
        api.call("POST", "/api/v1/tasks", sam, """
                {"id": "SO-1", "site": "PLANT-1", "kind": "PICK", "partner": "BUILDMART",
                 "lines": [{"item": "FG-PRIMER", "quantity": 20}]}""");
        play(
                "device gun-1",
                "sync",
                "start pick",
                "scan O:SO-1",
                "scan " + PRIMER_LABEL,
                "scan STAGE-OUT-1",
                "expect PICK order=SO-1 customer=BUILDMART item=FG-PRIMER lot=PR-1001 quantity=20/H87 "
                        + "from=WH-A-02 to=STAGE-OUT-1",
                "sync",
                "expect pending 0");

        assertLastInLedger("gun-1", "FG-PRIMER", "PR-1001", "PICK");
        assertThat(onHand("FG-PRIMER", "PR-1001")).containsExactlyInAnyOrder("WH-A-02=10 H87", "STAGE-OUT-1=20 H87");
    }

    @Test
    @Order(5)
    void ship() throws Exception {
        // the supervisor makes the delivery note from the picked order
        JsonNode note = api.call("POST", "/api/v1/tasks/SO-1/delivery-note", sam, "{\"shipTo\": \"Dock 4\"}");
        String dn = note.path("id").asText();
        play(
                "device gun-1",
                "sync",
                "start ship",
                "scan S:" + dn,
                "expect screen FG-PRIMER",
                "scan " + PRIMER_LABEL,
                "expect screen STAGE-OUT-1",
                "scan S:" + dn,
                "expect SHIP shipment=" + dn + " customer=BUILDMART item=FG-PRIMER lot=PR-1001 quantity=20/H87 "
                        + "from=STAGE-OUT-1",
                "sync",
                "expect pending 0");

        assertLastInLedger("gun-1", "FG-PRIMER", "PR-1001", "SHIP");
        assertThat(api.call("GET", "/api/v1/tasks/" + dn, sam, null)
                        .path("progress")
                        .asText())
                .isEqualTo("COMPLETE");
        // the resin received at the dock this morning now reaches the customer
        JsonNode forward = api.call("GET", "/api/v1/trace/RM-RESIN/R-2401?direction=forward", sam, null);
        assertThat(forward.path("customers").asInt()).isEqualTo(1);
        JsonNode lines = api.call("GET", "/api/v1/trace/RM-RESIN/R-2401/shipments", sam, null);
        assertThat(lines.path("lines").findValuesAsText("customer")).containsExactly("BUILDMART");
        assertThat(lines.path("lines").findValuesAsText("shipment")).containsExactly(dn);
    }

    @Test
    @Order(6)
    void count() throws Exception {
        play(
                "device gun-1",
                "start count",
                "scan WH-A-02",
                "scan " + PRIMER_LABEL,
                "quantity 9",
                "expect COUNT item=FG-PRIMER lot=PR-1001 location=WH-A-02 counted=9/H87",
                "sync",
                "expect pending 0");

        assertLastInLedger("gun-1", "FG-PRIMER", "PR-1001", "COUNT");
        JsonNode variances = api.call("GET", "/api/v1/variances?status=PENDING", sam, null);
        assertThat(variances.toString()).contains("PR-1001").contains("WH-A-02");
    }

    @Test
    @Order(7)
    void returnAgainstAnRma() throws Exception {
        api.call("POST", "/api/v1/tasks", sam, """
                {"id": "RMA-1", "site": "PLANT-1", "kind": "RETURN", "partner": "BUILDMART",
                 "lines": [{"item": "FG-PRIMER", "lot": "PR-1001", "quantity": 2, "reason": "Damaged pail"}]}""");
        play(
                "device dock-1",
                "sync",
                "start return",
                "scan RMA-1",
                "scan " + PRIMER_LABEL,
                "quantity 2",
                "scan RETURNS-1",
                "expect RETURN customer=BUILDMART reference=RMA-1 item=FG-PRIMER lot=PR-1001 quantity=2/H87 "
                        + "to=RETURNS-1 reason=\"Damaged pail\" userId=ana",
                "# one pail more than the RMA allows: one tap takes it back as a deviation, and says so",
                "scan " + PRIMER_LABEL,
                "quantity 1",
                "expect refused Only 0 pc of lot PR-1001 may come back on RMA-1",
                "action reason Damaged pail",
                "scan RETURNS-1",
                "expect RETURN reference=RMA-1 lot=PR-1001 quantity=1/H87",
                "sync",
                "expect pending 0");

        assertLastInLedger("dock-1", "FG-PRIMER", "PR-1001", "RETURN");
        assertThat(api.call("GET", "/api/v1/lots/FG-PRIMER/PR-1001/timeline", sam, null)
                        .path("events")
                        .findValuesAsText("why"))
                .anySatisfy(why -> assertThat(why)
                        .contains("Only 0 pc of lot PR-1001 may come back on RMA-1, not 1 pc: Damaged pail"));
        assertThat(lot("FG-PRIMER", "PR-1001").path("status").asText()).isEqualTo("QUARANTINE");
        assertThat(onHand("FG-PRIMER", "PR-1001")).contains("RETURNS-1=3 H87");
        assertThat(api.call("GET", "/api/v1/tasks/RMA-1", sam, null)
                        .path("progress")
                        .asText())
                .isEqualTo("COMPLETE");
    }

    @Test
    @Order(8)
    void hold() throws Exception {
        play(
                "device gun-1",
                "sync",
                "start hold",
                "scan " + RESIN_LABEL,
                "action reason Damaged drum",
                "expect STATUS item=RM-RESIN lot=R-2401 status=ON_HOLD reason=\"Damaged drum\" userId=ben",
                "sync",
                "expect pending 0");

        assertLastInLedger("gun-1", "RM-RESIN", "R-2401", "STATUS");
        assertThat(lot("RM-RESIN", "R-2401").path("status").asText()).isEqualTo("ON_HOLD");
    }

    @Test
    @Order(9)
    void lookup() throws Exception {
        int before = captured("gun-1").size();
        play(
                "device gun-1",
                "sync",
                "start lookup",
                "scan " + RESIN_LABEL,
                "expect screen Status: On hold",
                "expect screen At WH-A-01: 600 kg",
                "scan " + PRIMER_LABEL,
                "expect screen Status: Quarantine",
                "expect screen At RETURNS-1: 3 pc",
                "expect screen At WH-A-02: 10 pc",
                "scan WH-B-01",
                "expect screen RM-SOLVENT S-9001: 1900 L",
                "expect pending 0");

        // the device says what the ledger says, and looking stores nothing
        assertThat(lot("RM-SOLVENT", "S-9001").path("onHandTotal").path("value").asText())
                .isEqualTo("1900");
        assertThat(captured("gun-1")).hasSize(before);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void play(String... lines) {
        play(List.of(lines));
    }

    /** Plays the lines; every refusal must be one the script expects ({@code expect refused}). */
    private void play(List<String> lines) {
        plant.play(sim, lines);
    }

    private List<Event> captured(String device) {
        SimDevice d = sim.device(device).orElseThrow();
        return d.core().store().outbox().all().stream().map(OutboxEntry::event).toList();
    }

    private void release(String qa, String item, String lot) throws IOException, InterruptedException {
        api.call("POST", "/api/v1/lots/" + item + "/" + lot + "/status", qa, """
                {"status": "RELEASED", "reason": "QC pass", "signature": {"password": "quinn-Passw0rd!", "meaning": "Released for use"}}""");
    }

    private JsonNode lot(String item, String lot) throws IOException, InterruptedException {
        return api.call("GET", "/api/v1/lots/" + item + "/" + lot, sam, null);
    }

    private List<String> onHand(String item, String lot) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (JsonNode h : lot(item, lot).path("onHand")) {
            out.add(h.path("location").asText() + "="
                    + h.path("quantity").path("value").asText() + " "
                    + h.path("quantity").path("uom").asText());
        }
        return out;
    }

    private List<String> eventIdsInLedger(String item, String lot) throws IOException, InterruptedException {
        return api.call("GET", "/api/v1/lots/" + item + "/" + lot + "/timeline", sam, null)
                .path("events")
                .findValuesAsText("eventId");
    }

    /** The device's last captured event is in the ledger, on this lot's timeline, with its type. */
    private void assertLastInLedger(String device, String item, String lot, String type)
            throws IOException, InterruptedException {
        Event last = sim.device(device).orElseThrow().lastCaptured().orElseThrow();
        JsonNode timeline = api.call("GET", "/api/v1/lots/" + item + "/" + lot + "/timeline", sam, null);
        List<JsonNode> matching = new ArrayList<>();
        timeline.path("events").forEach(e -> {
            if (e.path("eventId").asText().equals(last.eventId().toString())) {
                matching.add(e);
            }
        });
        assertThat(matching).as(timeline.toString()).singleElement().satisfies(e -> {
            assertThat(e.path("type").asText()).isEqualTo(type);
            assertThat(e.path("deviceLabel").asText()).isNotBlank();
        });
    }

    private static String itemOf(Event e) {
        return WireJson.mapper().valueToTree(e).path("payload").path("item").asText();
    }

    private static String lotOf(Event e) {
        return WireJson.mapper().valueToTree(e).path("payload").path("lot").asText();
    }
}
