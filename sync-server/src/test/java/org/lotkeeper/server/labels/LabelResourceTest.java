package org.lotkeeper.server.labels;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.id.Gtin;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /api/v1/labels/...} on the Riverside ledger: the printed labels hold the lot's own data. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LabelResourceTest {

    static final String PALLET = "006141410000000012";
    static boolean played;

    @Inject
    DataSource ds;

    String quinn;

    @BeforeEach
    void riverside() {
        if (!played) {
            Database.resetLedger(ds);
            Riverside riverside = new Riverside().play();
            String[] gun = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "label-packer");
            assertThat(Riverside.pack(gun, 1, "ben", PALLET, "WH-A-01", "RM-RESIN", "R-2401", "100", "KGM")
                            .get("status")
                            .asText())
                    .isEqualTo("ACCEPTED");
            assertThat(riverside.answers).isNotEmpty();
            played = true;
        }
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    private Response get(String token, String path) {
        return given().header("Authorization", "Bearer " + token).get(path);
    }

    private Response post(String token, String path) {
        return given().header("Authorization", "Bearer " + token).post(path);
    }

    @Test
    void aBlockOfPreprintedLotLabelsCountsOnFromTheNewestLotOrPrintAndNeverReusesACode() throws Exception {
        Database.execute(ds, "DELETE FROM printed_lot_label");
        Response zpl = post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?count=3&format=zpl");
        zpl.then()
                .statusCode(200)
                .contentType("application/zpl")
                .header("Content-Disposition", "inline; filename=\"lots-RM-RESIN-R-2403-x3.zpl\"");
        String text = zpl.asString();
        assertThat(text.split("\\^XA", -1)).hasSize(4); // three labels
        assertThat(text)
                .contains("R-2403", "R-2404", "R-2405")
                .doesNotContain("R-2406")
                .doesNotContain("R-2402");

        // the next block starts after what was printed; printing those again needs a reprint
        assertThat(post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?count=1&format=zpl")
                        .asString())
                .contains("R-2406");
        post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?first=R-2404&count=2&format=zpl")
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        containsString("labels R-2404, R-2405 of RM-RESIN were printed before; start at R-2407"));
        post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?first=R-2404&count=2&format=zpl&reprint=true")
                .then()
                .statusCode(200);

        Response pdf = post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?first=R-0998&count=3&format=pdf");
        pdf.then().statusCode(200).contentType("application/pdf");
        PdfReader reader = new PdfReader(pdf.asByteArray());
        assertThat(reader.getNumberOfPages()).isEqualTo(3);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(3)).contains("R-1000");

        post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?first=r-2400&count=5")
                .then()
                .statusCode(409)
                .body("code", equalTo("DUPLICATE"))
                .body("detail", containsString("lots R-2401, R-2402 of RM-RESIN exist already"));
        post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?first=LOT&count=5")
                .then()
                .statusCode(400)
                .body("field", equalTo("first"));
        post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?count=201").then().statusCode(400);
        post(quinn, "/api/v1/labels/lot-blocks/RM-RESIN?first=R-3000&count=2&format=png")
                .then()
                .statusCode(400)
                .body("detail", containsString("PDF or ZPL"));
        assertThat(Database.count(ds, "SELECT count(*) FROM printed_lot_label WHERE lot = 'R-3000'"))
                .as("a refused block records nothing")
                .isZero();
    }

    @Test
    void aLotLabelPngHoldsTheLotsGtinLotExpiryAndStockOnHand() {
        var lot = Api.as(quinn)
                .get("/api/v1/lots/RM-RESIN/R-2401")
                .then()
                .statusCode(200)
                .extract();
        Quantity onHand = Quantity.parse(lot.path("onHandTotal.value").toString(), lot.path("onHandTotal.uom"));

        Response png = get(quinn, "/api/v1/labels/lots/RM-RESIN/R-2401?format=png&symbology=gs1-128");

        png.then()
                .statusCode(200)
                .contentType("image/png")
                .header("Content-Disposition", "inline; filename=\"lot-RM-RESIN-R-2401.png\"");
        List<LabelScanner.Read> reads = LabelScanner.scan(LabelScanner.image(png.asByteArray()));
        assertThat(reads).hasSize(1);
        Gs1Data read = Gs1Decoder.create().decode(reads.get(0).scan());
        assertThat(read.gtin()).contains(Gtin.of(lot.path("gtin")));
        assertThat(read.lot()).contains(LotCode.of("R-2401"));
        assertThat(read.expiry()).contains(LocalDate.parse(lot.path("expiry")));
        assertThat(read.quantity())
                .hasValueSatisfying(q -> assertThat(q.value()).isEqualByComparingTo(onHand.value()));
    }

    @Test
    void aLotLabelAsPdfAndZplAndWithAGivenQuantity() {
        get(quinn, "/api/v1/labels/lots/RM-RESIN/R-2401?format=pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf");
        assertThat(get(quinn, "/api/v1/labels/lots/RM-RESIN/R-2401?format=pdf").asString())
                .startsWith("%PDF-");
        String zpl = get(quinn, "/api/v1/labels/lots/RM-RESIN/R-2401?format=zpl&quantity=200")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/zpl"))
                .extract()
                .asString();
        assertThat(zpl)
                .startsWith("^XA")
                .contains("^BCN,")
                .contains("^BXN,")
                .contains("3100000200")
                .endsWith("^XZ\n");
    }

    @Test
    void aPalletLabelHoldsItsSsccAndForOneLotItsContent() {
        Response png = get(quinn, "/api/v1/labels/sscc/" + PALLET + "?format=png");

        png.then().statusCode(200).contentType("image/png");
        List<Gs1Data> read = LabelScanner.scan(LabelScanner.image(png.asByteArray())).stream()
                .map(r -> Gs1Decoder.create().decode(r.scan()))
                .toList();
        assertThat(read).anySatisfy(d -> assertThat(d.sscc()).contains(Sscc.of(PALLET)));
        assertThat(get(quinn, "/api/v1/labels/sscc/" + PALLET + "?format=zpl").asString())
                .contains("^FD>;>800" + PALLET + "^FS");
    }

    @Test
    void malformedOrUnknownCodesAndBadParametersAreProblems() {
        problem(get(quinn, "/api/v1/labels/sscc/006141410000000013"), 422, "INVALID_SSCC");
        problem(get(quinn, "/api/v1/labels/sscc/%3Cscript%3E"), 422, "INVALID_SSCC");
        problem(get(quinn, "/api/v1/labels/sscc/006141410000000029"), 404, "NOT_FOUND");
        problem(get(quinn, "/api/v1/labels/lots/RM-RESIN/NO-SUCH-LOT"), 404, "NOT_FOUND");
        problem(get(quinn, "/api/v1/labels/lots/RM-RESIN/A$B"), 400, "INVALID_FIELD");
        problem(get(quinn, "/api/v1/labels/lots/RM-RESIN/" + "X".repeat(21)), 400, "INVALID_FIELD");
        problem(get(quinn, "/api/v1/labels/lots/RM-RESIN/R-2401?format=gif"), 400, "INVALID_FIELD");
        problem(get(quinn, "/api/v1/labels/lots/RM-RESIN/R-2401?symbology=qr"), 400, "INVALID_FIELD");
        problem(get(quinn, "/api/v1/labels/lots/RM-RESIN/R-2401?quantity=1e99999"), 400, "INVALID_FIELD");
        problem(get(quinn, "/api/v1/labels/lots/RM-RESIN/R-2401?quantity=-5"), 400, "INVALID_FIELD");
    }

    @Test
    void anOperatorMayNotPrintAndAUserOfAnotherSiteSeesNothing() {
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-9", "name": "Plant 9"}],
                 "users": [{"userId": "qa-9", "name": "QA at plant 9", "roles": ["QA"], "sites": ["PLANT-9"], "password": "qa9-Passw0rd!"},
                           {"userId": "op-1", "name": "Operator", "roles": ["OPERATOR"], "sites": ["PLANT-1"], "password": "op1-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        problem(
                get(Api.token("op-1", "op1-Passw0rd!"), "/api/v1/labels/lots/RM-RESIN/R-2401"),
                403,
                "ROLE_NOT_ALLOWED");
        String other = Api.token("qa-9", "qa9-Passw0rd!");
        problem(get(other, "/api/v1/labels/lots/RM-RESIN/R-2401"), 403, "SITE_NOT_ALLOWED");
        problem(get(other, "/api/v1/labels/sscc/" + PALLET), 403, "SITE_NOT_ALLOWED");
    }

    private static void problem(Response r, int status, String code) {
        r.then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }
}
