package org.lotkeeper.client.workflow;

import java.util.Objects;

import org.lotkeeper.model.id.EventId;

/**
 * An event the store committed.
 *
 * @param eventId   the id it was given
 * @param deviceSeq its place in the device's sequence
 */
public record CapturedEvent(EventId eventId, long deviceSeq) {

    public CapturedEvent {
        Objects.requireNonNull(eventId, "eventId");
        if (deviceSeq < 1) {
            throw new IllegalArgumentException("deviceSeq starts at 1, not " + deviceSeq);
        }
    }
}
