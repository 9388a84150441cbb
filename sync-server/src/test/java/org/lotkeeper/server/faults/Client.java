package org.lotkeeper.server.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A minimal device and admin over plain HTTP, for tests against server processes. */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Client() {}

    /** An answer other than 200: its status, {@code Retry-After} and body. */
    static final class Refusal extends IOException {
        final int status;
        final String retryAfter;
        final String body;

        Refusal(URI uri, HttpResponse<String> r) {
            super("HTTP " + r.statusCode() + " from " + uri + ": " + r.body());
            this.status = r.statusCode();
            this.retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            this.body = r.body();
        }

        /** The problem's member {@code name}, or a missing node. */
        JsonNode problem(String name) {
            try {
                return JSON.readTree(body).path(name);
            } catch (IOException notJson) {
                return JSON.missingNode();
            }
        }
    }

    static JsonNode call(URI uri, String method, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(uri, method, token, body);
        if (r.statusCode() != 200) {
            throw new Refusal(uri, r);
        }
        return JSON.readTree(r.body());
    }

    /** The answer as it came, whatever its status. */
    static HttpResponse<String> send(URI uri, String method, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String token(Function<String, URI> server, String user, String password)
            throws IOException, InterruptedException {
        return call(
                        server.apply("/api/v1/auth/token"),
                        "POST",
                        null,
                        JSON.writeValueAsString(Map.of("username", user, "password", password)))
                .get("token")
                .asText();
    }

    /** Loads the Riverside master data and enrolls a device; answers {deviceId, token}. */
    static String[] setUp(Function<String, URI> server, String deviceLabel) throws IOException, InterruptedException {
        String admin = token(server, "admin", ServerProcess.ADMIN_PASSWORD);
        String bundle = new String(
                Client.class
                        .getClassLoader()
                        .getResourceAsStream("riverside/masterdata.json")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        call(server.apply("/api/v1/masterdata"), "PUT", admin, bundle);
        return enroll(server, deviceLabel);
    }

    static String[] enroll(Function<String, URI> server, String label) throws IOException, InterruptedException {
        String sam = token(server, "sam", "sam-Passw0rd!");
        String code = call(
                        server.apply("/api/v1/devices/enrollments"),
                        "POST",
                        sam,
                        JSON.writeValueAsString(Map.of("site", "PLANT-1", "label", label)))
                .get("code")
                .asText();
        JsonNode d = call(
                server.apply("/api/v1/devices/enroll"), "POST", null, JSON.writeValueAsString(Map.of("code", code)));
        return new String[] {d.get("deviceId").asText(), d.get("token").asText()};
    }

    /** {@code count} receipts of the solvent, each a new lot of 10 L, deviceSeq from 1. */
    static List<ObjectNode> receipts(String prefix, int count) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ObjectNode e = JSON.createObjectNode();
            e.put("eventId", UUID.randomUUID().toString());
            e.put("deviceSeq", i);
            e.put("type", "RECEIVE");
            e.put("occurredAt", "2026-11-16T08:05:00Z");
            e.put("userId", "ana");
            e.put("site", "PLANT-1");
            ObjectNode p = e.putObject("payload");
            p.put("supplier", "SOLVCO")
                    .put("reference", "PO-" + i)
                    .put("item", "RM-SOLVENT")
                    .put("lot", prefix + i)
                    .put("location", "RCV-DOCK-1");
            p.putObject("quantity").put("value", "10").put("uom", "LTR");
            out.add(e);
        }
        return out;
    }

    static String pushBody(String deviceId, List<ObjectNode> events) {
        ObjectNode body = JSON.createObjectNode();
        body.put("deviceId", deviceId);
        ArrayNode array = body.putArray("events");
        events.forEach(array::add);
        return body.toString();
    }
}
