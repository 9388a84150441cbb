package org.lotkeeper.client.workflow;

import java.util.Optional;

/**
 * A command a workflow cannot use; the message is the ERROR sentence for the operator, and
 * {@code blocked} the lot that must not be used when that is why.
 */
final class Refusal extends RuntimeException {

    private final transient Blocked blocked;

    Refusal(String message) {
        this(message, null);
    }

    Refusal(String message, Blocked blocked) {
        super(message, null, false, false);
        this.blocked = blocked;
    }

    Optional<Blocked> blocked() {
        return Optional.ofNullable(blocked);
    }
}
