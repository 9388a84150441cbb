package org.lotkeeper.server.labels;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;

/**
 * The label checker: decodes one scan's text exactly as a handheld would and says what it holds,
 * for the API ({@code POST /api/v1/barcodes/parse}) and the console's pages alike. Reads and
 * stores nothing.
 */
@ApplicationScoped
public class LabelChecker {

    /**
     * Texts longer than this are refused with 413 before decoding. Anything between the decoder's
     * own limit ({@link Gs1Decoder#MAX_LENGTH}) and this one is a 422 {@code TOO_LONG}: a label
     * checker should say "this is not a label", not "request too large", for 10 KB of junk.
     */
    static final int MAX_TEXT = 65_536;

    public record ParseRequest(String text, String groupSeparator) {}

    public record Element(String ai, String value, String meaning) {}

    public record Warning(String code, String ai, int position, String message) {}

    public record ParseResponse(
            String symbology,
            List<Element> elements,
            String gtin,
            String lot,
            LocalDate expiry,
            String serial,
            String sscc,
            Quantity quantity,
            List<Warning> warnings) {}

    @Inject
    Clock clock;

    /**
     * Decodes one scan's text as a handheld would. Text that is missing or too large is
     * {@link Refused}; text the decoder cannot read is the decoder's {@link Gs1Exception}, with its
     * reason and position (the edge answers 422).
     */
    public ParseResponse decode(ParseRequest request) {
        if (request == null || request.text() == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "text is required", "text");
        }
        String text = request.text();
        if (text.length() > MAX_TEXT) {
            throw Refused.of(
                    ErrorCode.TOO_LARGE,
                    "text has " + text.length() + " characters; at most " + MAX_TEXT
                            + " are accepted (a label barcode has at most " + Gs1Decoder.MAX_LENGTH + ")",
                    "text");
        }
        Gs1Decoder decoder = Gs1Decoder.create().withClock(clock);
        String separator = request.groupSeparator();
        if (separator != null && !separator.isEmpty()) {
            if (separator.length() != 1) {
                throw Refused.invalid(
                        ErrorCode.INVALID_FIELD,
                        "groupSeparator must be one character, such as ~ or |",
                        "groupSeparator");
            }
            try {
                decoder = decoder.withSeparator(separator.charAt(0));
            } catch (IllegalArgumentException e) {
                throw Refused.invalid(ErrorCode.INVALID_FIELD, "groupSeparator: " + e.getMessage(), "groupSeparator");
            }
        }
        Gs1Data data = decoder.decode(text);
        return new ParseResponse(
                data.symbology().name(),
                data.elements().stream()
                        .map(el -> new Element(el.ai(), el.value(), el.title()))
                        .toList(),
                data.gtin().map(Object::toString).orElse(null),
                data.lot().map(Object::toString).orElse(null),
                data.expiry().orElse(null),
                data.serial().orElse(null),
                data.sscc().map(Object::toString).orElse(null),
                data.quantity().orElse(null),
                data.warnings().stream()
                        .map(w -> new Warning(w.code().name(), w.ai(), w.position(), w.message()))
                        .toList());
    }
}
