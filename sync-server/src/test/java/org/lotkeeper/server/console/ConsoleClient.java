package org.lotkeeper.server.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A console session over plain HTTP: the session cookie and the CSRF token of its forms. */
public record ConsoleClient(String cookie, String csrf) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"");

    public static ConsoleClient signIn(String user, String password) {
        Response r = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", user)
                .formParam("password", password)
                .post("/console/login");
        assertThat(r.statusCode()).as("sign-in of " + user).isEqualTo(303);
        String cookie = r.getCookie("lk_session");
        String page = given().cookie("lk_session", cookie)
                .get("/console/labels/check")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return new ConsoleClient(cookie, m.group(1));
    }

    /** A request of this session, not following redirects. */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookie("lk_session", cookie);
    }

    /** A form POST with this session's token, from the console's own origin. */
    Response post(String path, Object... fields) {
        RequestSpecification r =
                request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            r = r.formParam((String) fields[i], fields[i + 1]);
        }
        return r.post(path);
    }
}
