package org.lotkeeper.model.gs1;

import java.util.Optional;

/**
 * A scan that is not a valid GS1 barcode. {@link #reason()} is a stable code for machines;
 * {@link #position()} is the zero-based index in the text exactly as it was scanned (symbology
 * identifier included); the message is one sentence for the operator that says what is wrong and
 * what to do. The decoder throws nothing else, whatever the input.
 */
public final class Gs1Exception extends IllegalArgumentException {

    /** Why a scan was refused. */
    public enum Reason {
        /** Nothing was scanned. */
        EMPTY,
        /** A barcode of another kind (plain Code 128, QR with text …), not GS1 data. */
        NOT_GS1,
        /** An Application Identifier Lotkeeper does not know (or that does not exist). */
        UNKNOWN_AI,
        /** A character outside what the field allows (digits, GS1 set 82), or a control character. */
        BAD_CHARACTER,
        /** A field (or the whole scan) is shorter than its format. */
        TOO_SHORT,
        /** A field (or the whole scan) is longer than its format. */
        TOO_LONG,
        /** A field that needs a separator (GS) after it is followed directly by more data. */
        MISSING_SEPARATOR,
        /** A mod-10 check digit is wrong. */
        CHECK_DIGIT,
        /** A date (or date and time) that does not exist. */
        INVALID_DATE,
        /** The same AI twice with different values. */
        DUPLICATE_AI,
        /** Two AIs that may not appear together (01 with 02, 01 with 37). */
        FORBIDDEN_PAIR,
        /** An AI without the AI it requires (02 needs 37, 10/21 need 01 or 02 …). */
        MISSING_PAIR,
        /** A GS1 Digital Link URI that breaks the URI syntax. */
        BAD_URI
    }

    private final Reason reason;
    private final int position;
    private final String ai;

    Gs1Exception(Reason reason, int position, String ai, String message) {
        super(message);
        this.reason = reason;
        this.position = position;
        this.ai = ai;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Zero-based index in the original scanned text where the problem was found; for pair rules,
     * the position of the AI at fault; -1 when there is no scanned text (data built in code).
     */
    public int position() {
        return position;
    }

    /** The AI concerned, when there is one. */
    public Optional<String> ai() {
        return Optional.ofNullable(ai);
    }

    /** The reason, position and AI with the message, for logs: {@code CHECK_DIGIT at 15, AI 01: …}. */
    public String describe() {
        return reason + " at " + position + (ai == null ? "" : ", AI " + ai) + ": " + getMessage();
    }
}
