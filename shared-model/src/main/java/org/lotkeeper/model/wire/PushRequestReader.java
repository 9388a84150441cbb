package org.lotkeeper.model.wire;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.wire.JsonFields.Problems;

/**
 * Reads {@code POST /api/v1/sync/push} bodies the way docs/PROTOCOL.md wants them answered: a broken
 * request envelope fails the whole request (the server answers 400 with the first problem); a
 * broken event makes only that event REJECTED.
 *
 * <p>The request envelope is read strictly: the body is a JSON object (else
 * {@code MALFORMED_JSON}/{@code WRONG_TYPE}), {@code deviceId} is a valid device id, {@code events}
 * is an array of at most {@value PushRequest#MAX_EVENTS} objects, each with a valid
 * {@code eventId} and a {@code deviceSeq} ≥ 1. Without those the server could not remember a
 * rejection (eventId, seq, reason), so they cannot be per-event errors.
 *
 * <p>The rest of each event is read with {@link EventJson}. What happens to a problem in the
 * other envelope fields of an event ({@code type}, {@code occurredAt}, {@code userId},
 * {@code site}) is a policy, {@link EventEnvelopeErrors}: by default the event is REJECTED like a
 * payload error, so one bad event never blocks a device's whole outbox.
 */
public final class PushRequestReader {

    /** What a problem in an event's {@code type}, {@code occurredAt}, {@code userId} or {@code site} does. */
    public enum EventEnvelopeErrors {
        /** Only that event is REJECTED (the default). */
        REJECT_EVENT,
        /**
         * The whole request fails (400), reading docs/PROTOCOL.md's "unknown enum values outside an
         * event's payload → 400" literally.
         */
        REJECT_REQUEST
    }

    private PushRequestReader() {}

    /** Reads a push body with the default policy {@link EventEnvelopeErrors#REJECT_EVENT}. */
    public static Decoded<PushBatch> read(byte[] body) {
        return read(body, EventEnvelopeErrors.REJECT_EVENT);
    }

    /**
     * Reads a push body (already un-gzipped). Never throws for bad input.
     *
     * @return the batch, or the request-level problems (answer 400 with the first)
     */
    public static Decoded<PushBatch> read(byte[] body, EventEnvelopeErrors policy) {
        Decoded<JsonNode> tree = EventJson.parse(body);
        return tree.isOk() ? read(tree.value(), policy) : Decoded.failed(tree.problems());
    }

    /** Reads an already parsed push body. */
    public static Decoded<PushBatch> read(JsonNode body, EventEnvelopeErrors policy) {
        Problems problems = new Problems();
        JsonFields request = JsonFields.of(body, "", "the push request", problems);
        if (request == null) {
            return Decoded.failed(problems.list());
        }
        DeviceId deviceId = request.code("deviceId", true, DeviceId::new);
        JsonNode events = request.get("events", true);
        if (events != null && !events.isArray()) {
            problems.add(
                    ErrorCode.WRONG_TYPE, "events", "events must be a JSON array, not " + JsonFields.describe(events));
        } else if (events != null && events.size() > PushRequest.MAX_EVENTS) {
            problems.add(
                    ErrorCode.TOO_LONG,
                    "events",
                    "a push holds at most " + PushRequest.MAX_EVENTS + " events, not " + events.size());
        }
        if (!problems.isEmpty()) {
            return Decoded.failed(problems.list());
        }
        List<PushedEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            String at = "events[" + i + "]";
            JsonNode raw = events.get(i);
            JsonFields ids = JsonFields.of(raw, at, at, problems);
            if (ids == null) {
                continue;
            }
            EventId eventId = ids.code("eventId", true, EventId::parse);
            Long deviceSeq = ids.positiveLong("deviceSeq", true);
            if (eventId == null || deviceSeq == null) {
                continue;
            }
            Decoded<Event> event = EventJson.read(raw, at);
            if (!event.isOk() && policy == EventEnvelopeErrors.REJECT_REQUEST) {
                String payload = at + ".payload";
                event.problems().stream()
                        .filter(p -> p.field() == null
                                || !(p.field().equals(payload) || p.field().startsWith(payload + ".")))
                        .forEach(p -> problems.add(p.code(), p.field(), p.detail()));
            }
            out.add(new PushedEvent(i, eventId, deviceSeq, event, raw));
        }
        if (!problems.isEmpty()) {
            return Decoded.failed(problems.list());
        }
        return Decoded.ok(new PushBatch(deviceId, out));
    }
}
