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
        Response r = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", "admin")
                .formParam("password", Api.ADMIN_PASSWORD)
                .post("/console/login");
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = r.getHeader("Set-Cookie");
        assertThat(cookie)
                .startsWith("lk_session=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/console");
        String page = given().cookie("lk_session", r.getCookie("lk_session"))
                .get("/console/lots")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("Sign out").contains("name=\"_csrf\"");
    }

    @Test
    void theServersAddressLeadsToTheConsole() {
        Response r = given().redirects().follow(false).get("/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.getHeader("Location")).endsWith("/console");
    }

    @Test
    void signingOutClearsTheCookie() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        Response out = admin.post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.getHeader("Location")).endsWith("/console/login");
        assertThat(out.getHeader("Set-Cookie")).startsWith("lk_session=;").contains("Max-Age=0");
        // the token that was in the cookie is signed out too: kept and replayed, it opens nothing
        assertThat(admin.request().get("/console/lots").statusCode()).isNotEqualTo(200);
        Api.as(admin.cookie()).get("/api/v1/devices").then().statusCode(401);
    }

    @Test
    void pagesForbidInlineScriptFramingAndCaching() throws Exception {
        Response login = given().get("/console/login");
        assertThat(login.getHeader("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("style-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(login.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(login.getHeader("Cache-Control")).isEqualTo("no-store");
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(admin.request().get("/console/dashboard").getHeader("Cache-Control"))
                .isEqualTo("no-store");
        assertThat(Api.as(Api.adminToken()).get("/api/v1/devices").getHeader("Cache-Control"))
                .isEqualTo("no-store");
        assertThat(given().get("/console/assets/console.css").getHeader("Cache-Control"))
                .isNotEqualTo("no-store");
        // what the policy would block is not written in the first place: no inline script, handler or style
        List<String> inline = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            for (java.nio.file.Path f :
                    files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String html = java.nio.file.Files.readString(f);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=|<style")
                        .matcher(html);
                while (m.find()) {
                    inline.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(inline).isEmpty();
    }

    @Test
    void aPageNumberThatIsNotANumberIsABadRequestPageNamingIt() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        for (String path :
                List.of("/console/lot?item=RM-RESIN&lot=R-2401&after=abc", "/console/exceptions?before=x1")) {
            Response r = admin.request().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("text/html");
            assertThat(r.asString()).as(path).contains("must be a whole number");
        }
    }

    @Test
    void anUnknownPageOrAWrongMethodIsAPageSayingSoWhileTheApiStaysJson() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        Response missing = admin.request().get("/console/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.asString()).contains("There is no such page.").doesNotContain("NOT_FOUND");
        Response anonymous = given().redirects().follow(false).get("/console/lots/nothing/here");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.contentType()).startsWith("text/html");
        Response method = admin.request().delete("/console/dashboard");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("text/html");
        assertThat(method.asString()).contains("cannot be used that way");
        Response api = given().get("/api/v1/no-such-endpoint");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aFormWithoutThisSessionsTokenIsRefused() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        Response r = admin.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", "f".repeat(64))
                .formParam("text", "(01)10614141000019")
                .post("/console/labels/check");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("Refused").contains("security token");
        ConsoleClient other = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(other.csrf()).as("a token per session").isNotEqualTo(admin.csrf());
        assertThat(admin.request()
                        .contentType("application/x-www-form-urlencoded")
                        .formParam("_csrf", other.csrf())
                        .formParam("text", "(01)10614141000019")
                        .post("/console/labels/check")
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.post("/console/labels/check", "text", "(01)10614141000019")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFormFromAnotherOriginIsRefusedEvenWithTheToken() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        for (String[] header :
                List.of(new String[] {"Origin", "http://evil.example"}, new String[] {"Origin", "null"}, new String[] {
                    "Referer", "http://evil.example/console/lots"
                })) {
            Response r = admin.request()
                    .header(header[0], header[1])
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("_csrf", admin.csrf())
                    .formParam("text", "(01)10614141000019")
                    .post("/console/labels/check");
            assertThat(r.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(r.asString()).contains("Refused");
        }
        String self = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        assertThat(admin.request()
                        .header("Origin", self)
                        .contentType("application/x-www-form-urlencoded")
                        .formParam("_csrf", admin.csrf())
                        .formParam("text", "(01)10614141000019")
                        .post("/console/labels/check")
                        .statusCode())
                .isEqualTo(200);
        Response signIn = given().redirects()
                .follow(false)
                .header("Origin", "http://evil.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", "admin")
                .formParam("password", Api.ADMIN_PASSWORD)
                .post("/console/login");
        assertThat(signIn.statusCode()).as("sign-in from another site").isEqualTo(403);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-1", "name": "Plant 1"}],
                 "users": [{"userId": "cx-lock", "name": "Locked out", "roles": ["QA"], "sites": ["PLANT-1"], "password": "cx-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            String page = given().contentType("application/x-www-form-urlencoded")
                    .formParam("username", "cx-lock")
                    .formParam("password", "wrong-" + i)
                    .post("/console/login")
                    .then()
                    .statusCode(401)
                    .extract()
                    .asString();
            assertThat(page).contains("Wrong user name or password");
        }
        String locked = given().contentType("application/x-www-form-urlencoded")
                .formParam("username", "cx-lock")
                .formParam("password", "cx-Passw0rd!")
                .post("/console/login")
                .then()
                .statusCode(401)
                .extract()
                .asString();
        assertThat(locked).contains("locked");
    }

    @Test
    void hostileInputGetsAClearAnswerNeverA500() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        List<Response> answers = new ArrayList<>();
        answers.add(admin.request()
                .queryParam("item", "<script>alert(1)</script>")
                .queryParam("lot", "x")
                .get("/console/lot"));
        answers.add(admin.request().get("/console/lot"));
        answers.add(admin.request()
                .queryParam("item", "RM-RESIN")
                .queryParam("lot", "\u0000\u001d%")
                .get("/console/lot"));
        answers.add(admin.request().queryParam("q", "%_\\'\"<b>").get("/console/lots"));
        answers.add(admin.request().queryParam("q", "x".repeat(5000)).get("/console/lots"));
        answers.add(admin.request().queryParam("status", "<b>NOPE</b>").get("/console/lots"));
        answers.add(admin.request().queryParam("label", "(01)123<script>").get("/console/lots"));
        answers.add(admin.request().get("/console/recalls/<script>"));
        answers.add(admin.request().get("/console/recalls/" + "9".repeat(36) + "/report.pdf"));
        answers.add(admin.request().queryParam("before", "abc").get("/console/exceptions"));
        answers.add(admin.request()
                .queryParam("tab", "<b>")
                .queryParam("after", "\u0000")
                .get("/console/masterdata"));
        answers.add(admin.post("/console/recalls", "lots", "A B C\n<script> x\n", "supplierLots", "ACME-RESINS"));
        answers.add(admin.post("/console/recalls", "lots", "RM-RESIN " + "9".repeat(300)));
        answers.add(admin.post(
                "/console/lot/status",
                "item",
                "RM-RESIN",
                "lot",
                "<script>",
                "status",
                "RELEASED",
                "reason",
                "r".repeat(600)));
        answers.add(admin.post("/console/lot/status", "item", "", "lot", "", "status", "", "reason", ""));
        answers.add(admin.post("/console/labels/check", "text", "\u0001junk".repeat(2000)));
        answers.add(admin.post("/console/labels/check", "text", "(01)10614141000019", "separator", "ab"));
        answers.add(admin.post("/console/devices/enrollments", "site", "<script>", "label", ""));
        answers.add(admin.post("/console/exceptions/1/resolve", "note", ""));
        answers.add(admin.post("/console/devices/%3Cscript%3E/revoke"));
        assertThat(answers.get(0).statusCode()).isEqualTo(400);
        assertThat(answers.get(0).contentType())
                .as("a service's refusal on a console page is a page")
                .startsWith("text/html");
        assertThat(answers.get(0).asString()).contains("item code may not contain &#39;&lt;&#39;");
        for (Response r : answers) {
            assertThat(r.statusCode()).as(r.asString()).isBetween(200, 499);
            assertThat(r.asString())
                    .doesNotContain("<script>")
                    .doesNotContainIgnoringCase("exception:")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aUserOfAnotherSiteReachesNoneOfThisSitesLots() throws Exception {
        Api.loadRiversideMasterData();
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-2", "name": "Plant 2"}],
                 "users": [{"userId": "cx-p2", "name": "Other site", "roles": ["QA", "SUPERVISOR"], "sites": ["PLANT-2"], "password": "cx-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        String lot =
                "SITE-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        String[] device =
                org.lotkeeper.server.testing.Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "site check");
        org.lotkeeper.server.testing.Riverside.push(
                device, List.of(org.lotkeeper.server.testing.Riverside.JSON.readTree("""
                {"eventId": "%s", "deviceSeq": 1, "type": "RECEIVE", "occurredAt": "2026-11-20T09:00:00Z", "userId": "ana", "site": "PLANT-1",
                 "payload": {"supplier": "SOLVCO", "reference": "PO-1", "item": "RM-SOLVENT", "lot": "%s", "supplierLot": "SV-1",
                             "quantity": {"value": "5", "uom": "LTR"}, "location": "RCV-DOCK-1"}}""".formatted(
                                java.util.UUID.randomUUID(), lot))));

        ConsoleClient other = ConsoleClient.signIn("cx-p2", "cx-Passw0rd!");
        Response page = other.request()
                .queryParam("item", "RM-SOLVENT")
                .queryParam("lot", lot)
                .get("/console/lot");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.asString()).contains("no access to site PLANT-1");
        assertThat(other.request().queryParam("q", lot).get("/console/lots").asString())
                .contains("No lot matches")
                .doesNotContain(lot + "<");
        Response status = other.post(
                "/console/lot/status", "item", "RM-SOLVENT", "lot", lot, "status", "ON_HOLD", "reason", "not mine");
        assertThat(status.statusCode()).isEqualTo(403);
        Response recall = other.post("/console/recalls", "lots", "RM-SOLVENT " + lot);
        assertThat(recall.statusCode()).isEqualTo(400);
        assertThat(recall.asString()).contains("no access to site PLANT-1");

        ConsoleClient own = ConsoleClient.signIn("sam", "sam-Passw0rd!");
        assertThat(own.request().queryParam("q", lot).get("/console/lots").asString())
                .contains(lot);
    }

    @Test
    void aBadCsvUploadListsItsProblemsByLineAndAppliesNothing() {
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        String csv = """
                code,name,baseUom,qcRequired,coaRequired
                CX-GOOD,Good item,KGM,false,false
                CX-BAD,Bad item,KGM,maybe,false
                CX-WORSE,Worse item,KGM,false,perhaps
                """;
        Response r = admin.request()
                .multiPart("_csrf", admin.csrf())
                .multiPart("kind", "items")
                .multiPart("file", "items.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/console/masterdata/csv");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Nothing of the file was applied")
                .contains("line 3")
                .contains("line 4");
        assertThat(admin.request().get("/console/masterdata?tab=items").asString())
                .doesNotContain("CX-GOOD");

        Response ok = admin.request()
                .multiPart("_csrf", admin.csrf())
                .multiPart("kind", "items")
                .multiPart(
                        "file",
                        "items.csv",
                        "code,name,baseUom,qcRequired,coaRequired\nCX-GOOD,Good item,KGM,false,false\n"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/csv")
                .post("/console/masterdata/csv");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(admin.request().get("/console/masterdata?tab=items").asString())
                .contains("CX-GOOD");
    }

    @Test
    void openOrdersFromAnErpAreImportedAsACsvFileAllOrNothing() {
        Api.loadRiversideMasterData();
        supervisorOfPlant1();
        ConsoleClient sam = ConsoleClient.signIn("cx-sup", "cx-Passw0rd!");
        assertThat(sam.request().get("/console/tasks").asString())
                .as("the Tasks link opens the first tab")
                .contains("class=\"button active\">Orders to pick")
                .contains("id=\"task-csv-form\"");

        String bad = """
                id,kind,site,partner,item,quantity,uom
                CX-SO-1,PICK,PLANT-1,BUILDMART,FG-PRIMER,10,pc
                CX-SO-2,PICK,PLANT-1,BUILDMART,NO-SUCH-ITEM,5,pc
                """;
        Response refused = sam.request()
                .multiPart("_csrf", sam.csrf())
                .multiPart("kind", "PICK")
                .multiPart("file", "orders.csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/console/tasks/csv");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .contains("Nothing of the file was imported")
                .contains("line 3");
        assertThat(sam.request().get("/console/tasks?kind=PICK").asString()).doesNotContain("CX-SO-1");

        Response ok = sam.request()
                .multiPart("_csrf", sam.csrf())
                .multiPart("kind", "PICK")
                .multiPart(
                        "file",
                        "orders.csv",
                        bad.replace("NO-SUCH-ITEM", "FG-PRIMER").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/csv")
                .post("/console/tasks/csv");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.header("Location")).endsWith("/console/tasks?kind=PICK&done=imported");
        assertThat(sam.request().get("/console/tasks?kind=PICK").asString())
                .contains("CX-SO-1")
                .contains("CX-SO-2");

        // a refused form comes back with what was typed, and the reason in units people use
        Response wrongUnit = sam.post(
                "/console/tasks",
                "kind",
                "RECEIPT",
                "id",
                "CX-PO-9",
                "site",
                "PLANT-1",
                "partner",
                "SOLVCO",
                "lines",
                "RM-SOLVENT 200 kg");
        assertThat(wrongUnit.statusCode()).isEqualTo(400);
        assertThat(wrongUnit.asString())
                .contains("RM-SOLVENT is counted in L: cannot combine kg (mass) with L (volume)")
                .contains("value=\"CX-PO-9\"")
                .contains("<option value=\"SOLVCO\" selected>")
                .contains(">RM-SOLVENT 200 kg</textarea>");
    }

    @Test
    void revokingADeviceAsksFirstAndOnlyTheConfirmationRevokesIt() {
        supervisorOfPlant1();
        String samToken = Api.token("cx-sup", "cx-Passw0rd!");
        String[] gun = org.lotkeeper.server.testing.Riverside.enroll(samToken, "Forklift 7 scanner");
        ConsoleClient sam = ConsoleClient.signIn("cx-sup", "cx-Passw0rd!");

        Response asked = sam.post("/console/devices/" + gun[0] + "/revoke");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.asString())
                .contains("Revoke “Forklift 7 scanner”?", "This cannot be undone", "name=\"confirm\" value=\"yes\"");
        assertThat(revokedAt(samToken, gun[0])).as("asking revokes nothing").isNull();

        Response done = sam.post("/console/devices/" + gun[0] + "/revoke", "confirm", "yes");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/console/devices");
        assertThat(revokedAt(samToken, gun[0])).isNotNull();
    }

    @Test
    void anEnrollmentCodeIsShownAfterARedirectOnceAndNeverInAUrl() {
        supervisorOfPlant1();
        ConsoleClient sup = ConsoleClient.signIn("cx-sup", "cx-Passw0rd!");

        Response made = sup.post("/console/devices/enrollments", "site", "PLANT-1", "label", "Reach truck 2");
        assertThat(made.statusCode()).as("redirect after POST").isEqualTo(303);
        assertThat(made.header("Location")).endsWith("/console/devices");
        io.restassured.http.Cookie carried = made.detailedCookie("lk_enrollment");
        assertThat(carried.isHttpOnly()).isTrue();
        assertThat(carried.getPath()).isEqualTo("/console/devices");
        assertThat(carried.getMaxAge()).isBetween(1L, 120L);
        assertThat(carried.getSameSite()).isEqualToIgnoringCase("Strict");

        Response shown =
                sup.request().cookie("lk_enrollment", carried.getValue()).get("/console/devices");
        assertThat(shown.statusCode()).isEqualTo(200);
        String code = java.net.URLDecoder.decode(carried.getValue(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(shown.asString()).contains("Enrollment code for “Reach truck 2”", code);
        assertThat(shown.detailedCookie("lk_enrollment").getMaxAge())
                .as("shown once, then cleared")
                .isZero();
        assertThat(sup.request().get("/console/devices").asString()).doesNotContain(code);

        // another user's code, or a guessed one, shows nothing
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(admin.request()
                        .cookie("lk_enrollment", carried.getValue())
                        .get("/console/devices")
                        .asString())
                .doesNotContain(code);

        // a refused enrollment is a redirect too, and the page says why
        Response refused = sup.post("/console/devices/enrollments", "site", "NO-SUCH-SITE", "label", "x");
        assertThat(refused.statusCode()).isEqualTo(303);
        Response why =
                sup.request().cookie("lk_flash", refused.getCookie("lk_flash")).get("/console/devices");
        assertThat(why.asString()).contains("No code was created");
    }

    /** A supervisor of PLANT-1 of this test's own, {@code cx-sup}: other tests may lock or change the demo's people. */
    private static void supervisorOfPlant1() {
        Api.as(Api.adminToken()).body("""
                {"sites": [{"code": "PLANT-1", "name": "Plant 1"}],
                 "users": [{"userId": "cx-sup", "name": "Supervisor", "roles": ["SUPERVISOR"], "sites": ["PLANT-1"], "password": "cx-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
    }

    private static String revokedAt(String token, String deviceId) {
        List<String> revoked = given().header("Authorization", "Bearer " + token)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.deviceId == '" + deviceId + "' }.revokedAt");
        assertThat(revoked).hasSize(1);
        return revoked.get(0);
    }
}
