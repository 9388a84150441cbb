package org.lotkeeper.client.workflow;

import java.util.Optional;

import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.wire.PinCheck;

/**
 * Asks the server whether a keyed PIN is right, when the device can reach it (docs/SECURITY.md,
 * "PINs"): the server's answer wins over the verifier on the device, and the server writes the
 * sign-in into its audit chain. Offline, the device checks its verifier alone.
 */
@FunctionalInterface
public interface OnlinePinCheck {

    /** The server's answer, or empty when it cannot be asked now (offline, not enrolled, no answer). */
    Optional<PinCheck.Result> check(UserId user, String pin);

    /** Never asks: every check is offline. */
    static OnlinePinCheck offline() {
        return (user, pin) -> Optional.empty();
    }
}
