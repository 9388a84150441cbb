package org.lotkeeper.server.security;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Sign-in and enrollment are rate-limited per client address and per user name: 429
 * problem+json with Retry-After, before the password is even looked at.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "lotkeeper.security.rate-limit.sign-in-per-ip",
                    "8",
                    "lotkeeper.security.rate-limit.sign-in-per-user",
                    "3",
                    "lotkeeper.security.rate-limit.enroll-per-ip",
                    "4");
        }
    }

    private static Response signIn(String user, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password))
                .post("/api/v1/auth/token");
    }

    @Test
    void guessingOnePasswordIsStoppedPerUserNameThenPerAddress() {
        for (int i = 0; i < 3; i++) {
            signIn("nobody-" + "x", "guess-" + i).then().statusCode(401);
        }
        Response limited = signIn("NOBODY-x", Api.ADMIN_PASSWORD);
        limited.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        // other user names still pass until the address's own budget of 8 is spent
        int passed = 0;
        for (int i = 0; i < 10; i++) {
            int status = signIn("guess-" + i, "wrong").statusCode();
            if (status == 401) {
                passed++;
            } else {
                assertThat(status).isEqualTo(429);
            }
        }
        assertThat(passed).isEqualTo(8 - 4);
    }

    @Test
    void guessingEnrollmentCodesIsStoppedPerAddress() {
        int answered = 0;
        Response last = null;
        for (int i = 0; i < 6; i++) {
            last = given().contentType(ContentType.JSON)
                    .body(Map.of("code", "GUESS-" + i))
                    .post("/api/v1/devices/enroll");
            if (last.statusCode() != 429) {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(4);
        last.then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        assertThat(last.header("Retry-After")).isNotBlank();
    }
}
