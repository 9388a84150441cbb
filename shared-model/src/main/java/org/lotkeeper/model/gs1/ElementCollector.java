package org.lotkeeper.model.gs1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gs1Charset;
import org.lotkeeper.model.id.Gs1Digits;

/**
 * Validates AI values one by one (in element order, so the first syntax error found is the first
 * in the scan), keeps them, and at the end applies the pair rules. Shared by the element-string,
 * human-readable and Digital Link parsers and by {@link Gs1Data.Builder}, so every way in checks
 * the same rules. One instance per decode; not thread-safe.
 */
final class ElementCollector {

    private final CenturyWindow window;
    private int thisYear = Integer.MIN_VALUE;
    private Ai[] ais = new Ai[8];
    private String[] values = new String[8];
    private int[] positions = new int[8];
    private Object[] parsed = new Object[8];
    private int size;
    private List<Gs1Warning> warnings;

    ElementCollector(CenturyWindow window) {
        this.window = window;
    }

    private int thisYear() {
        if (thisYear == Integer.MIN_VALUE) {
            thisYear = window.thisYear();
        }
        return thisYear;
    }

    boolean contains(Ai ai) {
        return indexOf(ai) >= 0;
    }

    private int indexOf(Ai ai) {
        for (int i = 0; i < size; i++) {
            if (ais[i] == ai) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks one element and keeps it.
     *
     * @param aiPos    where the AI starts in the scanned text (-1 when there is none)
     * @param valuePos where the value starts in the scanned text
     * @param exact    true when value character i is at {@code valuePos + i} in the scan; false
     *                 when the value was decoded (percent-escapes), and every error is reported
     *                 at {@code valuePos}
     */
    void add(Ai ai, int aiPos, String value, int valuePos, boolean exact) {
        Object typed = validate(ai, value, valuePos, exact);
        for (int i = 0; i < size; i++) {
            Ai other = ais[i];
            if (other == ai || (ai.kind == Ai.Kind.MEASURE && other.family.equals(ai.family))) {
                if (other == ai && values[i].equals(value)) {
                    return; // the same element twice: harmless
                }
                throw new Gs1Exception(
                        Reason.DUPLICATE_AI,
                        aiPos,
                        ai.code,
                        "The " + ai.noun() + " (AI " + ai.code + ") appears twice with different values — "
                                + "the label is faulty: type the data or use another label");
            }
        }
        if (size == ais.length) {
            int n = size * 2;
            ais = java.util.Arrays.copyOf(ais, n);
            values = java.util.Arrays.copyOf(values, n);
            positions = java.util.Arrays.copyOf(positions, n);
            parsed = java.util.Arrays.copyOf(parsed, n);
        }
        ais[size] = ai;
        values[size] = value;
        positions[size] = aiPos;
        parsed[size] = typed;
        size++;
        if ((ai.kind == Ai.Kind.ALNUM_VAR || ai.kind == Ai.Kind.GRAI) && value.length() >= 9) {
            warnAboutLostSeparator(ai, value, valuePos, exact);
        }
    }

    /** Pair rules, in the order GS1 asks: forbidden pairs, then missing pairs. */
    Gs1Data finish(Symbology symbology, Gs1Form form) {
        if (size == 0) {
            throw new Gs1Exception(Reason.EMPTY, 0, null, "The barcode holds no data — scan the label again");
        }
        int i01 = indexOf(Ai.GTIN);
        if (i01 >= 0) {
            int i02 = indexOf(Ai.CONTENT);
            int i37 = indexOf(Ai.COUNT);
            int later02 = i02 < 0 ? Integer.MAX_VALUE : Math.max(i01, i02);
            int later37 = i37 < 0 ? Integer.MAX_VALUE : Math.max(i01, i37);
            if (later02 != Integer.MAX_VALUE || later37 != Integer.MAX_VALUE) {
                int at = Math.min(later02, later37);
                String other = at == later02 ? "a content GTIN (02)" : "a count of contained items (37)";
                throw new Gs1Exception(
                        Reason.FORBIDDEN_PAIR,
                        positions[at],
                        ais[at].code,
                        "A GTIN (01) and " + other + " cannot be in one barcode — the label is faulty: "
                                + "scan another barcode on the pack or type the data");
            }
        }
        for (int i = 0; i < size; i++) {
            Ai ai = ais[i];
            String needs = null;
            if (ai == Ai.CONTENT && !contains(Ai.COUNT)) {
                needs = "a count of contained items (37)";
            } else if ((ai == Ai.LOT || ai == Ai.SERIAL) && i01 < 0 && !contains(Ai.CONTENT)) {
                needs = "a GTIN (01 or 02)";
            } else if (ai == Ai.GLN_EXTENSION && !contains(Ai.LOC_NO)) {
                needs = "a location GLN (414)";
            } else if (ai == Ai.PAYMENT_REF && !contains(Ai.PAY_TO)) {
                needs = "an invoicing party GLN (415)";
            }
            if (needs != null) {
                throw new Gs1Exception(
                        Reason.MISSING_PAIR,
                        positions[i],
                        ai.code,
                        "The " + ai.noun() + " (AI " + ai.code + ") needs " + needs + " in the same barcode — "
                                + "scan the barcode that carries both, or type the data");
            }
        }
        return new Gs1Data(
                symbology, form, ais, values, parsed, size, warnings == null ? List.of() : List.copyOf(warnings));
    }

    // ---------------------------------------------------------------- values

    private static int at(int valuePos, int i, boolean exact) {
        return exact && valuePos >= 0 ? valuePos + i : valuePos;
    }

    private Object validate(Ai ai, String v, int vPos, boolean exact) {
        int len = v.length();
        switch (ai.kind) {
            case ALNUM_VAR -> {
                requireNotEmpty(ai, len, vPos);
                int n = Math.min(len, ai.max);
                for (int i = 0; i < n; i++) {
                    char c = v.charAt(i);
                    if (!Gs1Charset.isSet82(c)) {
                        throw badCharacter(ai, c, at(vPos, i, exact), "letters, digits and !\"%&'()*+,-./:;<=>?_");
                    }
                }
                requireNotTooLong(ai, len, vPos, exact);
                return null;
            }
            case NUM_VAR -> {
                requireNotEmpty(ai, len, vPos);
                requireDigits(ai, v, 0, Math.min(len, ai.max), vPos, exact);
                requireNotTooLong(ai, len, vPos, exact);
                return Long.parseLong(v);
            }
            case GRAI -> {
                requireNotEmpty(ai, len, vPos);
                int n = Math.min(len, ai.max);
                requireDigits(ai, v, 0, Math.min(n, 14), vPos, exact);
                for (int i = 14; i < n; i++) {
                    char c = v.charAt(i);
                    if (!Gs1Charset.isSet82(c)) {
                        throw badCharacter(ai, c, at(vPos, i, exact), "letters, digits and !\"%&'()*+,-./:;<=>?_");
                    }
                }
                requireNotTooLong(ai, len, vPos, exact);
                if (len < 14) {
                    throw tooShort(ai, at(vPos, len, exact), 14, len);
                }
                if (v.charAt(0) != '0') {
                    throw new Gs1Exception(
                            Reason.BAD_CHARACTER,
                            at(vPos, 0, exact),
                            ai.code,
                            "A GRAI must start with 0, not " + v.charAt(0)
                                    + " — rescan the asset label or type the GRAI");
                }
                if (!Gs1Digits.hasValidCheckDigit(v.subSequence(1, 14))) {
                    throw checkDigit(ai, v.substring(1, 14), at(vPos, 13, exact));
                }
                return null;
            }
            case DATE_OPTIONAL_TIME -> {
                requireNotEmpty(ai, len, vPos);
                requireDigits(ai, v, 0, Math.min(len, ai.max), vPos, exact);
                requireNotTooLong(ai, len, vPos, exact);
                if (len != 6 && len != 10) {
                    throw tooShort(ai, at(vPos, len, exact), len < 6 ? 6 : 10, len);
                }
                LocalDate date = date(ai, v, vPos, exact);
                if (len == 10 && (two(v, 6) > 23 || two(v, 8) > 59)) {
                    throw invalidDate(ai, v, at(vPos, 6, exact), "there is no time " + v.substring(6, 10));
                }
                return date;
            }
            default -> {
                // Fixed-length numeric: NUM_FIXED, DATE, DATE_TIME, MEASURE.
                requireDigits(ai, v, 0, Math.min(len, ai.max), vPos, exact);
                if (len < ai.max) {
                    throw tooShort(ai, at(vPos, len, exact), ai.max, len);
                }
                requireNotTooLong(ai, len, vPos, exact);
                return switch (ai.kind) {
                    case DATE -> date(ai, v, vPos, exact);
                    case DATE_TIME -> dateTime(ai, v, vPos, exact);
                    case MEASURE -> BigDecimal.valueOf(Long.parseLong(v), ai.decimals);
                    default -> {
                        if (ai.checkDigit && !Gs1Digits.hasValidCheckDigit(v)) {
                            throw checkDigit(ai, v, at(vPos, len - 1, exact));
                        }
                        yield null;
                    }
                };
            }
        }
    }

    private LocalDate date(Ai ai, String v, int vPos, boolean exact) {
        int yy = two(v, 0);
        int mm = two(v, 2);
        int dd = two(v, 4);
        if (mm < 1 || mm > 12) {
            throw invalidDate(ai, v, at(vPos, 2, exact), "there is no month " + v.substring(2, 4));
        }
        int year = CenturyWindow.fullYear(yy, thisYear());
        int last = Month.of(mm).length(Year.isLeap(year));
        if (dd == 0) {
            return LocalDate.of(year, mm, last);
        }
        if (dd > last) {
            throw invalidDate(ai, v, at(vPos, 4, exact), dd + " " + monthName(mm) + " " + year + " does not exist");
        }
        return LocalDate.of(year, mm, dd);
    }

    private LocalDateTime dateTime(Ai ai, String v, int vPos, boolean exact) {
        int yy = two(v, 0);
        int mm = two(v, 2);
        int dd = two(v, 4);
        int hh = two(v, 6);
        int mi = two(v, 8);
        if (mm < 1 || mm > 12) {
            throw invalidDate(ai, v, at(vPos, 2, exact), "there is no month " + v.substring(2, 4));
        }
        int year = CenturyWindow.fullYear(yy, thisYear());
        int last = Month.of(mm).length(Year.isLeap(year));
        if (dd == 0) {
            throw invalidDate(ai, v, at(vPos, 4, exact), "day 00 is not allowed with a time");
        }
        if (dd > last) {
            throw invalidDate(ai, v, at(vPos, 4, exact), dd + " " + monthName(mm) + " " + year + " does not exist");
        }
        if (hh > 23) {
            throw invalidDate(ai, v, at(vPos, 6, exact), "there is no hour " + v.substring(6, 8));
        }
        if (mi > 59) {
            throw invalidDate(ai, v, at(vPos, 8, exact), "there is no minute " + v.substring(8, 10));
        }
        return LocalDateTime.of(year, mm, dd, hh, mi);
    }

    private static int two(String v, int i) {
        return (v.charAt(i) - '0') * 10 + (v.charAt(i + 1) - '0');
    }

    private static String monthName(int mm) {
        return Month.of(mm).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** A valid YYMMDD (DD = 00 allowed) at {@code v[i, i + 6)}, all digits. */
    private boolean isDate(String v, int i) {
        for (int k = i; k < i + 6; k++) {
            char c = v.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int mm = two(v, i + 2);
        int dd = two(v, i + 4);
        if (mm < 1 || mm > 12) {
            return false;
        }
        int year = CenturyWindow.fullYear(two(v, i), thisYear());
        return dd <= Month.of(mm).length(Year.isLeap(year));
    }

    // ---------------------------------------------------------------- lost separators

    /**
     * A lost separator makes {@code 10ABC123} + {@code 17251231} read as lot {@code ABC12317251231}.
     * Warns when a variable-length value ends with a date AI and a valid date, with a date AI, a
     * valid date and a lot or serial AI, with {@code 01} and a GTIN with a valid check digit, or
     * with a measure AI and six digits.
     */
    private void warnAboutLostSeparator(Ai ai, String v, int vPos, boolean exact) {
        int len = v.length();
        int from = ai.kind == Ai.Kind.GRAI ? 15 : 1;
        for (int k = Math.max(from, 1); k + 8 <= len; k++) {
            Ai tail = dateAi(v, k);
            if (tail == null || !isDate(v, k + 2)) {
                continue;
            }
            boolean toEnd = k + 8 == len;
            boolean thenLotOrSerial = k + 10 < len && (v.startsWith("10", k + 8) || v.startsWith("21", k + 8));
            if (toEnd || thenLotOrSerial) {
                warn(ai, v, at(vPos, k, exact), article(tail.noun()));
                return;
            }
        }
        if (len - 16 >= from
                && v.startsWith("01", len - 16)
                && allDigits(v, len - 14, len)
                && Gs1Digits.hasValidCheckDigit(v.subSequence(len - 14, len))) {
            warn(ai, v, at(vPos, len - 16, exact), "a GTIN");
            return;
        }
        if (len - 10 >= from && v.charAt(len - 10) == '3' && allDigits(v, len - 10, len)) {
            Ai m = Ai.lookup(v, len - 10, 4);
            if (m != null && m.kind == Ai.Kind.MEASURE) {
                warn(ai, v, at(vPos, len - 10, exact), "a measure, " + m.title.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static Ai dateAi(String v, int k) {
        if (v.charAt(k) != '1') {
            return null;
        }
        return switch (v.charAt(k + 1)) {
            case '1' -> Ai.PROD_DATE;
            case '3' -> Ai.PACK_DATE;
            case '5' -> Ai.BEST_BEFORE;
            case '6' -> Ai.SELL_BY;
            case '7' -> Ai.EXPIRY;
            default -> null;
        };
    }

    private static boolean allDigits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void warn(Ai ai, String v, int position, String what) {
        String subject = switch (ai.code) {
            case "10" -> "Lot";
            case "21" -> "Serial";
            default -> Character.toUpperCase(ai.noun().charAt(0)) + ai.noun().substring(1);
        };
        if (warnings == null) {
            warnings = new ArrayList<>(2);
        }
        warnings.add(new Gs1Warning(
                Gs1Warning.Code.POSSIBLY_LOST_SEPARATOR,
                ai.code,
                position,
                subject + " " + v + " may include " + what + ": the separator may have been lost — check the label"));
    }

    // ---------------------------------------------------------------- errors

    private static void requireNotEmpty(Ai ai, int len, int vPos) {
        if (len == 0) {
            throw new Gs1Exception(
                    Reason.TOO_SHORT,
                    vPos,
                    ai.code,
                    "The " + ai.noun() + " (AI " + ai.code + ") is empty — rescan the label or type the " + ai.noun());
        }
    }

    private static void requireNotTooLong(Ai ai, int len, int vPos, boolean exact) {
        if (len > ai.max) {
            throw new Gs1Exception(
                    Reason.TOO_LONG,
                    at(vPos, ai.max, exact),
                    ai.code,
                    "The " + ai.noun() + " (AI " + ai.code + ") has " + len + " characters; at most " + ai.max
                            + " are allowed — a separator may be missing: rescan the label or type the " + ai.noun());
        }
    }

    private static void requireDigits(Ai ai, String v, int from, int to, int vPos, boolean exact) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw badCharacter(ai, c, at(vPos, i, exact), "digits");
            }
        }
    }

    private static Gs1Exception badCharacter(Ai ai, char c, int position, String allowed) {
        return new Gs1Exception(
                Reason.BAD_CHARACTER,
                position,
                ai.code,
                "The " + ai.noun() + " (AI " + ai.code + ") may contain " + allowed + " only, not '"
                        + Gs1Digits.printable(c) + "' — rescan the label or type the " + ai.noun());
    }

    private static Gs1Exception tooShort(Ai ai, int position, int expected, int actual) {
        return new Gs1Exception(
                Reason.TOO_SHORT,
                position,
                ai.code,
                "The " + ai.noun() + " (AI " + ai.code + ") has " + actual + " digits instead of " + expected
                        + " — the scan was cut short: rescan the label or type the " + ai.noun());
    }

    private static Gs1Exception checkDigit(Ai ai, String digits, int position) {
        return new Gs1Exception(
                Reason.CHECK_DIGIT,
                position,
                ai.code,
                "Check digit of " + ai.noun() + " " + digits + " is wrong — rescan the label or type the " + ai.noun());
    }

    private static Gs1Exception invalidDate(Ai ai, String v, int position, String why) {
        return new Gs1Exception(
                Reason.INVALID_DATE,
                position,
                ai.code,
                "The " + ai.noun() + " " + v + " is not a real date: " + why + " — check the label and type the date");
    }
}
