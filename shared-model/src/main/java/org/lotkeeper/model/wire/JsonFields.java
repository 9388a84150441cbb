package org.lotkeeper.model.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lotkeeper.model.event.EventBounds;
import org.lotkeeper.model.event.InvalidTextException;
import org.lotkeeper.model.event.Reference;
import org.lotkeeper.model.event.Texts;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.quantity.Quantity;

/**
 * Reads the fields of one JSON object into typed values, recording a {@link FieldProblem} with
 * the field's path for everything wrong instead of throwing. A method returns null when the field
 * is absent or broken; the caller builds its record only when {@link Problems#isEmpty()}.
 */
final class JsonFields {

    /** What a quantity must be. */
    enum Sign {
        POSITIVE,
        NOT_NEGATIVE,
        NOT_ZERO
    }

    /** Longer text than this is refused before any other rule looks at it. */
    private static final int HARD_TEXT_LIMIT = 1_000;

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The problems found so far, capped so hostile input cannot make the answer huge. */
    static final class Problems {
        static final int MAX = 20;
        private final List<FieldProblem> list = new ArrayList<>();

        void add(ErrorCode code, String field, String detail) {
            if (list.size() < MAX) {
                list.add(new FieldProblem(code, field, detail));
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        List<FieldProblem> list() {
            return list;
        }
    }

    private final Problems problems;
    private final ObjectNode node;
    private final String path;

    private JsonFields(Problems problems, ObjectNode node, String path) {
        this.problems = problems;
        this.node = node;
        this.path = path;
    }

    /**
     * The fields of {@code node}; when it is not an object, records the problem at {@code path}
     * (as missing when absent or null) and returns null.
     */
    static JsonFields of(JsonNode node, String path, String what, Problems problems) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            problems.add(ErrorCode.MISSING_FIELD, nullIfEmpty(path), what + " is required");
            return null;
        }
        if (!node.isObject()) {
            problems.add(
                    ErrorCode.WRONG_TYPE, nullIfEmpty(path), what + " must be a JSON object, not " + describe(node));
            return null;
        }
        return new JsonFields(problems, (ObjectNode) node, path);
    }

    String path() {
        return path;
    }

    String path(String name) {
        return Paths.join(path, name);
    }

    Problems problems() {
        return problems;
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The field's node, or null when absent or JSON null (recorded as missing when required). */
    JsonNode get(String name, boolean required) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(ErrorCode.MISSING_FIELD, path(name), name + " is required");
            }
            return null;
        }
        return n;
    }

    /** A JSON string, at most {@link #HARD_TEXT_LIMIT} characters. */
    String string(String name, boolean required) {
        JsonNode n = get(name, required);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            problems.add(ErrorCode.WRONG_TYPE, path(name), name + " must be a JSON string, not " + describe(n));
            return null;
        }
        String s = n.textValue();
        if (s.length() > HARD_TEXT_LIMIT) {
            problems.add(
                    ErrorCode.TOO_LONG,
                    path(name),
                    name + " is " + s.length() + " characters long; far more than allowed");
            return null;
        }
        return s;
    }

    /** A string turned into a value by {@code factory}, whose exceptions become problems. */
    <T> T code(String name, boolean required, Function<String, T> factory) {
        String s = string(name, required);
        if (s == null) {
            return null;
        }
        try {
            return factory.apply(s);
        } catch (RuntimeException e) {
            problems.add(codeOf(e), path(name), name + ": " + messageOf(e));
            return null;
        }
    }

    Reference reference(String name, boolean required) {
        return code(name, required, Reference::new);
    }

    String freeText(String name, boolean required) {
        return code(name, required, s -> Texts.requireFreeText(name, s));
    }

    /** {@code {"value": "12.5", "uom": "KGM"}} with the value a decimal string. */
    Quantity quantity(String name, boolean required, Sign sign) {
        JsonFields q = object(name, required);
        if (q == null) {
            return null;
        }
        JsonNode raw = q.node.get("value");
        if (raw != null && raw.isNumber()) {
            problems.add(
                    ErrorCode.WRONG_TYPE,
                    q.path("value"),
                    name
                            + ": value must be a decimal string like \"12.5\", not a JSON number (numbers lose precision)");
            q.string("uom", true);
            return null;
        }
        String value = q.string("value", true);
        String uom = q.string("uom", true);
        if (value == null || uom == null) {
            return null;
        }
        Quantity quantity;
        try {
            quantity = Quantity.parse(value, uom);
        } catch (InvalidQuantityException e) {
            String at = e.reason() == InvalidQuantityException.Reason.UNKNOWN_UNIT ? q.path("uom") : q.path("value");
            problems.add(codeOf(e), at, name + ": " + e.getMessage());
            return null;
        }
        switch (sign) {
            case POSITIVE -> {
                if (!quantity.isPositive()) {
                    problems.add(
                            ErrorCode.NOT_POSITIVE,
                            q.path("value"),
                            name + " must be greater than zero, not " + quantity.valueText());
                    return null;
                }
            }
            case NOT_NEGATIVE -> {
                if (quantity.signum() < 0) {
                    problems.add(
                            ErrorCode.OUT_OF_RANGE,
                            q.path("value"),
                            name + " must be zero or more, not " + quantity.valueText());
                    return null;
                }
            }
            case NOT_ZERO -> {
                if (quantity.isZero()) {
                    problems.add(ErrorCode.OUT_OF_RANGE, q.path("value"), name + " must not be zero");
                    return null;
                }
            }
        }
        return quantity;
    }

    /** {@code YYYY-MM-DD} within {@link EventBounds}. */
    LocalDate date(String name, boolean required) {
        String s = string(name, required);
        if (s == null) {
            return null;
        }
        LocalDate d;
        try {
            if (!DATE.matcher(s).matches()) {
                throw new DateTimeParseException("pattern", s, 0);
            }
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(
                    ErrorCode.BAD_FORMAT, path(name), name + " must be a date like 2027-01-31, not " + Show.quote(s));
            return null;
        }
        if (!EventBounds.isAllowedDate(d)) {
            problems.add(
                    ErrorCode.OUT_OF_RANGE,
                    path(name),
                    name + " " + s + " lies outside the allowed range " + EventBounds.EARLIEST_DATE + " to "
                            + EventBounds.LATEST_DATE + " (exclusive)");
            return null;
        }
        return d;
    }

    /** An ISO-8601 instant in UTC ending in {@code Z}, within {@link EventBounds}. */
    Instant instant(String name, boolean required) {
        String s = string(name, required);
        if (s == null) {
            return null;
        }
        Instant t;
        try {
            if (!INSTANT.matcher(s).matches()) {
                throw new DateTimeParseException("pattern", s, 0);
            }
            t = Instant.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(
                    ErrorCode.BAD_FORMAT,
                    path(name),
                    name + " must be a UTC time like 2026-11-25T08:15:02.123Z, not " + Show.quote(s));
            return null;
        }
        if (!EventBounds.isAllowedOccurredAt(t)) {
            problems.add(
                    ErrorCode.OUT_OF_RANGE,
                    path(name),
                    name + " " + s + " lies outside the allowed range " + EventBounds.EARLIEST_OCCURRED_AT + " to "
                            + EventBounds.LATEST_OCCURRED_AT + " (exclusive)");
            return null;
        }
        return t;
    }

    /** One of the enum's constant names, exactly. */
    <E extends Enum<E>> E enumValue(String name, boolean required, Class<E> type) {
        String s = string(name, required);
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        problems.add(
                ErrorCode.UNKNOWN_ENUM,
                path(name),
                name + " " + Show.quote(s) + " is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    /** A whole number of at least 1. */
    Long positiveLong(String name, boolean required) {
        JsonNode n = get(name, required);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            problems.add(ErrorCode.WRONG_TYPE, path(name), name + " must be a whole JSON number, not " + describe(n));
            return null;
        }
        if (!n.canConvertToLong() || n.longValue() < 1) {
            problems.add(ErrorCode.OUT_OF_RANGE, path(name), name + " must be between 1 and " + Long.MAX_VALUE);
            return null;
        }
        return n.longValue();
    }

    /** A nested object's fields. */
    JsonFields object(String name, boolean required) {
        JsonNode n = get(name, required);
        if (n == null) {
            return null;
        }
        return of(n, path(name), name, problems);
    }

    /**
     * A JSON array of objects, each read by {@code element}; at least {@code min} and at most
     * {@code max} elements. Null when absent (and not required) or broken.
     */
    <T> List<T> objects(String name, boolean required, int min, int max, Function<JsonFields, T> element) {
        JsonNode n = array(name, required, min, max);
        if (n == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < n.size(); i++) {
            String at = Paths.index(path(name), i);
            JsonFields f = of(n.get(i), at, name + "[" + i + "]", problems);
            T value = f == null ? null : element.apply(f);
            complete &= value != null;
            out.add(value);
        }
        return complete ? out : null;
    }

    /** A JSON array of strings, each turned into a value by {@code factory}. */
    <T> List<T> strings(String name, boolean required, int max, Function<String, T> factory) {
        JsonNode n = array(name, required, 0, max);
        if (n == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < n.size(); i++) {
            String at = Paths.index(path(name), i);
            JsonNode e = n.get(i);
            T value = null;
            if (!e.isTextual()) {
                problems.add(ErrorCode.WRONG_TYPE, at, name + " must hold JSON strings, not " + describe(e));
            } else if (e.textValue().length() > HARD_TEXT_LIMIT) {
                problems.add(ErrorCode.TOO_LONG, at, name + "[" + i + "] is far longer than allowed");
            } else {
                try {
                    value = factory.apply(e.textValue());
                } catch (RuntimeException ex) {
                    problems.add(codeOf(ex), at, name + "[" + i + "]: " + messageOf(ex));
                }
            }
            complete &= value != null;
            out.add(value);
        }
        return complete ? out : null;
    }

    private JsonNode array(String name, boolean required, int min, int max) {
        JsonNode n = get(name, required);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            problems.add(ErrorCode.WRONG_TYPE, path(name), name + " must be a JSON array, not " + describe(n));
            return null;
        }
        if (n.size() < min) {
            problems.add(
                    ErrorCode.EMPTY, path(name), name + " needs at least " + min + (min == 1 ? " entry" : " entries"));
            return null;
        }
        if (n.size() > max) {
            problems.add(
                    ErrorCode.TOO_LONG,
                    path(name),
                    name + " has " + n.size() + " entries; at most " + max + " are allowed");
            return null;
        }
        return n;
    }

    /** What a JSON node is, for messages. */
    static String describe(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "nothing";
        };
    }

    /** The stable code for an exception of the model's value types. */
    static ErrorCode codeOf(RuntimeException e) {
        if (e instanceof InvalidIdentifierException ie) {
            return switch (ie.reason()) {
                case EMPTY -> ErrorCode.EMPTY;
                case TOO_LONG -> ErrorCode.TOO_LONG;
                case BAD_CHARACTER -> ErrorCode.BAD_CHARACTER;
                case CHECK_DIGIT -> ErrorCode.CHECK_DIGIT;
                case TOO_SHORT, BAD_LENGTH, BAD_FORMAT -> ErrorCode.BAD_FORMAT;
            };
        }
        if (e instanceof InvalidTextException te) {
            return switch (te.reason()) {
                case EMPTY -> ErrorCode.EMPTY;
                case TOO_LONG -> ErrorCode.TOO_LONG;
                case BAD_CHARACTER -> ErrorCode.BAD_CHARACTER;
            };
        }
        if (e instanceof InvalidQuantityException qe) {
            return switch (qe.reason()) {
                case BAD_NUMBER -> ErrorCode.BAD_FORMAT;
                case UNKNOWN_UNIT -> ErrorCode.UNKNOWN_UNIT;
                case NOT_POSITIVE -> ErrorCode.NOT_POSITIVE;
                case TOO_LARGE, TOO_PRECISE, INEXACT, WRONG_DIMENSION -> ErrorCode.OUT_OF_RANGE;
            };
        }
        return ErrorCode.INVALID_FIELD;
    }

    static String messageOf(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
