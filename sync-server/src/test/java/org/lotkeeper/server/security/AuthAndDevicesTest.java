package org.lotkeeper.server.security;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.lotkeeper.server.testing.Api.as;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AuthAndDevicesTest {

    @BeforeEach
    void masterData() {
        Api.loadRiversideMasterData();
    }

    @Test
    void theFirstAdminSignsInWithTheConfiguredPassword() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .body("token", notNullValue())
                .body("expiresAt", equalTo("2026-11-21T08:00:00Z"))
                .body("roles", hasItems("ADMIN"));
    }

    @Test
    void aWrongPasswordIsA401ProblemThatDoesNotSayWhichPartWasWrong() {
        for (String user : new String[] {"sam", "nobody"}) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", user, "password", "wrong-password"))
                    .post("/api/v1/auth/token")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHENTICATED"))
                    .body("detail", equalTo("wrong user name or password"));
        }
    }

    @Test
    void anEndpointWithoutATokenIs401AndWithTheWrongRole403() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        as(Api.token("quinn", "quinn-Passw0rd!"))
                .body("{}")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
        as("not-a-token").body("{}").put("/api/v1/masterdata").then().statusCode(401);
    }

    @Test
    void aDeviceEnrollsOnceWithItsCodeAndIsRevokedAtOnce() {
        String sam = Api.token("sam", "sam-Passw0rd!");
        String code = as(sam).body(Map.of("site", "PLANT-1", "label", "Gun 7"))
                .post("/api/v1/devices/enrollments")
                .then()
                .statusCode(200)
                .body("expiresAt", equalTo("2026-11-21T00:30:00Z"))
                .extract()
                .path("code");

        var enrolled = given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "model", "TC52", "profile", "zebra-tc5x"))
                .post("/api/v1/devices/enroll")
                .then()
                .statusCode(200)
                .body("site", equalTo("PLANT-1"))
                .body("deviceTag", notNullValue())
                .extract();
        String deviceId = enrolled.path("deviceId");
        String token = enrolled.path("token");
        assertThat(token).startsWith("lkd_");

        given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/devices/enroll")
                .then()
                .statusCode(401)
                .body("code", equalTo("ENROLLMENT_INVALID"))
                .body("field", equalTo("code"));

        as(sam).get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("deviceId", hasItems(deviceId))
                .body("find { it.deviceId == '" + deviceId + "' }.lastSeenAt", nullValue());
        as(token).get("/api/v1/devices").then().statusCode(403);
        // a pull (every sync cycle ends with one) is the fleet's "last seen"
        as(token).get("/api/v1/sync/pull").then().statusCode(200);
        as(sam).get("/api/v1/devices")
                .then()
                .statusCode(200)
                .body("find { it.deviceId == '" + deviceId + "' }.lastSeenAt", equalTo("2026-11-21T00:00:00Z"));

        as(sam).delete("/api/v1/devices/" + deviceId).then().statusCode(200).body("revokedAt", notNullValue());
        as(token).get("/api/v1/devices").then().statusCode(401);
    }

    @Test
    void aSupervisorCannotEnrollForAnotherSite() {
        as(Api.adminToken())
                .body("{\"sites\": [{\"code\": \"PLANT-2\", \"name\": \"Plant 2\"}]}")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        as(Api.token("sam", "sam-Passw0rd!"))
                .body(Map.of("site", "PLANT-2", "label", "Gun 9"))
                .post("/api/v1/devices/enrollments")
                .then()
                .statusCode(403)
                .body("code", equalTo("SITE_NOT_ALLOWED"));
    }

    @Test
    void enrollmentRequestsAreValidated() {
        as(Api.token("sam", "sam-Passw0rd!"))
                .body(Map.of("site", "<script>", "label", "x"))
                .post("/api/v1/devices/enrollments")
                .then()
                .statusCode(400)
                .body("field", equalTo("site"))
                .body("detail", containsString("may not contain"));
        given().contentType(ContentType.JSON)
                .body("{\"code\": 12")
                .post("/api/v1/devices/enroll")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }
}
