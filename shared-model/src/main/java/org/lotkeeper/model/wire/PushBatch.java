package org.lotkeeper.model.wire;

import java.util.List;

import org.lotkeeper.model.id.DeviceId;

/**
 * A push request whose envelope was read: the device, and every event with its identity and its
 * content or problems, in request order.
 *
 * @param deviceId the device named in the body (the server checks it against the token)
 * @param events   the events
 */
public record PushBatch(DeviceId deviceId, List<PushedEvent> events) {

    /** Copies the list. */
    public PushBatch {
        events = List.copyOf(events);
    }
}
