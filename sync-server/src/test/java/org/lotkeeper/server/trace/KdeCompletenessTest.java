package org.lotkeeper.server.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * The KDE completeness check on plants with known gaps: the Riverside week on its first master
 * data (no addresses; two suppliers without a GLN), then on the demo plant's (addresses but for
 * three partners), and a receipt without the supplier's lot code from a supplier the item does not
 * approve.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class KdeCompletenessTest {

    private static final String WEEK = "/api/v1/kde/completeness?from=2026-11-16T00:00:00Z&to=2026-11-22T00:00:00Z";

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        new Riverside().play();
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    @Test
    void aPlantWithoutAddressesLacksThemInEveryEventAndTwoReceiptsLackTheirLotCodesSource() throws Exception {
        JsonNode r = check();
        // 4 receipts, 3 batches, 4 shipment lines, 1 return
        assertThat(r.get("events").asLong()).isEqualTo(12);
        assertThat(r.get("incompleteEvents").asLong()).isEqualTo(12);
        assertThat(r.get("ledgerPosition").asLong()).isPositive();
        Map<String, JsonNode> causes = causes(r);
        assertThat(causes.keySet())
                .containsExactlyInAnyOrder("SITE_WITHOUT_ADDRESS", "PARTNER_WITHOUT_ADDRESS", "TLC_SOURCE_UNDESCRIBED");
        assertThat(causes.get("SITE_WITHOUT_ADDRESS").get("events").asLong()).isEqualTo(12);
        assertThat(subjects(causes.get("SITE_WITHOUT_ADDRESS")))
                .containsExactly("PLANT-1 12 [phone, street, city, postal code, country]");
        assertThat(causes.get("PARTNER_WITHOUT_ADDRESS").get("events").asLong()).isEqualTo(9);
        assertThat(subjects(causes.get("PARTNER_WITHOUT_ADDRESS")))
                .containsExactlyInAnyOrder(
                        "ACME-RESINS 2 [phone, street, city, postal code, country]",
                        "TIO2-CORP 1 [phone, street, city, postal code, country]",
                        "SOLVCO 1 [phone, street, city, postal code, country]",
                        "BUILDMART 1 [phone, street, city, postal code, country]",
                        "HARBOR-PAINTS 1 [phone, street, city, postal code, country]",
                        "CITY-MAINT 3 [phone, street, city, postal code, country]");
        // ACME has a GLN, a reference for its lot codes; TiO2 Corp and SolvCo have neither that nor an address
        assertThat(subjects(causes.get("TLC_SOURCE_UNDESCRIBED")))
                .containsExactlyInAnyOrder("TIO2-CORP 1 [address or GLN]", "SOLVCO 1 [address or GLN]");
        JsonNode example = causes.get("TLC_SOURCE_UNDESCRIBED").get("examples").get(0);
        assertThat(example.get("cte").asText()).isEqualTo("Receiving");
        assertThat(example.get("item").asText()).isIn("RM-PIGMENT", "RM-SOLVENT");
        assertThat(causes.get("SITE_WITHOUT_ADDRESS")
                        .get("subjects")
                        .get(0)
                        .get("fix")
                        .asText())
                .isEqualTo("/console/masterdata?tab=sites");
    }

    @Test
    void withTheDemoPlantsAddressesOnlyThePartnersWithoutOneRemainAndAReceiptWithoutItsLotCodeIsFound()
            throws Exception {
        as(Api.adminToken())
                .body(Api.resource("demo/riverside/masterdata.json"))
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        JsonNode r = check();
        assertThat(r.get("incompleteEvents").asLong()).isEqualTo(5);
        Map<String, JsonNode> causes = causes(r);
        assertThat(causes.keySet()).containsExactlyInAnyOrder("PARTNER_WITHOUT_ADDRESS", "TLC_SOURCE_UNDESCRIBED");
        assertThat(subjects(causes.get("PARTNER_WITHOUT_ADDRESS")))
                .containsExactlyInAnyOrder(
                        "TIO2-CORP 1 [phone, street, city, postal code, country]",
                        "SOLVCO 1 [phone, street, city, postal code, country]",
                        "CITY-MAINT 3 [phone, street, city, postal code, country]");

        // a resin receipt from SolvCo (approved for solvent only) without SolvCo's lot code
        String[] dock = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "kde-dock");
        JsonNode answer = Riverside.push(dock, List.of(Riverside.event(1, "ana", "RECEIVE", """
                        {"supplier": "SOLVCO", "reference": "PO-9", "item": "RM-RESIN", "lot": "R-2499",
                         "quantity": {"value": "10", "uom": "KGM"}, "expiry": "2027-06-30", "location": "RCV-DOCK-1"}""")));
        assertThat(answer.at("/results/0/status").asText())
                .as(answer.toString())
                .isEqualTo("ACCEPTED");
        causes = causes(check());
        assertThat(subjects(causes.get("SUPPLIER_LOT_MISSING"))).containsExactly("SOLVCO 1 []");
        assertThat(causes.get("SUPPLIER_LOT_MISSING").at("/examples/0/lot").asText())
                .isEqualTo("R-2499");
        assertThat(causes.get("SUPPLIER_NOT_APPROVED").at("/subjects/0/code").asText())
                .isEqualTo("RM-RESIN / SOLVCO");
        assertThat(causes.get("SUPPLIER_NOT_APPROVED").at("/subjects/0/name").asText())
                .contains("approved: ACME-RESINS");
        // a period without events has nothing to fix
        JsonNode quiet = Riverside.JSON.readTree(as(quinn)
                .get("/api/v1/kde/completeness?from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(quiet.get("events").asLong()).isZero();
        assertThat(quiet.get("causes")).isEmpty();
    }

    @Test
    void rolesSitesAndBadInputAreRefused() {
        as(quinn)
                .get("/api/v1/kde/completeness?from=monday")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_FIELD"));
        as(quinn)
                .get("/api/v1/kde/completeness?from=2026-11-22T00:00:00Z&to=2026-11-16T00:00:00Z")
                .then()
                .statusCode(400);
        as(Api.adminToken()).body("""
                        {"sites": [{"code": "PLANT-2", "name": "Hillside"}],
                         "users": [{"userId": "pat", "name": "Pat Elsewhere", "roles": ["QA"], "sites": ["PLANT-2"], "password": "pat-Passw0rd!"},
                                   {"userId": "olly", "name": "Olly Operator", "roles": ["OPERATOR"], "sites": ["PLANT-1"], "password": "olly-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        String pat = Api.token("pat", "pat-Passw0rd!");
        as(pat).get(WEEK).then().statusCode(200).body("events", equalTo(0));
        as(pat).get(WEEK + "&site=PLANT-1").then().statusCode(403).body("code", equalTo("SITE_NOT_ALLOWED"));
        as(quinn).get(WEEK + "&site=NOSITE").then().statusCode(400).body("code", equalTo("UNKNOWN_SITE"));
        as(Api.token("olly", "olly-Passw0rd!"))
                .get(WEEK)
                .then()
                .statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
    }

    private JsonNode check() throws Exception {
        return Riverside.JSON.readTree(
                as(quinn).get(WEEK).then().statusCode(200).extract().asString());
    }

    private static Map<String, JsonNode> causes(JsonNode report) {
        Map<String, JsonNode> out = new TreeMap<>();
        report.get("causes").forEach(c -> out.put(c.get("cause").asText(), c));
        return out;
    }

    /** "CODE events [missing parts]" per subject. */
    private static List<String> subjects(JsonNode cause) {
        List<String> out = new ArrayList<>();
        cause.get("subjects").forEach(s -> {
            List<String> missing = new ArrayList<>();
            s.get("missing").forEach(m -> missing.add(m.asText()));
            out.add(s.get("code").asText() + " " + s.get("events").asLong() + " " + missing);
        });
        return out;
    }
}
