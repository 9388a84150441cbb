package org.lotkeeper.client.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.Move;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.model.wire.ProblemDetail;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushBatch;
import org.lotkeeper.model.wire.PushError;
import org.lotkeeper.model.wire.PushRequestReader;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.model.wire.PushResult;
import org.lotkeeper.model.wire.PushedEvent;
import org.lotkeeper.model.wire.WireJson;

/**
 * A small stand-in for the sync server on MockWebServer's {@link Dispatcher}, behaving as
 * docs/PROTOCOL.md says: a push is one transaction; events are stored by eventId; a repeat with the
 * same canonical content answers DUPLICATE with the original ledgerSeq, other content
 * EVENT_ID_CONFLICT; duplicates are recognised before the sequence check; a gap answers 409
 * SEQUENCE_GAP with expectedSeq and stores nothing; a rejection uses up its deviceSeq and is
 * remembered. Events that move stock to {@link #POISON_LOCATION} are rejected (UNKNOWN_LOCATION).
 * Faults are injected per push by {@link #faults}.
 */
final class FakeSyncServer extends Dispatcher {

    static final String TOKEN = "t0k3n";
    static final String POISON_LOCATION = "BAD-BIN";

    /** What goes wrong with one push. */
    enum Fault {
        NONE,
        /** The connection drops before the server reads the request: nothing stored, no answer. */
        DROP_BEFORE,
        /** 500 before anything is stored. */
        ERROR_500,
        /** Stored, then the connection drops before the answer: the answer is lost. */
        DROP_AFTER_COMMIT,
        /** Stored, then the answer comes too late for the client's read timeout. */
        SLOW_AFTER_COMMIT,
        /** Stored; the answer lists the results reversed, each twice. */
        SHUFFLED_DUPLICATED_ANSWER,
        /** Stored; 503 instead of the answer (e.g. a proxy timed out). */
        ERROR_503_AFTER_COMMIT
    }

    @SuppressWarnings(
            "ArrayRecordComponent") // canonical bytes compared with Arrays.equals where needed, the record never
    record Stored(
            EventId eventId,
            DeviceId deviceId,
            long deviceSeq,
            byte[] canonical,
            Long ledgerSeq,
            PushError rejection) {}

    private final Map<EventId, Stored> byEventId = new LinkedHashMap<>();
    private final Map<DeviceId, Long> expectedSeq = new HashMap<>();
    private long ledgerSeq;
    final Map<EventId, AtomicInteger> received = new ConcurrentHashMap<>();
    final AtomicInteger pushRequests = new AtomicInteger();
    final AtomicInteger pullRequests = new AtomicInteger();
    final AtomicInteger changeRequests = new AtomicInteger();
    /** False: an older server without {@code /api/v1/sync/changes} (404). */
    volatile boolean changesServed = true;
    /** The site's change number {@code /api/v1/sync/changes} answers. */
    final java.util.concurrent.atomic.AtomicLong siteVersion = new java.util.concurrent.atomic.AtomicLong();

    final List<String> pullCursors = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    volatile Supplier<Fault> faults = () -> Fault.NONE;
    volatile long slowMillis = 1_000;
    /** The answer to a pull, by cursor (null: snapshot). */
    volatile Function<String, MockResponse> pulls = cursor -> json(
            200,
            cursor == null
                    ? org.lotkeeper.client.store.StoreFixtures.snapshot("c1")
                    : new PullResponse(cursor, true, null, null, null, null, null, null, null));

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return problem(ProblemDetail.of(401, "UNAUTHENTICATED", "device token missing or revoked", null));
        }
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/v1/sync/push") && "POST".equals(request.getMethod())) {
            return push(request);
        }
        if (path.equals("/api/v1/sync/pull") && "GET".equals(request.getMethod())) {
            pullRequests.incrementAndGet();
            String cursor = request.getUrl().queryParameter("cursor");
            pullCursors.add(cursor);
            return pulls.apply(cursor);
        }
        if (path.equals("/api/v1/sync/changes") && "GET".equals(request.getMethod()) && changesServed) {
            changeRequests.incrementAndGet();
            return json(200, new org.lotkeeper.model.wire.SiteChanges(siteVersion.get()));
        }
        return problem(ProblemDetail.of(404, "NOT_FOUND", "no such resource", null));
    }

    private MockResponse push(RecordedRequest request) {
        pushRequests.incrementAndGet();
        Fault fault = faults.get();
        if (fault == Fault.DROP_BEFORE) {
            return new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseSocket())
                    .build();
        }
        if (fault == Fault.ERROR_500) {
            return problem(ProblemDetail.of(500, "INTERNAL", "something broke", null));
        }
        byte[] body =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if ("gzip".equals(request.getHeaders().get("Content-Encoding"))) {
            body = gunzip(body);
        }
        Decoded<PushBatch> read = PushRequestReader.read(body);
        if (!read.isOk()) {
            return problem(ProblemDetail.badRequest(read.firstProblem()));
        }
        PushBatch batch = read.value();
        batchSizes.add(batch.events().size());
        batch.events()
                .forEach(e -> received.computeIfAbsent(e.eventId(), k -> new AtomicInteger())
                        .incrementAndGet());
        Object answer = process(batch);
        if (answer instanceof ProblemDetail p) {
            return problem(p);
        }
        PushResponse response = (PushResponse) answer;
        return switch (fault) {
            case DROP_AFTER_COMMIT ->
                new MockResponse.Builder()
                        .body(new String(WireJson.write(response), StandardCharsets.UTF_8))
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build();
            case SLOW_AFTER_COMMIT ->
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(new String(WireJson.write(response), StandardCharsets.UTF_8))
                        .headersDelay(slowMillis, TimeUnit.MILLISECONDS)
                        .build();
            case SHUFFLED_DUPLICATED_ANSWER -> {
                List<PushResult> twice = new ArrayList<>(response.results());
                Collections.reverse(twice);
                twice.addAll(response.results());
                yield json(200, new PushResponse(twice, response.ackedThroughSeq(), response.serverTime()));
            }
            case ERROR_503_AFTER_COMMIT -> problem(ProblemDetail.of(503, "UNAVAILABLE", "try later", null));
            default -> json(200, response);
        };
    }

    /** One transaction: a {@link PushResponse}, or a {@link ProblemDetail} (409) with nothing stored. */
    private synchronized Object process(PushBatch batch) {
        DeviceId device = batch.deviceId();
        long expected = expectedSeq.getOrDefault(device, 1L);
        long seq = ledgerSeq;
        Map<EventId, Stored> staged = new LinkedHashMap<>();
        List<PushResult> results = new ArrayList<>();
        for (PushedEvent pe : batch.events()) {
            Stored known = byEventId.containsKey(pe.eventId()) ? byEventId.get(pe.eventId()) : staged.get(pe.eventId());
            byte[] canonical =
                    pe.valid() ? EventJson.canonicalBytes(pe.event().value()) : EventJson.canonicalBytes(pe.raw());
            if (known != null) {
                if (!Arrays.equals(known.canonical(), canonical)) {
                    results.add(PushResult.rejected(
                            pe.eventId(), new PushError("EVENT_ID_CONFLICT", "another event has this id", null)));
                } else if (known.rejection() != null) {
                    results.add(PushResult.rejected(pe.eventId(), known.rejection()));
                } else {
                    results.add(PushResult.duplicate(pe.eventId(), known.ledgerSeq(), List.of()));
                }
                continue;
            }
            if (pe.deviceSeq() != expected) {
                return ProblemDetail.sequenceGap(
                        expected, "expected deviceSeq " + expected + ", got " + pe.deviceSeq());
            }
            expected++;
            PushError rejection = null;
            if (!pe.valid()) {
                rejection = pe.event().firstProblem().under(pe.path()).toPushError();
            } else if (isPoison(pe.event().value())) {
                rejection = new PushError(
                        "UNKNOWN_LOCATION",
                        "location " + POISON_LOCATION + " is not in master data",
                        pe.path() + ".payload.to");
            }
            if (rejection != null) {
                staged.put(pe.eventId(), new Stored(pe.eventId(), device, pe.deviceSeq(), canonical, null, rejection));
                results.add(PushResult.rejected(pe.eventId(), rejection));
            } else {
                staged.put(pe.eventId(), new Stored(pe.eventId(), device, pe.deviceSeq(), canonical, ++seq, null));
                List<Flag> flags = pe.deviceSeq() % 7 == 0 ? List.of(Flag.NEGATIVE_BALANCE) : List.of();
                results.add(PushResult.stored(pe.eventId(), seq, flags));
            }
        }
        byEventId.putAll(staged);
        expectedSeq.put(device, expected);
        ledgerSeq = seq;
        return new PushResponse(results, expected - 1, Instant.parse("2026-11-25T08:15:03.001Z"));
    }

    private static boolean isPoison(Event e) {
        return e.payload() instanceof Move m && m.to().value().equals(POISON_LOCATION);
    }

    /** The server "restores a backup": events of the device from {@code seq} on are gone. */
    synchronized void forgetFrom(DeviceId device, long seq) {
        byEventId.values().removeIf(s -> s.deviceId().equals(device) && s.deviceSeq() >= seq);
        expectedSeq.put(device, Math.min(seq, expectedSeq.getOrDefault(device, 1L))); // a backup is never ahead
    }

    /** Stored (ACCEPTED/FLAGGED) events of a device, by deviceSeq. */
    synchronized List<Stored> ledger(DeviceId device) {
        return byEventId.values().stream()
                .filter(s -> s.deviceId().equals(device) && s.ledgerSeq() != null)
                .sorted((a, b) -> Long.compare(a.deviceSeq(), b.deviceSeq()))
                .toList();
    }

    /** Remembered rejections of a device. */
    synchronized List<Stored> rejections(DeviceId device) {
        return byEventId.values().stream()
                .filter(s -> s.deviceId().equals(device) && s.rejection() != null)
                .toList();
    }

    synchronized Set<EventId> eventIds() {
        return Set.copyOf(byEventId.keySet());
    }

    static MockResponse json(int code, Object body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(new String(WireJson.write(body), java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }

    static MockResponse problem(ProblemDetail p) {
        return new MockResponse.Builder()
                .code(p.status())
                .addHeader("Content-Type", ProblemDetail.MEDIA_TYPE)
                .body(new String(WireJson.write(p), java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }

    static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
