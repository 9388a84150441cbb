package org.lotkeeper.model.lot;

/**
 * A lot pattern that breaks the rules of {@link LotPattern}, or a pattern that cannot produce a
 * code for the given input. {@link #reason()} is a stable code for machines; the message is a
 * sentence for the person maintaining master data (or the receiver at the dock).
 */
public final class LotNumberingException extends IllegalArgumentException {

    /** Why. */
    public enum Reason {
        /** A brace is not closed, a closing brace has no opening one, or a token is malformed. */
        SYNTAX,
        /** A {@code {...}} token the pattern language does not know. */
        UNKNOWN_TOKEN,
        /** A literal character outside GS1 set 82 (a space, say). */
        BAD_CHARACTER,
        /** The pattern has no {@code {DEV}} token. */
        MISSING_DEVICE,
        /** The pattern has no {@code {SEQ:n}} token. */
        MISSING_SEQUENCE,
        /** {@code {DEV}} or {@code {SEQ:n}} appears more than once. */
        REPEATED_TOKEN,
        /** The pattern can produce codes longer than 20 characters. */
        TOO_LONG,
        /** The sequence number does not fit the width of {@code {SEQ:n}} (or is negative). */
        SEQUENCE_EXHAUSTED
    }

    private final Reason reason;
    private final int position;

    /** A refusal with its reason, the zero-based position in the pattern (or -1) and a sentence. */
    public LotNumberingException(Reason reason, int position, String message) {
        super(message);
        this.reason = reason;
        this.position = position;
    }

    /** The stable reason code. */
    public Reason reason() {
        return reason;
    }

    /** Zero-based position in the pattern of the fault, or -1 when the whole pattern is at fault. */
    public int position() {
        return position;
    }
}
