package org.lotkeeper.server.ledger;

import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server holds the floor's rule on its side too: a lot that may not be used (here still in
 * quarantine) moved anywhere but a quarantine or returns location is stored — the ledger records
 * what happened — and flagged LOT_NOT_AVAILABLE, so a supervisor sees it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class UnavailableMoveTest {

    @Inject
    DataSource ds;

    private static final String RECEIPT = """
            {"supplier": "ACME-RESINS", "reference": "PO-1", "item": "RM-RESIN", "lot": "R-7001",
             "quantity": {"value": "100", "uom": "KGM"}, "location": "RCV-DOCK-1"}""";

    private static JsonNode result(String[] device, JsonNode event) {
        return Riverside.push(device, List.of(event)).get("results").get(0);
    }

    private static String move(String to, String quantity) {
        return """
                {"item": "RM-RESIN", "lot": "R-7001", "quantity": {"value": "%s", "uom": "KGM"},
                 "from": "RCV-DOCK-1", "to": "%s"}""".formatted(quantity, to);
    }

    @Test
    void aQuarantinedLotMovedIntoStorageIsFlaggedButIntoQuarantineIsNot() {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        String[] gun = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "gun");
        assertThat(result(gun, Riverside.event(1, "ana", "RECEIVE", RECEIPT))
                        .get("status")
                        .asText())
                .isEqualTo("ACCEPTED");

        JsonNode intoStorage = result(gun, Riverside.event(2, "ben", "MOVE", move("WH-A-01", "40")));
        assertThat(intoStorage.get("status").asText()).as("stored, with a flag").isEqualTo("FLAGGED");
        assertThat(intoStorage.get("flags").toString()).contains("LOT_NOT_AVAILABLE");
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM exception WHERE flag = 'LOT_NOT_AVAILABLE' AND detail LIKE ?",
                        "%not to a quarantine or returns location%"))
                .isEqualTo(1);

        JsonNode intoQuarantine = result(gun, Riverside.event(3, "ben", "MOVE", move("QA-HOLD", "60")));
        assertThat(intoQuarantine.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(intoQuarantine.get("flags").toString()).doesNotContain("LOT_NOT_AVAILABLE");
    }

    /** A second supplier batch received under a known internal lot code is stored and put before QA. */
    @Test
    void anotherSupplierBatchReceivedIntoAKnownLotIsFlaggedForQa() {
        Database.resetLedger(ds);
        Api.loadRiversideMasterData();
        String[] dock = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "dock");
        String first = """
                {"supplier": "ACME-RESINS", "reference": "GR-1", "item": "RM-RESIN", "lot": "R-7002",
                 "supplierLot": "ACR-778", "expiry": "2027-03-31",
                 "quantity": {"value": "100", "uom": "KGM"}, "location": "RCV-DOCK-1"}""";
        assertThat(result(dock, Riverside.event(1, "ana", "RECEIVE", first))
                        .get("status")
                        .asText())
                .isEqualTo("ACCEPTED");
        JsonNode sameBatch = result(dock, Riverside.event(2, "ana", "RECEIVE", first));
        assertThat(sameBatch.get("status").asText())
                .as("more of the same batch")
                .isEqualTo("ACCEPTED");

        JsonNode other = result(
                dock,
                Riverside.event(
                        3, "ana", "RECEIVE", first.replace("ACR-778", "ACR-790").replace("2027-03-31", "2027-01-31")));
        assertThat(other.get("status").asText()).isEqualTo("FLAGGED");
        assertThat(other.get("flags").toString()).contains("RECEIPT_MISMATCH");
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM exception WHERE flag = 'RECEIPT_MISMATCH' AND detail LIKE ?",
                        "%holds supplier lot ACR-778%adds supplier lot ACR-790%"))
                .isEqualTo(1);
    }
}
