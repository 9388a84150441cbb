package org.lotkeeper.model.event;

/**
 * A business reference or free text that breaks its rules (see {@link Texts}). {@link #reason()}
 * is a stable code for machines; the message is a sentence for people and never repeats the
 * offending text.
 */
public final class InvalidTextException extends IllegalArgumentException {

    /** Why the text was refused. */
    public enum Reason {
        EMPTY,
        TOO_LONG,
        BAD_CHARACTER
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message a sentence for people
     */
    public InvalidTextException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The stable reason code. */
    public Reason reason() {
        return reason;
    }
}
