package org.lotkeeper.model.wire;

import java.util.Objects;

/**
 * One thing wrong with input, at a field path.
 *
 * @param code   the stable code
 * @param field  the path of the field, like {@code events[3].payload.quantity.value} or
 *               {@code payload.inputs[1].lot}; null when the whole input is at fault
 * @param detail a sentence for people, at most 400 characters, without control characters (they
 *               are shown as {@code \\uXXXX}). It may quote short parts of the input (a lot code
 *               may hold {@code < > & " '}): escape it wherever it is shown
 */
public record FieldProblem(ErrorCode code, String field, String detail) {

    /** Code and detail are required. */
    public FieldProblem {
        Objects.requireNonNull(code, "code");
        detail = Show.clean(Objects.requireNonNull(detail, "detail"));
    }

    /** The same problem with {@code prefix} put in front of its path ({@code events[3]}). */
    public FieldProblem under(String prefix) {
        return new FieldProblem(code, Paths.join(prefix, field), detail);
    }

    /** As a push result's error. */
    public PushError toPushError() {
        return new PushError(code.name(), detail, field);
    }

    @Override
    public String toString() {
        return code + (field == null ? "" : " at " + field) + ": " + detail;
    }
}
