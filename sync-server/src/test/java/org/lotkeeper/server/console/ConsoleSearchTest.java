package org.lotkeeper.server.console;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;

/** Lot search by each kind of term, in any case: item code or name, GTIN, lot prefix, supplier-lot prefix; recent lots by default. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConsoleSearchTest {

    @Inject
    DataSource ds;

    private String results(ConsoleClient quinn, String term) {
        String page = quinn.request()
                .queryParam("q", term)
                .get("/console/lots")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        int table = page.indexOf("id=\"lot-results\"");
        assertThat(table).as("results for " + term).isPositive();
        return page.substring(table);
    }

    @Test
    void eachKindOfTermFindsItsLotsAndNoOthers() {
        Database.resetLedger(ds);
        new Riverside().play();
        ConsoleClient quinn = ConsoleClient.signIn("quinn", "quinn-Passw0rd!");
        assertThat(results(quinn, "RM-RESIN")).contains("R-2401", "R-2402").doesNotContain("PR-1001");
        assertThat(results(quinn, "10614141000101"))
                .contains("PR-1001", "PR-1003")
                .doesNotContain("R-2401");
        assertThat(results(quinn, "PR-100")).contains("PR-1001", "PR-1003").doesNotContain("R-2402");
        assertThat(results(quinn, "ACR-7")).contains("R-2402").doesNotContain("PR-1001");
        // a supplier by a word of its name or its code, in any case
        assertThat(results(quinn, "acme")).contains("R-2401", "R-2402").doesNotContain("P-5001", "PR-1001");
        assertThat(results(quinn, "tio2-corp")).contains("P-5001").doesNotContain("R-2401");
        // the supplier by its name, as people know it
        assertThat(results(quinn, "R-2402"))
                .contains("<td>Acme Resins Ltd</td>")
                .doesNotContain("<td>ACME-RESINS</td>");

        // any case, and words of an item's name
        assertThat(results(quinn, "acr-779")).contains("R-2402").doesNotContain("PR-1001");
        assertThat(results(quinn, "rm-resin")).contains("R-2401", "R-2402").doesNotContain("PR-1001");
        assertThat(results(quinn, "pr-100")).contains("PR-1001", "PR-1003");
        assertThat(results(quinn, "acrylic")).as("RM-RESIN is Acrylic resin").contains("R-2401", "R-2402");
        // wildcards are taken literally
        assertThat(quinn.request().queryParam("q", "%").get("/console/lots").asString())
                .contains("No lot matches");

        // an empty search lists the newest lots, newest first
        String recent = quinn.request()
                .get("/console/lots")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(recent).contains("Received or made most recently", "id=\"lot-results\"", "PR-1003");

        // a label asked for by the supplier's lot code says whose it is, on the label page with its forms
        io.restassured.response.Response label = quinn.request()
                .queryParam("item", "RM-RESIN")
                .queryParam("lot", "acr-779")
                .get("/console/labels/print/lot");
        assertThat(label.statusCode()).isEqualTo(404);
        assertThat(label.asString())
                .contains("No label printed", "supplier&#39;s lot code of our lot R-2402", "id=\"lot-label-form\"");

        // a refused block of pre-printed labels keeps what was typed, to correct it
        io.restassured.response.Response block =
                quinn.post("/console/labels/print/block", "item", "RM-RESIN", "first", "R-2401", "count", "3");
        assertThat(block.statusCode()).isEqualTo(409);
        assertThat(block.asString())
                .contains("No label printed", "R-2401")
                .contains("value=\"RM-RESIN\"", "value=\"R-2401\"", "value=\"3\"");

        // the recall form takes a bare supplier lot or lot code, in any case, and finds whose it is
        io.restassured.response.Response bySupplierLot = quinn.post("/console/recalls", "supplierLots", "acr-779");
        assertThat(bySupplierLot.statusCode()).isEqualTo(303);
        assertThat(quinn.request().get(bySupplierLot.header("Location")).asString())
                .contains("ACR-779", "PR-1001", "TC-1002");
        assertThat(quinn.post("/console/recalls", "lots", "PR-1003").statusCode())
                .isEqualTo(303);
        // the latest recalls say what each started from
        assertThat(quinn.request().get("/console/recalls").asString())
                .contains("ACME-RESINS ACR-779", "FG-PRIMER PR-1003");
        io.restassured.response.Response unknown = quinn.post("/console/recalls", "supplierLots", "ACR-000");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.asString())
                .contains("No lot of your sites came with supplier lot ACR-000", "check the code")
                .doesNotContain("write two codes", "ACME-RESINS ACR-000");
        io.restassured.response.Response unknownLot = quinn.post("/console/recalls", "lots", "ZZ-999");
        assertThat(unknownLot.statusCode()).isEqualTo(400);
        assertThat(unknownLot.asString())
                .contains("No lot ZZ-999 in your sites")
                .doesNotContain("write two codes");
    }
}
