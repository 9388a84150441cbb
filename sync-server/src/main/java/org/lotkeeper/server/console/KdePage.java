package org.lotkeeper.server.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.trace.KdeCompleteness;

/**
 * The FSMA 204 completeness check (docs/INTEROP.md): the critical tracking events of a period
 * (days, UTC, both included; the last 30 by default) whose key data elements are missing or
 * doubtful, by cause, through the same {@link KdeCompleteness} as
 * {@code GET /api/v1/kde/completeness}. QA and SUPERVISOR.
 */
@Path("/console/kde")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class KdePage extends ConsoleResource {

    @Inject
    KdeCompleteness completeness;

    @Inject
    Clock clock;

    /** The form's days as typed, and the check (null when the days could not be read). */
    @TemplateData
    public record KdeView(String from, String to, KdeCompleteness.Report report) {}

    @GET
    public TemplateInstance check(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        Actor actor = session.require(Role.QA, Role.SUPERVISOR);
        Chrome page = session.chrome(actor, "kde", "KDE completeness");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to;
        LocalDate from;
        try {
            to = Forms.blank(toText) ? today : LocalDate.parse(toText.strip());
            from = Forms.blank(fromText)
                    ? to.minusDays(KdeCompleteness.DASHBOARD_PERIOD.toDays() - 1)
                    : LocalDate.parse(fromText.strip());
        } catch (DateTimeParseException e) {
            return Pages.kde(
                    page.error("Give the days as 2026-11-16."),
                    new KdeView(Forms.blank(fromText) ? "" : fromText, Forms.blank(toText) ? "" : toText, null));
        }
        if (to.isBefore(from)) {
            return Pages.kde(
                    page.error("The first day must not be after the last."),
                    new KdeView(from.toString(), to.toString(), null));
        }
        return Pages.kde(
                page,
                new KdeView(
                        from.toString(),
                        to.toString(),
                        completeness.check(
                                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                                actor.allSites() ? null : java.util.List.copyOf(actor.sites()))));
    }
}
