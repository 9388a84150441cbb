package org.lotkeeper.model.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.EventId;

/**
 * One event of a push as the server reads it: its identity is always known (the request was
 * refused otherwise), its content is either a valid {@link Event} or the problems that make it
 * REJECTED.
 *
 * @param index     its position in the request's array of events
 * @param eventId   its id
 * @param deviceSeq its device sequence number
 * @param event     the event, or the problems (paths start with {@code events[index]})
 * @param raw       the event's JSON as received — for fingerprinting a rejected event with
 *                  {@link EventJson#canonicalBytes(JsonNode)}; never store it (it may hold
 *                  unknown fields)
 */
public record PushedEvent(int index, EventId eventId, long deviceSeq, Decoded<Event> event, JsonNode raw) {

    /** The path prefix of this event's fields: {@code events[3]}. */
    public String path() {
        return "events[" + index + "]";
    }

    /** True when the content is a valid event. */
    public boolean valid() {
        return event.isOk();
    }
}
