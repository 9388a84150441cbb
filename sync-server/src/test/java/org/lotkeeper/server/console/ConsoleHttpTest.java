package org.lotkeeper.server.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console over plain HTTP: the session cookie's flags, sign-in failures, and the cross-site
 * checks of state-changing forms (the browser tests show the same through Chromium).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConsoleHttpTest {

    @Test
    void signInSetsAnHttpOnlySameSiteStrictCookieScopedToTheConsole() {
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", "admin").formParam("password", Api.ADMIN_PASSWORD).post("/console/login");
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = r.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("lk_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/console");
        String page = given().cookie("lk_session", r.getCookie("lk_session")).get("/console/lots").then().statusCode(200).extract().asString();
        assertThat(page).contains("Sign out").contains("name=\"_csrf\"");
    }
}
