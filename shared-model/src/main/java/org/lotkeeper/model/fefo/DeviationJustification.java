package org.lotkeeper.model.fefo;

import org.lotkeeper.model.event.DeviationReason;

/**
 * Whether a FEFO deviation carries an acceptable justification (docs/DOMAIN.md): a reason code is
 * required, and {@link DeviationReason#OTHER} also needs a note that is not blank.
 */
public enum DeviationJustification {
    /** A reason is given (with a note when the reason is OTHER). */
    ACCEPTED("The reason is recorded with the pick."),
    /** No reason code was given. */
    REASON_MISSING("This is not the FEFO lot: choose why you take it (damaged packaging, not at location, "
            + "customer request, supervisor instruction, other)."),
    /** The reason is OTHER but the note is missing or blank. */
    NOTE_MISSING("Reason OTHER needs a note saying why you take this lot.");

    private final String message;

    DeviationJustification(String message) {
        this.message = message;
    }

    /**
     * Judges the reason and note a picker gave for a deviation.
     *
     * @param reason the reason code, or {@code null} when none was chosen
     * @param note   the free-text note, or {@code null}
     */
    public static DeviationJustification of(DeviationReason reason, String note) {
        if (reason == null) {
            return REASON_MISSING;
        }
        if (reason == DeviationReason.OTHER && (note == null || note.isBlank())) {
            return NOTE_MISSING;
        }
        return ACCEPTED;
    }

    /** The pick may be confirmed with this justification. */
    public boolean isAccepted() {
        return this == ACCEPTED;
    }

    /** A sentence for the picker. */
    public String message() {
        return message;
    }
}
