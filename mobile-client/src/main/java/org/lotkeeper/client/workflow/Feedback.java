package org.lotkeeper.client.workflow;

import java.util.List;
import java.util.Objects;

/**
 * The answer to the last scan or action.
 *
 * @param tone     GOOD or ERROR
 * @param message  one or more sentences for the operator; an ERROR always says what to do
 * @param captured the events this scan or action stored durably (empty when none)
 */
public record Feedback(Tone tone, String message, List<CapturedEvent> captured) {

    public Feedback {
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(message, "message");
        captured = List.copyOf(captured);
    }

    static Feedback good(String message) {
        return new Feedback(Tone.GOOD, message, List.of());
    }

    static Feedback error(String message) {
        return new Feedback(Tone.ERROR, message, List.of());
    }

    /** Whether the tone is ERROR. */
    public boolean isError() {
        return tone == Tone.ERROR;
    }
}
