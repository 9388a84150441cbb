package org.lotkeeper.bench.ledger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The server's whole answers over HTTP on a generated ledger — lot detail, timeline, the trace
 * answer (walk, lots' facts, receipts, shipment sums, returns, names) and the first page of its
 * shipment lines — for random lots, one request at a time, with percentiles (each lot goes to every
 * endpoint and to the walk, in an order shuffled for each lot); beside them in the same run three baselines: an HTTP round trip that does no work ({@code /q/health/live}), a signed-in
 * request that does no work (the token checked, then 400 for a malformed item code) and the
 * plain {@code WITH RECURSIVE} walk both ways over JDBC (the obvious approach's database time
 * alone, no answer built). With {@code --popular item/lot}, then the mock recall of that lot
 * (whole JSON answer) and its PDF, {@code --recalls} times each. The genealogy walk alone, against
 * the recursive-CTE baseline, is {@link TraceBenchmark}.
 *
 * <p>{@code --base http://127.0.0.1:8080 --token BEARER --jdbc-url URL [--user U --password P]
 * [--management http://127.0.0.1:9000] [--samples 500] [--seed 7] [--warmup 500] [--only "trace both"]
 * [--popular ITEM/LOT --recalls 5] [--base-b URL --token-b BEARER]}: the lots are drawn
 * from the database, the requests go to the server; the token must be a QA or SUPERVISOR user's for
 * the recall. A freshly started server is still compiling its hot paths for its first few thousand
 * requests: warm it up (the first run after a start measured the trace's p99 ~1.5× higher).
 *
 * <p>With {@code --base-b}, a second server (another build) on the same database answers every
 * request of the API endpoints too, interleaved with the first, so both see the same lots, the same
 * database cache and the same machine noise; rows marked [A] and [B].
 */
public final class ApiLatency {

    private ApiLatency() {}

    /** The signed-in baseline: the token checked (the user read), then 400 for an item code that is not one. */
    private static final String SIGNED_IN = "baseline: signed in, no work (400)";

    /** The status an endpoint answers: 400 for the signed-in baseline, 200 for the others. */
    private static int expected(String endpoint) {
        return endpoint.equals(SIGNED_IN) ? 400 : 200;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int samples = Integer.parseInt(a.getOrDefault("samples", "500"));
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(a.getOrDefault("seed", "7")));
        List<String[]> all = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        a.get("jdbc-url"), a.getOrDefault("user", "postgres"), a.getOrDefault("password", "postgres"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT item, lot FROM lot ORDER BY item, lot")) {
            while (rs.next()) {
                all.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = a.getOrDefault("base", "http://127.0.0.1:8080");
        String token = a.get("token");
        Map<String, Function<String[], String>> endpoints = new LinkedHashMap<>();
        // health is on the management interface (its own port)
        String management = a.getOrDefault("management", "http://127.0.0.1:9000");
        endpoints.put("baseline: health (HTTP, no work)", l -> management + "/q/health/live");
        endpoints.put(SIGNED_IN, l -> base + "/api/v1/trace/%20/x");
        endpoints.put("lot detail", l -> base + "/api/v1/lots/" + enc(l[0]) + "/" + enc(l[1]));
        endpoints.put("timeline", l -> base + "/api/v1/lots/" + enc(l[0]) + "/" + enc(l[1]) + "/timeline");
        endpoints.put("trace both", l -> base + "/api/v1/trace/" + enc(l[0]) + "/" + enc(l[1]) + "?direction=both");
        endpoints.put(
                "trace shipment lines, 1st page",
                l -> base + "/api/v1/trace/" + enc(l[0]) + "/" + enc(l[1]) + "/shipments");
        if (a.containsKey("only")) { // one endpoint and the no-work baseline, e.g. for a profile of it alone
            String only = a.get("only");
            if (!endpoints.containsKey(only)) {
                throw new IllegalArgumentException("--only must name one of " + endpoints.keySet());
            }
            endpoints.keySet().removeIf(name -> !name.equals(only) && !name.startsWith("baseline"));
        }
        String baseB = a.get("base-b");
        String tokenB = a.get("token-b");
        if (baseB != null && tokenB == null) {
            throw new IllegalArgumentException("--base-b needs --token-b: a token of the second server");
        }
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "500"));
        // Each lot goes to every endpoint (on both servers) and to the bare walk, in an order shuffled
        // anew for each lot, so none of them tends to find the lot's pages read, or the machine busy, by
        // another. (Endpoint by endpoint, the walk ran last on lots the trace had just read; a fixed
        // rotation put [B] right after [A] on the same lot in all but one turn.)
        List<String> names = new ArrayList<>();
        List<Timed> measures = new ArrayList<>();
        for (Map.Entry<String, Function<String[], String>> e : endpoints.entrySet()) {
            int status = expected(e.getKey());
            boolean both = baseB != null && e.getValue().apply(all.get(0)).startsWith(base);
            names.add(e.getKey() + (both ? " [A]" : ""));
            measures.add(l -> get(http, e.getValue().apply(l), token, status));
            if (both) {
                names.add(e.getKey() + " [B]");
                measures.add(l -> get(http, baseB + e.getValue().apply(l).substring(base.length()), tokenB, status));
            }
        }
        try (Connection c = DriverManager.getConnection(
                a.get("jdbc-url"), a.getOrDefault("user", "postgres"), a.getOrDefault("password", "postgres"))) {
            names.add("baseline: WITH RECURSIVE both, JDBC");
            measures.add(l -> {
                TraceBenchmark.recursiveCte(c, l[0], l[1], false);
                TraceBenchmark.recursiveCte(c, l[0], l[1], true);
                return 0;
            });
            int n = measures.size();
            for (int w = 0; w < warmup; w++) {
                String[] l = all.get(rnd.nextInt(all.size()));
                for (Timed m : measures) {
                    m.run(l);
                }
            }
            List<String[]> picks = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                picks.add(all.get(rnd.nextInt(all.size())));
            }
            System.out.printf(
                    "%,d lots in the ledger; %,d random lots, each endpoint once per lot (after %,d warm-up lots)%n",
                    all.size(), samples, warmup);
            System.out.printf(
                    "%-34s %8s %8s %8s %8s %12s%n", "endpoint", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean bytes");
            double[][] ms = new double[n][samples];
            long[] bytes = new long[n];
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                order.add(k);
            }
            java.util.Random shuffle = new java.util.Random(rnd.nextLong());
            for (int i = 0; i < samples; i++) {
                java.util.Collections.shuffle(order, shuffle);
                for (int which : order) {
                    long t0 = System.nanoTime();
                    bytes[which] += measures.get(which).run(picks.get(i));
                    ms[which][i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            for (int k = 0; k < n; k++) {
                row(names.get(k), ms[k], bytes[k] / samples);
            }
        }
        if (a.containsKey("popular")) {
            recall(http, base, token, a.get("popular"), Integer.parseInt(a.getOrDefault("recalls", "5")));
        }
    }

    /** One measured request (or the walk) for a lot: the answer's length in bytes. */
    @FunctionalInterface
    private interface Timed {
        int run(String[] lot) throws Exception;
    }

    private static void row(String name, double[] ms, long meanBytes) {
        Arrays.sort(ms);
        System.out.printf(
                "%-34s %8.2f %8.2f %8.2f %8.1f %,12d%n",
                name,
                TraceBenchmark.pct(ms, 50),
                TraceBenchmark.pct(ms, 95),
                TraceBenchmark.pct(ms, 99),
                ms[ms.length - 1],
                meanBytes);
    }

    /** The mock recall of one lot, {@code times} times after three unmeasured ones, then the last one's PDF as often. */
    private static void recall(HttpClient http, String base, String token, String lot, int times) throws Exception {
        String[] l = lot.split("/", 2);
        String body = "{\"mock\": true, \"reason\": \"benchmark\", \"lots\": [{\"item\": \"" + l[0] + "\", \"lot\": \""
                + l[1] + "\"}]}";
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/recalls"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        String id = null;
        double[] json = new double[times];
        long size = 0;
        for (int i = -3; i < times; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + " from the recall: " + r.body());
            }
            if (i >= 0) {
                json[i] = (System.nanoTime() - t0) / 1e6;
            }
            size = r.body().length();
            int at = r.body().indexOf("\"recallId\":\"") + 12;
            id = r.body().substring(at, r.body().indexOf('"', at));
        }
        double[] pdf = new double[times];
        long pdfSize = 0;
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            pdfSize = get(http, base + "/api/v1/recalls/" + id + "/report.pdf", token);
            pdf[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(json);
        Arrays.sort(pdf);
        System.out.printf(
                "mock recall of %s: whole JSON answer (%,d chars) min %.0f / median %.0f / max %.0f ms; "
                        + "its PDF (%,d bytes) min %.0f / median %.0f / max %.0f ms (%d each)%n",
                lot,
                size,
                json[0],
                json[times / 2],
                json[times - 1],
                pdfSize,
                pdf[0],
                pdf[times / 2],
                pdf[times - 1],
                times);
    }

    private static int get(HttpClient http, String url, String token) throws Exception {
        return get(http, url, token, 200);
    }

    /** The answer's length in bytes; fails unless the server answered {@code status}. */
    private static int get(HttpClient http, String url, String token, int status) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(2))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != status) {
            throw new IllegalStateException(
                    "HTTP " + r.statusCode() + " from " + url + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body().length;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
