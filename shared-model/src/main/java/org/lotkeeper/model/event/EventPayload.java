package org.lotkeeper.model.event;

import java.util.List;

import org.lotkeeper.model.lot.LotRef;

/**
 * What an event says happened, one record per {@link EventType} with exactly the payload fields of
 * PROTOCOL.md. Optional fields are nullable components (documented per record); lists are
 * immutable and never null. Every record checks its own invariants, so a payload that exists is
 * well formed: quantities are positive, except {@link Count#counted()} (zero or more) and
 * {@link Adjust#delta()} (non-zero, signed).
 */
public sealed interface EventPayload
        permits Receive, Move, Pick, Count, Ship, Transform, StatusChange, Return, Adjust, Pack, Unpack {

    /** The event type this payload belongs to. */
    EventType type();

    /**
     * The lots this payload touches, each once, in the order they appear in the payload (for a
     * TRANSFORM: inputs, then outputs). A RECEIVE's supplier lot is not one of them: it is an
     * attribute of the received lot.
     */
    default List<LotRef> lots() {
        return EventReferences.lots(this);
    }

    /**
     * Every master-data code this payload names (items, locations, partners), with the field path
     * relative to the event (e.g. {@code payload.inputs[1].item}), in payload order. The server
     * checks them against master data and reports an unknown one at its path.
     */
    default List<CodeRef> codes() {
        return EventReferences.codes(this);
    }
}
