package org.lotkeeper.client.store;

import org.lotkeeper.model.wire.PushStatus;

/** Where an outbox event stands. */
public enum OutboxState {
    /** Captured, not yet answered by the server: pushed (again) by the sync engine. */
    PENDING,
    /** In the ledger, no rule broken. */
    ACCEPTED,
    /** In the ledger, with flags for a supervisor. */
    FLAGGED,
    /** The server already had it (an earlier push whose answer was lost): in the ledger. */
    DUPLICATE,
    /** Not in the ledger: the server refused it with a reason. Kept on the device for attention, never pushed again. */
    REJECTED;

    /** True when the server has the event in its ledger. */
    public boolean acknowledged() {
        return this == ACCEPTED || this == FLAGGED || this == DUPLICATE;
    }

    static OutboxState of(PushStatus status) {
        return switch (status) {
            case ACCEPTED -> ACCEPTED;
            case FLAGGED -> FLAGGED;
            case DUPLICATE -> DUPLICATE;
            case REJECTED -> REJECTED;
        };
    }
}
