package org.lotkeeper.model.wire;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.DeviceId;

/**
 * A push as a device sends it: {@code POST /api/v1/sync/push}. The server reads pushes with
 * {@link PushRequestReader}, which keeps one bad event from failing the others; this record is
 * the device's (writing) side and for tools.
 *
 * @param deviceId the device
 * @param events   at most {@value #MAX_EVENTS} events, in deviceSeq order
 */
public record PushRequest(DeviceId deviceId, List<Event> events) {

    /** Most events in one push. */
    public static final int MAX_EVENTS = 1_000;

    /** Checks the invariants; copies the list. */
    public PushRequest {
        Objects.requireNonNull(deviceId, "deviceId is required");
        events = List.copyOf(Objects.requireNonNull(events, "events is required"));
        if (events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a push holds at most " + MAX_EVENTS + " events, not " + events.size());
        }
        for (Event e : events) {
            if (e.deviceSeq() == null) {
                throw new IllegalArgumentException("event " + e.eventId() + " has no deviceSeq");
            }
        }
    }
}
