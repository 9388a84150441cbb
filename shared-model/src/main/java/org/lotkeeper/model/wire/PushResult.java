package org.lotkeeper.model.wire;

import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.id.EventId;

/**
 * The answer for one pushed event. Stored events (ACCEPTED, FLAGGED, DUPLICATE) have a ledger
 * sequence and flags (FLAGGED: at least one); a REJECTED one has an error instead. On the wire a
 * REJECTED result has no {@code ledgerSeq} and no {@code flags}, as docs/PROTOCOL.md shows.
 *
 * @param eventId   the event
 * @param status    what happened
 * @param ledgerSeq its position in the ledger (for DUPLICATE: the original one), or null when rejected
 * @param flags     the flags raised (for DUPLICATE: the original ones); never null
 * @param error     why it was rejected, or null
 */
public record PushResult(EventId eventId, PushStatus status, Long ledgerSeq, List<Flag> flags, PushError error) {

    /** Checks the invariants; flags that this client does not know (read as null) are dropped. */
    public PushResult {
        Objects.requireNonNull(eventId, "eventId is required");
        Objects.requireNonNull(status, "status is required");
        flags = flags == null
                ? List.of()
                : flags.stream().filter(Objects::nonNull).toList();
        if (status == PushStatus.REJECTED) {
            Objects.requireNonNull(error, "a REJECTED result needs an error");
        } else {
            Objects.requireNonNull(ledgerSeq, "a stored result needs a ledgerSeq");
            if (status == PushStatus.FLAGGED && flags.isEmpty()) {
                throw new IllegalArgumentException("a FLAGGED result needs at least one flag");
            }
        }
    }

    /** Stored: ACCEPTED without flags, FLAGGED with. */
    public static PushResult stored(EventId eventId, long ledgerSeq, List<Flag> flags) {
        return new PushResult(
                eventId, flags.isEmpty() ? PushStatus.ACCEPTED : PushStatus.FLAGGED, ledgerSeq, flags, null);
    }

    /** Already stored with the same content. */
    public static PushResult duplicate(EventId eventId, long originalLedgerSeq, List<Flag> originalFlags) {
        return new PushResult(eventId, PushStatus.DUPLICATE, originalLedgerSeq, originalFlags, null);
    }

    /** Not stored. */
    public static PushResult rejected(EventId eventId, PushError error) {
        return new PushResult(eventId, PushStatus.REJECTED, null, List.of(), error);
    }

    /** Not stored, for a validation problem. */
    public static PushResult rejected(EventId eventId, FieldProblem problem) {
        return rejected(eventId, problem.toPushError());
    }
}
