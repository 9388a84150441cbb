package org.lotkeeper.model.wire;

import java.time.Instant;

/**
 * The online PIN check (docs/PROTOCOL.md, "PIN check"): a device that reaches its server asks it
 * whether a user's PIN is right, and the server records the sign-in in its audit chain.
 */
public final class PinCheck {

    private PinCheck() {}

    /** What the device sends: who keyed the PIN, and the PIN. */
    public record Request(String userId, String pin) {}

    /** What the server found. */
    public enum Result {
        /** The PIN is the user's: sign in. */
        OK,
        /** Wrong, or the user may not sign in on this device. */
        WRONG,
        /** Too many wrong PINs for this user on this device: wait, or ask a supervisor to unlock. */
        LOCKED
    }

    /** The server's answer; {@code lockedUntil} only when locked. */
    public record Response(Result result, Instant lockedUntil) {}
}
