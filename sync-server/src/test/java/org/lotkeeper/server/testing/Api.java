package org.lotkeeper.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Small helpers for API tests: sign-in, authenticated requests, classpath fixtures. */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-Passw0rd!";

    private Api() {}

    public static String token(String user, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    public static String adminToken() {
        return token("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static String resource(String path) {
        try (InputStream in = Api.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Api.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the Riverside master data (idempotent: a second upload only updates). */
    public static void loadRiversideMasterData() {
        as(adminToken())
                .body(resource("riverside/masterdata.json"))
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
    }
}
