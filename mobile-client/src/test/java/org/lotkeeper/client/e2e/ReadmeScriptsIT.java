package org.lotkeeper.client.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotkeeper.client.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator scripts the README and mobile-client/README.md tell a newcomer to run, played as
 * written — the real workflows, SQLite store and sync engine — against the packaged server:
 * {@code riverside-receive.sim} on a server holding the Riverside master data, and
 * {@code demo-receive.sim} on a server started with {@code --demo}, whose PIN comes from the
 * server's start-up box as a newcomer reads it. Each receipt must be in the ledger, and the demo
 * week's own lots must keep their stock. After it, {@code demo-pallet.sim} packs the new lot onto a
 * pallet whose blank label came from a roll printed in the console, and {@code demo-transfer.sim}
 * sends that pallet to the Hillside plant on a transfer order, where the dock receives it.
 */
class ReadmeScriptsIT {

    private static final Path SCRIPTS = Path.of("src/test/resources/sim");
    private static final Pattern ANA_PIN = Pattern.compile("ana \\(.*?\\) badge B-1001, PIN (\\d+)");
    private static final Pattern SAM_PASSWORD = Pattern.compile("sam \\(.*?\\) password (\\S+)");
    private static final Pattern OLGA_PIN = Pattern.compile("olga \\(.*?\\) badge B-2001, PIN (\\d+)");

    @Test
    void riverSideReceiveReceivesTheTwoSupplierLotsIntoAnEmptyLedger() throws Exception {
        Path dir = Files.createTempDirectory("readme-riverside");
        try (ServerProcess server = new ServerProcess(dir.resolve("server")).start()) {
            ServerApi api = new ServerApi(server);
            api.loadMasterData("/riverside/masterdata.json");
            String admin = api.token("admin", ServerProcess.ADMIN_PASSWORD);
            play(dir, server, "riverside-receive.sim", api.enrollmentCode("PLANT-1", "dock-1"), "471147");

            JsonNode resin = api.call("GET", "/api/v1/lots/RM-RESIN/R-2401", admin, null);
            assertThat(resin.path("supplierLot").asText()).isEqualTo("ACR-778");
            assertThat(api.call("GET", "/api/v1/lots/RM-PIGMENT/P-5001", admin, null)
                            .path("onHand")
                            .toString())
                    .contains("500");
        }
    }

    @Test
    void demoReceiveReceivesTheNextDeliveryIntoTheDemoPlantWithoutTouchingTheWeeksLots() throws Exception {
        Path dir = Files.createTempDirectory("readme-demo");
        try (ServerProcess server = new ServerProcess(dir.resolve("server")).start("--demo")) {
            ServerApi api = new ServerApi(server);
            String admin = api.token("admin", ServerProcess.ADMIN_PASSWORD);
            String box = Files.readString(server.log());
            Matcher pin = ANA_PIN.matcher(box);
            Matcher sam = SAM_PASSWORD.matcher(box);
            assertThat(pin.find()).as("ana's PIN in the start-up box").isTrue();
            assertThat(sam.find()).as("sam's password in the start-up box").isTrue();
            // sam makes the enrollment code, as the README says
            String code = api.call(
                            "POST",
                            "/api/v1/devices/enrollments",
                            api.token("sam", sam.group(1)),
                            "{\"site\": \"PLANT-1\", \"label\": \"dock-1\"}")
                    .path("code")
                    .asText();
            String before = api.call("GET", "/api/v1/lots/RM-RESIN/R-2401", admin, null)
                    .path("onHand")
                    .toString();

            play(dir, server, "demo-receive.sim", code, pin.group(1));

            JsonNode received = api.call("GET", "/api/v1/lots/RM-RESIN/R-2403", admin, null);
            assertThat(received.path("supplierLot").asText()).isEqualTo("ACR-790");
            assertThat(received.path("status").asText()).isEqualTo("QUARANTINE");
            assertThat(api.call("GET", "/api/v1/lots/RM-RESIN/R-2401", admin, null)
                            .path("onHand")
                            .toString())
                    .isEqualTo(before);

            // a roll of blank pallet labels printed as sam; the first SSCC under its barcode goes on the pallet
            String roll = new String(
                    api.bytes(
                            "POST",
                            "/api/v1/labels/sscc-rolls/PLANT-1?count=2&format=zpl",
                            api.token("sam", sam.group(1))),
                    StandardCharsets.US_ASCII);
            Matcher sscc = Pattern.compile("00614141\\d{10}").matcher(roll);
            assertThat(sscc.find()).as(roll).isTrue();
            play(dir, "demo-pallet.sim", Map.of("PIN", pin.group(1), "PALLET", sscc.group()));
            JsonNode pallet = api.call("GET", "/api/v1/pallets/" + sscc.group(), admin, null);
            assertThat(pallet.path("location").asText()).isEqualTo("RCV-DOCK-1");
            assertThat(pallet.path("contents").get(0).path("lot").asText()).isEqualTo("R-2403");

            // sam makes a transfer order to the Hillside plant, admin its dock's enrollment code; the pallet goes over
            api.call("POST", "/api/v1/tasks", api.token("sam", sam.group(1)), """
                    {"id": "TR-1", "site": "PLANT-1", "kind": "TRANSFER", "toSite": "PLANT-2",
                     "lines": [{"item": "RM-RESIN", "quantity": 800, "uom": "kg"}]}""");
            Matcher olga = OLGA_PIN.matcher(box);
            assertThat(olga.find()).as("olga's PIN in the start-up box").isTrue();
            play(
                    dir,
                    "demo-transfer.sim",
                    Map.of(
                            "SERVER", server.url(),
                            "PIN", pin.group(1),
                            "PALLET", sscc.group(),
                            "P2_CODE", api.enrollmentCode(admin, "PLANT-2", "p2-dock"),
                            "OLGA_PIN", olga.group(1)));
            JsonNode resin = api.call("GET", "/api/v1/lots/RM-RESIN/R-2403", admin, null);
            assertThat(resin.path("site").asText()).isEqualTo("PLANT-2");
            assertThat(resin.path("status").asText()).isEqualTo("QUARANTINE");
            assertThat(resin.path("onHand").findValuesAsText("location")).containsExactly("P2-DOCK");
            assertThat(api.call("GET", "/api/v1/pallets/" + sscc.group(), admin, null)
                            .path("location")
                            .asText())
                    .isEqualTo("P2-DOCK");
        }
    }

    private static void play(Path dir, ServerProcess server, String script, String code, String pin) {
        play(dir, script, Map.of("SERVER", server.url(), "CODE", code, "PIN", pin));
    }

    private static void play(Path dir, String script, Map<String, String> variables) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Simulator sim = new Simulator(
                Simulator.Options.in(dir.resolve("devices")).withVariables(variables),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            int exit = sim.run(SCRIPTS.resolve(script));
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Simulator.OK);
            assertThat(sim.refusals()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
    }
}
