package org.lotkeeper.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * The server's own log of a test run (the test profile writes it to a file) holds none of the
 * secrets that passed through it: passwords (also wrong ones and e-signature passwords), PINs,
 * user tokens, device tokens and enrollment codes.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LogSecretsTest {

    @Inject
    DataSource ds;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    @Test
    void theLogHoldsNoPasswordPinTokenOrEnrollmentCode() throws IOException {
        List<String> secrets =
                new ArrayList<>(List.of(Api.ADMIN_PASSWORD, "sam-Passw0rd!", "quinn-Passw0rd!", "471147"));
        Database.resetLedger(ds);
        Riverside week = new Riverside().play(); // logins, enrollments, pushes, signed status changes
        week.devices.values().forEach(d -> secrets.add(d[1]));

        String sam = Api.token("sam", "sam-Passw0rd!");
        String admin = Api.adminToken();
        secrets.add(sam);
        secrets.add(admin);
        String guess = "guessed-Secret-" + System.nanoTime();
        secrets.add(guess);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "sam", "password", guess))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", guess, "password", guess))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401);

        String code = as(sam).body(Map.of("site", "PLANT-1", "label", "log check"))
                .post("/api/v1/devices/enrollments")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        secrets.add(code);
        var enrolled = given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "model", "TC52", "profile", "zebra-tc5x"))
                .post("/api/v1/devices/enroll")
                .then()
                .statusCode(200)
                .extract();
        String deviceToken = enrolled.path("token");
        secrets.add(deviceToken);
        given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/devices/enroll")
                .then()
                .statusCode(401);
        as(deviceToken).get("/api/v1/sync/pull").then().statusCode(200);
        as(sam).delete("/api/v1/devices/" + enrolled.path("deviceId")).then().statusCode(200);
        as(deviceToken).get("/api/v1/sync/pull").then().statusCode(401);

        String forged = admin.substring(0, admin.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
        secrets.add(forged);
        as(forged).get("/api/v1/devices").then().statusCode(401);
        as(Api.token("quinn", "quinn-Passw0rd!"))
                .body("""
                {"mock": false, "lots": [{"item": "RM-RESIN", "lot": "R-2401"}], "reason": "log check",
                 "signature": {"password": "%s", "meaning": "Recall"}}""".formatted(guess))
                .post("/api/v1/recalls")
                .then()
                .statusCode(401);

        // The console: a wrong and a right sign-in, the session cookie, and a wrong e-signature on a form.
        String consoleGuess = "console-guess-" + java.util.UUID.randomUUID();
        secrets.add(consoleGuess);
        io.restassured.RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", "quinn")
                .formParam("password", consoleGuess)
                .post("/console/login")
                .then()
                .statusCode(401);
        String session = io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", "quinn")
                .formParam("password", "quinn-Passw0rd!")
                .post("/console/login")
                .then()
                .statusCode(303)
                .extract()
                .cookie("lk_session");
        secrets.add(session);
        String page = io.restassured.RestAssured.given()
                .cookie("lk_session", session)
                .get("/console/labels/check")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"")
                .matcher(page);
        assertThat(csrf.find()).isTrue();
        io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("lk_session", session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf.group(1))
                .formParam("item", "RM-RESIN")
                .formParam("lot", "R-2401")
                .formParam("status", "ON_HOLD")
                .formParam("reason", "log check")
                .formParam("password", consoleGuess)
                .post("/console/lot/status")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("Not signed"));

        Path log = Path.of(logFile);
        assertThat(log).as("the test profile writes the server log to a file").exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the log recorded this run").contains("lotkeeper-sync-server");
        for (String secret : secrets) {
            assertThat(text).as("the log must not hold a secret").doesNotContain(secret);
        }
    }
}
