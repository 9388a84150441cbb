package org.lotkeeper.model.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.lot.LotRef;

/**
 * One event as captured: the envelope of docs/PROTOCOL.md around a typed payload. The wire field
 * {@code type} is not stored separately: it is {@link #type()}, the payload's type, so the two can
 * never disagree.
 *
 * @param eventId    the event's identity, made on the device when the scan was captured
 * @param deviceSeq  the device's gapless sequence number, 1 or more; null for an event made on
 *                   the server (a console action), which has no device sequence
 * @param occurredAt device time of capture, within {@link EventBounds}; truncated to milliseconds
 * @param userId     the user who captured it
 * @param site       the site it happened at
 * @param payload    what happened
 */
public record Event(
        EventId eventId, Long deviceSeq, Instant occurredAt, UserId userId, SiteCode site, EventPayload payload) {

    /** Checks the invariants and truncates {@code occurredAt} to milliseconds. */
    public Event {
        Objects.requireNonNull(eventId, "eventId is required");
        if (deviceSeq != null && deviceSeq < 1) {
            throw new IllegalArgumentException("deviceSeq must be 1 or more, not " + deviceSeq);
        }
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        if (!EventBounds.isAllowedOccurredAt(occurredAt)) {
            throw new IllegalArgumentException(
                    "occurredAt " + occurredAt + " lies outside " + EventBounds.describeOccurredAt());
        }
        Objects.requireNonNull(userId, "userId is required");
        Objects.requireNonNull(site, "site is required");
        Objects.requireNonNull(payload, "payload is required");
    }

    /** The event type, from the payload. */
    public EventType type() {
        return payload.type();
    }

    /** The lots the event touches; see {@link EventPayload#lots()}. */
    public List<LotRef> lots() {
        return payload.lots();
    }

    /** The master-data codes the event's payload names, with their paths; see {@link EventPayload#codes()}. */
    public List<CodeRef> codes() {
        return payload.codes();
    }
}
