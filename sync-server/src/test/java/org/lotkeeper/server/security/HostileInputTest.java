package org.lotkeeper.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that takes a body or a path parameter, called by a caller it admits, with hostile
 * input — broken JSON, wrong types, deep nesting, huge strings and arrays, control characters,
 * SQL and HTML in codes, `../` and `<script>` in paths, and bodies generated from jqwik arbitraries
 * over the API's own field names. Never a 500; every refusal is problem+json with a code, and names
 * the field when it concerns a part of the request; and the whole sweep stores nothing (every
 * table's content is the same after it, but the audit log of the refused attempts).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    @Inject
    DataSource ds;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> FIELDS = List.of(
            "site",
            "label",
            "code",
            "item",
            "lot",
            "location",
            "status",
            "reason",
            "signature",
            "password",
            "meaning",
            "events",
            "deviceId",
            "eventId",
            "deviceSeq",
            "type",
            "payload",
            "quantity",
            "value",
            "uom",
            "kind",
            "partner",
            "lines",
            "note",
            "text",
            "groupSeparator",
            "mock",
            "lots",
            "supplierLots",
            "sites",
            "items",
            "users",
            "username",
            "model",
            "profile",
            "id");

    private static final List<String> NASTY = List.of(
            "",
            " ",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "Robert'); DROP TABLE lot;--",
            "\u0000\u0001\u001f",
            "\u202e\u200b",
            "%00",
            "A".repeat(20_000),
            "9".repeat(400),
            "-1",
            "0",
            "1e9999",
            "NaN",
            "9999-12-31",
            "0001-01-01T00:00:00Z",
            "ÄÖÜ🎉",
            "null",
            "{}",
            "[]");

    /**
     * The JDK's client rather than RestAssured: RestAssured spends seconds on each deeply nested
     * body before sending it, and the sweep sends hundreds of them.
     */
    @Test
    void hostileInputIsNeverAServerErrorAndAlwaysAProblem() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Api.loadRiversideMasterData();
        String admin = Api.adminToken();
        String device = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "hostile")[1];
        // Generated cases: jqwik's sampling of the body arbitrary (it runs outside a property too).
        Iterator<String> generated = body().sampleStream().iterator();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> withoutField = new TreeMap<>();
        Map<String, String> before = stored();
        for (RoleMatrixTest.Endpoint e : RoleMatrixTest.endpoints()) {
            boolean takesBody = !e.method().equals("GET")
                    && !e.method().equals("DELETE")
                    && !e.path().contains("/admin/");
            boolean hasPathParameter = e.path().contains("MX-NONE");
            if (!takesBody && !hasPathParameter) {
                continue;
            }
            String token = e.roles().equals(Set.of(Actor.DEVICE_ROLE)) ? device : admin;
            List<String> paths = new ArrayList<>(List.of(e.path()));
            if (hasPathParameter) {
                for (String p : List.of("..%2F..%2Fetc", "%3Cscript%3E", "A%00B", "' OR 1=1", "x".repeat(300))) {
                    paths.add(e.path().replace("MX-NONE", p));
                }
            }
            List<String> inputs = new ArrayList<>(List.of(
                    "{",
                    "[]",
                    "\"text\"",
                    "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                    "{\"events\": [" + "{},".repeat(3000) + "{}]}"));
            for (int i = 0; i < 15; i++) {
                inputs.add(generated.next());
            }
            for (String path : paths) {
                for (String body : takesBody ? inputs : List.of("")) {
                    // signing out ends the token it is called with: each call signs a fresh one out
                    String caller = e.path().endsWith("/auth/logout") ? Api.adminToken() : token;
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(uri(path.replace(" ", "%20")))
                                    .header("Authorization", "Bearer " + caller)
                                    .header(
                                            "Content-Type",
                                            e.consumes().startsWith("multipart") ? "application/json" : e.consumes())
                                    .method(e.method(), HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    int status = r.statusCode();
                    String abbreviated = body.length() > 120 ? body.substring(0, 120) + "…" : body;
                    String contentType = r.headers().firstValue("Content-Type").orElse("");
                    JsonNode problem = contentType.startsWith("application/problem+json")
                            ? JSON.readTree(r.body())
                            : JSON.missingNode();
                    if (status >= 500) {
                        failures.add(e.method() + " " + path + " " + abbreviated + " → " + status + " " + r.body());
                    } else if (status >= 400 && !problem.hasNonNull("code")) {
                        failures.add(e.method() + " " + path + " " + abbreviated + " → " + status
                                + " without a problem code: " + r.body());
                    } else if (status >= 400
                            && !problem.hasNonNull("field")
                            && !aboutTheWholeRequest(problem.get("code").asText(), body)) {
                        withoutField.merge(
                                problem.get("code").asText() + " " + e.method() + " " + e.path() + " " + abbreviated,
                                1,
                                Integer::sum);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(withoutField)
                .as("refusals of a part of the request that do not name the field")
                .isEmpty();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void thirtyMegabyteBodiesAreRefusedWithAProblemAndAboveTheLimitBeforeTheyAreRead() throws Exception {
        Api.loadRiversideMasterData();
        String admin = Api.adminToken();
        String device = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "hostile-30mb")[1];
        Map<String, String> before = stored();
        String huge = "A".repeat(30 * 1024 * 1024);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        record Call(String path, String token, String body) {}
        List<Call> calls = List.of(
                new Call("/api/v1/auth/token", null, "{\"username\": \"" + huge + "\", \"password\": \"x\"}"),
                new Call("/api/v1/sync/push", device, "{\"deviceId\": \"" + huge + "\", \"events\": []}"),
                new Call("/api/v1/barcodes/parse", admin, "{\"text\": \"" + huge + "\"}"),
                new Call("/api/v1/recalls", admin, "{\"reason\": \"" + huge + "\"}"),
                new Call("/api/v1/masterdata", admin, "{\"items\": [" + "{},".repeat(10 * 1024 * 1024) + "{}]}"));
        for (Call call : calls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(call.path()))
                    .header("Content-Type", "application/json")
                    .method(
                            call.path().endsWith("masterdata") ? "PUT" : "POST",
                            HttpRequest.BodyPublishers.ofString(call.body()));
            if (call.token() != null) {
                request.header("Authorization", "Bearer " + call.token());
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(call.path()).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type"))
                    .as(call.path())
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).as(call.path()).hasSizeLessThan(4_000).contains("\"code\"");
        }
        // master data lists are capped like a CSV upload: refused before any entry is looked at
        HttpResponse<String> tooMany = http.send(
                HttpRequest.newBuilder(uri("/api/v1/masterdata"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + admin)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"items\": [" + "{},".repeat(100_000) + "{}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("\"TOO_LARGE\"").contains("\"field\":\"items\"");
        // Above the 32 MB limit the server answers 413 on the headers alone: a client that asks
        // first (Expect: 100-continue) never sends the body.
        HttpResponse<String> tooLarge = http.send(
                HttpRequest.newBuilder(uri("/api/v1/recalls"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + admin)
                        .expectContinue(true)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"" + huge + huge + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(stored()).isEqualTo(before);
    }

    /** Every table's content but the audit log of refused attempts and the rate-limit buckets. */
    private Map<String, String> stored() {
        // what the calls may write by design: the audit log and its chain head, rate-limit buckets, failed sign-ins,
        // signed-out tokens
        return Database.fingerprint(
                ds,
                "audit_log",
                "audit_head",
                "rate_limit_bucket",
                "sign_in_failure",
                "revoked_token",
                "flyway_schema_history");
    }

    private static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    /**
     * Refusals that concern the request as a whole and so name no field: a body that is not JSON,
     * a body that is JSON but not an object, a media type not taken, a path naming nothing there.
     */
    private static boolean aboutTheWholeRequest(String code, String body) {
        return switch (code) {
            // a body the parser cannot read at all (JSON, or CSV with broken quoting) has no field to name
            case "MALFORMED_JSON", "MALFORMED_CSV", "UNSUPPORTED_MEDIA_TYPE", "NOT_FOUND" -> true;
            case "WRONG_TYPE", "INVALID_FIELD" -> !body.strip().startsWith("{");
            default -> false;
        };
    }

    /** JSON objects with the API's field names and hostile values, nested a little. */
    private static Arbitrary<String> body() {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of(NASTY).map(HostileInputTest::quote),
                Arbitraries.strings().ofMaxLength(40).map(HostileInputTest::quote),
                Arbitraries.longs().map(Object::toString),
                Arbitraries.of("true", "false", "null", "1e400", "-0.0000000001", "12345678901234567890123"));
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<String> inner = Arbitraries.maps(field, scalar).ofMaxSize(6).map(HostileInputTest::object);
        Arbitrary<String> value =
                Arbitraries.oneOf(scalar, inner, inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"));
        return Arbitraries.maps(field, value).ofMaxSize(8).map(HostileInputTest::object);
    }

    private static String object(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(quote(k) + ":" + v));
        return "{" + String.join(",", parts) + "}";
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int ci = 0; ci < s.length(); ci++) {

            char c = s.charAt(ci);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
