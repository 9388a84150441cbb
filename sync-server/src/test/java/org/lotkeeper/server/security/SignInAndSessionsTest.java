package org.lotkeeper.server.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Sign-in and sessions as an outsider would try them: wrong passwords lock out only the address
 * that guesses (a known and an unknown name alike), never the account for everyone else; a
 * supervisor lifts locks; a signed-out token and a token from before a new password stop at once.
 */
@QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(
        value = org.lotkeeper.server.testing.PostgresResource.class,
        restrictToAnnotatedClass = false)
class SignInAndSessionsTest {

    @Inject
    UserService users;

    @BeforeEach
    void masterData() {
        Api.loadRiversideMasterData();
        users.unlock(
                Actor.user("admin", java.util.Set.of(org.lotkeeper.model.auth.Role.ADMIN), java.util.Set.of()),
                "quinn");
    }

    private static Response signIn(String user, String password) {
        return given().contentType("application/json")
                .body(Map.of("username", user, "password", password))
                .post("/api/v1/auth/token");
    }

    @Test
    void wrongPasswordsLockOutTheGuessingAddressNotTheAccount() {
        for (int i = 0; i < 5; i++) {
            signIn("quinn", "guess-" + i).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        }
        // from this address even the right password is refused for a while …
        signIn("quinn", "quinn-Passw0rd!").then().statusCode(401).body("code", equalTo("ACCOUNT_LOCKED"));
        // … while Quinn, at her own desk, signs in (and signs) as usual
        assertThat(users.login("quinn", "quinn-Passw0rd!", "192.0.2.44").token())
                .isNotBlank();

        // a supervisor of her site lifts the lock at once; one of another site cannot
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-2", "name": "Plant 2"}],
                 "users": [{"userId": "pat", "name": "Pat, supervisor at plant 2", "roles": ["SUPERVISOR"],
                            "sites": ["PLANT-2"], "password": "pat-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        Api.as(Api.token("pat", "pat-Passw0rd!"))
                .post("/api/v1/users/quinn/unlock")
                .then()
                .statusCode(404);
        signIn("quinn", "quinn-Passw0rd!").then().statusCode(401).body("code", equalTo("ACCOUNT_LOCKED"));
        Api.as(Api.token("sam", "sam-Passw0rd!"))
                .post("/api/v1/users/quinn/unlock")
                .then()
                .statusCode(200);
        signIn("quinn", "quinn-Passw0rd!").then().statusCode(200);
    }

    @Test
    void anUnknownNameIsAnsweredExactlyAsAKnownOne() {
        Response unknown = signIn("nobody-at-all", "guess");
        Response known = signIn("sam", "guess");
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(401);
        assertThat(unknown.asString()).isEqualTo(known.asString());
        for (int i = 0; i < 4; i++) {
            signIn("nobody-at-all", "guess");
        }
        // locked like a known name would be: the answer says nothing about whether the user exists
        signIn("nobody-at-all", "guess").then().statusCode(401).body("code", equalTo("ACCOUNT_LOCKED"));
        users.unlock(
                Actor.user("admin", java.util.Set.of(org.lotkeeper.model.auth.Role.ADMIN), java.util.Set.of()), "sam");
    }

    @Test
    void aSignedOutTokenIsRefusedAtOnce() {
        String token = Api.token("sam", "sam-Passw0rd!");
        Api.as(token).get("/api/v1/devices").then().statusCode(200);

        Api.as(token).post("/api/v1/auth/logout").then().statusCode(200).body("signedOut", equalTo(true));

        Api.as(token).get("/api/v1/devices").then().statusCode(401);
        // other sessions of the same user go on
        Api.as(Api.token("sam", "sam-Passw0rd!")).get("/api/v1/devices").then().statusCode(200);
    }

    @Test
    void aNewPasswordEndsTheSessionsOfTheOldOne() {
        String before = Api.token("sam", "sam-Passw0rd!");
        try {
            Api.as(Api.adminToken()).body("""
                    {"users": [{"userId": "sam", "name": "Sam Supervisor", "roles": ["SUPERVISOR"], "sites": ["PLANT-1"],
                                "password": "sam-N3w-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);

            Api.as(before).get("/api/v1/devices").then().statusCode(401);
            Api.as(Api.token("sam", "sam-N3w-Passw0rd!"))
                    .get("/api/v1/devices")
                    .then()
                    .statusCode(200);
        } finally {
            Api.loadRiversideMasterData();
        }
        // the same password again is no change: sessions signed in with it go on
        String after = Api.token("sam", "sam-Passw0rd!");
        Api.loadRiversideMasterData();
        Api.as(after).get("/api/v1/devices").then().statusCode(200);
    }
}
