package org.lotkeeper.client.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lotkeeper.client.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A potent raw material's quality life on real devices against the packaged server
 * (docs/QUALITY-CONTROL.md): QA approves the specification of titanium dioxide with its assay; the
 * dock receives two lots and keys each supplier's COA, judged on the tablet at once — one conforms
 * and gives the lot its potency, one is out of specification and raises an exception for QA; QA
 * releases the good lot; the gun doses a batch by active quantity ("take 40.8 kg … for 40 kg
 * active"), and the ledger, the lot detail, the mass balance and the recall answer show the active
 * quantity beside the gross.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityControlIT {

    /** The supplier's labels: GTIN of RM-PIGMENT, supplier lot, expiry. */
    private static final String LABEL_1 = "]d2011061414100002610TX-71<GS>17280630";

    private static final String LABEL_2 = "]d2011061414100002610TX-72<GS>17280630";
    /** The internal lot labels put on the bags. */
    private static final String LOT_1 = "]C1011061414100002610P-7001";

    private static final String LOT_2 = "]C1011061414100002610P-7002";

    private SimPlant plant;
    private ServerApi api;
    private Simulator devices;
    private String quinn;
    private String sam;

    @BeforeAll
    void startThePlant() throws Exception {
        plant = SimPlant.start("quality");
        api = plant.api;
        devices = plant.simulator("devices", Clock.system(ZoneId.systemDefault()));
        plant.enrollDockAndGun(devices);
        quinn = api.token("quinn", "quinn-Passw0rd!");
        sam = api.token("sam", "sam-Passw0rd!");
        api.call("PUT", "/api/v1/items/RM-PIGMENT/specification", quinn, """
                {"version": 1, "effectiveFrom": "2026-01-01", "tests": [
                  {"code": "ASSAY", "name": "TiO2 content", "method": "ISO 591-1", "unit": "P1", "kind": "NUMERIC",
                   "min": "97.0", "max": "100.5", "decimals": 1, "assay": true},
                  {"code": "MOISTURE", "name": "Volatile matter", "unit": "P1", "kind": "NUMERIC", "max": "0.50",
                   "decimals": 2},
                  {"code": "APPEARANCE", "name": "Appearance", "kind": "TEXT", "accepted": ["White powder"]},
                  {"code": "OIL", "name": "Oil absorption", "unit": "P1", "kind": "NUMERIC", "max": "25",
                   "decimals": 0, "required": false}],
                 "signature": {"password": "quinn-Passw0rd!"}}""");
    }

    @AfterAll
    void stopThePlant() throws IOException {
        if (plant != null) {
            plant.close();
        }
    }

    @Test
    void supplierCoaKeyedAtTheDockThenABatchDosedByPotency() throws Exception {
        play(
                "device dock-1",
                "sync",
                "login B-1001 471147",
                "start receive",
                "action nopo TIO2-CORP DN-881",
                "scan " + LABEL_1,
                "quantity 500 KGM",
                "scan " + LOT_1,
                "scan RCV-DOCK-1",
                "expect screen Key the COA's ASSAY (TiO2 content, 97.0 – 100.5 %)",
                "action result 98.24",
                "expect screen ASSAY 98.2 %: conforms.",
                "action result abc",
                "expect refused 'abc' is not a number",
                "action result 0.31",
                "action result white powder",
                "action skip",
                "expect INSPECT item=RM-PIGMENT lot=P-7001 source=SUPPLIER_COA specificationVersion=1 "
                        + "results.0.test=ASSAY results.0.value=98.2 results.0.judgement=CONFORMS "
                        + "results.2.test=APPEARANCE potency=98.2",
                "expect screen COA of lot P-7001 stored: 3 results, all within the specification.",
                "# the second lot's COA fails on moisture; the operator finishes it without the informative tests",
                "scan " + LABEL_2,
                "quantity 500 KGM",
                "scan " + LOT_2,
                "scan RCV-DOCK-1",
                "action result 97.6",
                "action result 0.8",
                "# an out-of-specification result is answered in red: the simulator counts it with the refusals",
                "expect refused MOISTURE 0.80 %: out of specification (≤ 0.50 %).",
                "action confirm",
                "expect INSPECT lot=P-7002 results.1.test=MOISTURE results.1.value=0.80 "
                        + "results.1.judgement=OUT_OF_SPECIFICATION potency=97.6",
                "expect refused out of specification: MOISTURE 0.80 — QA is told.",
                "sync",
                "expect pending 0");

        JsonNode quality = api.call("GET", "/api/v1/lots/RM-PIGMENT/P-7001/quality", quinn, null);
        assertThat(quality.path("conforms").asBoolean()).isTrue();
        assertThat(quality.path("potency").asText()).isEqualTo("98.2");
        assertThat(quality.path("results").findValuesAsText("source")).containsOnly("SUPPLIER_COA");
        JsonNode failed = api.call("GET", "/api/v1/lots/RM-PIGMENT/P-7002/quality", quinn, null);
        assertThat(failed.path("conforms").asBoolean()).isFalse();
        assertThat(failed.path("outOfSpecification").toString()).contains("MOISTURE");
        JsonNode exceptions = api.call("GET", "/api/v1/exceptions?flag=OUT_OF_SPECIFICATION", quinn, null);
        assertThat(exceptions.toString())
                .contains("P-7002")
                .contains("MOISTURE 0.80")
                .doesNotContain("P-7001");

        // the supplier's COA files are linked (the COA rule stays); release against the specification:
        // P-7002 is refused, P-7001 conforms
        for (String lotCode : List.of("P-7001", "P-7002")) {
            api.upload(
                    quinn,
                    "COA",
                    "coa-" + lotCode + ".pdf",
                    ("%PDF-1.4\n% COA " + lotCode + "\n").getBytes(StandardCharsets.US_ASCII),
                    "[{\"item\": \"RM-PIGMENT\", \"lot\": \"" + lotCode + "\"}]");
        }
        assertThat(api.status(
                        "POST",
                        "/api/v1/lots/RM-PIGMENT/P-7002/status",
                        quinn,
                        "{\"status\": \"RELEASED\", \"reason\": \"COA checked\", "
                                + "\"signature\": {\"password\": \"quinn-Passw0rd!\"}}"))
                .isEqualTo(422);
        api.call(
                "POST",
                "/api/v1/lots/RM-PIGMENT/P-7001/status",
                quinn,
                "{\"status\": \"RELEASED\", \"reason\": \"Supplier COA conforms\", "
                        + "\"signature\": {\"password\": \"quinn-Passw0rd!\"}}");

        play(
                "device gun-1",
                "login B-1002 583920",
                "sync",
                "start produce",
                "scan O:B-3001",
                "scan " + LOT_1,
                "expect screen Lot P-7001 has an assay of 98.2 %: dose it by weight or by active quantity?",
                "action active",
                "quantity 40 KGM",
                "expect screen Take 40.8 kg of P-7001 (assay 98.2 %) for 40 kg active.",
                "action confirm",
                "scan O:B-3001",
                "scan ]C1011061414100010110PR-3001",
                "quantity 8",
                "scan WH-A-02",
                "scan O:B-3001",
                "expect TRANSFORM batch=B-3001 inputs.0.lot=P-7001 inputs.0.quantity=40.8/KGM inputs.0.potency=98.2",
                "sync",
                "expect pending 0");

        JsonNode lot = api.call("GET", "/api/v1/lots/RM-PIGMENT/P-7001", sam, null);
        assertThat(lot.path("potency").asText()).isEqualTo("98.2");
        assertThat(lot.path("onHandTotal").path("value").asText()).isEqualTo("459.2");
        assertThat(lot.path("activeOnHandTotal").path("value").asText()).isEqualTo("450.9344");
        JsonNode balance = api.call("GET", "/api/v1/lots/RM-PIGMENT/P-7001/balance", sam, null);
        assertThat(balance.path("consumed").path("value").asText()).isEqualTo("40.8");
        assertThat(balance.path("activeConsumed").path("value").asText()).isEqualTo("40.0656");
        assertThat(balance.path("balanced").asBoolean()).isTrue();
        JsonNode timeline = api.call("GET", "/api/v1/lots/RM-PIGMENT/P-7001/timeline", sam, null);
        assertThat(timeline.path("events").findValuesAsText("type"))
                .containsExactly("RECEIVE", "INSPECT", "STATUS", "TRANSFORM");
        assertThat(timeline.path("events").get(3).path("flags")).isEmpty();

        JsonNode recall = api.call(
                "POST",
                "/api/v1/recalls",
                quinn,
                "{\"mock\": true, \"lots\": [{\"item\": \"RM-PIGMENT\", \"lot\": \"P-7001\"}]}");
        JsonNode start = api.call(
                        "GET", "/api/v1/recalls/" + recall.path("recallId").asText() + "/lots", quinn, null)
                .path("lines")
                .get(0);
        assertThat(start.path("lot").asText()).isEqualTo("P-7001");
        assertThat(start.path("potency").asText()).isEqualTo("98.2");
        assertThat(start.path("onHand").get(0).path("active").path("value").asText())
                .isEqualTo("450.9344");
    }

    private void play(String... lines) {
        plant.play(devices, List.of(lines));
    }
}
