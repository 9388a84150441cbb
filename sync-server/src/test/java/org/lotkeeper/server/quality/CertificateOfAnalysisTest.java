package org.lotkeeper.server.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.console.ConsoleClient;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.Pdfs;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Certificates of analysis for customers, read back as text: every test of the specification with
 * its method, limits, result and judgement, the customer, the dates, the QA signature that released
 * the lot (and a concession when there was one, which a recall report names too) and the lot's GS1
 * Digital Link; refused for a lot
 * that is not released, for a supplier as addressee, and for a shipment with such a lot.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class CertificateOfAnalysisTest {

    private static final String PASSWORD = "quinn-Passw0rd!";
    private static final String PRIMER_TESTS = """
            [{"code": "VISC", "name": "Viscosity (Brookfield)", "method": "ASTM D2196", "unit": "C7", "kind": "NUMERIC",
              "min": "80", "max": "120", "decimals": 0},
             {"code": "COLOUR", "name": "Colour", "method": "Visual", "kind": "TEXT", "accepted": ["White"]},
             {"code": "SOLIDS", "name": "Solids", "unit": "P1", "kind": "NUMERIC", "min": "55.0", "decimals": 1,
              "required": false}]""";

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void weekWithSpecificationsAndResults() {
        Database.resetLedger(ds);
        new Riverside().playWithoutQuality();
        quinn = Api.token("quinn", PASSWORD);
        as(quinn)
                .body(SpecificationTest.body(1, "2026-01-01", SpecificationTest.TESTS, PASSWORD))
                .put("/api/v1/items/RM-RESIN/specification")
                .then()
                .statusCode(200);
        as(quinn)
                .body(SpecificationTest.body(1, "2026-01-01", PRIMER_TESTS, PASSWORD))
                .put("/api/v1/items/FG-PRIMER/specification")
                .then()
                .statusCode(200);
        as(quinn)
                .body("""
                        {"source": "LAB", "results": [{"test": "VISC", "value": "96"}, {"test": "COLOUR", "value": "white"},
                          {"test": "SOLIDS", "value": "57.25"}]}""")
                .post("/api/v1/lots/FG-PRIMER/PR-1001/results")
                .then()
                .statusCode(200);
    }

    private static String text(Response pdf, String keep) throws IOException {
        pdf.then().statusCode(200).contentType("application/pdf");
        // kept beside the build output for a person to look at
        Files.write(Path.of("target", keep), pdf.asByteArray());
        return Pdfs.text(pdf.asByteArray());
    }

    @Test
    void aReleasedLotsCertificateNamesEveryTestItsResultTheCustomerAndTheQaSignature() throws IOException {
        String text =
                text(as(quinn).get("/api/v1/lots/FG-PRIMER/PR-1001/coa.pdf?customer=BUILDMART"), "coa-PR-1001.pdf");
        assertThat(text)
                .contains("Certificate of analysis")
                .contains("BuildMart Stores (BUILDMART)")
                .contains("FG-PRIMER", "PR-1001", "Expiry", "Manufactured", "version 1, in force from 2026-01-01")
                .contains("Viscosity (Brookfield) (VISC)", "ASTM D2196", "80 – 120 mPa·s", "96")
                .contains("Colour (COLOUR)", "White")
                .contains("Solids (SOLIDS), for information", "min. 55.0 %", "57.3")
                .contains("conforms")
                // where each result came from and when: the laboratory, the day QA recorded it
                .contains("Source")
                .containsPattern("Laboratory\\s+2026-11-21")
                .contains("The lot meets version 1 of its specification.")
                .contains("Approved by Quinn")
                .contains("by Quinn Quality.")
                .contains("https://id.gs1.org/01/10614141000101/10/PR-1001");
        assertThat(text).doesNotContain("out of specification");
    }

    @Test
    void aConcessionIsOnTheCertificateAndAnUnreleasedLotHasNone() throws IOException {
        as(quinn)
                .body("{\"source\": \"LAB\", \"results\": [{\"test\": \"ASSAY\", \"value\": \"98.7\"}, "
                        + "{\"test\": \"VISC\", \"value\": \"420\"}, {\"test\": \"ID\", \"value\": \"PASS\"}]}")
                .post("/api/v1/lots/RM-RESIN/R-2401/results")
                .then()
                .statusCode(200);
        // the out-of-specification assay put R-2401 on hold: no certificate
        as(quinn)
                .get("/api/v1/lots/RM-RESIN/R-2401/coa.pdf")
                .then()
                .statusCode(409)
                .body("code", equalTo("NOT_RELEASED"))
                .body("detail", containsString("on hold"));
        as(quinn).body("""
                        {"status": "RELEASED", "reason": "Customer accepted the deviation",
                         "signature": {"password": "quinn-Passw0rd!", "meaning": "Released under concession"},
                         "concession": {"reason": "DV-2026-014: assay 98.7 % accepted by BuildMart"}}""").post("/api/v1/lots/RM-RESIN/R-2401/status").then().statusCode(200);
        String text = text(as(quinn).get("/api/v1/lots/RM-RESIN/R-2401/coa.pdf"), "coa-R-2401-concession.pdf");
        assertThat(text)
                .contains("Released under concession: DV-2026-014: assay 98.7 % accepted by BuildMart")
                .contains("Assay (ASSAY)", "HPLC-12", "99.0 – 101.0 %", "98.7", "out of specification")
                .contains("Released under concession")
                .contains("Customer -");
        as(quinn)
                .get("/api/v1/lots/RM-RESIN/R-2401/quality")
                .then()
                .statusCode(200)
                .body("conforms", equalTo(false))
                .body("releasedUnderConcession", equalTo("DV-2026-014: assay 98.7 % accepted by BuildMart"));

        // and a mock recall's report names the concession of every affected lot released under one
        String recall = as(quinn)
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");
        assertThat(text(as(quinn).get("/api/v1/recalls/" + recall + "/report.pdf"), "recall-concession.pdf"))
                .contains("Released under concession", "R-2401", "DV-2026-014: assay 98.7 % accepted by BuildMart");
        // a real recall sets R-2401 to recalled: its report still names the concession it was released under
        String real = as(quinn)
                .body("""
                        {"mock": false, "lots": [{"item": "RM-RESIN", "lot": "R-2401"}], "reason": "Supplier reports contamination",
                         "signature": {"password": "quinn-Passw0rd!", "meaning": "Recall approved"}}""")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");
        assertThat(text(as(quinn).get("/api/v1/recalls/" + real + "/report.pdf"), "recall-real-concession.pdf"))
                .contains("Released under concession", "DV-2026-014: assay 98.7 % accepted by BuildMart");
    }

    @Test
    void aShipmentsCertificateHasAPagePerLotAndIsRefusedWhileALotOfItIsNotReleased() throws IOException {
        String text = text(as(quinn).get("/api/v1/shipments/SHP-1/coa.pdf"), "coa-SHP-1.pdf");
        assertThat(text).contains("BuildMart Stores (BUILDMART)", "SHP-1", "PR-1001");

        // SHP-3 holds TC-1002, back in quarantine after a return, and FG-TOPCOAT has no specification
        as(quinn)
                .get("/api/v1/shipments/SHP-3/coa.pdf")
                .then()
                .statusCode(409)
                .body("code", equalTo("NOT_RELEASED"))
                .body("detail", containsString("TC-1002"));
        as(quinn).get("/api/v1/shipments/NO-SUCH/coa.pdf").then().statusCode(404);
    }

    @Test
    void onlyQaAndSupervisorsIssueCertificatesToCustomersOnly() throws IOException {
        as(quinn)
                .get("/api/v1/lots/FG-PRIMER/PR-1001/coa.pdf?customer=SOLVCO")
                .then()
                .statusCode(400)
                .body("field", equalTo("customer"));
        as(Api.token("sam", "sam-Passw0rd!"))
                .get("/api/v1/lots/FG-PRIMER/PR-1001/coa.pdf")
                .then()
                .statusCode(200);

        // the console's lot page offers it, and its route makes the same PDF
        ConsoleClient console = ConsoleClient.signIn("quinn", PASSWORD);
        assertThat(console.request()
                        .get("/console/lot?item=FG-PRIMER&lot=PR-1001")
                        .asString())
                .contains("Certificate of analysis (PDF)", "/console/shipment/coa.pdf?shipment=SHP-1");
        assertThat(text(
                        console.request().get("/console/lot/coa.pdf?item=FG-PRIMER&lot=PR-1001&customer=BUILDMART"),
                        "coa-console.pdf"))
                .contains("BuildMart Stores (BUILDMART)", "Viscosity (Brookfield) (VISC)");
        assertThat(text(console.request().get("/console/shipment/coa.pdf?shipment=SHP-1"), "coa-console-SHP-1.pdf"))
                .contains("SHP-1", "PR-1001");
    }
}
