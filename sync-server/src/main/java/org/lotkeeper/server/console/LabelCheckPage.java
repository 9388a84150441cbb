package org.lotkeeper.server.console;

import java.time.Clock;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.lotkeeper.model.gs1.Gs1Exception;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.labels.LabelChecker;

/**
 * The label checker: paste or scan a label, see every AI with its meaning, the parsed fields and
 * the warnings — or exactly what is wrong and where. The same decoder as the barcode parse
 * endpoint and the handhelds ({@link LabelChecker#decode}). Any signed-in user.
 */
@Path("/console/labels/check")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LabelCheckPage extends ConsoleResource {

    /** The text as pasted, and either the decoded label or the problem with the character at fault (counted from 1, as the message counts). */
    @TemplateData
    public record CheckView(
            String text,
            String separator,
            LabelChecker.ParseResponse parsed,
            String problem,
            String problemCode,
            Integer character,
            String before,
            String at,
            String after) {

        /** The page before anything was checked. */
        static CheckView empty() {
            return new CheckView("", "", null, null, null, null, null, null, null);
        }
    }

    @Inject
    Clock clock;

    @Inject
    LabelChecker checker;

    @GET
    public TemplateInstance form() {
        var actor = session.require();
        return Pages.labels(
                session.chrome(actor, "labels", "Labels"), CheckView.empty(), LabelPrintPages.PrintForm.of(actor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf, @RestForm String text, @RestForm String separator) {
        var actor = session.post(csrf);
        Chrome page = session.chrome(actor, "labels", "Labels");
        String raw = text == null ? "" : text.strip();
        String scan = raw.replace("<GS>", "\u001d");
        try {
            LabelChecker.ParseResponse parsed = checker.decode(
                    new LabelChecker.ParseRequest(scan, separator == null || separator.isEmpty() ? null : separator));
            return Forms.html(
                    200,
                    Pages.labels(
                            page,
                            new CheckView(raw, separator, parsed, null, null, null, null, null, null),
                            LabelPrintPages.PrintForm.of(actor)));
        } catch (Refused e) {
            return Forms.html(
                    HttpStatus.of(e) >= 500 ? 500 : 200,
                    Pages.labels(
                            page,
                            new CheckView(
                                    raw.length() > 600 ? raw.substring(0, 600) : raw,
                                    separator,
                                    null,
                                    e.getMessage(),
                                    e.code().name(),
                                    null,
                                    null,
                                    null,
                                    null),
                            LabelPrintPages.PrintForm.of(actor)));
        } catch (Gs1Exception e) {
            int position = e.position();
            String shown = scan.length() > 600 ? scan.substring(0, 600) : scan;
            String before = null;
            String at = null;
            String after = null;
            if (position >= 0 && position <= shown.length()) {
                before = visible(shown.substring(0, position));
                at = position < shown.length() ? visible(shown.substring(position, position + 1)) : "⟂";
                after = position + 1 < shown.length() ? visible(shown.substring(position + 1)) : "";
            }
            return Forms.html(
                    200,
                    Pages.labels(
                            page,
                            new CheckView(
                                    raw.length() > 600 ? raw.substring(0, 600) : raw,
                                    separator,
                                    null,
                                    e.getMessage(),
                                    e.reason().name(),
                                    position + 1,
                                    before,
                                    at,
                                    after),
                            LabelPrintPages.PrintForm.of(actor)));
        }
    }

    /** Control characters as visible marks: the group separator as ⟨GS⟩. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == 0x1d) {
                out.append("⟨GS⟩");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("⟨%02X⟩", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
