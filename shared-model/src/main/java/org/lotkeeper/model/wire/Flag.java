package org.lotkeeper.model.wire;

/**
 * Why a stored event raised an exception for a supervisor (docs/DOMAIN.md). A flagged event is stored;
 * only the push result's status says FLAGGED.
 */
public enum Flag {
    /** A lot's balance at a location would go below zero. */
    NEGATIVE_BALANCE,
    /** Picked, shipped or consumed while not available (status, expiry, location). */
    LOT_NOT_AVAILABLE,
    /** Another lot than the FEFO suggestion was picked (the event carries the reason). */
    FEFO_DEVIATION,
    /** A movement names a lot that was never received or produced. */
    UNKNOWN_LOT,
    /** A count differs from the ledger; becomes an ADJUST only after approval. */
    COUNT_VARIANCE,
    /**
     * More of a known lot was received with another supplier lot or expiry than the lot holds: two
     * supplier batches under one internal lot code (a reused or double-printed label) — QA decides.
     */
    RECEIPT_MISMATCH,
    /** A test result of the lot is outside its specification's limits; a released lot goes on hold. */
    OUT_OF_SPECIFICATION,
    /**
     * A batch was dosed by a potency other than the input lot's current one (its assay changed
     * after the device last pulled, or the device dosed a lot the server knows no potency of).
     */
    POTENCY_DIFFERS,
    /** The event's device time is more than 5 minutes in the server's future. */
    CLOCK_SKEW
}
