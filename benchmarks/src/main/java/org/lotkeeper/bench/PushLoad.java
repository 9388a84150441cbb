package org.lotkeeper.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Load driver for docs/QUALITY.md P3/P8: N simulated devices push batches of events to a running
 * server over HTTP, each device one batch in flight, and the driver prints events/s, push latency
 * percentiles and the server's resident memory. Baseline in the same run: the latency of
 * {@code GET /q/health/live}, an HTTP round trip that does no work.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.lotkeeper.bench.PushLoad \
 *     --url http://localhost:8080 [--management-url http://localhost:9000] --admin-password secret --devices 50 --batch 200 --batches 20 [--rate 5000] [--pid 1234]
 * </pre>
 * The server needs the Riverside master data (it loads it through the API) and is left with the
 * pushed receipts; run it against a scratch data directory.
 */
public final class PushLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PushLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String url = opt.getOrDefault("url", "http://localhost:8080");
        // health is on the management interface (its own port)
        String management = opt.getOrDefault("management-url", "http://localhost:9000");
        int devices = Integer.parseInt(opt.getOrDefault("devices", "50"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "200"));
        int batches = Integer.parseInt(opt.getOrDefault("batches", "20"));
        String pid = opt.get("pid");
        // Open loop: with --rate, every device paces its batches so that all together offer this many events/s.
        double rate = Double.parseDouble(opt.getOrDefault("rate", "0"));
        long intervalNanos = rate <= 0 ? 0 : (long) (1e9 * batch * devices / rate);

        String admin =
                token(url, "admin", opt.getOrDefault("admin-password", System.getenv("LOTKEEPER_ADMIN_PASSWORD")));
        call(url + "/api/v1/masterdata", "PUT", admin, masterData());
        String sam = token(url, "sam", "sam-Passw0rd!");
        List<String[]> enrolled = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            String code = call(
                            url + "/api/v1/devices/enrollments",
                            "POST",
                            sam,
                            JSON.writeValueAsString(Map.of("site", "PLANT-1", "label", "load-" + d)))
                    .get("code")
                    .asText();
            JsonNode dev =
                    call(url + "/api/v1/devices/enroll", "POST", null, JSON.writeValueAsString(Map.of("code", code)));
            enrolled.add(
                    new String[] {dev.get("deviceId").asText(), dev.get("token").asText()});
        }

        long[] baseline = new long[200];
        for (int i = 0; i < baseline.length; i++) {
            long t = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(management + "/q/health/live"))
                    .build());
            baseline[i] = System.nanoTime() - t;
        }

        ExecutorService pool = Executors.newFixedThreadPool(devices);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (String[] device : enrolled) {
            results.add(pool.submit(() -> pushAll(url, device, batch, batches, intervalNanos)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> f : results) {
            for (long l : f.get()) {
                latencies.add(l);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long events = (long) devices * batch * batches;
        System.out.printf(
                "devices=%d batch=%d batches/device=%d events=%d offered=%s%n",
                devices,
                batch,
                batches,
                events,
                rate <= 0 ? "as fast as answered (closed loop)" : String.format("%.0f events/s", rate));
        System.out.printf("throughput: %.0f events/s over %.1f s%n", events / seconds, seconds);
        System.out.println("push latency (ms): "
                + percentiles(latencies.stream().mapToLong(Long::longValue).toArray()));
        System.out.println("baseline GET /q/health/live (ms): " + percentiles(baseline));
        if (pid != null) {
            System.out.println("server resident memory: " + rss(pid));
        }
    }

    private static long[] pushAll(String url, String[] device, int batch, int batches, long intervalNanos)
            throws IOException, InterruptedException {
        long[] latencies = new long[batches];
        long seq = 0;
        long next = System.nanoTime() + (intervalNanos == 0 ? 0 : (long) (Math.random() * intervalNanos));
        for (int b = 0; b < batches; b++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += intervalNanos;
            ObjectNode body = JSON.createObjectNode();
            body.put("deviceId", device[0]);
            ArrayNode events = body.putArray("events");
            for (int i = 0; i < batch; i++) {
                seq++;
                ObjectNode e = events.addObject();
                e.put("eventId", UUID.randomUUID().toString())
                        .put("deviceSeq", seq)
                        .put("occurredAt", "2026-11-16T08:05:00Z")
                        .put("userId", "ana")
                        .put("site", "PLANT-1");
                ObjectNode p;
                if (seq % 2 == 1) {
                    e.put("type", "RECEIVE");
                    p = e.putObject("payload");
                    p.put("supplier", "SOLVCO")
                            .put("reference", "PO-" + seq)
                            .put("item", "RM-SOLVENT")
                            .put("lot", device[0].substring(4) + "-" + seq)
                            .put("location", "RCV-DOCK-1");
                } else {
                    e.put("type", "MOVE");
                    p = e.putObject("payload");
                    p.put("item", "RM-SOLVENT")
                            .put("lot", device[0].substring(4) + "-" + (seq - 1))
                            .put("from", "RCV-DOCK-1")
                            .put("to", "WH-B-01");
                }
                p.putObject("quantity").put("value", "10").put("uom", "LTR");
            }
            long t = System.nanoTime();
            JsonNode answer = call(url + "/api/v1/sync/push", "POST", device[1], body.toString());
            latencies[b] = System.nanoTime() - t;
            if (answer.get("ackedThroughSeq").asLong() != seq) {
                throw new IllegalStateException(
                        "server acknowledged " + answer.get("ackedThroughSeq") + ", expected " + seq + ": " + answer);
            }
        }
        return latencies;
    }

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(
                "p50 %.1f, p95 %.1f, p99 %.1f, max %.1f (n=%d)",
                at(s, 0.50), at(s, 0.95), at(s, 0.99), s[s.length - 1] / 1e6, s.length);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String rss(String pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                .map(String::strip)
                .reduce((a, b) -> a + ", " + b)
                .orElse("unknown");
    }

    private static String token(String url, String user, String password) throws IOException, InterruptedException {
        return call(
                        url + "/api/v1/auth/token",
                        "POST",
                        null,
                        JSON.writeValueAsString(Map.of("username", user, "password", password)))
                .get("token")
                .asText();
    }

    private static JsonNode call(String url, String method, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = send(b.build());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " from " + url + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String masterData() throws IOException {
        try (var in = PushLoad.class.getResourceAsStream("/riverside-masterdata.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return out;
    }
}
