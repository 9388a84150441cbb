package org.lotkeeper.server.ledger;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/** The supervisor's queue: exceptions raised by flags, and count variances to approve or reject. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("SUPERVISOR")
public class ExceptionResource {

    public record Decision(String note) {}

    @Inject
    ExceptionService service;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/exceptions")
    @RolesAllowed({"SUPERVISOR", "QA"})
    public List<ExceptionService.ExceptionView> exceptions(
            @QueryParam("status") String status, @QueryParam("flag") String flag, @QueryParam("limit") String limit) {
        if (status != null && !Set.of("OPEN", "RESOLVED").contains(status)) {
            throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "status must be OPEN or RESOLVED", "status");
        }
        if (flag != null) {
            try {
                Flag.valueOf(flag);
            } catch (IllegalArgumentException e) {
                throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "flag must be one of " + List.of(Flag.values()), "flag");
            }
        }
        return service.exceptions(actor.get(), status, flag, limit(limit));
    }

    @POST
    @Path("/exceptions/{id}/resolve")
    @RolesAllowed({"SUPERVISOR", "QA"})
    public ExceptionService.ExceptionView resolve(@PathParam("id") long id, Decision body) {
        return service.resolve(actor.get(), id, Fields.text("note", body == null ? null : body.note(), 1000));
    }

    @GET
    @Path("/variances")
    public List<ExceptionService.VarianceView> variances(
            @QueryParam("status") String status, @QueryParam("limit") String limit) {
        if (status != null && !Set.of("PENDING", "APPROVED", "REJECTED").contains(status)) {
            throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "status must be PENDING, APPROVED or REJECTED", "status");
        }
        return service.variances(actor.get(), status, limit(limit));
    }

    @POST
    @Path("/variances/{id}/approve")
    public ExceptionService.VarianceView approve(@PathParam("id") long id, Decision body) {
        return service.approve(actor.get(), id, Fields.optionalText("note", body == null ? null : body.note(), 1000));
    }

    @POST
    @Path("/variances/{id}/reject")
    public ExceptionService.VarianceView reject(@PathParam("id") long id, Decision body) {
        return service.reject(actor.get(), id, Fields.text("note", body == null ? null : body.note(), 1000));
    }

    private static int limit(String limit) {
        return (int) Fields.wholeNumber("limit", limit, 1, 5000, 500);
    }
}
