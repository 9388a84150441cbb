package org.lotkeeper.model.quantity;

/** A quantity that cannot be made or converted as asked. The message is a sentence for people. */
public final class InvalidQuantityException extends IllegalArgumentException {

    /** Why. */
    public enum Reason {
        BAD_NUMBER,
        TOO_LARGE,
        TOO_PRECISE,
        UNKNOWN_UNIT,
        WRONG_DIMENSION,
        INEXACT,
        NOT_POSITIVE
    }

    private final Reason reason;

    public InvalidQuantityException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
