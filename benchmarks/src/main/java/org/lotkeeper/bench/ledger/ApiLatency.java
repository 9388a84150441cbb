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
 * The server's whole answers over HTTP on a generated ledger — lot detail, timeline, and the trace
 * answer (walk, lots' facts, receipts, shipments, returns, names) — for random lots, one request at a
 * time, with percentiles. The genealogy walk alone, against the recursive-CTE baseline, is
 * {@link TraceBenchmark}.
 *
 * <p>{@code --base http://127.0.0.1:8080 --token BEARER --jdbc-url URL [--user U --password P]
 * [--samples 500] [--seed 7]}: the lots are drawn from the database, the requests go to the server.
 */
public final class ApiLatency {

    private ApiLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int samples = Integer.parseInt(a.getOrDefault("samples", "500"));
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(a.getOrDefault("seed", "7")));
        List<String[]> all = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(a.get("jdbc-url"), a.getOrDefault("user", "postgres"),
                a.getOrDefault("password", "postgres")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT item, lot FROM lot ORDER BY item, lot")) {
            while (rs.next()) {
                all.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String base = a.getOrDefault("base", "http://127.0.0.1:8080");
        String token = a.get("token");
        Map<String, Function<String[], String>> endpoints = new LinkedHashMap<>();
        endpoints.put("lot detail", l -> "/api/v1/lots/" + enc(l[0]) + "/" + enc(l[1]));
        endpoints.put("timeline", l -> "/api/v1/lots/" + enc(l[0]) + "/" + enc(l[1]) + "/timeline");
        endpoints.put("trace both", l -> "/api/v1/trace/" + enc(l[0]) + "/" + enc(l[1]) + "?direction=both");
        for (int w = 0; w < 100; w++) {
            String[] l = all.get(rnd.nextInt(all.size()));
            for (Function<String[], String> e : endpoints.values()) {
                get(http, base + e.apply(l), token);
            }
        }
        List<String[]> picks = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            picks.add(all.get(rnd.nextInt(all.size())));
        }
        System.out.printf("%,d lots in the ledger; %,d random lots, each endpoint once per lot (after 100 warm-up lots)%n", all.size(), samples);
        System.out.printf("%-12s %8s %8s %8s %8s %12s%n", "endpoint", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean bytes");
        for (Map.Entry<String, Function<String[], String>> e : endpoints.entrySet()) {
            double[] ms = new double[samples];
            long bytes = 0;
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                bytes += get(http, base + e.getValue().apply(picks.get(i)), token);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-12s %8.2f %8.2f %8.2f %8.1f %,12d%n", e.getKey(), TraceBenchmark.pct(ms, 50), TraceBenchmark.pct(ms, 95), TraceBenchmark.pct(ms, 99), ms[samples - 1],
                    bytes / samples);
        }
    }

    private static int get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " from " + url + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body().length;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
