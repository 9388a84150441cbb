package org.lotkeeper.client.workflow;

import java.util.Optional;

/**
 * A command a workflow cannot use; the message is the ERROR sentence for the operator, and
 * {@code blocked} the lot that must not be used when that is why.
 */
final class Refusal extends RuntimeException {

    private final transient Blocked blocked;
    private final boolean missingOnDevice;

    Refusal(String message) {
        this(message, null);
    }

    Refusal(String message, Blocked blocked) {
        this(message, blocked, false);
    }

    private Refusal(String message, Blocked blocked, boolean missingOnDevice) {
        super(message, null, false, false);
        this.blocked = blocked;
        this.missingOnDevice = missingOnDevice;
    }

    /**
     * A refusal because something scanned is not on this device yet (an item, a location, a task, a
     * user): the message says "sync the device", and the screen offers {@link UiAction#SYNC}.
     */
    static Refusal missingOnDevice(String message) {
        return new Refusal(message, null, true);
    }

    boolean missingOnDevice() {
        return missingOnDevice;
    }

    Optional<Blocked> blocked() {
        return Optional.ofNullable(blocked);
    }
}
