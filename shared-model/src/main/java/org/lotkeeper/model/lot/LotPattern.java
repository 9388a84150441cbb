package org.lotkeeper.model.lot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.lotkeeper.model.id.Gs1Charset;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotNumberingException.Reason;

/**
 * An item's lot pattern ({@code lotPattern} in master data, for {@link LotNumbering#PATTERN}):
 * the recipe from which a device makes internal lot codes on its own, offline.
 *
 * <p><b>The pattern language.</b> Literal text plus tokens in braces:
 * <table>
 *   <caption>Tokens</caption>
 *   <tr><th>Token</th><th>Becomes</th><th>Width</th></tr>
 *   <tr><td>{@code {YYYY}}</td><td>year of the date</td><td>4</td></tr>
 *   <tr><td>{@code {YY}}</td><td>last two digits of the year</td><td>2</td></tr>
 *   <tr><td>{@code {MM}}</td><td>month, 01–12</td><td>2</td></tr>
 *   <tr><td>{@code {DD}}</td><td>day of month, 01–31</td><td>2</td></tr>
 *   <tr><td>{@code {JJJ}}</td><td>day of year, 001–366 (Julian date as on many drums)</td><td>3</td></tr>
 *   <tr><td>{@code {DEV}}</td><td>the device's {@link DeviceTag}</td><td>1–{@value DeviceTag#MAX_LENGTH}</td></tr>
 *   <tr><td>{@code {SEQ:n}}</td><td>the device's sequence number, zero-padded to n digits (n = 1–9)</td><td>n</td></tr>
 * </table>
 * Everything outside braces is literal and must be in GS1 set 82 (letters, digits and
 * {@code !"%&'()*+,-./:;<=>?_}; no spaces). Token names are upper case.
 *
 * <p><b>Rules</b>, checked by {@link #parse(String)} when master data is loaded, so a device
 * never meets a bad pattern at the dock:
 * <ul>
 *   <li>exactly one {@code {DEV}} and exactly one {@code {SEQ:n}};</li>
 *   <li>the longest code the pattern can make (with a {@value DeviceTag#MAX_LENGTH}-character
 *       device tag) fits the {@value LotCode#MAX_LENGTH} characters of a GS1 lot (AI 10).</li>
 * </ul>
 * For example {@code R{YY}{JJJ}-{DEV}{SEQ:3}} gives {@code R26324-7A005} for device tag
 * {@code 7A}, 2026-11-20 and sequence 5.
 *
 * <p><b>Why devices never collide.</b> Every token but {@code {DEV}} has a fixed width, so within
 * one pattern the device tag always starts at the same position and its length follows from the
 * code's length: a code names exactly one device tag, and codes from two devices always differ.
 * One device never repeats a code as long as it never reuses a sequence number with the same date
 * fields: keep one counter per device and item that only grows. (Changing an item's pattern can
 * in principle recreate an old code; the ledger's (item, lot) uniqueness still catches that.)
 */
public final class LotPattern {

    private enum Kind {
        LITERAL,
        YYYY,
        YY,
        MM,
        DD,
        JJJ,
        DEV,
        SEQ
    }

    private record Part(Kind kind, String literal, int width) {}

    private final String text;
    private final List<Part> parts;
    private final int fixedLength;

    private LotPattern(String text, List<Part> parts, int fixedLength) {
        this.text = text;
        this.parts = parts;
        this.fixedLength = fixedLength;
    }

    /**
     * Parses and validates a pattern.
     *
     * @throws LotNumberingException when the pattern breaks a rule (the reason and position say which)
     */
    public static LotPattern parse(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new LotNumberingException(
                    Reason.MISSING_DEVICE,
                    -1,
                    "lot pattern is empty; it needs at least {DEV} and {SEQ:n}, e.g. {YY}{JJJ}-{DEV}{SEQ:3}");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int fixed = 0;
        int devAt = -1;
        int seqAt = -1;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '}') {
                throw new LotNumberingException(
                        Reason.SYNTAX, i, "lot pattern has a '}' without '{' at position " + (i + 1));
            }
            if (c != '{') {
                if (!Gs1Charset.isSet82(c)) {
                    throw new LotNumberingException(
                            Reason.BAD_CHARACTER,
                            i,
                            "lot pattern may not contain '" + printable(c) + "' (position " + (i + 1)
                                    + "); literal text must be in GS1 set 82");
                }
                literal.append(c);
                i++;
                continue;
            }
            int close = pattern.indexOf('}', i + 1);
            int nextOpen = pattern.indexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw new LotNumberingException(
                        Reason.SYNTAX, i, "lot pattern has a '{' without '}' at position " + (i + 1));
            }
            if (!literal.isEmpty()) {
                parts.add(new Part(Kind.LITERAL, literal.toString(), literal.length()));
                fixed += literal.length();
                literal.setLength(0);
            }
            String token = pattern.substring(i + 1, close);
            Part part = token(token, i);
            if (part.kind() == Kind.DEV) {
                if (devAt >= 0) {
                    throw new LotNumberingException(
                            Reason.REPEATED_TOKEN, i, "lot pattern has {DEV} twice; use it once");
                }
                devAt = i;
            } else {
                if (part.kind() == Kind.SEQ) {
                    if (seqAt >= 0) {
                        throw new LotNumberingException(
                                Reason.REPEATED_TOKEN, i, "lot pattern has {SEQ} twice; use it once");
                    }
                    seqAt = i;
                }
                fixed += part.width();
            }
            parts.add(part);
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(Kind.LITERAL, literal.toString(), literal.length()));
            fixed += literal.length();
        }
        if (devAt < 0) {
            throw new LotNumberingException(
                    Reason.MISSING_DEVICE,
                    -1,
                    "lot pattern '" + pattern + "' has no {DEV}: codes made offline by two devices could collide");
        }
        if (seqAt < 0) {
            throw new LotNumberingException(
                    Reason.MISSING_SEQUENCE,
                    -1,
                    "lot pattern '" + pattern + "' has no {SEQ:n}: one device could make the same code twice");
        }
        int longest = fixed + DeviceTag.MAX_LENGTH;
        if (longest > LotCode.MAX_LENGTH) {
            throw new LotNumberingException(
                    Reason.TOO_LONG,
                    -1,
                    "lot pattern '" + pattern + "' can make codes of "
                            + longest + " characters (with a " + DeviceTag.MAX_LENGTH
                            + "-character device tag); a lot code has at most "
                            + LotCode.MAX_LENGTH);
        }
        return new LotPattern(pattern, List.copyOf(parts), fixed);
    }

    private static Part token(String token, int position) {
        Part fixedPart = switch (token) {
            case "YYYY" -> new Part(Kind.YYYY, null, 4);
            case "YY" -> new Part(Kind.YY, null, 2);
            case "MM" -> new Part(Kind.MM, null, 2);
            case "DD" -> new Part(Kind.DD, null, 2);
            case "JJJ" -> new Part(Kind.JJJ, null, 3);
            case "DEV" -> new Part(Kind.DEV, null, 0);
            default -> null;
        };
        if (fixedPart != null) {
            return fixedPart;
        }
        if (token.equals("SEQ") || token.startsWith("SEQ:")) {
            String width = token.length() > 4 ? token.substring(4) : "";
            if (width.length() != 1 || width.charAt(0) < '1' || width.charAt(0) > '9') {
                throw new LotNumberingException(
                        Reason.SYNTAX, position, "{" + token + "} needs a width of 1 to 9 digits, e.g. {SEQ:4}");
            }
            return new Part(Kind.SEQ, null, width.charAt(0) - '0');
        }
        throw new LotNumberingException(
                Reason.UNKNOWN_TOKEN,
                position,
                "lot pattern token {" + token + "} is unknown; use {YYYY}, {YY}, {MM}, {DD}, {JJJ}, {DEV} or {SEQ:n}");
    }

    private static String printable(char c) {
        return c == ' ' ? "space" : (c < 0x20 || c == 0x7f) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /**
     * Makes the lot code for one device, date and sequence number.
     *
     * @param device   the generating device's tag
     * @param date     the date the code is made for (the plant's local date of receipt)
     * @param sequence the device's next sequence number for this item, 0 to 10^n − 1
     * @throws LotNumberingException with {@link Reason#SEQUENCE_EXHAUSTED} when the sequence does not
     *                               fit {@code {SEQ:n}} or is negative
     * @throws IllegalArgumentException when the year has more than four digits or is negative
     */
    public LotCode generate(DeviceTag device, LocalDate date, long sequence) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(date, "date");
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year " + date.getYear() + " cannot be written in four digits");
        }
        StringBuilder code = new StringBuilder(fixedLength + device.value().length());
        for (Part p : parts) {
            switch (p.kind()) {
                case LITERAL -> code.append(p.literal());
                case YYYY -> pad(code, date.getYear(), 4);
                case YY -> pad(code, date.getYear() % 100, 2);
                case MM -> pad(code, date.getMonthValue(), 2);
                case DD -> pad(code, date.getDayOfMonth(), 2);
                case JJJ -> pad(code, date.getDayOfYear(), 3);
                case DEV -> code.append(device.value());
                case SEQ -> {
                    if (sequence < 0 || sequence > maxSequence()) {
                        throw new LotNumberingException(
                                Reason.SEQUENCE_EXHAUSTED,
                                -1,
                                "sequence number " + sequence
                                        + " does not fit {SEQ:" + p.width() + "} (0 to " + maxSequence()
                                        + ") of lot pattern '" + text
                                        + "'; widen {SEQ:n} in the item's pattern");
                    }
                    pad(code, sequence, p.width());
                }
            }
        }
        return LotCode.of(code.toString());
    }

    private static void pad(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int k = digits.length(); k < width; k++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** The largest sequence number {@code {SEQ:n}} can hold: 10^n − 1. */
    public long maxSequence() {
        int width = parts.stream()
                .filter(p -> p.kind() == Kind.SEQ)
                .findFirst()
                .orElseThrow()
                .width();
        long max = 1;
        for (int k = 0; k < width; k++) {
            max *= 10;
        }
        return max - 1;
    }

    /** The length of the longest code this pattern makes (with a four-character device tag). */
    public int maxLength() {
        return fixedLength + DeviceTag.MAX_LENGTH;
    }

    /** The pattern as written in master data. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LotPattern other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
