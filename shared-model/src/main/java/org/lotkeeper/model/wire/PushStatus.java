package org.lotkeeper.model.wire;

/** What the server did with one pushed event. */
public enum PushStatus {
    /** Stored, no rule broken. */
    ACCEPTED,
    /** Stored, with flags for a supervisor. */
    FLAGGED,
    /** Already stored with the same content; the original ledger sequence and flags are returned. */
    DUPLICATE,
    /** Not stored; the error says why. The device keeps the event for attention. */
    REJECTED;

    /** True when the event is in the ledger (ACCEPTED, FLAGGED, DUPLICATE). */
    public boolean stored() {
        return this != REJECTED;
    }
}
