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
import org.lotkeeper.client.sim.Simulator;
import org.lotkeeper.model.id.CompanyPrefix;
import org.lotkeeper.model.id.Sscc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pallets on real devices against the packaged server (docs/HANDHELD.md, "Pack"): the gun, offline,
 * gives a new pallet the next SSCC of the block the server handed it, packs two lots onto it, moves
 * the pallet with one scan and ships it with one scan; after the sync the ledger holds the PACKs,
 * a MOVE and a SHIP per lot naming the SSCC, and the customer's shipment lines per lot. Then a
 * blank pallet label printed from the console is scanned back: a lot goes on, is counted by the
 * pallet's label, and comes off again.
 * Last, a pallet is picked whole for an order and shipped from staging with one scan each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PalletIT {

    private static final String RESIN_LABEL = RiversideReceipts.scan("internalLotLabels", "R-2401");
    private static final String SOLVENT_LABEL = RiversideReceipts.scan("internalLotLabels", "S-9001");
    /** Riverside's GS1 company prefix (master data, sites[].gs1CompanyPrefix). */
    private static final CompanyPrefix PREFIX = CompanyPrefix.of("0614141");

    private SimPlant plant;
    private ServerApi api;
    private Simulator sim;
    private String sam;

    @BeforeAll
    void startThePlant() throws Exception {
        plant = SimPlant.start("pallets");
        api = plant.api;
        sam = api.token("sam", "sam-Passw0rd!");
        sim = plant.simulator("devices", Clock.system(ZoneId.systemDefault()));
        plant.enrollDockAndGun(sim);
        plant.play(sim, RiversideReceipts.dockScript());
        releaseWithCoa("RM-RESIN", "R-2401", "ACR-778");
        api.call("POST", "/api/v1/tasks", sam, """
                {"id": "DN-PAL-1", "site": "PLANT-1", "kind": "SHIP", "partner": "HARBOR-PAINTS", "shipTo": "Dock 4",
                 "lines": [{"item": "RM-RESIN", "quantity": 1000}, {"item": "RM-SOLVENT", "quantity": 2000}]}""");
    }

    @AfterAll
    void stopThePlant() throws IOException {
        if (plant != null) {
            plant.close();
        }
    }

    @Test
    @Order(1)
    void aPalletOfTwoLotsBuiltOfflineIsMovedAndShippedWithOneScanEach() throws Exception {
        // the dock synced first and holds the first block of the prefix; the gun the second
        Sscc pallet = PREFIX.sscc(200);
        String palletLabel = "]C100" + pallet.value();
        play(
                "device gun-1",
                "login B-1002 583920",
                "sync",
                "offline",
                "start pack",
                "action new-pallet",
                "expect screen New pallet " + pallet.value(),
                "scan " + RESIN_LABEL,
                "expect screen Put 1000 kg of lot R-2401 on pallet " + pallet.value(),
                "action confirm",
                "expect PACK sscc=" + pallet.value() + " location=RCV-DOCK-1 contents.0.item=RM-RESIN "
                        + "contents.0.lot=R-2401 contents.0.quantity=1000/KGM",
                "scan " + SOLVENT_LABEL,
                "action confirm",
                "expect PACK sscc=" + pallet.value() + " contents.0.lot=S-9001 contents.0.quantity=2000/LTR",
                "action confirm",
                "expect screen Pallet " + pallet.value() + " closed: 2 lot(s) at RCV-DOCK-1.",
                "start move",
                "scan " + palletLabel,
                "expect screen Pallet " + pallet.value() + " with 2 lot(s) at RCV-DOCK-1.",
                "scan WH-A-01",
                "expect MOVE item=RM-SOLVENT lot=S-9001 quantity=2000/LTR from=RCV-DOCK-1 to=WH-A-01 sscc="
                        + pallet.value(),
                "start ship",
                "scan S:DN-PAL-1",
                "scan " + palletLabel,
                "expect screen Pallet " + pallet.value() + ": 2 lot(s).",
                "scan S:DN-PAL-1",
                "expect SHIP shipment=DN-PAL-1 customer=HARBOR-PAINTS item=RM-SOLVENT lot=S-9001 quantity=2000/LTR "
                        + "from=WH-A-01 sscc=" + pallet.value(),
                "online",
                "sync",
                "expect pending 0");

        for (String[] lot : List.of(new String[] {"RM-RESIN", "R-2401"}, new String[] {"RM-SOLVENT", "S-9001"})) {
            JsonNode timeline = api.call("GET", "/api/v1/lots/" + lot[0] + "/" + lot[1] + "/timeline", sam, null);
            List<String> types = timeline.path("events").findValuesAsText("type");
            assertThat(types.subList(types.size() - 3, types.size()))
                    .as(lot[1])
                    .containsExactly("PACK", "MOVE", "SHIP");
            assertThat(timeline.path("events").toString()).contains(pallet.value());
            JsonNode lines = api.call("GET", "/api/v1/trace/" + lot[0] + "/" + lot[1] + "/shipments", sam, null);
            assertThat(lines.path("lines").findValuesAsText("shipment")).containsExactly("DN-PAL-1");
            assertThat(lines.path("lines").findValuesAsText("customer")).containsExactly("HARBOR-PAINTS");
        }
        assertThat(api.call("GET", "/api/v1/tasks/DN-PAL-1", sam, null)
                        .path("progress")
                        .asText())
                .isEqualTo("COMPLETE");
        // shipped whole: nothing is left on the pallet, nor loose where it was
        JsonNode resin = api.call("GET", "/api/v1/lots/RM-RESIN/R-2401", sam, null);
        assertThat(resin.path("onHand")).isEmpty();
    }

    @Test
    @Order(2)
    void aBlankPalletLabelPrintedInTheConsoleScansBack() throws Exception {
        byte[] roll = api.bytes("POST", "/api/v1/labels/sscc-rolls/PLANT-1?count=2&format=zpl", sam);
        String zpl = new String(roll, StandardCharsets.US_ASCII);
        assertThat(zpl.split("\\^XA", -1)).hasSize(3);
        // the roll's block comes after the two devices' blocks
        Sscc printed = PREFIX.sscc(400);
        assertThat(zpl).contains(printed.value());
        String label = "]C100" + printed.value();
        play(
                "device gun-1",
                "login B-1002 583920",
                "sync",
                "start pack",
                "scan " + label,
                "expect screen Pallet " + printed.value() + " is empty.",
                "scan " + RiversideReceipts.scan("internalLotLabels", "R-2402"),
                "quantity 5 KGM",
                "expect PACK sscc=" + printed.value() + " contents.0.lot=R-2402 contents.0.quantity=5/KGM",
                "action confirm",
                "# a blind count takes the pallet's label for the lots on it: the count is the lot's at the place",
                "start count",
                "scan RCV-DOCK-1",
                "scan " + label,
                "expect screen Pallet " + printed.value() + " holds 1 lot(s).",
                "quantity 800 KGM",
                "expect COUNT item=RM-RESIN lot=R-2402 location=RCV-DOCK-1 counted=800/KGM",
                "start pack",
                "scan " + label,
                "expect screen holds 1 lot(s)",
                "action unpack-all",
                "expect UNPACK sscc=" + printed.value() + " contents.0.lot=R-2402 contents.0.quantity=5/KGM",
                "sync",
                "expect pending 0");
        JsonNode timeline = api.call("GET", "/api/v1/lots/RM-RESIN/R-2402/timeline", sam, null);
        List<String> types = timeline.path("events").findValuesAsText("type");
        assertThat(types.subList(types.size() - 3, types.size())).containsExactly("PACK", "COUNT", "UNPACK");
        // counted as the ledger holds it, on the pallet and loose: no variance
        assertThat(timeline.path("events").get(types.size() - 2).path("flags")).isEmpty();
    }

    @Test
    @Order(3)
    void aPalletIsPickedWholeForAnOrderAndShippedFromStagingWithOneScan() throws Exception {
        releaseWithCoa("RM-PIGMENT", "P-5001", "TX-55");
        api.call("POST", "/api/v1/tasks", sam, """
                {"id": "SO-PAL", "site": "PLANT-1", "kind": "PICK", "partner": "HARBOR-PAINTS",
                 "lines": [{"item": "RM-PIGMENT", "quantity": 500}]}""");
        // the gun's second number: the first went to the pallet of the first test
        Sscc pallet = PREFIX.sscc(201);
        String label = "]C100" + pallet.value();
        play(
                "device gun-1",
                "login B-1002 583920",
                "sync",
                "start pack",
                "action new-pallet",
                "expect screen New pallet " + pallet.value(),
                "scan " + RiversideReceipts.scan("internalLotLabels", "P-5001"),
                "action confirm",
                "action confirm",
                "start pick",
                "scan O:SO-PAL",
                "scan " + label,
                "expect screen Pallet " + pallet.value() + ": 1 lot(s), 500 kg from RCV-DOCK-1.",
                "scan STAGE-OUT-1",
                "expect PICK order=SO-PAL item=RM-PIGMENT lot=P-5001 quantity=500/KGM from=RCV-DOCK-1 "
                        + "to=STAGE-OUT-1 sscc=" + pallet.value(),
                "sync",
                "expect pending 0");
        String dn = api.call("POST", "/api/v1/tasks/SO-PAL/delivery-note", sam, "{}")
                .path("id")
                .asText();
        play(
                "device gun-1",
                "sync",
                "start ship",
                "scan S:" + dn,
                "scan " + label,
                "expect screen Pallet " + pallet.value() + ": 1 lot(s).",
                "scan S:" + dn,
                "expect SHIP shipment=" + dn + " customer=HARBOR-PAINTS item=RM-PIGMENT lot=P-5001 "
                        + "quantity=500/KGM from=STAGE-OUT-1 sscc=" + pallet.value(),
                "sync",
                "expect pending 0");

        JsonNode timeline = api.call("GET", "/api/v1/lots/RM-PIGMENT/P-5001/timeline", sam, null);
        List<String> types = timeline.path("events").findValuesAsText("type");
        assertThat(types.subList(types.size() - 3, types.size())).containsExactly("PACK", "PICK", "SHIP");
        JsonNode onServer = api.call("GET", "/api/v1/pallets/" + pallet.value(), sam, null);
        assertThat(onServer.path("contents")).isEmpty();
        List<String> palletEvents = new ArrayList<>();
        onServer.path("events")
                .forEach(e -> palletEvents.add(e.at("/event/type").asText()));
        assertThat(palletEvents).containsExactly("PACK", "PICK", "SHIP");
        // nothing was taken from loose stock: the lot is gone, not negative anywhere
        assertThat(api.call("GET", "/api/v1/lots/RM-PIGMENT/P-5001", sam, null).path("onHand"))
                .isEmpty();
    }

    /** QA links the supplier's certificate to the lot and releases it with a signature. */
    private void releaseWithCoa(String item, String lot, String supplierLot) throws Exception {
        String quinn = api.token("quinn", "quinn-Passw0rd!");
        api.upload(
                quinn,
                "COA",
                "coa-" + supplierLot + ".pdf",
                ("%PDF-1.4\n% COA " + supplierLot + "\n").getBytes(StandardCharsets.US_ASCII),
                "[{\"item\": \"" + item + "\", \"lot\": \"" + lot + "\"}]");
        api.call("POST", "/api/v1/lots/" + item + "/" + lot + "/status", quinn, """
                {"status": "RELEASED", "reason": "QC pass", "signature": {"password": "quinn-Passw0rd!"}}""");
    }

    private void play(String... lines) {
        plant.play(sim, List.of(lines));
    }
}
