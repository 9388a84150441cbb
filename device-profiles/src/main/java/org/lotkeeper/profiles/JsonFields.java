package org.lotkeeper.profiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object, reporting each problem with its path instead of stopping
 * at the first. Every getter returns null (or empty) when the field is missing or wrong, having
 * added a problem; {@link #finish()} reports the fields nobody asked for.
 */
final class JsonFields {

    private final JsonNode object;
    private final Problems problems;
    private final Set<String> known;

    private JsonFields(JsonNode object, Problems problems, Set<String> known) {
        this.object = object;
        this.problems = problems;
        this.known = known;
    }

    /**
     * The fields of {@code node}, or null (with a problem at the view's own path) when it is not an
     * object. {@code known} lists every field the object may have.
     */
    static JsonFields of(JsonNode node, Problems problems, String what, String... known) {
        if (!node.isObject()) {
            problems.add("", what + " must be a JSON object, found " + describe(node));
            return null;
        }
        return new JsonFields(node, problems, new LinkedHashSet<>(Arrays.asList(known)));
    }

    Problems problems() {
        return problems;
    }

    /** The required field's node, or null with a "is missing" problem. */
    private JsonNode required(String field) {
        assertKnown(field);
        JsonNode node = object.get(field);
        if (node == null) {
            problems.add(field, "is missing");
        }
        return node;
    }

    /** The optional field's node, or null when absent. */
    private JsonNode optional(String field) {
        assertKnown(field);
        return object.get(field);
    }

    private void assertKnown(String field) {
        if (!known.contains(field)) {
            throw new IllegalStateException("Field '" + field + "' is not declared for " + problems.path(""));
        }
    }

    String string(String field) {
        return string(field, required(field));
    }

    String optionalString(String field, String defaultValue) {
        JsonNode node = optional(field);
        return node == null ? defaultValue : string(field, node);
    }

    private String string(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(field, "must be a string, found " + describe(node));
            return null;
        }
        return node.textValue();
    }

    Integer integer(String field, IntRange range) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            problems.add(field, "must be a whole number (" + range.expectation() + "), found " + describe(node));
            return null;
        }
        if (!node.isIntegralNumber()) {
            problems.add(field, "must be a whole number, found " + node.asText());
            return null;
        }
        if (!node.canConvertToLong() || !range.contains(node.longValue())) {
            problems.add(field, range.expectation() + ", found " + node.asText());
            return null;
        }
        return node.intValue();
    }

    Double decimal(String field, DecimalRange range, Double defaultValue) {
        JsonNode node = defaultValue == null ? required(field) : optional(field);
        if (node == null) {
            return defaultValue;
        }
        String between = DecimalRange.plain(range.min()) + " and " + DecimalRange.plain(range.max());
        if (!node.isNumber()) {
            problems.add(field, "must be a number between " + between + ", found " + describe(node));
            return null;
        }
        double value = node.doubleValue();
        if (!range.contains(value)) {
            problems.add(field, "must be between " + between + ", found " + node.asText());
            return null;
        }
        return value;
    }

    Boolean bool(String field) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            problems.add(field, "must be true or false, found " + describe(node));
            return null;
        }
        return node.booleanValue();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return enumValue(field, required(field), type, problems);
    }

    <E extends Enum<E>> E optionalEnum(String field, Class<E> type, E defaultValue) {
        JsonNode node = optional(field);
        return node == null ? defaultValue : enumValue(field, node, type, problems);
    }

    /** {@code node} as a constant of {@code type}; a problem at {@code field} of {@code problems} otherwise. */
    static <E extends Enum<E>> E enumValue(String field, JsonNode node, Class<E> type, Problems problems) {
        if (node == null) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        if (node.isTextual()) {
            for (E constant : constants) {
                if (constant.name().equals(node.textValue())) {
                    return constant;
                }
            }
        }
        String hint = node.isTextual()
                ? didYouMean(
                        node.textValue(),
                        Arrays.stream(constants).map(Enum::name).toList())
                : "";
        problems.add(field, "must be one of " + names + ", found " + describe(node) + hint);
        return null;
    }

    /** The nested object's fields, or null (with a problem) when it is missing or not an object. */
    JsonFields object(String field, String... knownFields) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(field, "must be a JSON object, found " + describe(node));
            return null;
        }
        return new JsonFields(node, problems.at(field), new LinkedHashSet<>(Arrays.asList(knownFields)));
    }

    /** The entries of a JSON object whose names are data (not schema fields), or null with a problem. */
    Iterator<Map.Entry<String, JsonNode>> optionalEntries(String field) {
        JsonNode node = optional(field);
        if (node == null) {
            return List.<Map.Entry<String, JsonNode>>of().iterator();
        }
        if (!node.isObject()) {
            problems.add(field, "must be a JSON object, found " + describe(node));
            return null;
        }
        return node.properties().iterator();
    }

    /** The elements of an array, or null (with a problem) when it is missing or not an array. */
    List<JsonNode> array(String field, boolean isRequired) {
        JsonNode node = isRequired ? required(field) : optional(field);
        if (node == null) {
            return isRequired ? null : List.of();
        }
        if (!node.isArray()) {
            problems.add(field, "must be a JSON array, found " + describe(node));
            return null;
        }
        List<JsonNode> elements = new ArrayList<>();
        node.elements().forEachRemaining(elements::add);
        return elements;
    }

    /** True when the field is present with JSON {@code null}. */
    boolean isNull(String field) {
        JsonNode node = optional(field);
        return node != null && node.isNull();
    }

    /** Adds a problem for every field that is not part of the schema: a profile is configuration, typos count. */
    void finish() {
        object.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                problems.add(
                        field,
                        "is not a known field" + didYouMean(field, known) + "; the fields here are "
                                + String.join(", ", known));
            }
        });
    }

    /** {@code " (did you mean X?)"} when one candidate is close to {@code given}, else empty. */
    static String didYouMean(String given, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = candidate.equalsIgnoreCase(given) ? 0 : distance(given, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(3, 1 + given.length() / 5);
        return best != null && bestDistance <= allowed ? " (did you mean " + best + "?)" : "";
    }

    /** Levenshtein distance, case-sensitive. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A short description of a value for a message: {@code "abc"}, {@code 12}, {@code true}, {@code an array}. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return '"' + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + '"';
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.asText();
    }
}
