package org.lotkeeper.model.lot;

/** How the ledger first came to know a lot (docs/DOMAIN.md, "Lots"). */
public enum LotOrigin {
    /** A RECEIVE from a supplier created it. */
    RECEIVED,
    /** A TRANSFORM's output created it. */
    PRODUCED,
    /**
     * A movement named it before any receipt or production did (flagged UNKNOWN_LOT); a later
     * RECEIVE turns it into RECEIVED.
     */
    UNKNOWN
}
