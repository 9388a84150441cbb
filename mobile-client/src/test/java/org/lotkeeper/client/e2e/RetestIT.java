package org.lotkeeper.client.e2e;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lotkeeper.client.sim.Simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lot past its retest date on real devices against the packaged server (docs/QUALITY-CONTROL.md,
 * "Retest dates"): the dock receives a solvent drum whose supplier label says "test by" yesterday
 * (AI 7011); the gun refuses it as a batch input with "due for retest"; a gun whose capture was made
 * days earlier, while the lot could still be used, syncs its batch and the server flags the lot as
 * not available; QA's signed, conforming retest moves the date on, and the gun then takes the drum.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetestIT {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.systemDefault());
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    /** The supplier's label on the drum: GTIN, supplier lot, expiry (17) and "test by" yesterday (7011). */
    private static final String DRUM_LABEL =
            "]C10110614141000033" + "10SV-77<GS>17280630" + "7011" + YESTERDAY.format(YYMMDD);

    private static final String DRUM = "]C1011061414100003310S-9100";

    private SimPlant plant;
    private ServerApi api;
    private Simulator today;

    @BeforeAll
    void startThePlant() throws Exception {
        plant = SimPlant.start("retest");
        api = plant.api;
        today = plant.simulator("devices", Clock.system(ZoneId.systemDefault()));
        plant.enrollDockAndGun(today);
    }

    @AfterAll
    void stopThePlant() throws IOException {
        if (plant != null) {
            plant.close();
        }
    }

    @Test
    void aLotPastItsRetestDateIsBlockedOnTheGunFlaggedOnTheServerAndUsableAgainAfterQasRetest() throws Exception {
        play(
                today,
                "device dock-1",
                "login B-1001 471147",
                "start receive",
                "action nopo SOLVCO PO-RT-1",
                "scan " + DRUM_LABEL,
                "expect screen retest by " + YESTERDAY + " — already due for retest",
                "quantity 200 LTR",
                "scan " + DRUM,
                "scan RCV-DOCK-1",
                "expect RECEIVE item=RM-SOLVENT lot=S-9100 supplierLot=SV-77 expiry=2028-06-30 retestDate=" + YESTERDAY,
                "sync",
                "expect pending 0",
                "device gun-1",
                "login B-1002 583920",
                "sync",
                "start lookup",
                "scan " + DRUM,
                "expect screen Retest by: " + YESTERDAY + " (due — QA must retest it before it is used)",
                "start produce",
                "scan O:B-2001",
                "scan " + DRUM,
                "expect refused was due for retest on " + YESTERDAY,
                "# a lot that may not be used goes into quarantine, not into storage",
                "start move",
                "scan " + DRUM,
                "expect refused it may only go to a quarantine or returns location",
                "scan WH-B-01",
                "expect refused Scan a quarantine or returns location",
                "sync",
                "expect pending 0");
        JsonNode lot = lot("RM-SOLVENT", "S-9100");
        assertThat(lot.path("retestDate").asText()).isEqualTo(YESTERDAY.toString());
        assertThat(lot.path("dueForRetest").asBoolean()).isTrue();

        // a gun that made its batch three days ago, offline, when the drum could still be used
        Simulator earlier =
                plant.simulator("earlier-devices", Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(-3)));
        play(
                earlier,
                "device gun-2 profile=zebra-tc5x",
                "enroll ${SERVER} " + api.enrollmentCode("PLANT-1", "gun 2"),
                "sync",
                "login B-1002 583920",
                "start produce",
                "scan O:B-2002",
                "scan " + DRUM,
                "quantity 50 LTR",
                "scan O:B-2002",
                "scan ]C1011061414100010110PR-2002",
                "quantity 5",
                "scan WH-A-02",
                "scan O:B-2002",
                "expect TRANSFORM batch=B-2002 inputs.0.lot=S-9100 inputs.0.quantity=50/LTR",
                "sync",
                "expect pending 0");
        String sam = api.token("sam", "sam-Passw0rd!");
        JsonNode flags = api.call("GET", "/api/v1/exceptions?flag=LOT_NOT_AVAILABLE", sam, null);
        assertThat(flags.toString()).contains("S-9100").contains("due for retest on " + YESTERDAY);

        // QA retests the drum against the item's specification and signs: it may be used for 90 days more
        String quinn = api.token("quinn", "quinn-Passw0rd!");
        api.call("PUT", "/api/v1/items/RM-SOLVENT/specification", quinn, """
                {"version": 1, "effectiveFrom": "2026-01-01", "tests": [
                  {"code": "PURITY", "name": "Purity (GC)", "unit": "P1", "kind": "NUMERIC", "min": "99.0", "decimals": 1}],
                 "signature": {"password": "quinn-Passw0rd!"}}""");
        JsonNode retest = api.call(
                "POST",
                "/api/v1/lots/RM-SOLVENT/S-9100/retest",
                quinn,
                "{\"results\": [{\"test\": \"PURITY\", \"value\": \"99.6\"}], \"retestDate\": \"" + TODAY.plusDays(90)
                        + "\", \"signature\": {\"password\": \"quinn-Passw0rd!\"}}");
        assertThat(retest.path("payload").path("retest").path("until").asText())
                .isEqualTo(TODAY.plusDays(90).toString());

        play(
                today,
                "device gun-1",
                "sync",
                "start move",
                "scan " + DRUM,
                "scan WH-B-01",
                "expect MOVE item=RM-SOLVENT lot=S-9100 from=RCV-DOCK-1 to=WH-B-01",
                "start produce",
                "scan O:B-2003",
                "scan " + DRUM,
                "quantity 40 LTR",
                "scan O:B-2003",
                "scan ]C1011061414100010110PR-2003",
                "quantity 4",
                "scan WH-A-02",
                "scan O:B-2003",
                "expect TRANSFORM batch=B-2003 inputs.0.lot=S-9100 inputs.0.quantity=40/LTR",
                "sync",
                "expect pending 0");
        lot = lot("RM-SOLVENT", "S-9100");
        assertThat(lot.path("retestDate").asText()).isEqualTo(TODAY.plusDays(90).toString());
        assertThat(lot.path("dueForRetest").asBoolean()).isFalse();
        assertThat(lot.path("onHandTotal").path("value").asText()).isEqualTo("110");
        JsonNode timeline = api.call("GET", "/api/v1/lots/RM-SOLVENT/S-9100/timeline", sam, null);
        assertThat(timeline.path("events").findValuesAsText("type"))
                .containsExactly("RECEIVE", "TRANSFORM", "INSPECT", "MOVE", "TRANSFORM");
        assertThat(flags(timeline, 1)).anySatisfy(f -> assertThat(f).contains("LOT_NOT_AVAILABLE"));
        assertThat(flags(timeline, 3)).isEmpty();
        assertThat(flags(timeline, 4)).isEmpty();
    }

    private static List<String> flags(JsonNode timeline, int index) {
        List<String> out = new java.util.ArrayList<>();
        timeline.path("events").get(index).path("flags").forEach(f -> out.add(f.asText()));
        return out;
    }

    private void play(Simulator sim, String... lines) {
        plant.play(sim, List.of(lines));
    }

    private JsonNode lot(String item, String lot) throws IOException, InterruptedException {
        return api.call("GET", "/api/v1/lots/" + item + "/" + lot, api.token("sam", "sam-Passw0rd!"), null);
    }
}
