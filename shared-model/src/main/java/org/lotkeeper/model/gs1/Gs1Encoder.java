package org.lotkeeper.model.gs1;

/**
 * Turns {@link Gs1Data} into label text: a GS1 element string (and its human-readable line) or a
 * GS1 Digital Link URI. Whatever it writes, {@link Gs1Decoder} reads back as the same elements.
 */
public final class Gs1Encoder {

    /** The canonical Digital Link domain. */
    public static final String CANONICAL_DOMAIN = "https://id.gs1.org";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Gs1Encoder() {}

    /**
     * The element string: first the AIs with a predefined length (they never need a separator),
     * then the others, with GS only between those — the last field needs none.
     */
    public static Gs1ElementString elementString(Gs1Data data) {
        StringBuilder barcode = new StringBuilder(64);
        StringBuilder human = new StringBuilder(80);
        boolean needSeparator = false;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < data.size(); i++) {
                Ai ai = data.ai(i);
                if (ai.predefined != (pass == 0)) {
                    continue;
                }
                if (needSeparator) {
                    barcode.append(Gs1Decoder.GS);
                }
                barcode.append(ai.code).append(data.rawValue(i));
                human.append('(').append(ai.code).append(')').append(data.rawValue(i));
                needSeparator = !ai.predefined;
            }
        }
        return new Gs1ElementString(barcode.toString(), human.toString());
    }

    /** A Digital Link URI on the canonical domain {@value #CANONICAL_DOMAIN}. */
    public static String digitalLink(Gs1Data data) {
        return digitalLink(data, CANONICAL_DOMAIN);
    }

    /**
     * A Digital Link URI: {@code {base}/{key AI}/{key}[/{qualifier AI}/{qualifier}…][?{AI}={value}&…]}.
     * The key is the first of 01, 00, 414, 417, 8003, 8004, 401, 402 in the data; the qualifiers
     * of 01 (22, 10, 21) and 414 (254) go in the path, everything else in the query, in data order.
     *
     * @param base {@code http(s)://domain[/stem]}, without a trailing slash (one is dropped)
     * @throws IllegalArgumentException when the data has no Digital Link key or the base is no http(s) URI
     */
    public static String digitalLink(Gs1Data data, String base) {
        if (base == null || !DigitalLinkParser.isHttpUri(base, 0) || base.indexOf('?') >= 0 || base.indexOf('#') >= 0) {
            throw new IllegalArgumentException("base must be an http(s) URI without query, like " + CANONICAL_DOMAIN);
        }
        Ai key = null;
        for (Ai candidate : new Ai[] {Ai.GTIN, Ai.SSCC, Ai.LOC_NO, Ai.PARTY, Ai.GRAI, Ai.GIAI, Ai.GINC, Ai.GSIN}) {
            if (index(data, candidate) >= 0) {
                key = candidate;
                break;
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("a Digital Link needs a key: GTIN (01), SSCC (00), GLN (414, 417), "
                    + "GRAI (8003), GIAI (8004), GINC (401) or GSIN (402)");
        }
        StringBuilder uri = new StringBuilder(96);
        uri.append(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        appendPath(uri, data, key);
        Ai[] qualifiers = key == Ai.GTIN
                ? new Ai[] {Ai.CPV, Ai.LOT, Ai.SERIAL}
                : key == Ai.LOC_NO ? new Ai[] {Ai.GLN_EXTENSION} : new Ai[0];
        for (Ai q : qualifiers) {
            appendPath(uri, data, q);
        }
        char sep = '?';
        for (int i = 0; i < data.size(); i++) {
            Ai ai = data.ai(i);
            if (ai == key || contains(qualifiers, ai)) {
                continue;
            }
            uri.append(sep).append(ai.code).append('=');
            percentEncode(uri, data.rawValue(i));
            sep = '&';
        }
        return uri.toString();
    }

    private static void appendPath(StringBuilder uri, Gs1Data data, Ai ai) {
        int i = index(data, ai);
        if (i >= 0) {
            uri.append('/').append(ai.code).append('/');
            percentEncode(uri, data.rawValue(i));
        }
    }

    private static int index(Gs1Data data, Ai ai) {
        for (int i = 0; i < data.size(); i++) {
            if (data.ai(i) == ai) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(Ai[] ais, Ai ai) {
        for (Ai a : ais) {
            if (a == ai) {
                return true;
            }
        }
        return false;
    }

    /** Escapes everything but the URI unreserved characters {@code A-Z a-z 0-9 - . _ ~}. */
    static void percentEncode(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            if (unreserved) {
                out.append(c);
            } else {
                // Values are GS1 set 82, so every character is one byte.
                out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
    }
}
