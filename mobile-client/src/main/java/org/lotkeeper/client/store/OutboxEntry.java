package org.lotkeeper.client.store;

import java.time.Instant;
import java.util.List;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.model.wire.PushError;

/**
 * One event in the outbox with the server's answer.
 *
 * @param event              the event as captured (eventId, deviceSeq, payload …)
 * @param state              where it stands
 * @param capturedAt         when it was committed on the device
 * @param answeredAt         when the server's answer was recorded, or null
 * @param ledgerSeq          its place in the server's ledger, or null
 * @param flags              the flags the server raised; empty when none
 * @param error              why the server rejected it, or null
 * @param attentionClearedAt when a user dealt with a rejection, or null
 */
public record OutboxEntry(
        Event event,
        OutboxState state,
        Instant capturedAt,
        Instant answeredAt,
        Long ledgerSeq,
        List<Flag> flags,
        PushError error,
        Instant attentionClearedAt) {

    public OutboxEntry {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public long deviceSeq() {
        return event.deviceSeq();
    }

    /** A rejection no user has dealt with yet. */
    public boolean needsAttention() {
        return state == OutboxState.REJECTED && attentionClearedAt == null;
    }
}
