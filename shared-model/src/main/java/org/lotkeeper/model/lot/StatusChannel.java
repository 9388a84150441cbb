package org.lotkeeper.model.lot;

/** Where a status change comes from. It decides which changes are possible at all. */
public enum StatusChannel {
    /**
     * An enrolled scanner or tablet, as a STATUS event pushed through sync. A device can only put
     * a lot ON_HOLD: it cannot take an electronic signature (docs/PROTOCOL.md).
     */
    DEVICE,
    /**
     * The supervisor console or the API ({@code POST /api/v1/lots/{item}/{lot}/status} and the
     * recall endpoint), where the user re-enters their password to sign.
     */
    CONSOLE
}
