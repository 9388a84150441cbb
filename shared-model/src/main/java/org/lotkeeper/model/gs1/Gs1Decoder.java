package org.lotkeeper.model.gs1;

import java.time.Clock;
import java.time.ZoneId;

import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gs1Charset;
import org.lotkeeper.model.id.Gs1Digits;

/**
 * Decodes what a scanner sends for a GS1 barcode into {@link Gs1Data}, or throws a
 * {@link Gs1Exception} — never anything else, whatever the input.
 *
 * <p>Accepted input:
 * <ul>
 *   <li>an optional AIM symbology identifier: {@code ]C1} GS1-128, {@code ]e0} GS1 DataBar,
 *       {@code ]d2} GS1 DataMatrix, {@code ]Q3} GS1 QR, {@code ]J1} GS1 DotCode; {@code ]d1} and
 *       {@code ]Q1} (plain DataMatrix and QR) with a Digital Link URI; {@code ]E0}/{@code ]E4}
 *       EAN-13, UPC-A, EAN-8. Other identifiers are {@link Reason#NOT_GS1};</li>
 *   <li>a GS1 element string, with GS (ASCII 29) or the device's replacement character
 *       ({@link #withSeparator(char)}) as separator; leading separators (ZXing's DataMatrix
 *       text), trailing ones and superfluous ones after predefined-length AIs are tolerated;</li>
 *   <li>the human-readable form {@code (01)09501101530003(10)ABC123(17)251231};</li>
 *   <li>a GS1 Digital Link URI (http or https), see {@link #withShortGtinsInDigitalLink(boolean)}.</li>
 * </ul>
 * Errors are reported in GS1's order: the first element that breaks a syntax rule, then a
 * forbidden pair, then a missing pair. Two-digit years follow the sliding century window of the
 * clock's current year. Instances are immutable and thread-safe; the hot path uses no regex and
 * throws no exceptions on valid input.
 */
public final class Gs1Decoder {

    /** Longer scans are refused at once ({@link Reason#TOO_LONG}). */
    public static final int MAX_LENGTH = 512;

    static final char GS = 29;

    private final CenturyWindow window;
    private final char replacement;
    private final boolean shortGtins;

    private Gs1Decoder(CenturyWindow window, char replacement, boolean shortGtins) {
        this.window = window;
        this.replacement = replacement;
        this.shortGtins = shortGtins;
    }

    /** GS as the only separator, the system clock, 14-digit GTINs in Digital Link paths. */
    public static Gs1Decoder create() {
        return new Gs1Decoder(new CenturyWindow(Clock.system(ZoneId.systemDefault())), GS, false);
    }

    /** The same decoder with this clock for the century window (tests use a fixed clock). */
    public Gs1Decoder withClock(Clock clock) {
        return new Gs1Decoder(new CenturyWindow(clock), replacement, shortGtins);
    }

    /**
     * The same decoder that also takes {@code separator} (the device profile's replacement for
     * GS, e.g. {@code '~'} or {@code '|'}) as a separator. It must lie outside GS1 set 82, or it
     * could not be told apart from data.
     */
    public Gs1Decoder withSeparator(char separator) {
        if (Gs1Charset.isSet82(separator) || separator == '(' || separator == ']') {
            throw new IllegalArgumentException("separator '" + Gs1Digits.printable(separator)
                    + "' is a GS1 data character; use one outside set 82, such as ~ or |");
        }
        return new Gs1Decoder(window, separator, shortGtins);
    }

    /**
     * The same decoder that accepts GTIN-8, -12 and -13 in a Digital Link path (padded to 14
     * digits). GS1 Digital Link requires 14 digits, so this is off by default.
     */
    public Gs1Decoder withShortGtinsInDigitalLink(boolean allow) {
        return new Gs1Decoder(window, replacement, allow);
    }

    boolean allowsShortGtins() {
        return shortGtins;
    }

    /**
     * Decodes one scan.
     *
     * @throws Gs1Exception with the reason, the position in {@code scan} and a sentence for the operator
     */
    public Gs1Data decode(String scan) {
        if (scan == null || scan.isEmpty()) {
            throw new Gs1Exception(Reason.EMPTY, 0, null, "Nothing was scanned — scan the label again");
        }
        int end = scan.length();
        if (end > MAX_LENGTH) {
            throw new Gs1Exception(
                    Reason.TOO_LONG,
                    MAX_LENGTH,
                    null,
                    "The scan has " + end + " characters; a label barcode has at most " + MAX_LENGTH
                            + " — this is not a label: scan the label again");
        }
        int start = 0;
        Symbology symbology = Symbology.NONE;
        if (scan.charAt(0) == ']') {
            if (end < 3) {
                throw new Gs1Exception(
                        Reason.TOO_SHORT,
                        end,
                        null,
                        "The scan ends inside the symbology identifier — scan the label again");
            }
            symbology = Symbology.of(scan.charAt(1), scan.charAt(2));
            start = 3;
            if (end == start) {
                throw new Gs1Exception(Reason.EMPTY, start, null, "The barcode holds no data — scan the label again");
            }
        }
        ElementCollector collector = new ElementCollector(window);
        if (DigitalLinkParser.isHttpUri(scan, start)) {
            return DigitalLinkParser.parse(this, collector, scan, start, symbology);
        }
        if (symbology == Symbology.EAN_UPC) {
            return eanUpc(collector, scan, start, symbology);
        }
        if (symbology != Symbology.NONE && !symbology.carriesElementString()) {
            throw new Gs1Exception(
                    Reason.NOT_GS1,
                    0,
                    null,
                    "This is a plain " + describe(symbology, scan)
                            + " barcode, not a GS1 label — scan the GS1 barcode");
        }
        int i = start;
        while (i < end && isSeparator(scan.charAt(i))) {
            i++;
        }
        if (i == end) {
            throw new Gs1Exception(Reason.EMPTY, i, null, "The barcode holds no data — scan the label again");
        }
        char first = scan.charAt(i);
        if (first == '(') {
            return humanReadable(collector, scan, i, symbology);
        }
        if (first < '0' || first > '9') {
            if (Gs1Charset.isSet82(first) || first == ']' || first == ' ') {
                throw new Gs1Exception(
                        Reason.NOT_GS1,
                        i,
                        null,
                        "This barcode does not start with a GS1 Application Identifier — it is not a GS1 label: "
                                + "scan the GS1 barcode or type the data");
            }
            throw badCharacter(first, i);
        }
        return elementString(collector, scan, i, symbology);
    }

    private static String describe(Symbology s, String scan) {
        return switch (s) {
            case CODE_128 -> "Code 128";
            case DATAMATRIX -> "DataMatrix";
            case QR -> "QR";
            default -> scan.substring(0, 3);
        };
    }

    boolean isSeparator(char c) {
        return c == GS || c == replacement;
    }

    private static Gs1Exception badCharacter(char c, int position) {
        return new Gs1Exception(
                Reason.BAD_CHARACTER,
                position,
                null,
                "The scan contains '" + Gs1Digits.printable(c) + "', which no GS1 barcode holds — "
                        + "check the scanner's keyboard settings and scan again");
    }

    // ---------------------------------------------------------------- element string

    private Gs1Data elementString(ElementCollector collector, String s, int i, Symbology symbology) {
        int end = s.length();
        while (i < end) {
            char c = s.charAt(i);
            if (isSeparator(c)) {
                i++;
                continue;
            }
            int aiPos = i;
            Ai ai = readAi(s, i, end);
            int vStart = i + ai.code.length();
            int vEnd = vStart;
            if (ai.isFixedLength()) {
                int stop = Math.min(end, vStart + ai.max);
                while (vEnd < stop && !isSeparator(s.charAt(vEnd))) {
                    vEnd++;
                }
            } else {
                while (vEnd < end && !isSeparator(s.charAt(vEnd))) {
                    vEnd++;
                }
            }
            collector.add(ai, aiPos, s.substring(vStart, vEnd), vStart, true);
            i = vEnd;
            if (ai.isFixedLength() && !ai.predefined && i < end) {
                if (!isSeparator(s.charAt(i))) {
                    throw new Gs1Exception(
                            Reason.MISSING_SEPARATOR,
                            i,
                            ai.code,
                            "The " + ai.noun() + " (AI " + ai.code + ") must be followed by a separator (GS) "
                                    + "before more data — the label or the scanner settings are faulty: type the data");
                }
                i++;
            }
        }
        return collector.finish(symbology, Gs1Form.ELEMENT_STRING);
    }

    /** The known AI at {@code s[i]}, or the right error. */
    private static Ai readAi(String s, int i, int end) {
        char c1 = s.charAt(i);
        if (c1 < '0' || c1 > '9') {
            throw notAnAi(s, i, i + 1);
        }
        if (i + 1 >= end) {
            throw cutAi(i);
        }
        char c2 = s.charAt(i + 1);
        if (c2 < '0' || c2 > '9') {
            throw notAnAi(s, i, i + 2);
        }
        int length = Ai.aiLength(c1 - '0', c2 - '0');
        if (i + length > end) {
            throw cutAi(i);
        }
        for (int k = i + 2; k < i + length; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw notAnAi(s, i, k + 1);
            }
        }
        Ai ai = Ai.lookup(s, i, length);
        if (ai == null) {
            String code = s.substring(i, i + length);
            throw new Gs1Exception(
                    Reason.UNKNOWN_AI,
                    i,
                    code,
                    "AI " + code + " is not an Application Identifier Lotkeeper knows — "
                            + "the label or the scan is faulty: type the data");
        }
        return ai;
    }

    private static Gs1Exception notAnAi(String s, int aiPos, int badEnd) {
        char bad = s.charAt(badEnd - 1);
        if (!Gs1Charset.isSet82(bad)) {
            return badCharacter(bad, badEnd - 1);
        }
        return new Gs1Exception(
                Reason.UNKNOWN_AI,
                aiPos,
                null,
                "Expected an Application Identifier (digits) at character " + (aiPos + 1) + " but found '"
                        + Gs1Digits.printable(bad) + "' — a separator may be missing: type the data");
    }

    private static Gs1Exception cutAi(int aiPos) {
        return new Gs1Exception(
                Reason.TOO_SHORT,
                aiPos,
                null,
                "The scan ends in the middle of an Application Identifier — scan the label again");
    }

    // ---------------------------------------------------------------- human-readable

    private Gs1Data humanReadable(ElementCollector collector, String s, int i, Symbology symbology) {
        int end = s.length();
        while (i < end) {
            if (s.charAt(i) != '(') {
                throw new Gs1Exception(
                        Reason.BAD_CHARACTER,
                        i,
                        null,
                        "Expected '(' and an Application Identifier at character " + (i + 1) + " — type the data");
            }
            int aiStart = i + 1;
            int j = aiStart;
            while (j < end && j - aiStart < 4 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            if (j >= end || s.charAt(j) != ')' || j - aiStart < 2) {
                if (j < end && s.charAt(j) != ')' && !Gs1Charset.isSet82(s.charAt(j))) {
                    throw badCharacter(s.charAt(j), j);
                }
                throw new Gs1Exception(
                        j >= end ? Reason.TOO_SHORT : Reason.UNKNOWN_AI,
                        aiStart,
                        null,
                        "Expected an Application Identifier in parentheses, like (01), at character " + (i + 1)
                                + " — type the data");
            }
            Ai ai = aiInParentheses(s, aiStart, j);
            if (ai == null) {
                String code = s.substring(aiStart, j);
                throw new Gs1Exception(
                        Reason.UNKNOWN_AI,
                        aiStart,
                        code,
                        "AI " + code + " is not an Application Identifier Lotkeeper knows — type the data");
            }
            int vStart = j + 1;
            while (vStart < end && s.charAt(vStart) == ' ') {
                vStart++;
            }
            int vEnd = vStart;
            while (vEnd < end && !(s.charAt(vEnd) == '(' && aiBoundary(s, vEnd))) {
                vEnd++;
            }
            int next = vEnd;
            while (vEnd > vStart && (s.charAt(vEnd - 1) == ' ' || (next == end && isSeparator(s.charAt(vEnd - 1))))) {
                vEnd--;
            }
            collector.add(ai, aiStart, s.substring(vStart, vEnd), vStart, true);
            i = next;
        }
        return collector.finish(symbology, Gs1Form.HUMAN_READABLE);
    }

    private static Ai aiInParentheses(String s, int from, int to) {
        int length = to - from;
        if (length < 2 || length > 4 || Ai.aiLength(s.charAt(from) - '0', s.charAt(from + 1) - '0') != length) {
            return null;
        }
        return Ai.lookup(s, from, length);
    }

    /**
     * True when {@code s[open]} is '(' starting "(AI)" — 2 to 4 digits as long as the AI prefix
     * says — and so ends the previous value. Unknown AIs count, so that they are reported as such.
     */
    private static boolean aiBoundary(String s, int open) {
        int from = open + 1;
        int j = from;
        int end = s.length();
        while (j < end && j - from < 4 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        int length = j - from;
        return j < end
                && s.charAt(j) == ')'
                && length >= 2
                && Ai.aiLength(s.charAt(from) - '0', s.charAt(from + 1) - '0') == length;
    }

    // ---------------------------------------------------------------- EAN / UPC

    private static Gs1Data eanUpc(ElementCollector collector, String s, int start, Symbology symbology) {
        int end = s.length();
        int n = end - start;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new Gs1Exception(
                        Reason.BAD_CHARACTER,
                        i,
                        Ai.GTIN.code,
                        "An EAN/UPC barcode holds digits only, not '" + Gs1Digits.printable(c) + "' — scan again");
            }
        }
        if (n != 8 && n != 12 && n != 13) {
            throw new Gs1Exception(
                    n < 13 ? Reason.TOO_SHORT : Reason.TOO_LONG,
                    Math.min(end, start + 13),
                    Ai.GTIN.code,
                    "An EAN/UPC barcode holds 8, 12 or 13 digits, not " + n + " — scan the barcode again");
        }
        String gtin = "0".repeat(14 - n) + s.substring(start);
        if (!Gs1Digits.hasValidCheckDigit(gtin)) {
            throw new Gs1Exception(
                    Reason.CHECK_DIGIT,
                    end - 1,
                    Ai.GTIN.code,
                    "Check digit of GTIN " + s.substring(start) + " is wrong — rescan the label or type the GTIN");
        }
        collector.add(Ai.GTIN, start, gtin, start, false);
        return collector.finish(symbology, Gs1Form.EAN_UPC);
    }
}
