package org.lotkeeper.model.scan;

import java.util.Optional;
import java.util.function.Function;

import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.id.InvalidIdentifierException;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.OrderCode;
import org.lotkeeper.model.id.ShipmentCode;
import org.lotkeeper.model.id.UserId;

/**
 * Says what a scan is: GS1 data (a product, a container, a GLN location, …), one of the plant's
 * own barcodes, or a plain code for the workflow to resolve in context.
 *
 * <h2>Internal barcode scheme</h2>
 * The plant's own labels are Code 128 or QR with a short upper-case prefix, then a code that
 * follows the internal code rule (letters, digits and {@code - _ . /}, 1–40 characters, starting
 * with a letter or digit; see {@code org.lotkeeper.model.id}):
 * <table>
 *   <caption>Prefixes</caption>
 *   <tr><th>Prefix</th><th>Meaning</th><th>Example</th><th>Result</th></tr>
 *   <tr><td>{@code B:}</td><td>a user's badge</td><td>{@code B:jdoe}</td><td>{@link Scan.Badge}</td></tr>
 *   <tr><td>{@code O:}</td><td>an order (production, sales, purchase)</td><td>{@code O:PO-2026-0042}</td><td>{@link Scan.Order}</td></tr>
 *   <tr><td>{@code S:}</td><td>a shipment / delivery note</td><td>{@code S:DN-77812}</td><td>{@link Scan.Shipment}</td></tr>
 *   <tr><td>{@code L:}</td><td>a location, when the label wants to be explicit</td><td>{@code L:WH1-A-01}</td><td>{@link Scan.Location}</td></tr>
 *   <tr><td>(none)</td><td>a bin label or a typed lot: plain code</td><td>{@code WH1-A-01}</td><td>{@link Scan.Code}</td></tr>
 * </table>
 * Prefixes are case-sensitive. No prefix can be mistaken for GS1 data: an element string starts
 * with digits, the human-readable form with {@code (}, a Digital Link with {@code http}.
 *
 * <h2>Rules, in order</h2>
 * <ol>
 *   <li>Trailing CR/LF (a keyboard wedge's Enter) is dropped; nothing else is changed.</li>
 *   <li>A GS1 symbology identifier ({@code ]C1 ]e0 ]d2 ]Q3 ]J1 ]E0 ]E4}), a Digital Link URI, the
 *       {@code (01)…} form or a leading GS: GS1 only — a failure is {@link Scan.Unrecognised}
 *       with the decoder's specific error.</li>
 *   <li>Another identifier ({@code ]C0}, {@code ]Q1} …) is stripped and the rest read as an
 *       internal barcode.</li>
 *   <li>A prefix above: that kind, or {@link Scan.Unrecognised} when the code breaks the rule.</li>
 *   <li>Otherwise the text is tried as GS1 data. GS1 data with a key (00, 01, 02, 414, 8003 …)
 *       wins. Text that fails GS1 (or has no key) but follows the code rule is a
 *       {@link Scan.Code} — unless it starts with a complete key (00 + 18 digits, 01/02 + 14
 *       digits, 414 + 13 digits), when the GS1 error is kept: {@code 0109501101530004} is a GTIN
 *       with a wrong check digit, not a bin.</li>
 * </ol>
 * Thread-safe; never throws.
 */
public final class ScanRecogniser {

    private final Gs1Decoder decoder;

    public ScanRecogniser(Gs1Decoder decoder) {
        this.decoder = decoder;
    }

    /** What {@code text}, as the scanner sent it, is. */
    public Scan recognise(String text) {
        if (text == null) {
            return nothing();
        }
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        String scan = text.substring(0, end);
        if (scan.isEmpty()) {
            return nothing();
        }
        if (scan.length() > Gs1Decoder.MAX_LENGTH) {
            return gs1Only(scan);
        }
        if (scan.charAt(0) == ']' && scan.length() >= 3) {
            String content = scan.substring(3);
            if (isGs1Identifier(scan) || isHttp(content)) {
                return gs1Only(scan);
            }
            return internal(content);
        }
        char first = scan.charAt(0);
        if (first == '(' || first == 29 || isHttp(scan)) {
            return gs1Only(scan);
        }
        return internal(scan);
    }

    private static Scan nothing() {
        return new Scan.Unrecognised("Nothing was scanned — scan the barcode again", Optional.empty());
    }

    private static boolean isHttp(String s) {
        return s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8);
    }

    private static boolean isGs1Identifier(String scan) {
        char code = scan.charAt(1);
        char modifier = scan.charAt(2);
        return switch (code) {
            case 'C' -> modifier == '1';
            case 'e' -> modifier == '0';
            case 'd' -> modifier == '2';
            case 'Q' -> modifier == '3';
            case 'J' -> modifier == '1';
            case 'E' -> modifier == '0' || modifier == '4';
            default -> false;
        };
    }

    private Scan gs1Only(String scan) {
        try {
            return classify(decoder.decode(scan));
        } catch (Gs1Exception e) {
            return new Scan.Unrecognised(e.getMessage(), Optional.of(e));
        }
    }

    private static Scan classify(Gs1Data data) {
        if (data.sscc().isPresent()) {
            return new Scan.Container(data.sscc().get(), data);
        }
        if (data.gtin().isPresent() || data.contentGtin().isPresent()) {
            return new Scan.Product(data);
        }
        if (data.physicalLocation().isPresent()) {
            return new Scan.GlnLocation(data.physicalLocation().get(), data.glnExtension(), data);
        }
        return new Scan.OtherGs1(data);
    }

    private static boolean hasKey(Gs1Data data) {
        for (String key : new String[] {"00", "01", "02", "414", "417", "8003", "8004", "401", "402"}) {
            if (data.has(key)) {
                return true;
            }
        }
        return false;
    }

    private Scan internal(String text) {
        if (text.startsWith("B:")) {
            return prefixed(text, "badge", UserId::of, Scan.Badge::new);
        }
        if (text.startsWith("O:")) {
            return prefixed(text, "order", OrderCode::of, Scan.Order::new);
        }
        if (text.startsWith("S:")) {
            return prefixed(text, "shipment", ShipmentCode::of, Scan.Shipment::new);
        }
        if (text.startsWith("L:")) {
            return prefixed(text, "location", LocationCode::of, Scan.Location::new);
        }
        boolean code = isCode(text);
        try {
            Gs1Data data = decoder.decode(text);
            if (!code || hasKey(data)) {
                return classify(data);
            }
        } catch (Gs1Exception e) {
            if (!code || startsWithCompleteKey(text)) {
                String message = e.reason() == Gs1Exception.Reason.NOT_GS1
                        ? "This barcode is neither a GS1 label nor a Lotkeeper label — scan another barcode or type the code"
                        : e.getMessage();
                return new Scan.Unrecognised(message, Optional.of(e));
            }
        }
        return new Scan.Code(text);
    }

    private static <T> Scan prefixed(String text, String kind, Function<String, T> parse, Function<T, Scan> make) {
        try {
            return make.apply(parse.apply(text.substring(2)));
        } catch (InvalidIdentifierException e) {
            return new Scan.Unrecognised(
                    "This " + kind + " label is not valid: " + e.getMessage() + " — type the " + kind + " code",
                    Optional.empty());
        }
    }

    private static boolean isCode(String text) {
        try {
            LocationCode.of(text);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    /** 00 + 18 digits, 01/02 + 14 digits or 414 + 13 digits at the start. */
    private static boolean startsWithCompleteKey(String text) {
        if (text.startsWith("00")) {
            return digits(text, 2, 20);
        }
        if (text.startsWith("01") || text.startsWith("02")) {
            return digits(text, 2, 16);
        }
        return text.startsWith("414") && digits(text, 3, 16);
    }

    private static boolean digits(String text, int from, int to) {
        if (text.length() < to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
