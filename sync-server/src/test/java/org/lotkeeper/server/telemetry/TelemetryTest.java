package org.lotkeeper.server.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * docs/OPERATIONS.md "See inside": with an OTLP endpoint configured the server exports its spans
 * over OTLP/HTTP — received here by a real HTTP listener and decoded with OTLP's own protobuf
 * messages — as children of the request's span (and of a caller's {@code traceparent}), with the
 * ledger position and counts as attributes; and its JSON log lines carry the same trace id.
 */
@QuarkusTest
@TestProfile(TelemetryTest.Exporting.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TelemetryTest {

    private static final Path JSON_LOG = Path.of("target/lotkeeper-test-json.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** OTLP/HTTP to the listener below; JSON log lines to a file of their own. */
    public static class Exporting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "50ms",
                    "quarkus.log.file.json.enabled", "true",
                    "quarkus.log.file.path", JSON_LOG.toString());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpListener.class));
        }
    }

    /** An OTLP/HTTP traces endpoint: keeps every span it is sent. */
    public static class OtlpListener implements QuarkusTestResourceLifecycleManager {
        static final List<Span> SPANS = new CopyOnWriteArrayList<>();
        static final List<String> SERVICE_NAMES = new CopyOnWriteArrayList<>();
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
                }
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                request.getResourceSpansList().forEach(rs -> {
                    rs.getResource().getAttributesList().stream()
                            .filter(a -> a.getKey().equals("service.name"))
                            .forEach(a -> SERVICE_NAMES.add(a.getValue().getStringValue()));
                    rs.getScopeSpansList().forEach(ss -> SPANS.addAll(ss.getSpansList()));
                });
                byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
            return Map.of(
                    "quarkus.otel.exporter.otlp.traces.endpoint",
                    "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            server.stop(0);
        }
    }

    @Inject
    DataSource ds;

    @BeforeEach
    void aFreshLedger() {
        Database.resetLedger(ds);
    }

    @Test
    void aPushIsTracedFromItsRequestThroughIngestProjectionAndLedgerAppend() throws Exception {
        Api.loadRiversideMasterData();
        String[] device = Riverside.enroll(Api.token("sam", "sam-Passw0rd!"), "traced-gun");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        String body = "{\"deviceId\":\"" + device[0] + "\",\"events\":["
                + Riverside.event(1, "ana", "RECEIVE", receipt("T-1")) + ","
                + Riverside.event(2, "ana", "RECEIVE", receipt("T-2")) + "]}";
        JsonNode answer = JSON.readTree(as(device[1])
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(body)
                .post("/api/v1/sync/push")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        long lastSeq = answer.at("/results/1/ledgerSeq").asLong();

        Span server = await(s -> hex(s.getTraceId()).equals(traceId) && s.getKind() == Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(hex(server.getParentSpanId()))
                .as("the caller's span is the parent")
                .isEqualTo(callerSpan);
        Span push = await(
                s -> s.getName().equals("lotkeeper.push") && hex(s.getTraceId()).equals(traceId));
        Span ingest = await(s ->
                s.getName().equals("lotkeeper.ingest") && hex(s.getTraceId()).equals(traceId));
        Span projection = await(s -> s.getName().equals("lotkeeper.projection")
                && hex(s.getTraceId()).equals(traceId));
        Span append = await(s -> s.getName().equals("lotkeeper.ledger.append")
                && hex(s.getTraceId()).equals(traceId));
        assertThat(push.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(ingest.getParentSpanId()).isEqualTo(push.getSpanId());
        assertThat(projection.getParentSpanId()).isEqualTo(ingest.getSpanId());
        assertThat(append.getParentSpanId()).isEqualTo(ingest.getSpanId());
        assertThat(attribute(push, "lotkeeper.device.id")).hasValue(device[0]);
        assertThat(attribute(push, "lotkeeper.site")).hasValue("PLANT-1");
        assertThat(attribute(push, "lotkeeper.events")).hasValue("2");
        assertThat(attribute(ingest, "lotkeeper.events.accepted")).hasValue("2");
        assertThat(attribute(ingest, "lotkeeper.device.seq")).hasValue("2");
        assertThat(attribute(append, "lotkeeper.events")).hasValue("2");
        assertThat(attribute(append, Spans.LEDGER_SEQ)).hasValue(Long.toString(lastSeq));
        assertThat(attribute(projection, "lotkeeper.lots")).hasValue("2");
        assertThat(OtlpListener.SERVICE_NAMES).contains("lotkeeper-sync-server");

        // the same push again: duplicates, nothing appended
        String again = "4bf92f3577b34da6a3ce929d0e0e4737";
        as(device[1])
                .header("traceparent", "00-" + again + "-" + callerSpan + "-01")
                .body(body)
                .post("/api/v1/sync/push")
                .then()
                .statusCode(200);
        Span resent = await(s ->
                s.getName().equals("lotkeeper.ingest") && hex(s.getTraceId()).equals(again));
        assertThat(attribute(resent, "lotkeeper.events.duplicate")).hasValue("2");
        assertThat(attribute(resent, "lotkeeper.events.accepted")).isEmpty();

        // a JSON log line of that push carries its trace id
        awaitLogLine(line -> line.path("message").asText().startsWith("push of device " + device[0])
                && line.path("mdc").path("traceId").asText().equals(traceId));
    }

    @Test
    void traceAndRecallSpansSayWhatTheyFoundAndAtWhichLedgerPosition() throws Exception {
        new Riverside().play();
        String quinn = Api.token("quinn", "quinn-Passw0rd!");
        JsonNode trace = JSON.readTree(as(quinn)
                .get("/api/v1/trace/RM-RESIN/R-2401?direction=both")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Span traced = await(s -> s.getName().equals("lotkeeper.trace"));
        assertThat(attribute(traced, "lotkeeper.lot")).hasValue("R-2401");
        assertThat(attribute(traced, "lotkeeper.lots"))
                .hasValue(Integer.toString(trace.get("lots").size()));
        assertThat(attribute(traced, "lotkeeper.customers"))
                .hasValue(trace.get("customers").asText());
        long head = Database.count(ds, "SELECT max(ledger_seq) FROM ledger_event");
        assertThat(attribute(traced, Spans.LEDGER_SEQ)).hasValue(Long.toString(head));

        JsonNode recall = JSON.readTree(as(quinn)
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2401\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Span recalled = await(s -> s.getName().equals("lotkeeper.recall"));
        assertThat(attribute(recalled, "lotkeeper.lots"))
                .hasValue(recall.get("affectedLotCount").asText());
        assertThat(attribute(recalled, "lotkeeper.customers"))
                .hasValue(Integer.toString(recall.get("customers").size()));
        assertThat(attribute(recalled, Spans.LEDGER_SEQ))
                .hasValue(recall.get("asOfSeq").asText());
        assertThat(attribute(recalled, "lotkeeper.recall.mock")).hasValue("true");
    }

    private static String receipt(String lot) {
        return "{\"supplier\": \"SOLVCO\", \"reference\": \"PO-1\", \"item\": \"RM-SOLVENT\", \"lot\": \"" + lot
                + "\", \"supplierLot\": \"SV-" + lot + "\", \"quantity\": {\"value\": \"200\", \"uom\": \"LTR\"},"
                + " \"expiry\": \"2027-09-30\", \"location\": \"RCV-DOCK-1\"}";
    }

    private static Span await(Predicate<Span> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Span> found = OtlpListener.SPANS.stream().filter(which).reduce((a, b) -> b);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such span exported; got "
                + OtlpListener.SPANS.stream().map(Span::getName).toList());
    }

    private static void awaitLogLine(Predicate<JsonNode> which) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(JSON_LOG)) {
                for (String line : Files.readAllLines(JSON_LOG, StandardCharsets.UTF_8)) {
                    // every line is one JSON object
                    if (which.test(JSON.readTree(line))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such JSON log line in " + JSON_LOG);
    }

    private static Optional<String> attribute(Span span, String key) {
        return span.getAttributesList().stream()
                .filter(a -> a.getKey().equals(key))
                .map(KeyValue::getValue)
                .map(TelemetryTest::text)
                .findFirst();
    }

    private static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case INT_VALUE -> Long.toString(v.getIntValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            default -> v.getStringValue();
        };
    }

    private static String hex(com.google.protobuf.ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
