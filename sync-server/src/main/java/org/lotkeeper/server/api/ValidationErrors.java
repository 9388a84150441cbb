package org.lotkeeper.server.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.lotkeeper.model.wire.ErrorCode;

/**
 * Collects every problem of a request before anything is stored, then refuses it whole (400): the
 * answer's {@code code}, {@code detail} and {@code field} are the first problem's, and
 * {@code errors} lists all of them (at most {@value #MAX}).
 */
public final class ValidationErrors {

    /** One problem: where, why, and on which line of an uploaded file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String field, ErrorCode code, String detail, Integer line) {}

    static final int MAX = 200;
    private final List<Problem> errors = new ArrayList<>();
    private int total;

    public void add(String field, ErrorCode code, String detail) {
        add(new Problem(field, code, detail, null));
    }

    /** Adds a line-numbered problem (CSV uploads). */
    public void add(int line, String field, ErrorCode code, String detail) {
        add(new Problem(field, code, "line " + line + ": " + detail, line));
    }

    private void add(Problem p) {
        total++;
        if (errors.size() < MAX) {
            errors.add(p);
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public int size() {
        return total;
    }

    /** The problems of a refusal this class made, for re-mapping (a CSV's line numbers); empty for any other. */
    @SuppressWarnings("unchecked")
    public static List<Problem> of(Refused refused) {
        return refused.extra().get("errors") instanceof List<?> list ? (List<Problem>) list : List.of();
    }

    public void throwIfAny() {
        if (total == 0) {
            return;
        }
        Problem first = errors.get(0);
        String detail = first.detail();
        if (total > 1) {
            detail += " (and " + (total - 1) + " more problem" + (total > 2 ? "s" : "") + ")";
        }
        throw Refused.invalid(first.code(), detail, first.field()).with("errors", List.copyOf(errors));
    }
}
