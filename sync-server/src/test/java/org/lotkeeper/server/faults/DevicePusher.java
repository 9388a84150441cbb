package org.lotkeeper.server.faults;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device's outbox drained the way the handheld does it: batches in deviceSeq order, the same
 * batch again after any failure, resuming from the server's {@code ackedThroughSeq}; on a 409
 * {@code SEQUENCE_GAP} (the server lost events it had acknowledged: a restore, a failover to a
 * standby that lagged) it resends from the server's {@code expectedSeq}, as the handheld's sync
 * engine does.
 */
final class DevicePusher {

    private final String[] device;
    private final List<ObjectNode> events;
    private final int batchSize;
    private final Supplier<URI> pushUri;
    /** eventId → every status the server answered for it. */
    final Map<String, List<String>> answers = new ConcurrentHashMap<>();

    volatile int acked;
    int failures;
    /** Answers 503 with a {@code Retry-After}. */
    int unavailable;
    /** Events sent again because the server asked from an earlier {@code expectedSeq}. */
    int resent;

    DevicePusher(String[] device, List<ObjectNode> events, int batchSize, Supplier<URI> pushUri) {
        this.device = device;
        this.events = events;
        this.batchSize = batchSize;
        this.pushUri = pushUri;
    }

    /** Waits until the devices have {@code events} acknowledged in all (two minutes at most). */
    static void awaitAcknowledged(List<DevicePusher> pushers, int events) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (pushers.stream().mapToInt(p -> p.acked).sum() < events) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the load stalled at "
                        + pushers.stream().mapToInt(p -> p.acked).sum() + " acknowledged events");
            }
            Thread.sleep(20);
        }
    }

    /** Pushes the device's first event to {@code uri} once: the answer as it came. */
    java.net.http.HttpResponse<String> pushFirst(URI uri) throws IOException, InterruptedException {
        return Client.send(uri, "POST", device[1], Client.pushBody(device[0], events.subList(0, 1)));
    }

    /** Pushes until every event is acknowledged or the deadline passes. */
    DevicePusher drain(long deadlineMillis, Random random) throws InterruptedException {
        return drainTo(events.size(), deadlineMillis, random);
    }

    /** Pushes until the first {@code upTo} events are acknowledged or the deadline passes. */
    DevicePusher drainTo(int upTo, long deadlineMillis, Random random) throws InterruptedException {
        long deadline = System.currentTimeMillis() + deadlineMillis;
        while (acked < upTo) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("outbox not drained: acked " + acked + " of " + events.size()
                        + " after " + failures + " failures");
            }
            List<ObjectNode> batch = events.subList(acked, Math.min(upTo, acked + 1 + random.nextInt(batchSize)));
            try {
                JsonNode answer = Client.call(pushUri.get(), "POST", device[1], Client.pushBody(device[0], batch));
                for (JsonNode r : answer.get("results")) {
                    answers.computeIfAbsent(
                                    r.get("eventId").asText(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                            .add(r.get("status").asText());
                }
                acked = Math.max(acked, answer.get("ackedThroughSeq").asInt());
            } catch (Client.Refusal e) {
                failures++;
                if (e.status == 503 && e.retryAfter != null) {
                    unavailable++;
                }
                JsonNode expected = e.problem("expectedSeq");
                if (e.status == 409 && expected.canConvertToInt() && expected.asInt() - 1 < acked) {
                    resent += acked - (expected.asInt() - 1);
                    acked = expected.asInt() - 1;
                }
                Thread.sleep(50 + random.nextInt(100));
            } catch (IOException e) {
                failures++;
                Thread.sleep(50 + random.nextInt(100));
            }
        }
        return this;
    }
}
