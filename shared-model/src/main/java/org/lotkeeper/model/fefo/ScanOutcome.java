package org.lotkeeper.model.fefo;

/** The verdict on a scanned lot for an order line. */
public enum ScanOutcome {
    /**
     * The lot is available and no other available lot expires strictly earlier: it is the FEFO
     * lot or as good as it (same expiry, or both without expiry).
     */
    FEFO_OK,
    /**
     * The lot is available, but another available lot expires strictly earlier. The pick is
     * allowed only with a {@link DeviationJustification#isAccepted() justified} reason and is
     * recorded (and flagged FEFO_DEVIATION on the server).
     */
    DEVIATION,
    /** The lot may not be picked for this line (unavailable or of another item); error tone. */
    BLOCKED
}
