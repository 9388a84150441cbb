package org.lotkeeper.server.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Plays the Riverside scenario (a copy of ../shared/scenarios/riverside in the server's demo
 * resources) over HTTP, as devices, QA and a supervisor would.
 */
public final class Riverside {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Device name in the scenario → (server device id, device token). */
    public final Map<String, String[]> devices = new HashMap<>();
    /** Every push step's event, with the server's answer. */
    public final List<JsonNode> pushed = new ArrayList<>();

    public final List<JsonNode> answers = new ArrayList<>();

    public static JsonNode steps() {
        return read("demo/riverside/steps.json");
    }

    public static JsonNode expected() {
        return read("riverside/expected.json");
    }

    static JsonNode read(String resource) {
        try {
            return JSON.readTree(Api.resource(resource));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads master data, enrolls the scenario's devices and plays every step. */
    public Riverside play() {
        return play(true);
    }

    /**
     * The week without its specifications and test results: for tests that approve their own
     * specifications of the scenario's items and record their own results.
     */
    public Riverside playWithoutQuality() {
        return play(false);
    }

    private Riverside play(boolean quality) {
        Api.loadRiversideMasterData();
        String sam = Api.token("sam", "sam-Passw0rd!");
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        for (JsonNode step : steps()) {
            switch (step.get("step").asText()) {
                case "push" -> {
                    String[] device = devices.computeIfAbsent(step.get("device").asText(), name -> enroll(sam, name));
                    JsonNode answer = push(device, List.of(step.get("event")))
                            .get("results")
                            .get(0);
                    pushed.add(step.get("event"));
                    answers.add(answer);
                }
                case "document" -> upload(quinn, step);
                case "status" ->
                    as(quinn)
                            .body(signedByQuinn(step.get("body")))
                            .post("/api/v1/lots/" + step.get("item").asText() + "/"
                                    + step.get("lot").asText() + "/status")
                            .then()
                            .statusCode(200);
                case "specification" -> {
                    if (quality) {
                        as(quinn)
                                .body(signedByQuinn(step.get("body")))
                                .put("/api/v1/items/" + step.get("item").asText() + "/specification")
                                .then()
                                .statusCode(200);
                    }
                }
                case "results" -> {
                    if (quality) {
                        as(quinn)
                                .body(step.get("body").toString())
                                .post("/api/v1/lots/" + step.get("item").asText() + "/"
                                        + step.get("lot").asText() + "/results")
                                .then()
                                .statusCode(200);
                    }
                }
                default -> throw new IllegalStateException("unknown step " + step.get("step"));
            }
        }
        return this;
    }

    /** The demo's steps name no password: the test master data's one signs. */
    private static String signedByQuinn(JsonNode body) {
        ObjectNode b = body.deepCopy();
        if (b.has("signature")) {
            ((ObjectNode) b.get("signature")).put("password", "quinn-Passw0rd!");
        }
        return b.toString();
    }

    public static String[] enroll(String supervisorToken, String label) {
        return enroll(supervisorToken, "PLANT-1", label);
    }

    /** Enrolls a device at {@code site}: {@code {deviceId, token}}. */
    public static String[] enroll(String supervisorToken, String site, String label) {
        String code = as(supervisorToken)
                .body(Map.of("site", site, "label", label))
                .post("/api/v1/devices/enrollments")
                .then()
                .statusCode(200)
                .extract()
                .path("code");
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "model", "test", "profile", "desktop"))
                .post("/api/v1/devices/enroll");
        r.then().statusCode(200);
        return new String[] {r.path("deviceId"), r.path("token")};
    }

    /** The online PIN check of {@code device} for a user: OK, WRONG or LOCKED. */
    public static String pinCheck(String[] device, String user, String pin) {
        return as(device[1])
                .body(Map.of("userId", user, "pin", pin))
                .post("/api/v1/devices/pin-check")
                .then()
                .statusCode(200)
                .extract()
                .path("result");
    }

    public static JsonNode push(String[] device, List<JsonNode> events) {
        Response r = pushRaw(device, events);
        r.then().statusCode(200);
        try {
            return JSON.readTree(r.asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response pushRaw(String[] device, List<JsonNode> events) {
        ObjectNode body = JSON.createObjectNode();
        body.put("deviceId", device[0]);
        ArrayNode array = body.putArray("events");
        events.forEach(array::add);
        return as(device[1]).body(body.toString()).post("/api/v1/sync/push");
    }

    /**
     * A PACK event as a handheld sends it: {@code user} puts {@code value uom} of the lot, loose
     * at {@code location}, into the container {@code sscc}.
     */
    public static JsonNode pack(
            String[] device,
            long deviceSeq,
            String user,
            String sscc,
            String location,
            String item,
            String lot,
            String value,
            String uom) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", java.util.UUID.randomUUID().toString());
        e.put("deviceSeq", deviceSeq);
        e.put("type", "PACK");
        e.put("occurredAt", "2026-11-20T08:00:00Z");
        e.put("userId", user);
        e.put("site", "PLANT-1");
        ObjectNode p = e.putObject("payload");
        p.put("sscc", sscc);
        p.put("location", location);
        ObjectNode line = p.putArray("contents").addObject();
        line.put("item", item);
        line.put("lot", lot);
        line.putObject("quantity").put("value", value).put("uom", uom);
        return push(device, List.of(e)).get("results").get(0);
    }

    /** An event as a handheld of site PLANT-1 sends it: {@code payload} is its payload as JSON text. */
    public static JsonNode event(long deviceSeq, String user, String type, String payload) {
        return event("PLANT-1", deviceSeq, user, type, payload);
    }

    /** An event as a handheld of {@code site} sends it. */
    public static JsonNode event(String site, long deviceSeq, String user, String type, String payload) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", java.util.UUID.randomUUID().toString());
        e.put("deviceSeq", deviceSeq);
        e.put("type", type);
        e.put("occurredAt", "2026-11-20T08:00:00Z");
        e.put("userId", user);
        e.put("site", site);
        try {
            e.set("payload", JSON.readTree(payload));
        } catch (java.io.IOException x) {
            throw new IllegalArgumentException(payload, x);
        }
        return e;
    }

    private static void upload(String token, JsonNode step) {
        byte[] pdf = Api.bytes("demo/riverside/" + step.get("file").asText());
        given().header("Authorization", "Bearer " + token)
                .multiPart("file", step.get("file").asText(), pdf, "application/pdf")
                .multiPart("kind", step.get("kind").asText())
                .multiPart("lots", step.get("lots").toString())
                .post("/api/v1/documents")
                .then()
                .statusCode(200);
    }
}
