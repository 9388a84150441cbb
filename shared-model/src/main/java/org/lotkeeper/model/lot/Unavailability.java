package org.lotkeeper.model.lot;

import java.util.Objects;

/**
 * One reason stock is unavailable.
 *
 * @param reason  the stable code
 * @param message a sentence for the operator holding the scanner, saying what to do
 */
public record Unavailability(UnavailableReason reason, String message) {

    public Unavailability {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
