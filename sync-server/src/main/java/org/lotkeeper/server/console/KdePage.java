package org.lotkeeper.server.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.Fsma204Export;
import org.lotkeeper.server.trace.KdeCompleteness;

/**
 * The FSMA 204 completeness check (docs/INTEROP.md): the critical tracking events of a period
 * (days, UTC, both included; the last 30 by default) whose key data elements are missing or
 * doubtful, by cause, through the same {@link KdeCompleteness} as
 * {@code GET /api/v1/kde/completeness}; and the FDA's spreadsheet of those days. QA and SUPERVISOR.
 */
@Path("/console/kde")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class KdePage extends ConsoleResource {

    @Inject
    KdeCompleteness completeness;

    @Inject
    Fsma204Export fsma;

    @Inject
    Clock clock;

    /** The form's days as typed, and the check (null when the days could not be read). */
    @TemplateData
    public record KdeView(String from, String to, KdeCompleteness.Report report) {}

    @GET
    public TemplateInstance check(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        Actor actor = session.require(Role.QA, Role.SUPERVISOR);
        Chrome page = session.chrome(actor, "kde", "KDE completeness");
        LocalDate[] days;
        try {
            days = days(fromText, toText);
        } catch (DateTimeParseException e) {
            return Pages.kde(
                    page.error("Give the days as 2026-11-16."),
                    new KdeView(Forms.blank(fromText) ? "" : fromText, Forms.blank(toText) ? "" : toText, null));
        }
        if (days[1].isBefore(days[0])) {
            return Pages.kde(
                    page.error("The first day must not be after the last."),
                    new KdeView(days[0].toString(), days[1].toString(), null));
        }
        return Pages.kde(
                page,
                new KdeView(
                        days[0].toString(),
                        days[1].toString(),
                        completeness.check(start(days[0]), start(days[1].plusDays(1)), sites(actor))));
    }

    /**
     * The FDA's spreadsheet of the same days ({@code items}: comma-separated item codes, all when
     * blank), as the API's {@code /api/v1/export/fsma204.xlsx} makes it.
     */
    @GET
    @Path("/fsma204.xlsx")
    @Produces(Downloads.XLSX)
    public Response spreadsheet(
            @QueryParam("from") String fromText, @QueryParam("to") String toText, @QueryParam("items") String items) {
        Actor actor = session.require(Role.QA, Role.SUPERVISOR);
        LocalDate[] days;
        try {
            days = days(fromText, toText);
        } catch (DateTimeParseException e) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, "give the days as 2026-11-16", "from");
        }
        if (days[1].isBefore(days[0])) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, "the first day must not be after the last", "from");
        }
        List<String> codes = fsma.items(items);
        return Downloads.attachment(
                (StreamingOutput)
                        out -> fsma.xlsx(start(days[0]), start(days[1].plusDays(1)), sites(actor), codes, actor, out),
                Downloads.XLSX,
                "fsma204-" + days[0] + "-" + days[1] + ".xlsx");
    }

    /** The first and last day asked for (UTC): the last 30 days to today by default. */
    private LocalDate[] days(String fromText, String toText) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = Forms.blank(toText) ? today : LocalDate.parse(toText.strip());
        LocalDate from = Forms.blank(fromText)
                ? to.minusDays(KdeCompleteness.DASHBOARD_PERIOD.toDays() - 1)
                : LocalDate.parse(fromText.strip());
        return new LocalDate[] {from, to};
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static List<String> sites(Actor actor) {
        return actor.allSites() ? null : List.copyOf(actor.sites());
    }
}
