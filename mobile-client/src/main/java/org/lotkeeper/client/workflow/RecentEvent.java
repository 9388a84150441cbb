package org.lotkeeper.client.workflow;

import java.time.Instant;
import java.util.Objects;

import org.lotkeeper.model.event.EventType;

/**
 * One event of a lot as the device knows it, for the lookup screen.
 *
 * @param type       what happened
 * @param occurredAt when
 * @param summary    one line for people, e.g. "MOVE 1000 KGM RCV-DOCK-1 → WH-A-01 (ben)"
 */
public record RecentEvent(EventType type, Instant occurredAt, String summary) {

    public RecentEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(summary, "summary");
    }
}
