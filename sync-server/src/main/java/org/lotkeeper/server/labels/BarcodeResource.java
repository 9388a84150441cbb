package org.lotkeeper.server.labels;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.gs1.Gs1Data;
import org.lotkeeper.model.gs1.Gs1Decoder;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.server.api.ApiException;

/**
 * The label checker (PROTOCOL.md "barcode parse"): decodes one scan's text exactly as a handheld
 * would and answers what it holds, or a 422 with the decoder's reason and the position at fault.
 * Any signed-in user or enrolled device may call it; it reads and stores nothing.
 */
@Path("/api/v1/barcodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BarcodeResource {

    /**
     * Texts longer than this are refused with 413 before decoding. Anything between the decoder's
     * own limit ({@link Gs1Decoder#MAX_LENGTH}) and this one is a 422 {@code TOO_LONG}: a label
     * checker should say "this is not a label", not "request too large", for 10 KB of junk.
     */
    static final int MAX_TEXT = 65_536;

    public record ParseRequest(String text, String groupSeparator) {
    }

    public record Element(String ai, String value, String meaning) {
    }

    public record Warning(String code, String ai, int position, String message) {
    }

    public record ParseResponse(String symbology, List<Element> elements, String gtin, String lot, LocalDate expiry,
                                String serial, String sscc, Quantity quantity, List<Warning> warnings) {
    }

    @Inject
    Clock clock;

    @POST
    @Path("/parse")
    @RolesAllowed({"OPERATOR", "RECEIVER", "QA", "SUPERVISOR", "ADMIN", "DEVICE"})
    public ParseResponse parse(ParseRequest request) {
        return decode(request, clock);
    }

    /**
     * Decodes one scan's text as a handheld would: what {@code parse} answers, for callers inside
     * the server (the console's label checker). Problems are {@link ApiException}s as above.
     */
    public static ParseResponse decode(ParseRequest request, Clock clock) {
        if (request == null || request.text() == null) {
            throw ApiException.badRequest("MISSING_FIELD", "text is required", "text");
        }
        String text = request.text();
        if (text.length() > MAX_TEXT) {
            throw new ApiException(413, "TOO_LARGE", "text has " + text.length() + " characters; at most " + MAX_TEXT
                    + " are accepted (a label barcode has at most " + Gs1Decoder.MAX_LENGTH + ")", "text");
        }
        Gs1Decoder decoder = Gs1Decoder.create().withClock(clock);
        String separator = request.groupSeparator();
        if (separator != null && !separator.isEmpty()) {
            if (separator.length() != 1) {
                throw ApiException.badRequest("INVALID_FIELD", "groupSeparator must be one character, such as ~ or |", "groupSeparator");
            }
            try {
                decoder = decoder.withSeparator(separator.charAt(0));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_FIELD", "groupSeparator: " + e.getMessage(), "groupSeparator");
            }
        }
        Gs1Data data;
        try {
            data = decoder.decode(text);
        } catch (Gs1Exception e) {
            ApiException problem = new ApiException(422, e.reason().name(), e.getMessage(), "text").with("position", e.position());
            e.ai().ifPresent(ai -> problem.with("ai", ai));
            throw problem;
        }
        return new ParseResponse(
                data.symbology().name(),
                data.elements().stream().map(el -> new Element(el.ai(), el.value(), el.title())).toList(),
                data.gtin().map(Object::toString).orElse(null),
                data.lot().map(Object::toString).orElse(null),
                data.expiry().orElse(null),
                data.serial().orElse(null),
                data.sscc().map(Object::toString).orElse(null),
                data.quantity().orElse(null),
                data.warnings().stream().map(w -> new Warning(w.code().name(), w.ai(), w.position(), w.message())).toList());
    }
}
