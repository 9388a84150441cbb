package org.lotkeeper.server.labels;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.lotkeeper.server.testing.Api.as;

/** {@code POST /api/v1/barcodes/parse} against the GS1 test vectors (docs/GS1.md), and hostile input. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class BarcodeParseTest {

    private static final String GS = "\u001d";
    private String quinn;

    @BeforeEach
    void signIn() {
        Api.loadRiversideMasterData();
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    private ValidatableResponse parse(String token, String text, String separator) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        if (separator != null) {
            body.put("groupSeparator", separator);
        }
        return as(token).body(body).post("/api/v1/barcodes/parse").then();
    }

    @Test
    void aGs1128LabelAnswersItsElementsAndTheirMeaning() {
        parse(quinn, "]C1010950110153000310ABC123" + GS + "17251231", null)
                .statusCode(200)
                .body("symbology", equalTo("GS1_128"))
                .body("elements.ai", contains("01", "10", "17"))
                .body("elements.value", contains("09501101530003", "ABC123", "251231"))
                .body("elements.meaning", contains("GTIN", "BATCH/LOT", "USE BY OR EXPIRY"))
                .body("gtin", equalTo("09501101530003"))
                .body("lot", equalTo("ABC123"))
                .body("expiry", equalTo("2025-12-31"))
                .body("serial", nullValue())
                .body("warnings", empty());
    }

    @Test
    void theDeviceProfilesSeparatorStandsForGs() {
        parse(quinn, "010950110153000310ABC123~17251231", "~")
                .statusCode(200)
                .body("lot", equalTo("ABC123"))
                .body("expiry", equalTo("2025-12-31"));
    }

    @Test
    void humanReadableDigitalLinkSsccAndWeightVectorsDecode() {
        parse(quinn, "(01)09501101530003(10)ABC123(17)251231", null)
                .statusCode(200)
                .body("symbology", equalTo("NONE"))
                .body("lot", equalTo("ABC123"));
        parse(quinn, "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426", null)
                .statusCode(200)
                .body("gtin", equalTo("09520123456788"))
                .body("lot", equalTo("ABC1"))
                .body("serial", equalTo("12345"))
                .body("expiry", equalTo("2018-04-26"));
        parse(quinn, "00006141411234567890", null).statusCode(200).body("sscc", equalTo("006141411234567890"));
        parse(quinn, "01095011015300033102001234", null)
                .statusCode(200)
                .body("quantity.value", equalTo("12.34"))
                .body("quantity.uom", equalTo("KGM"));
        parse(quinn, "01095011015300031799123110A", null).statusCode(200).body("expiry", equalTo("1999-12-31"));
    }

    @Test
    void aBrokenLabelIs422WithTheDecodersReasonAndPosition() {
        problem(parse(quinn, "0109501101530004", null), "CHECK_DIGIT").body("ai", equalTo("01"));
        problem(parse(quinn, "00006141411234567891", null), "CHECK_DIGIT");
        // the design's "month 13" vector really holds 2013-12-31 (see shared-model Gs1VectorsTest); this is month 13:
        problem(parse(quinn, "01095011015300031725133110A", null), "INVALID_DATE")
                .body("position", equalTo(20));
        problem(parse(quinn, "01095011015300031725022910A", null), "INVALID_DATE");
        problem(parse(quinn, "01095011015300033106001234", null), "UNKNOWN_AI").body("position", equalTo(16));
        problem(parse(quinn, "010950110153000310AB#12", null), "BAD_CHARACTER").body("position", equalTo(20));
        problem(parse(quinn, "010950110153000310" + "ABCDEFGHIJKLMNOPQRSTU", null), "TOO_LONG");
        problem(parse(quinn, "01123456789012310212345678901231", null), "FORBIDDEN_PAIR");
        problem(parse(quinn, "", null), "EMPTY");
    }

    @Test
    void controlCharactersAndJunkGetASpecificReasonNeverA500() {
        problem(parse(quinn, "0109501101530003\u000710ABC", null), "BAD_CHARACTER")
                .body("position", equalTo(16));
        problem(parse(quinn, "\u0000\u0001\u0002", null), "BAD_CHARACTER").body("position", equalTo(0));
        problem(parse(quinn, "0109501101530003" + "10ABC\u007f", null), "BAD_CHARACTER");
        problem(parse(quinn, "x".repeat(10_240), null), "TOO_LONG").body("detail", containsString("not a label"));
        problem(parse(quinn, "<script>alert(1)</script>", null), "NOT_GS1");
    }

    @Test
    void aHugeTextIs413AndABadSeparatorOrMissingTextIs400() {
        parse(quinn, "1".repeat(LabelChecker.MAX_TEXT + 1), null)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("TOO_LARGE"))
                .body("field", equalTo("text"));
        parse(quinn, "0109501101530003", "1")
                .statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("field", equalTo("groupSeparator"));
        parse(quinn, "0109501101530003", "~~").statusCode(400).body("field", equalTo("groupSeparator"));
        as(quinn)
                .body("{}")
                .post("/api/v1/barcodes/parse")
                .then()
                .statusCode(400)
                .body("code", equalTo("MISSING_FIELD"))
                .body("field", equalTo("text"));
        as(quinn)
                .body("{\"text\": 12")
                .post("/api/v1/barcodes/parse")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void everyRoleAndADeviceMayCheckALabelButNobodyAnonymous() {
        for (String[] user :
                new String[][] {{"sam", "sam-Passw0rd!"}, {"quinn", "quinn-Passw0rd!"}, {"admin", Api.ADMIN_PASSWORD}
                }) {
            parse(Api.token(user[0], user[1]), "0109501101530003", null).statusCode(200);
        }
        String[] device = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "label checker");
        parse(device[1], "0109501101530003", null).statusCode(200).body("gtin", equalTo("09501101530003"));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "0109501101530003"))
                .post("/api/v1/barcodes/parse")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse problem(ValidatableResponse r, String code) {
        return r.statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("status", equalTo(422))
                .body("field", equalTo("text"));
    }
}
