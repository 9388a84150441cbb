package org.lotkeeper.model.event;

import java.util.List;
import java.util.Optional;

import org.lotkeeper.model.id.Sscc;
import org.lotkeeper.model.lot.LotRef;

/**
 * What an event says happened, one record per {@link EventType} with exactly the payload fields of
 * docs/PROTOCOL.md. Optional fields are nullable components (documented per record); lists are
 * immutable and never null. Every record checks its own invariants, so a payload that exists is
 * well formed: quantities are positive, except {@link Count#counted()} (zero or more) and
 * {@link Adjust#delta()} (non-zero, signed).
 */
public sealed interface EventPayload
        permits Receive,
                Move,
                Pick,
                Count,
                Ship,
                Transform,
                StatusChange,
                Return,
                Adjust,
                Pack,
                Unpack,
                Inspect,
                TransferOut,
                TransferIn {

    /** The event type this payload belongs to. */
    EventType type();

    /** Calls the visitor's method for this payload's type. */
    <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X;

    /**
     * One method per payload type: every concern that treats event types differently (projection,
     * exports, summaries, local effects) is a visitor, so a new event type breaks the build wherever
     * it is not handled.
     *
     * @param <R> what the visitor answers
     * @param <X> what it may throw ({@link RuntimeException} for none; see {@link Cases})
     */
    interface Visitor<R, X extends Exception> {
        R receive(Receive receive) throws X;

        R move(Move move) throws X;

        R pick(Pick pick) throws X;

        R count(Count count) throws X;

        R ship(Ship ship) throws X;

        R transform(Transform transform) throws X;

        R status(StatusChange status) throws X;

        R returned(Return returned) throws X;

        R adjust(Adjust adjust) throws X;

        R pack(Pack pack) throws X;

        R unpack(Unpack unpack) throws X;

        R inspect(Inspect inspect) throws X;

        R transferOut(TransferOut transfer) throws X;

        R transferIn(TransferIn transfer) throws X;
    }

    /** A visitor that throws no checked exception. */
    interface Cases<R> extends Visitor<R, RuntimeException> {}

    /**
     * The lots this payload touches, each once, in the order they appear in the payload (for a
     * TRANSFORM: inputs, then outputs). A RECEIVE's supplier lot is not one of them: it is an
     * attribute of the received lot.
     */
    default List<LotRef> lots() {
        return EventReferences.lots(this);
    }

    /** Every lot this payload names, with its field path, in payload order (a lot named twice appears twice). */
    default List<LotField> lotFields() {
        return EventReferences.lotFields(this);
    }

    /**
     * Every master-data code this payload names (items, locations, partners), with the field path
     * relative to the event (e.g. {@code payload.inputs[1].item}), in payload order. The server
     * checks them against master data and reports an unknown one at its path.
     */
    default List<CodeRef> codes() {
        return EventReferences.codes(this);
    }

    /** The container (SSCC) this payload puts goods into, moves, ships or takes goods out of; empty when none. */
    default Optional<Sscc> container() {
        return Optional.ofNullable(EventReferences.container(this));
    }
}
