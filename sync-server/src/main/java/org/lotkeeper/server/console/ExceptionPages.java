package org.lotkeeper.server.console;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.HttpStatus;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.ledger.ExceptionService;
import org.lotkeeper.server.security.Actor;

/**
 * The supervisor's queue: exceptions raised at ingest, filtered by flag, with the event, user and
 * device, resolved with a note; pending count variances approved (the ADJUST event is written by
 * {@link ExceptionService}) or rejected with a note.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ExceptionPages extends ConsoleResource {

    static final int PAGE = 50;

    @TemplateData
    public record ExceptionsView(
            String flag,
            String status,
            List<String> flags,
            List<Row> exceptions,
            String nextHref,
            List<ExceptionService.VarianceView> variances) {}

    @TemplateData
    public record Row(ExceptionService.ExceptionView exception, String lotHref) {}

    @Inject
    ExceptionService service;

    @GET
    @Path("/exceptions")
    public TemplateInstance queue(
            @QueryParam("flag") String flag,
            @QueryParam("status") String status,
            @QueryParam("before") String before,
            @QueryParam("done") String done) {
        // QA investigates what a test or a batch raised (out of specification, a potency that differs)
        Actor actor = session.require(Role.SUPERVISOR, Role.QA);
        Chrome page = session.chrome(actor, "exceptions", "Exceptions");
        if (done != null && List.of("resolved", "approved", "rejected").contains(done)) {
            page = page.notice("Done: " + done + ".");
        }
        return Pages.exceptions(
                page,
                view(
                        actor,
                        flag,
                        status,
                        before == null || before.isEmpty()
                                ? null
                                : Fields.wholeNumber("before", before, 1, Long.MAX_VALUE, 0)));
    }

    @POST
    @Path("/exceptions/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(
            @PathParam("id") long id, @RestForm(ConsoleSession.CSRF_FIELD) String csrf, @RestForm String note) {
        Actor actor = session.post(csrf, Role.SUPERVISOR, Role.QA);
        return decided("resolved", () -> service.resolve(actor, id, Fields.text("note", note, 1000)));
    }

    @POST
    @Path("/variances/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(
            @PathParam("id") long id, @RestForm(ConsoleSession.CSRF_FIELD) String csrf, @RestForm String note) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        return decided("approved", () -> service.approve(actor, id, Fields.optionalText("note", note, 1000)));
    }

    @POST
    @Path("/variances/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(
            @PathParam("id") long id, @RestForm(ConsoleSession.CSRF_FIELD) String csrf, @RestForm String note) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        return decided("rejected", () -> service.reject(actor, id, Fields.text("note", note, 1000)));
    }

    private Response decided(String done, Runnable decision) {
        try {
            decision.run();
        } catch (Refused e) {
            if (HttpStatus.of(e) == 404) {
                throw e;
            }
            // redirect after POST: the page says why, and a reload does not send the decision again
            return Response.seeOther(URI.create("/console/exceptions"))
                    .cookie(ConsoleFlash.error(session.secure(), "Not done: " + e.getMessage() + "."))
                    .build();
        }
        return Response.seeOther(URI.create("/console/exceptions?done=" + done)).build();
    }

    private ExceptionsView view(Actor actor, String flag, String status, Long before) {
        List<String> flags = Arrays.stream(Flag.values()).map(Enum::name).toList();
        String f = flag != null && flags.contains(flag) ? flag : null;
        String s = "RESOLVED".equals(status) ? "RESOLVED" : "OPEN";
        List<ExceptionService.ExceptionView> found =
                service.exceptions(actor, s, f, before == null ? Long.MAX_VALUE : before, PAGE);
        String next = found.size() == PAGE
                ? "/console/exceptions?status=" + s + (f == null ? "" : "&flag=" + f) + "&before="
                        + found.get(PAGE - 1).id()
                : null;
        return new ExceptionsView(
                f,
                s,
                flags,
                found.stream()
                        .map(e -> new Row(
                                e, e.item() == null || e.lot() == null ? null : ConsoleLinks.lot(e.item(), e.lot())))
                        .toList(),
                next,
                service.variances(actor, "PENDING", Long.MAX_VALUE, PAGE));
    }
}
