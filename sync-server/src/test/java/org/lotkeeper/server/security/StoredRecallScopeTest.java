package org.lotkeeper.server.security;

import java.util.List;

import javax.sql.DataSource;

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
 * A stored recall is read with the reader's sites applied, not its author's: an admin's recall that
 * reaches a lot of plant 2 shows a QA user of plant 1 only plant 1 — in the answer and in every
 * download — and one that starts at a plant 2 lot is not theirs to read at all.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class StoredRecallScopeTest {

    @Inject
    DataSource ds;

    @Test
    void aRecallReachingAnotherSiteIsReadWithTheReadersSitesAndOneStartingThereIsRefused() {
        Database.resetLedger(ds);
        new Riverside().play();
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-2", "name": "Plant 2"}],
                 "locations": [{"code": "P2-DOCK", "site": "PLANT-2", "type": "RECEIVING"}],
                 "partners": [{"code": "P2-CUST", "name": "Plant two's customer", "kind": "CUSTOMER"}],
                 "users": [{"userId": "olga", "name": "Olga at plant 2", "roles": ["OPERATOR", "RECEIVER"],
                            "sites": ["PLANT-2"], "badge": "B-2001", "pin": "480613"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        String[] plant2 = Riverside.enroll(Api.adminToken(), "PLANT-2", "plant 2 gun");
        // plant 2 receives resin of the same supplier lot as R-2401, and ships it to its own customer
        Riverside.push(
                plant2,
                List.of(
                        Riverside.event("PLANT-2", 1, "olga", "RECEIVE", """
                                {"supplier": "ACME-RESINS", "reference": "PO-P2", "item": "RM-RESIN", "lot": "X-1",
                                 "supplierLot": "ACR-778", "quantity": {"value": "100", "uom": "KGM"}, "location": "P2-DOCK"}"""),
                        Riverside.event("PLANT-2", 2, "olga", "SHIP", """
                                {"shipment": "P2-SHP", "customer": "P2-CUST", "item": "RM-RESIN", "lot": "X-1",
                                 "quantity": {"value": "10", "uom": "KGM"}, "from": "P2-DOCK"}""")));
        // a link from plant 1's R-2401 into plant 2's X-1, as a transfer between sites would make one
        Database.execute(
                ds,
                "INSERT INTO lot_link (from_item, from_lot, to_item, to_lot, quantity, uom, kind, batch, event_id, occurred_at) "
                        + "SELECT 'RM-RESIN', 'R-2401', 'RM-RESIN', 'X-1', 5, 'KGM', 'BLEND', 'T-1', event_id, occurred_at "
                        + "FROM ledger_event WHERE type = 'SHIP' ORDER BY ledger_seq DESC LIMIT 1");
        String admin = Api.adminToken();
        String quinn = Api.token("quinn", "quinn-Passw0rd!");

        String fromR2401 = Api.as(admin)
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");
        assertThat(Api.as(admin).get("/api/v1/recalls/" + fromR2401).asString()).contains("X-1", "P2-CUST");

        String asQuinn = Api.as(quinn)
                .get("/api/v1/recalls/" + fromR2401)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(asQuinn).contains("R-2401", "CITY-MAINT").doesNotContain("X-1", "P2-CUST", "PLANT-2");
        assertThat(Api.as(quinn)
                        .get("/api/v1/recalls/" + fromR2401)
                        .then()
                        .extract()
                        .<Integer>path("lotsOutsideYourSites"))
                .isEqualTo(1);
        for (String download : List.of("/report.csv", "/epcis.jsonld", "/shipments", "/returns")) {
            assertThat(Api.as(quinn)
                            .get("/api/v1/recalls/" + fromR2401 + download)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .as(download)
                    .doesNotContain("X-1", "P2-CUST");
        }
        Api.as(quinn).get("/api/v1/recalls/" + fromR2401 + "/report.pdf").then().statusCode(200);

        // a recall by the supplier lot starts at both sites' lots: not for a reader of one
        String bySupplierLot = Api.as(admin)
                .body(
                        "{\"mock\": true, \"supplierLots\": [{\"supplier\": \"ACME-RESINS\", \"supplierLot\": \"ACR-778\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");
        for (String part : List.of("", "/report.csv", "/report.pdf", "/epcis.jsonld", "/shipments", "/returns")) {
            Api.as(quinn).get("/api/v1/recalls/" + bySupplierLot + part).then().statusCode(404);
        }
        assertThat(Api.as(quinn).get("/api/v1/recalls").asString())
                .contains(fromR2401)
                .doesNotContain(bySupplierLot);
    }
}
