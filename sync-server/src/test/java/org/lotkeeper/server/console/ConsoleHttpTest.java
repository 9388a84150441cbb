package org.lotkeeper.server.console;

import java.util.ArrayList;
import java.util.List;

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

    @Test
    void signingOutClearsTheCookie() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        Response out = admin.post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.getHeader("Location")).endsWith("/console/login");
        assertThat(out.getHeader("Set-Cookie")).startsWith("lk_session=;").contains("Max-Age=0");
    }

    @Test
    void aFormWithoutThisSessionsTokenIsRefused() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        Response r = admin.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", "f".repeat(64))
                .formParam("text", "(01)10614141000019").post("/console/labels/check");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("Refused").contains("security token");
        ConsoleClient other = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(other.csrf()).as("a token per session").isNotEqualTo(admin.csrf());
        assertThat(admin.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", other.csrf())
                .formParam("text", "(01)10614141000019").post("/console/labels/check").statusCode()).isEqualTo(403);
        assertThat(admin.post("/console/labels/check", "text", "(01)10614141000019").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormFromAnotherOriginIsRefusedEvenWithTheToken() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        for (String[] header : List.of(new String[] {"Origin", "http://evil.example"}, new String[] {"Origin", "null"},
                new String[] {"Referer", "http://evil.example/console/lots"})) {
            Response r = admin.request().header(header[0], header[1]).contentType("application/x-www-form-urlencoded")
                    .formParam("_csrf", admin.csrf()).formParam("text", "(01)10614141000019").post("/console/labels/check");
            assertThat(r.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(r.asString()).contains("Refused");
        }
        String self = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        assertThat(admin.request().header("Origin", self).contentType("application/x-www-form-urlencoded").formParam("_csrf", admin.csrf())
                .formParam("text", "(01)10614141000019").post("/console/labels/check").statusCode()).isEqualTo(200);
        Response signIn = given().redirects().follow(false).header("Origin", "http://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("username", "admin").formParam("password", Api.ADMIN_PASSWORD).post("/console/login");
        assertThat(signIn.statusCode()).as("sign-in from another site").isEqualTo(403);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-1", "name": "Plant 1"}],
                 "users": [{"userId": "cx-lock", "name": "Locked out", "roles": ["QA"], "sites": ["PLANT-1"], "password": "cx-Passw0rd!"}]}""")
                .put("/api/v1/masterdata").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            String page = given().contentType("application/x-www-form-urlencoded").formParam("username", "cx-lock")
                    .formParam("password", "wrong-" + i).post("/console/login").then().statusCode(401).extract().asString();
            assertThat(page).contains("Wrong user name or password");
        }
        String locked = given().contentType("application/x-www-form-urlencoded").formParam("username", "cx-lock")
                .formParam("password", "cx-Passw0rd!").post("/console/login").then().statusCode(401).extract().asString();
        assertThat(locked).contains("locked");
    }

    @Test
    void hostileInputGetsAClearAnswerNeverA500() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        List<Response> answers = new ArrayList<>();
        answers.add(admin.request().queryParam("item", "<script>alert(1)</script>").queryParam("lot", "x").get("/console/lot"));
        answers.add(admin.request().get("/console/lot"));
        answers.add(admin.request().queryParam("item", "RM-RESIN").queryParam("lot", "\u0000\u001d%").get("/console/lot"));
        answers.add(admin.request().queryParam("q", "%_\\'\"<b>").get("/console/lots"));
        answers.add(admin.request().queryParam("q", "x".repeat(5000)).get("/console/lots"));
        answers.add(admin.request().queryParam("status", "<b>NOPE</b>").get("/console/lots"));
        answers.add(admin.request().queryParam("label", "(01)123<script>").get("/console/lots"));
        answers.add(admin.request().get("/console/recalls/<script>"));
        answers.add(admin.request().get("/console/recalls/" + "9".repeat(36) + "/report.pdf"));
        answers.add(admin.request().queryParam("before", "abc").get("/console/exceptions"));
        answers.add(admin.request().queryParam("tab", "<b>").queryParam("after", "\u0000").get("/console/masterdata"));
        answers.add(admin.post("/console/recalls", "lots", "A B C\n<script> x\n", "supplierLots", "ACME-RESINS"));
        answers.add(admin.post("/console/recalls", "lots", "RM-RESIN " + "9".repeat(300)));
        answers.add(admin.post("/console/lot/status", "item", "RM-RESIN", "lot", "<script>", "status", "RELEASED", "reason", "r".repeat(600)));
        answers.add(admin.post("/console/lot/status", "item", "", "lot", "", "status", "", "reason", ""));
        answers.add(admin.post("/console/labels/check", "text", "\u0001junk".repeat(2000)));
        answers.add(admin.post("/console/labels/check", "text", "(01)10614141000019", "separator", "ab"));
        answers.add(admin.post("/console/devices/enrollments", "site", "<script>", "label", ""));
        answers.add(admin.post("/console/exceptions/1/resolve", "note", ""));
        answers.add(admin.post("/console/devices/%3Cscript%3E/revoke"));
        assertThat(answers.get(0).statusCode()).isEqualTo(400);
        assertThat(answers.get(0).contentType()).as("a service's refusal on a console page is a page").startsWith("text/html");
        assertThat(answers.get(0).asString()).contains("item code may not contain &#39;&lt;&#39;");
        for (Response r : answers) {
            assertThat(r.statusCode()).as(r.asString()).isBetween(200, 499);
            assertThat(r.asString()).doesNotContain("<script>").doesNotContainIgnoringCase("exception:").doesNotContain("\tat ");
        }
    }
}
