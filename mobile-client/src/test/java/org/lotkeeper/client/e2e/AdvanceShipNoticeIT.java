package org.lotkeeper.client.e2e;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.client.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the packaged server: Acme Resins sends its advance ship notice as EPCIS 2.0 (a
 * shipping ObjectEvent to PLANT-1's GLN with two lots); QA captures it; the dock tablet syncs,
 * scans the ASN and is offered both lots with their quantities; the supplier label of ACR-779 is
 * one of them; the receipt reaches the ledger with Acme's lot code as its supplier lot (the TLC,
 * its source Acme), and the server counts it against that line of the expected receipt.
 */
class AdvanceShipNoticeIT {

    private SimPlant plant;

    @AfterEach
    void stop() throws IOException {
        if (plant != null) {
            plant.close();
        }
    }

    @Test
    void aLotAnnouncedInASuppliersEpcisIsReceivedAgainstItsAdvanceShipNotice() throws Exception {
        plant = SimPlant.start("asn");
        ServerApi api = plant.api;
        String quinn = api.token("quinn", "quinn-Passw0rd!");
        JsonNode captured = api.call("POST", "/api/v1/epcis/capture?partner=ACME-RESINS", quinn, """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-11-15T16:00:00Z",
                 "epcisBody": {"eventList": [{
                   "type": "ObjectEvent", "eventID": "urn:uuid:6f1c1a52-3d1e-4c59-a0c2-0f6e2b1d7a11",
                   "eventTime": "2026-11-15T15:30:00Z", "eventTimeZoneOffset": "+00:00",
                   "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
                   "readPoint": {"id": "https://id.gs1.org/414/0614141000012"},
                   "quantityList": [
                     {"epcClass": "https://id.gs1.org/01/10614141000019/10/ACR-779", "quantity": 800, "uom": "KGM"},
                     {"epcClass": "urn:epc:class:lgtin:0614141.100001.ACR-780", "quantity": 400, "uom": "KGM"}],
                   "bizTransactionList": [{"type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:0614141000012:ASN-4471"}],
                   "sourceList": [{"type": "owning_party", "source": "https://id.gs1.org/417/0614141000012"}],
                   "destinationList": [{"type": "owning_party", "destination": "https://id.gs1.org/417/0614141000005"}]}]}}""");
        assertThat(captured.path("accepted").asInt()).as(captured.toString()).isEqualTo(1);

        Simulator sim = plant.simulator("devices", Clock.system(ZoneId.systemDefault()));
        plant.enrollDockAndGun(sim);
        List<String> script = new ArrayList<>(List.of(
                "device dock-1",
                "login B-1001 471147",
                "start receive",
                "scan O:ASN-4471",
                "expect screen Expected: RM-RESIN lot ACR-779",
                "expect screen RM-RESIN lot ACR-780",
                "scan " + RiversideReceipts.scan("labels", "R-2402"),
                "expect screen ASN-4471 announces"));
        if (!RiversideReceipts.labelStatesQuantity(RiversideReceipts.scan("labels", "R-2402"))) {
            script.add("quantity 800 KGM");
        }
        script.addAll(List.of(
                "scan " + RiversideReceipts.scan("internalLotLabels", "R-2402"),
                "scan RCV-DOCK-1",
                "expect RECEIVE item=RM-RESIN lot=R-2402 supplierLot=ACR-779 quantity=800/KGM location=RCV-DOCK-1 "
                        + "supplier=ACME-RESINS reference=ASN-4471 userId=ana",
                "sync",
                "expect pending 0"));
        plant.play(sim, script);

        String sam = api.token("sam", "sam-Passw0rd!");
        JsonNode task = api.call("GET", "/api/v1/tasks/ASN-4471", sam, null);
        assertThat(task.path("kind").asText()).isEqualTo("RECEIPT");
        assertThat(task.path("progress").asText()).isEqualTo("PARTIAL");
        assertThat(task.path("lines").get(0).path("lot").asText()).isEqualTo("ACR-779");
        assertThat(task.path("lines").get(0).path("done").path("value").asText())
                .isEqualTo("800");
        assertThat(task.path("lines").get(1).path("lot").asText()).isEqualTo("ACR-780");
        assertThat(task.path("lines").get(1).path("done").path("value").asText())
                .isIn("0", "");
        JsonNode lot = api.call("GET", "/api/v1/lots/RM-RESIN/R-2402", sam, null);
        assertThat(lot.path("supplier").asText()).isEqualTo("ACME-RESINS");
        assertThat(lot.path("supplierLot").asText()).isEqualTo("ACR-779");
    }
}
