package org.lotkeeper.server.epcis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.openepcis.epc.translator.util.ConverterUtil;

/**
 * EPCIS identifiers of objects, classes, places and parties, as GS1 Digital Link URIs on
 * {@code https://id.gs1.org}: EPC URNs are translated by OpenEPCIS's translator, a Digital Link
 * on another host is moved to GS1's, and a GTIN is written with 14 digits. What is neither stays
 * as sent (then it has no GTIN, lot or GLN).
 */
public final class EpcIds {

    private static final String GS1 = "https://id.gs1.org";
    private static final Pattern PRODUCT =
            Pattern.compile("/01/(\\d{8}|\\d{12,14})(?:/22/[^/?#]+)?(?:/10/([^/?#]+))?(?:/21/([^/?#]+))?(?:[?#].*)?$");
    private static final Pattern PARTY = Pattern.compile("/(?:414|417)/(\\d{13})(?:/254/[^/?#]+)?(?:[?#].*)?$");
    private static final Pattern DIGITAL_LINK = Pattern.compile("^https?://[^/]+(?:/[^/]+)*?(/(?:01|414|417|00)/.*)$");

    /** A product: its GTIN-14, and its lot (AI 10) or serial (AI 21) where the identifier has one. */
    public record Product(String epc, String gtin, String lot, String serial) {}

    private EpcIds() {}

    /** {@code id} as a Digital Link URI on GS1's resolver where it is an EPC or a Digital Link; else as sent. */
    public static String canonical(String id) {
        String s = id.strip();
        try {
            if (s.startsWith("urn:epc:class:") || s.startsWith("urn:epc:idpat:")) {
                return ConverterUtil.toURIForClassLevelIdentifier(s);
            }
            if (s.startsWith("urn:epc:id:")) {
                return ConverterUtil.toURI(s);
            }
        } catch (RuntimeException untranslatable) { // OpenEPCIS's ValidationException among them
            return s;
        }
        Matcher dl = DIGITAL_LINK.matcher(s);
        if (dl.matches()) {
            String path = dl.group(1);
            Matcher p = PRODUCT.matcher(path);
            if (p.find() && p.start() == 0) {
                return GS1 + "/01/" + gtin14(p.group(1)) + path.substring(p.end(1));
            }
            return GS1 + path;
        }
        return s;
    }

    /** The product an identifier names, if it names one by GTIN. */
    public static Optional<Product> product(String id) {
        String epc = canonical(id);
        if (!epc.startsWith(GS1 + "/01/")) {
            return Optional.empty();
        }
        Matcher m = PRODUCT.matcher(epc.substring(GS1.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Product(epc, gtin14(m.group(1)), decode(m.group(2)), decode(m.group(3))));
    }

    /** The GLN of a party or place (AI 417 or 414), if the identifier names one. */
    public static Optional<String> gln(String id) {
        String s = canonical(id);
        if (!s.startsWith(GS1 + "/")) {
            return Optional.empty();
        }
        Matcher m = PARTY.matcher(s.substring(GS1.length()));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A CBV word ({@code shipping}) however it is written: bare, as a URN or as a Web URI. */
    public static String vocabulary(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        int urn = s.lastIndexOf(':');
        if (s.startsWith("urn:epcglobal:cbv:")) {
            return s.substring(urn + 1);
        }
        int dash = s.lastIndexOf('-');
        if (s.startsWith("https://ref.gs1.org/cbv/") && dash > 0) {
            return s.substring(dash + 1);
        }
        return s;
    }

    private static String gtin14(String digits) {
        return "0".repeat(14 - digits.length()) + digits;
    }

    private static String decode(String s) {
        return s == null ? null : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
