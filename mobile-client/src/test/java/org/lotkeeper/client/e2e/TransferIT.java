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
 * A transfer between two plants on real devices against the packaged server (docs/HANDHELD.md,
 * "Transfers between sites"): plant 1 makes primer from resin and loads it onto a transfer order
 * to plant 2; plant 2's gun receives it by its lot label (status kept, nothing keyed), finishes it
 * into topcoat and ships it to its own customer. A recall of plant 1's resin then reaches plant
 * 2's topcoat and customer: counted for plant 1's QA, named for an admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferIT {

    private static final String RESIN_LABEL = RiversideReceipts.scan("internalLotLabels", "R-2401");
    private static final String SOLVENT_LABEL = RiversideReceipts.scan("internalLotLabels", "S-9001");
    private static final String PRIMER_LABEL = "]C1011061414100010110PR-1001";
    private static final String TOPCOAT_LABEL = "]C1011061414100011810TC-9001";

    private SimPlant plant;
    private ServerApi api;
    private Simulator sim;
    private String sam;

    @BeforeAll
    void startTwoPlants() throws Exception {
        plant = SimPlant.start("transfers");
        api = plant.api;
        api.call("PUT", "/api/v1/masterdata", api.token("admin", ServerProcess.ADMIN_PASSWORD), """
                {"sites": [{"code": "PLANT-2", "name": "Hillside Finishing", "gln": "0614141000029"}],
                 "locations": [{"code": "P2-DOCK", "site": "PLANT-2", "type": "RECEIVING"},
                               {"code": "P2-LINE", "site": "PLANT-2", "type": "PRODUCTION"},
                               {"code": "P2-SHIP", "site": "PLANT-2", "type": "SHIPPING"}],
                 "partners": [{"code": "P2-CUST", "name": "Hillside Hardware", "kind": "CUSTOMER"}],
                 "users": [{"userId": "olga", "name": "Olga at plant 2", "roles": ["OPERATOR", "RECEIVER"],
                            "sites": ["PLANT-2"], "badge": "B-2001", "pin": "480613"},
                           {"userId": "pat", "name": "Pat, QA at plant 2", "roles": ["QA", "SUPERVISOR"],
                            "sites": ["PLANT-2"], "password": "pat-Passw0rd!"}]}""");
        sam = api.token("sam", "sam-Passw0rd!");
        sim = plant.simulator("devices", Clock.system(ZoneId.systemDefault()));
        plant.enrollDockAndGun(sim);
        plant.play(sim, RiversideReceipts.dockScript());
        String quinn = api.token("quinn", "quinn-Passw0rd!");
        api.upload(
                quinn,
                "COA",
                "coa-ACR-778.pdf",
                "%PDF-1.4\n% COA ACR-778\n".getBytes(StandardCharsets.US_ASCII),
                "[{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]");
        release(quinn, "quinn-Passw0rd!", "RM-RESIN", "R-2401");
        api.call("POST", "/api/v1/tasks", sam, """
                {"id": "TR-1", "site": "PLANT-1", "kind": "TRANSFER", "toSite": "PLANT-2",
                 "lines": [{"item": "FG-PRIMER", "quantity": 30}]}""");
    }

    @AfterAll
    void stopThePlants() throws IOException {
        if (plant != null) {
            plant.close();
        }
    }

    @Test
    void primerMadeAtPlantOneIsFinishedAtPlantTwoAndARecallOfTheResinReachesPlantTwosCustomer() throws Exception {
        // plant 1 makes primer from the resin and loads all of it onto the transfer order
        play(
                "device gun-1",
                "login B-1002 583920",
                "sync",
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
                "expect TRANSFORM kind=PRODUCTION batch=B-1001 outputs.0.lot=PR-1001",
                "start ship",
                "scan S:TR-1",
                "expect screen Transfer TR-1 to site PLANT-2.",
                "scan " + PRIMER_LABEL,
                "expect screen Lot PR-1001: 30 pc from WH-A-02.",
                "quantity 10",
                "expect refused A transfer takes whole lots",
                "scan S:TR-1",
                "expect TRANSFER_OUT transfer=TR-1 toSite=PLANT-2 item=FG-PRIMER lot=PR-1001 quantity=30/H87 from=WH-A-02",
                "expect screen Transfer TR-1 to site PLANT-2: 1 lot sent, the note is complete.",
                "sync",
                "expect pending 0");
        // on its way: plant 2's lot now, in quarantine as it left, on neither floor, seen by both sites
        JsonNode primer = api.call("GET", "/api/v1/lots/FG-PRIMER/PR-1001", api.token("pat", "pat-Passw0rd!"), null);
        assertThat(primer.path("site").asText()).isEqualTo("PLANT-2");
        assertThat(primer.path("status").asText()).isEqualTo("QUARANTINE");
        assertThat(primer.path("onHand")).isEmpty();
        assertThat(primer.path("inTransit").findValuesAsText("transfer")).containsExactly("TR-1");
        assertThat(api.call("GET", "/api/v1/transfers", sam, null)
                        .path("inTransit")
                        .findValuesAsText("lot"))
                .containsExactly("PR-1001");

        // plant 2's gun receives it by its label, against the transfer order: nothing keyed
        String pat = api.token("pat", "pat-Passw0rd!");
        play(
                "device p2-gun profile=zebra-tc5x",
                "enroll ${SERVER} " + api.enrollmentCode(pat, "PLANT-2", "plant 2 gun"),
                "sync",
                "login B-2001 480613",
                "sync",
                "start transfer_in",
                "scan S:TR-9",
                "expect refused Transfer TR-9 is not on its way to this site",
                "scan S:TR-1",
                "expect screen Transfer TR-1 from PLANT-1: 1 lot on the way.",
                "scan " + RESIN_LABEL,
                "expect refused is not on transfer TR-1",
                "scan " + PRIMER_LABEL,
                "expect screen Lot PR-1001 (30 pc, in quarantine",
                "scan P2-DOCK",
                "expect TRANSFER_IN transfer=TR-1 fromSite=PLANT-1 item=FG-PRIMER lot=PR-1001 quantity=30/H87 to=P2-DOCK",
                "expect screen Transfer TR-1 is received complete.",
                "sync",
                "expect pending 0");
        primer = api.call("GET", "/api/v1/lots/FG-PRIMER/PR-1001", pat, null);
        assertThat(primer.path("status").asText()).isEqualTo("QUARANTINE");
        assertThat(primer.path("onHand").findValuesAsText("location")).containsExactly("P2-DOCK");
        assertThat(api.call("GET", "/api/v1/transfers", sam, null).path("inTransit"))
                .isEmpty();

        // plant 2's QA releases it; the gun finishes it into topcoat and ships that to plant 2's customer
        release(pat, "pat-Passw0rd!", "FG-PRIMER", "PR-1001");
        api.call("POST", "/api/v1/tasks", pat, """
                {"id": "DN-P2-1", "site": "PLANT-2", "kind": "SHIP", "partner": "P2-CUST",
                 "lines": [{"item": "FG-TOPCOAT", "quantity": 30}]}""");
        play(
                "device p2-gun",
                "sync",
                "start produce",
                "scan O:B-2001",
                "scan " + PRIMER_LABEL,
                "quantity 30",
                "scan O:B-2001",
                "scan " + TOPCOAT_LABEL,
                "quantity 30",
                "scan P2-LINE",
                "scan O:B-2001",
                "expect TRANSFORM batch=B-2001 inputs.0.lot=PR-1001 outputs.0.item=FG-TOPCOAT outputs.0.lot=TC-9001",
                "sync",
                "expect pending 0");
        release(pat, "pat-Passw0rd!", "FG-TOPCOAT", "TC-9001");
        play(
                "device p2-gun",
                "sync",
                "start ship",
                "scan S:DN-P2-1",
                "scan " + TOPCOAT_LABEL,
                "scan S:DN-P2-1",
                "expect SHIP shipment=DN-P2-1 customer=P2-CUST item=FG-TOPCOAT lot=TC-9001 quantity=30/H87",
                "sync",
                "expect pending 0");

        // the primer's history runs across the gate
        List<String> types = api.call("GET", "/api/v1/lots/FG-PRIMER/PR-1001/timeline", pat, null)
                .path("events")
                .findValuesAsText("type");
        assertThat(types).containsSubsequence("TRANSFORM", "TRANSFER_OUT", "TRANSFER_IN", "STATUS", "TRANSFORM");

        // a recall of plant 1's resin reaches plant 2's topcoat and customer
        String quinn = api.token("quinn", "quinn-Passw0rd!");
        JsonNode asQuinn = api.call("POST", "/api/v1/recalls", quinn, """
                {"mock": true, "lots": [{"item": "RM-RESIN", "lot": "R-2401"}]}""");
        assertThat(asQuinn.path("lotsOutsideYourSites").asInt()).isEqualTo(2);
        assertThat(asQuinn.toString()).doesNotContain("TC-9001", "P2-CUST");
        JsonNode quinnsLots =
                api.call("GET", "/api/v1/recalls/" + asQuinn.path("recallId").asText() + "/lots", quinn, null);
        // the primer and the topcoat are plant 2's now: counted in lotsOutsideYourSites, not listed
        assertThat(quinnsLots.path("lines").findValuesAsText("lot")).containsExactly("R-2401");
        String admin = api.token("admin", ServerProcess.ADMIN_PASSWORD);
        JsonNode asAdmin = api.call("POST", "/api/v1/recalls", admin, """
                {"mock": true, "lots": [{"item": "RM-RESIN", "lot": "R-2401"}]}""");
        assertThat(asAdmin.path("lotsOutsideYourSites").asInt()).isZero();
        assertThat(api.call("GET", "/api/v1/recalls/" + asAdmin.path("recallId").asText() + "/lots", admin, null)
                        .path("lines")
                        .findValuesAsText("lot"))
                .contains("R-2401", "PR-1001", "TC-9001");
        assertThat(asAdmin.path("customers").findValuesAsText("customer")).contains("P2-CUST");
    }

    private void release(String qa, String password, String item, String lot) throws Exception {
        api.call("POST", "/api/v1/lots/" + item + "/" + lot + "/status", qa, """
                {"status": "RELEASED", "reason": "QC pass", "signature": {"password": "%s"}}""".formatted(password));
    }

    private void play(String... lines) {
        plant.play(sim, List.of(lines));
    }
}
