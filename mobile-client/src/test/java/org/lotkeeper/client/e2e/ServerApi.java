package org.lotkeeper.client.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushRequest;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.model.wire.WireJson;

/** The server's REST API as an admin, a supervisor or a device sees it, for test set-up and checks. */
public final class ServerApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServerProcess server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ServerApi(ServerProcess server) {
        this.server = server;
    }

    /** {@code POST /api/v1/auth/token}: a user's bearer token. */
    public String token(String username, String password) throws IOException, InterruptedException {
        return call(
                        "POST",
                        "/api/v1/auth/token",
                        null,
                        JSON.writeValueAsString(Map.of("username", username, "password", password)))
                .get("token")
                .asText();
    }

    /** Loads a master data bundle from the classpath as admin. */
    public JsonNode loadMasterData(String resource) throws IOException, InterruptedException {
        String body;
        try (InputStream in = ServerApi.class.getResourceAsStream(resource)) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return call("PUT", "/api/v1/masterdata", token("admin", ServerProcess.ADMIN_PASSWORD), body);
    }

    /** An enrollment code for {@code site}, made by supervisor sam. */
    public String enrollmentCode(String site, String label) throws IOException, InterruptedException {
        return enrollmentCode(token("sam", "sam-Passw0rd!"), site, label);
    }

    /** An enrollment code for {@code site}, made by the supervisor whose token this is. */
    public String enrollmentCode(String supervisor, String site, String label)
            throws IOException, InterruptedException {
        return call(
                        "POST",
                        "/api/v1/devices/enrollments",
                        supervisor,
                        JSON.writeValueAsString(Map.of("site", site, "label", label)))
                .get("code")
                .asText();
    }

    /** {@code POST /api/v1/devices/enroll}: {@code {deviceId, token, site}} of a new device. */
    public JsonNode enroll(String code, String model) throws IOException, InterruptedException {
        return call(
                "POST",
                "/api/v1/devices/enroll",
                null,
                JSON.writeValueAsString(Map.of("code", code, "model", model, "profile", "desktop")));
    }

    /** A whole snapshot of the device's site, every page, as the device would pull it. */
    public PullResponse snapshot(String deviceToken) throws IOException, InterruptedException {
        String cursor = null;
        List<org.lotkeeper.model.wire.LotRow> lots = new java.util.ArrayList<>();
        List<org.lotkeeper.model.wire.StockRow> stock = new java.util.ArrayList<>();
        PullResponse page;
        do {
            String path = "/api/v1/sync/pull?limit=5000" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<byte[]> r =
                    http.send(request("GET", path, deviceToken, null), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(
                        "pull answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            page = WireJson.read(r.body(), PullResponse.class).value();
            lots.addAll(page.lots());
            stock.addAll(page.stock());
            cursor = page.cursor();
        } while (!page.complete());
        return new PullResponse(cursor, true, List.of(), List.of(), List.of(), lots, stock, List.of(), List.of());
    }

    /** Pushes events as the device, as they are (no outbox involved). */
    public PushResponse push(String deviceToken, DeviceId device, List<Event> events)
            throws IOException, InterruptedException {
        byte[] body = WireJson.write(new PushRequest(device, events));
        HttpRequest req = HttpRequest.newBuilder(server.uri("/api/v1/sync/push"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + deviceToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "push answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return WireJson.read(r.body(), PushResponse.class).value();
    }

    /** A user's JSON call: {@code body} (JSON text, or null) to {@code path}; the answer must be 2xx. */
    public JsonNode call(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A user's call answered with a file (a label, a report): its bytes; the answer must be 2xx. */
    public byte[] bytes(String method, String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request(method, path, token, null), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** A user's JSON call that may be refused: the answer's HTTP status. */
    public int status(String method, String path, String token, String body) throws IOException, InterruptedException {
        return http.send(request(method, path, token, body), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** {@code POST /api/v1/documents}: uploads a file of {@code kind} for these lots ({@code [{item, lot}]}). */
    public JsonNode upload(String token, String kind, String filename, byte[] file, String lotsJson)
            throws IOException, InterruptedException {
        String boundary = "lotkeeper-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        part(body, boundary, "form-data; name=\"kind\"", null, kind.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "form-data; name=\"lots\"", "application/json", lotsJson.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "form-data; name=\"file\"; filename=\"" + filename + "\"", "application/pdf", file);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(server.uri("/api/v1/documents"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void part(
            java.io.ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] content)
            throws IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }
}
