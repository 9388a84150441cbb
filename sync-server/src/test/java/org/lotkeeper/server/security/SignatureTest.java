package org.lotkeeper.server.security;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * E-signatures: wrong passwords count toward the account lockout like failed sign-ins (a stolen
 * session cannot guess its owner's password there), and a signature sent where none is required is
 * still checked and kept, never silently dropped.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class SignatureTest {

    @Inject
    DataSource ds;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        new Riverside().play();
    }

    private static String newQaUser(String id) {
        as(Api.adminToken())
                .body("""
                {"users": [{"userId": "%s", "name": "Signe Tester", "roles": ["QA"], "sites": ["PLANT-1"], "password": "%s-Passw0rd!"}]}""".formatted(id, id))
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        return Api.token(id, id + "-Passw0rd!");
    }

    private static String hold(String signature) {
        return "{\"status\": \"ON_HOLD\", \"reason\": \"drum dented\""
                + (signature == null ? "" : ", \"signature\": " + signature) + "}";
    }

    @Test
    void wrongSignaturePasswordsLockTheAccountLikeFailedSignIns() {
        String id = "signe-" + System.nanoTime();
        String token = newQaUser(id);
        long events = Database.count(ds, "SELECT count(*) FROM ledger_event");
        for (int i = 0; i < 5; i++) {
            as(token)
                    .body(hold("{\"password\": \"guess-" + i + "\"}"))
                    .post("/api/v1/lots/FG-PRIMER/PR-1001/status")
                    .then()
                    .statusCode(401)
                    .body("code", equalTo("SIGNATURE_INVALID"))
                    .body("field", equalTo("signature.password"));
        }
        // the right password no longer signs, and the account cannot sign in either
        as(token)
                .body(hold("{\"password\": \"" + id + "-Passw0rd!\"}"))
                .post("/api/v1/lots/FG-PRIMER/PR-1001/status")
                .then()
                .statusCode(401)
                .body("code", equalTo("ACCOUNT_LOCKED"));
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"" + id + "\", \"password\": \"" + id + "-Passw0rd!\"}")
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401)
                .body("code", equalTo("ACCOUNT_LOCKED"));
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event")).isEqualTo(events);
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM audit_log WHERE actor = '" + id + "' AND action = 'SIGNATURE_FAILED'"))
                .isEqualTo(5);
    }

    @Test
    void aSignatureGivenWhereNoneIsRequiredIsCheckedAndKept() {
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        as(quinn)
                .body(hold("{\"password\": \"wrong\"}"))
                .post("/api/v1/lots/FG-PRIMER/PR-1001/status")
                .then()
                .statusCode(401)
                .body("code", equalTo("SIGNATURE_INVALID"));
        as(quinn)
                .body(hold("{\"meaning\": \"Reviewed\"}"))
                .post("/api/v1/lots/FG-PRIMER/PR-1001/status")
                .then()
                .statusCode(400)
                .body("code", equalTo("SIGNATURE_REQUIRED"));
        as(quinn)
                .body(hold("{\"password\": \"quinn-Passw0rd!\", \"meaning\": \"Reviewed\"}"))
                .post("/api/v1/lots/FG-PRIMER/PR-1001/status")
                .then()
                .statusCode(200)
                .body("payload.signature.signer", equalTo("quinn"))
                .body("payload.signature.meaning", equalTo("Reviewed"));
        // unsigned, the same change still needs no signature
        as(quinn)
                .body("{\"status\": \"QUARANTINE\", \"reason\": \"retest\"}")
                .post("/api/v1/lots/FG-PRIMER/PR-1001/status")
                .then()
                .statusCode(200);
    }

    @Test
    void aSignatureSentWithAMockRecallIsCheckedAndKept() {
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        String lots = "\"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]";
        as(quinn)
                .body("{" + lots + ", \"signature\": {\"password\": \"wrong\"}}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(401)
                .body("code", equalTo("SIGNATURE_INVALID"));
        assertThat(Database.count(ds, "SELECT count(*) FROM recall")).isZero();
        as(quinn)
                .body("{" + lots
                        + ", \"signature\": {\"password\": \"quinn-Passw0rd!\", \"meaning\": \"Drill reviewed\"}}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200);
        assertThat(Database.count(
                        ds, "SELECT count(*) FROM recall WHERE mock AND signature_meaning = 'Drill reviewed'"))
                .isEqualTo(1);
    }
}
