package org.lotkeeper.model.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a push: one result per event, in request order.
 *
 * @param results         the results
 * @param ackedThroughSeq the device's highest {@code deviceSeq} the server has dealt with (stored
 *                        or rejected) with no gap before it; 0 when none
 * @param serverTime      the server's clock, so the device can show its skew
 */
public record PushResponse(List<PushResult> results, long ackedThroughSeq, Instant serverTime) {

    /** Checks the invariants; copies the list. */
    public PushResponse {
        results = results == null ? List.of() : List.copyOf(results);
        if (ackedThroughSeq < 0) {
            throw new IllegalArgumentException("ackedThroughSeq must be 0 or more");
        }
        Objects.requireNonNull(serverTime, "serverTime is required");
    }
}
