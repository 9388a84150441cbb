package org.lotkeeper.model.id;

/**
 * An identifier that breaks its own rules. {@link #reason()} is a stable code for machines
 * (problem+json, device messages); the message is a sentence for people.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {

    /** Why an identifier was refused. */
    public enum Reason {
        EMPTY,
        TOO_SHORT,
        TOO_LONG,
        BAD_LENGTH,
        BAD_CHARACTER,
        CHECK_DIGIT,
        BAD_FORMAT
    }

    private final String kind;
    private final Reason reason;
    private final int position;

    public InvalidIdentifierException(String kind, Reason reason, int position, String message) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.position = position;
    }

    /** What was being parsed, e.g. "GTIN" or "lot code". */
    public String kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }

    /** Zero-based position of the offending character, or -1 when the whole value is at fault. */
    public int position() {
        return position;
    }
}
