package org.lotkeeper.server.quality;

import java.time.LocalDate;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * {@code /api/v1/items/{item}/specification}: QA approves versions with a signature; versions are
 * only added; the one in force is the highest effective today; every broken rule names its field
 * and stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SpecificationTest {

    static final String TESTS = """
            [{"code": "ASSAY", "name": "Assay", "method": "HPLC-12", "unit": "P1", "kind": "NUMERIC",
              "min": "99.0", "max": "101.0", "decimals": 1, "required": true, "assay": true},
             {"code": "VISC", "name": "Viscosity at 25 °C", "unit": "C7", "kind": "NUMERIC", "max": "500", "decimals": 0},
             {"code": "ID", "name": "Identity (IR)", "kind": "PASS_FAIL"},
             {"code": "APP", "name": "Appearance", "kind": "TEXT", "accepted": ["Clear", "Slightly hazy"], "required": false}]""";

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void week() {
        Database.resetLedger(ds);
        new Riverside().playWithoutQuality();
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    static String body(int version, String effectiveFrom, String tests, String password) {
        return "{\"version\": " + version + ", \"effectiveFrom\": \"" + effectiveFrom + "\", \"tests\": " + tests
                + (password == null
                        ? ""
                        : ", \"signature\": {\"password\": \"" + password
                                + "\", \"meaning\": \"Approved for release testing\"}")
                + "}";
    }

    private ValidatableResponse put(String token, String item, String body) {
        return as(token)
                .body(body)
                .put("/api/v1/items/" + item + "/specification")
                .then();
    }

    private long rows() {
        return Database.count(ds, "SELECT count(*) FROM specification");
    }

    @Test
    void qaApprovesVersionsAndTheOneInForceIsRead() {
        put(quinn, "RM-RESIN", body(1, "2026-01-01", TESTS, "quinn-Passw0rd!"))
                .statusCode(200)
                .body("version", equalTo(1))
                .body("approvedBy", equalTo("quinn"))
                .body("meaning", equalTo("Approved for release testing"))
                .body("tests.code", contains("ASSAY", "VISC", "ID", "APP"))
                .body("tests[0].min", equalTo("99.0"))
                .body("tests[0].unit", equalTo("P1"))
                .body("tests[1].max", equalTo("500"))
                .body("tests[3].required", equalTo(false))
                .body("versions", contains(1));
        // the same approval sent again is answered with it, not stored twice
        put(quinn, "RM-RESIN", body(1, "2026-01-01", TESTS, "quinn-Passw0rd!")).statusCode(200);
        assertThat(rows()).isOne();
        assertThat(Database.count(ds, "SELECT count(*) FROM audit_log WHERE action = 'SPECIFICATION_APPROVED'"))
                .isPositive();

        // a version that starts tomorrow is readable by number but not in force yet
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String v2 = TESTS.replace("\"max\": \"500\"", "\"max\": \"450\"");
        put(quinn, "RM-RESIN", body(2, tomorrow, v2, "quinn-Passw0rd!")).statusCode(200);
        String sam = Api.token("sam", "sam-Passw0rd!");
        as(sam).get("/api/v1/items/RM-RESIN/specification")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("versions", contains(1, 2));
        as(sam).get("/api/v1/items/RM-RESIN/specification?version=2")
                .then()
                .statusCode(200)
                .body("tests[1].max", equalTo("450"));
        as(sam).get("/api/v1/items/RM-SOLVENT/specification").then().statusCode(404);
    }

    @Test
    void versionsAreOnlyAddedInOrderAndAChangedVersionIsRefused() {
        put(quinn, "RM-RESIN", body(1, "2026-01-01", TESTS, "quinn-Passw0rd!")).statusCode(200);
        String changed = TESTS.replace("\"99.0\"", "\"98.0\"");
        put(quinn, "RM-RESIN", body(1, "2026-01-01", changed, "quinn-Passw0rd!"))
                .statusCode(409)
                .body("code", equalTo("DUPLICATE"))
                .body("field", equalTo("version"))
                .body("detail", containsString("new version, 2"));
        put(quinn, "RM-RESIN", body(3, "2026-02-01", TESTS, "quinn-Passw0rd!"))
                .statusCode(400)
                .body("field", equalTo("version"))
                .body("detail", containsString("is 2"));
        put(quinn, "RM-RESIN", body(2, "2025-12-01", TESTS, "quinn-Passw0rd!"))
                .statusCode(400)
                .body("field", equalTo("effectiveFrom"));
        // a new version never reaches back past today (the test clock's 2026-11-21)
        put(quinn, "RM-RESIN", body(2, "2026-11-20", TESTS, "quinn-Passw0rd!"))
                .statusCode(400)
                .body("field", equalTo("effectiveFrom"))
                .body("detail", containsString("cannot take effect before today (2026-11-21)"));
        put(quinn, "RM-RESIN", body(2, "2026-11-21", TESTS, "quinn-Passw0rd!")).statusCode(200);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void onlyQaWithItsOwnPasswordApprovesAndNothingIsStoredOtherwise() {
        put(quinn, "RM-RESIN", body(1, "2026-01-01", TESTS, null))
                .statusCode(400)
                .body("code", equalTo("SIGNATURE_REQUIRED"))
                .body("field", equalTo("signature.password"));
        put(quinn, "RM-RESIN", body(1, "2026-01-01", TESTS, "not-quinns-password"))
                .statusCode(401);
        put(Api.token("sam", "sam-Passw0rd!"), "RM-RESIN", body(1, "2026-01-01", TESTS, "sam-Passw0rd!"))
                .statusCode(403);
        put(quinn, "NO-SUCH-ITEM", body(1, "2026-01-01", TESTS, "quinn-Passw0rd!"))
                .statusCode(404);
        assertThat(rows()).isZero();
    }

    @Test
    void aBrokenTestIsRefusedNamingItsFieldAndNothingIsStored() {
        String[][] cases = {
            {TESTS.replace("\"min\": \"99.0\"", "\"min\": \"102.0\""), "tests[0].max"},
            {TESTS.replace("\"unit\": \"C7\"", "\"unit\": \"KGM\""), "tests[1].unit"},
            {TESTS.replace("\"kind\": \"PASS_FAIL\"", "\"kind\": \"MAYBE\""), "tests[2].kind"},
            {TESTS.replace("\"99.0\"", "\"1e2\""), "tests[0].min"},
            {TESTS.replace("\"99.0\"", "\"99.05\""), "tests[0].min"},
            {TESTS.replace("\"accepted\": [\"Clear\", \"Slightly hazy\"]", "\"accepted\": []"), "tests[3].accepted"},
            {TESTS.replace("\"code\": \"ID\"", "\"code\": \"ASSAY\""), "tests[2].code"},
            {TESTS.replace("\"code\": \"VISC\"", "\"code\": \"<script>\""), "tests[1].code"},
            {TESTS.replace("\"kind\": \"PASS_FAIL\"", "\"kind\": \"PASS_FAIL\", \"assay\": true"), "tests[2].assay"},
            {"[]", "tests"},
        };
        for (String[] c : cases) {
            put(quinn, "RM-RESIN", body(1, "2026-01-01", c[0], "quinn-Passw0rd!"))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo(c[1]));
        }
        put(quinn, "RM-RESIN", body(1, "01/02/2026", TESTS, "quinn-Passw0rd!"))
                .statusCode(400)
                .body("field", equalTo("effectiveFrom"));
        put(quinn, "RM-RESIN", "{\"version\": 1, \"tests\": {oops")
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(rows()).isZero();
    }
}
