package org.lotkeeper.model.gs1;

import org.lotkeeper.model.gs1.Gs1Exception.Reason;
import org.lotkeeper.model.id.Gs1Digits;

/**
 * GS1 Digital Link URI syntax 1.2, the parts Lotkeeper needs:
 * {@code http(s)://{domain}[/stem]/{key AI}/{key}[/{qualifier AI}/{qualifier}…][?{AI}={value}&…]}.
 *
 * <ul>
 *   <li>Keys: 01 (qualifiers 22, 10, 21 in that order), 414 (qualifier 254), 00, 401, 402, 417,
 *       8003, 8004. The key is found from the right, so a stem may hold anything.</li>
 *   <li>Values are percent-decoded; {@code +} is literal in the path and a space in the query.</li>
 *   <li>Query: numeric names are AIs (unknown → {@link Reason#UNKNOWN_AI}; the key or one of its
 *       qualifiers → {@link Reason#BAD_URI}); other names ({@code linkType}, …) are ignored.</li>
 *   <li>GTINs in the path must have 14 digits unless the decoder allows short ones.</li>
 * </ul>
 * Positions are exact for values without percent-escapes; otherwise they point at the start of
 * the value.
 */
final class DigitalLinkParser {

    private static final int MAX_SEGMENTS = 32;

    private DigitalLinkParser() {}

    static boolean isHttpUri(String s, int start) {
        return s.regionMatches(true, start, "https://", 0, 8) || s.regionMatches(true, start, "http://", 0, 7);
    }

    private static boolean isPrimaryKey(Ai ai) {
        return ai == Ai.GTIN
                || ai == Ai.SSCC
                || ai == Ai.LOC_NO
                || ai == Ai.GINC
                || ai == Ai.GSIN
                || ai == Ai.PARTY
                || ai == Ai.GRAI
                || ai == Ai.GIAI;
    }

    private static boolean isQualifier(Ai ai) {
        return ai == Ai.CPV || ai == Ai.LOT || ai == Ai.SERIAL || ai == Ai.GLN_EXTENSION;
    }

    /** The position of {@code qualifier} in the key's qualifier order, or -1 when it does not qualify the key. */
    private static int qualifierRank(Ai key, Ai qualifier) {
        if (key == Ai.GTIN) {
            return qualifier == Ai.CPV ? 0 : qualifier == Ai.LOT ? 1 : qualifier == Ai.SERIAL ? 2 : -1;
        }
        if (key == Ai.LOC_NO) {
            return qualifier == Ai.GLN_EXTENSION ? 0 : -1;
        }
        return -1;
    }

    static Gs1Data parse(Gs1Decoder decoder, ElementCollector collector, String s, int start, Symbology symbology) {
        int end = s.length();
        int p = start + (s.charAt(start + 4) == ':' ? 7 : 8);
        int hostStart = p;
        while (p < end) {
            char c = s.charAt(p);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == ':'
                    || c == '['
                    || c == ']'
                    || c == '_';
            if (!ok) {
                throw badUri(p, "the domain contains '" + Gs1Digits.printable(c) + "'");
            }
            p++;
        }
        if (p == hostStart) {
            throw badUri(p, "it has no domain");
        }
        int uriEnd = indexOf(s, '#', p, end);
        int query = indexOf(s, '?', p, uriEnd);
        int pathEnd = query < uriEnd ? query : uriEnd;

        // Path segments: starts and ends of the text between slashes.
        int[] segStart = new int[MAX_SEGMENTS];
        int[] segEnd = new int[MAX_SEGMENTS];
        int n = 0;
        int i = p;
        while (i < pathEnd) { // s[i] == '/'
            int from = i + 1;
            int to = indexOf(s, '/', from, pathEnd);
            if (to == from && to == pathEnd) {
                break; // one trailing slash
            }
            if (n == MAX_SEGMENTS) {
                throw badUri(from, "its path has too many parts");
            }
            segStart[n] = from;
            segEnd[n] = to;
            n++;
            i = to;
        }

        // The key, from the right: skip qualifier pairs until a primary key.
        int key = -1;
        for (int j = n - 2; j >= 0; j -= 2) {
            Ai ai = segmentAi(s, segStart[j], segEnd[j]);
            if (ai != null && isPrimaryKey(ai)) {
                key = j;
                break;
            }
            if (ai == null || !isQualifier(ai)) {
                break;
            }
        }
        if (key < 0) {
            throw badUri(
                    n == 0 ? pathEnd : segStart[Math.max(0, n - 2)],
                    "its path has no GS1 key such as /01/{GTIN}, /00/{SSCC} or /414/{GLN}");
        }
        Ai keyAi = segmentAi(s, segStart[key], segEnd[key]);
        int rank = -1;
        for (int j = key + 2; j < n; j += 2) {
            Ai q = segmentAi(s, segStart[j], segEnd[j]);
            int r = qualifierRank(keyAi, q);
            if (r < 0) {
                throw badUri(segStart[j], "AI " + q.code + " cannot qualify AI " + keyAi.code + " in the path");
            }
            if (r <= rank) {
                throw badUri(segStart[j], "the qualifiers in its path are out of order (22, then 10, then 21)");
            }
            rank = r;
        }

        // Elements: key, qualifiers, then query attributes.
        String keyValue = decode(s, segStart[key + 1], segEnd[key + 1], false);
        if (keyAi == Ai.GTIN && keyValue.length() != 14 && isShortGtin(keyValue)) {
            if (!decoder.allowsShortGtins()) {
                throw badUri(
                        segStart[key + 1],
                        "a Digital Link must carry the GTIN with all 14 digits, not " + keyValue.length());
            }
            keyValue = "0".repeat(14 - keyValue.length()) + keyValue;
            collector.add(keyAi, segStart[key], keyValue, segStart[key + 1], false);
        } else {
            addSegment(collector, keyAi, segStart[key], segStart[key + 1], segEnd[key + 1], keyValue);
        }
        for (int j = key + 2; j < n; j += 2) {
            Ai q = segmentAi(s, segStart[j], segEnd[j]);
            String v = decode(s, segStart[j + 1], segEnd[j + 1], false);
            addSegment(collector, q, segStart[j], segStart[j + 1], segEnd[j + 1], v);
        }
        if (query < uriEnd) {
            int a = query + 1;
            while (a <= uriEnd) {
                int b = indexOf(s, '&', a, uriEnd);
                int eq = indexOf(s, '=', a, b);
                if ((eq > a && allDigits(s, a, eq)) || (eq == b && b > a && allDigits(s, a, b))) {
                    int nameEnd = Math.min(eq, b);
                    Ai ai = eq - a <= 4 ? Ai.byCode(s.substring(a, nameEnd)) : null;
                    if (ai == null) {
                        String code = s.substring(a, Math.min(nameEnd, a + 8));
                        throw new Gs1Exception(
                                Reason.UNKNOWN_AI,
                                a,
                                code,
                                "The link's query names AI " + code
                                        + ", which Lotkeeper does not know — type the data");
                    }
                    if (ai == keyAi || qualifierRank(keyAi, ai) >= 0) {
                        throw badUri(a, "AI " + ai.code + " belongs in the path, not in the query");
                    }
                    int vStart = Math.min(eq + 1, b);
                    addSegment(collector, ai, a, vStart, b, decode(s, vStart, b, true));
                }
                a = b + 1;
            }
        }
        return collector.finish(symbology, Gs1Form.DIGITAL_LINK);
    }

    private static void addSegment(ElementCollector collector, Ai ai, int aiPos, int from, int to, String value) {
        boolean exact = value.length() == to - from;
        collector.add(ai, aiPos, value, from, exact);
    }

    private static boolean isShortGtin(String v) {
        int n = v.length();
        return (n == 8 || n == 12 || n == 13) && allDigits(v, 0, n);
    }

    private static Ai segmentAi(String s, int from, int to) {
        int length = to - from;
        if (length < 2
                || length > 4
                || !allDigits(s, from, to)
                || Ai.aiLength(s.charAt(from) - '0', s.charAt(from + 1) - '0') != length) {
            return null;
        }
        return Ai.lookup(s, from, length);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return to;
    }

    /** Percent-decodes {@code s[from, to)}; in the query {@code +} is a space. */
    private static String decode(String s, int from, int to, boolean query) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%' || (query && c == '+')) {
                break;
            }
            i++;
        }
        if (i == to) {
            return s.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(s, from, i);
        while (i < to) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < to ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < to ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0 || s.charAt(i + 1) > 127 || s.charAt(i + 2) > 127) {
                    throw badUri(i, "'%' must be followed by two hexadecimal digits");
                }
                out.append((char) (hi * 16 + lo));
                i += 3;
            } else {
                out.append(query && c == '+' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }

    private static Gs1Exception badUri(int position, String why) {
        return new Gs1Exception(
                Reason.BAD_URI,
                position,
                null,
                "This link is not a valid GS1 Digital Link: " + why
                        + " — scan the other barcode on the label or type the data");
    }
}
