package org.lotkeeper.server.api;

import java.util.function.Function;

import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.wire.ErrorCode;

/** Checks of single request fields that answer 400 with the field's name. */
public final class Fields {

    private Fields() {}

    /** A required code, validated by its identifier type; answers the code. */
    public static String code(String field, String value, Function<String, ?> parse) {
        if (value == null || value.isEmpty()) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, field + " is required", field);
        }
        try {
            return parse.apply(value).toString();
        } catch (InvalidIdentifierException e) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, field + ": " + e.getMessage(), field);
        }
    }

    /**
     * A whole-number query parameter as the client sent it: {@code ifAbsent} when missing or
     * empty, else a number from {@code min} to {@code max} — 400 naming the field otherwise.
     * (Declared as a number, JAX-RS would answer a misleading 404 for {@code ?limit=abc}.)
     */
    public static long wholeNumber(String field, String value, long min, long max, long ifAbsent) {
        if (value == null || value.isEmpty()) {
            return ifAbsent;
        }
        long n;
        try {
            n = value.length() > 19 ? Long.MIN_VALUE : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, field + " must be a whole number", field);
        }
        if (n < min || n > max) {
            throw Refused.invalid(ErrorCode.OUT_OF_RANGE, field + " must be from " + min + " to " + max, field);
        }
        return n;
    }

    /** Required free text of at most {@code max} characters, no control characters. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, field + " is required", field);
        }
        return optionalText(field, value, max);
    }

    public static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw Refused.invalid(
                    ErrorCode.TOO_LONG,
                    field + " has " + value.length() + " characters; at most " + max + " are allowed",
                    field);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw Refused.invalid(
                        ErrorCode.BAD_CHARACTER, field + " contains a control character at position " + (i + 1), field);
            }
        }
        return value.strip();
    }
}
