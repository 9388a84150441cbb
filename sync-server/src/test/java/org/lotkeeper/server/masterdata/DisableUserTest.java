package org.lotkeeper.server.masterdata;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /api/v1/masterdata/users/{id}/disable} and {@code …/enable}: a disabled user is
 * refused by every door — tokens, sign-in, the PIN on a handheld, the events they capture — and
 * enabling them again does not revive the sessions they had.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DisableUserTest {

    @Inject
    DataSource ds;

    @BeforeEach
    void riverside() {
        Api.loadRiversideMasterData();
    }

    @AfterEach
    void everyoneEnabledAgain() {
        Database.execute(ds, "UPDATE app_user SET enabled = true");
    }

    private static io.restassured.response.ValidatableResponse set(String token, String user, String action) {
        return Api.as(token)
                .post("/api/v1/masterdata/users/" + user + "/" + action)
                .then();
    }

    private static long changes(String[] device) {
        return Api.as(device[1])
                .get("/api/v1/sync/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    private static List<String> deviceUsers(String[] device) {
        return Api.as(device[1])
                .queryParam("limit", 1000)
                .get("/api/v1/sync/pull")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("users.userId");
    }

    @Test
    void aDisabledSupervisorLosesTheirSessionAndSignInAndEnablingDoesNotReviveTheOldSession() {
        String old = Api.token("sam", "sam-Passw0rd!");
        Api.as(old).get("/api/v1/devices").then().statusCode(200);

        set(Api.adminToken(), "sam", "disable")
                .statusCode(200)
                .body("userId", equalTo("sam"))
                .body("enabled", equalTo(false));
        Api.as(old).get("/api/v1/devices").then().statusCode(401);
        given().contentType("application/json")
                .body(Map.of("username", "sam", "password", "sam-Passw0rd!"))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401);
        assertThat(Database.count(
                        ds, "SELECT count(*) FROM audit_log WHERE action = 'USER_DISABLED' AND subject = 'sam'"))
                .isPositive();

        set(Api.adminToken(), "sam", "disable").statusCode(200).body("enabled", equalTo(false));
        set(Api.adminToken(), "sam", "enable").statusCode(200).body("enabled", equalTo(true));
        // the session from before stays ended
        Api.as(old).get("/api/v1/devices").then().statusCode(401);
        Api.as(Api.token("sam", "sam-Passw0rd!")).get("/api/v1/devices").then().statusCode(200);
    }

    @Test
    void aDisabledOperatorIsDroppedFromTheHandheldsAndTheirScansAreRejected() {
        String[] gun = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "gun-disable");
        assertThat(deviceUsers(gun)).contains("ben");
        assertThat(Riverside.pinCheck(gun, "ben", "583920")).isEqualTo("OK");
        long before = changes(gun);

        set(Api.adminToken(), "ben", "disable").statusCode(200).body("enabled", equalTo(false));

        assertThat(changes(gun)).as("the handheld is told to pull").isGreaterThan(before);
        assertThat(deviceUsers(gun)).contains("ana").doesNotContain("ben");
        assertThat(Riverside.pinCheck(gun, "ben", "583920")).isEqualTo("WRONG");
        JsonNode move = Riverside.push(gun, List.of(Riverside.event(1, "ben", "MOVE", """
                                {"item": "RM-RESIN", "lot": "R-9001", "quantity": {"value": "1", "uom": "KGM"},
                                 "from": "RCV-DOCK-1", "to": "WH-A-01"}""")))
                .get("results")
                .get(0);
        assertThat(move.get("status").asText()).isEqualTo("REJECTED");
        assertThat(move.at("/error/code").asText()).isEqualTo("UNKNOWN_USER");

        set(Api.adminToken(), "ben", "enable").statusCode(200);
        assertThat(deviceUsers(gun)).contains("ben");
        assertThat(Riverside.pinCheck(gun, "ben", "583920")).isEqualTo("OK");
    }

    @Test
    void theEnrollmentCodesADisabledSupervisorMadeNoLongerEnrollADevice() {
        String code = Api.as(Api.token("sam", "sam-Passw0rd!"))
                .body(Map.of("site", "PLANT-1", "label", "made before leaving"))
                .post("/api/v1/devices/enrollments")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        set(Api.adminToken(), "sam", "disable").statusCode(200);
        given().contentType("application/json")
                .body(Map.of("code", code, "model", "test", "profile", "desktop"))
                .post("/api/v1/devices/enroll")
                .then()
                .statusCode(401)
                .body("code", equalTo("ENROLLMENT_INVALID"));
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM audit_log WHERE action = 'USER_DISABLED' AND subject = 'sam'"
                                + " AND detail LIKE '%enrollment codes expired%'"))
                .isPositive();
    }

    @Test
    void onlyAnAdminMayAndNeverTheirOwnAccountOrOneThatDoesNotExist() {
        set(Api.adminToken(), "admin", "disable")
                .statusCode(400)
                .body("code", equalTo("INVALID_FIELD"))
                .body("field", equalTo("userId"));
        set(Api.adminToken(), "nobody", "disable").statusCode(404);
        set(Api.adminToken(), "x".repeat(300), "disable").statusCode(404);
        set(Api.token("sam", "sam-Passw0rd!"), "ben", "disable").statusCode(403);
        set(Api.token("quinn", "quinn-Passw0rd!"), "ben", "disable").statusCode(403);
        given().post("/api/v1/masterdata/users/ben/disable").then().statusCode(401);
        assertThat(Database.count(ds, "SELECT count(*) FROM app_user WHERE NOT enabled"))
                .isZero();
    }
}
