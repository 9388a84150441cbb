package org.lotkeeper.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of a request before anything is stored, then refuses it whole: the
 * answer's {@code code}, {@code detail} and {@code field} are the first problem's, and
 * {@code errors} lists all of them (at most {@value #MAX}).
 */
public final class ValidationErrors {

    static final int MAX = 200;
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private int total;

    public void add(String field, String code, String detail) {
        total++;
        if (errors.size() < MAX) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("field", field);
            e.put("code", code);
            e.put("detail", detail);
            errors.add(e);
        }
    }

    /** Adds a line-numbered problem (CSV uploads). */
    public void add(int line, String field, String code, String detail) {
        boolean stored = errors.size() < MAX;
        add(field, code, "line " + line + ": " + detail);
        if (stored) {
            errors.get(errors.size() - 1).put("line", line);
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public int size() {
        return total;
    }

    public void throwIfAny() {
        if (total == 0) {
            return;
        }
        Map<String, Object> first = errors.get(0);
        String detail = (String) first.get("detail");
        if (total > 1) {
            detail += " (and " + (total - 1) + " more problem" + (total > 2 ? "s" : "") + ")";
        }
        throw new ApiException(400, (String) first.get("code"), detail, (String) first.get("field"))
                .with("errors", List.copyOf(errors));
    }
}
