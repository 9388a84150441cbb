package org.lotkeeper.server.tasks;

import java.util.List;

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
import org.lotkeeper.model.wire.TaskKind;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/**
 * Tasks for devices: created, closed and cancelled by a supervisor (one at a time, from an order,
 * or as a CSV of open orders), sent down with every pull while open and not complete.
 */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("SUPERVISOR")
public class TaskResource {

    /** A delivery note to make from an order: its id (default {@code DN-<order>}) and ship-to. */
    public record DeliveryNoteRequest(String id, String shipTo, String partnerLocation) {}

    @Inject
    TaskService tasks;

    @Inject
    TaskCsv csv;

    @Inject
    CurrentActor actor;

    @POST
    public TaskService.TaskView create(TaskService.TaskRequest request) {
        if (request == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a task is required", null);
        }
        return tasks.create(actor.get(), request);
    }

    /** Open orders from an ERP as CSV (docs/API.md "Tasks CSV"): every task of the file, or none. */
    @POST
    @Path("/csv")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public List<TaskService.TaskView> importCsv(String body) {
        return csv.apply(actor.get(), body);
    }

    @GET
    public List<TaskService.TaskView> list(@QueryParam("kind") String kind, @QueryParam("status") String status) {
        return tasks.list(actor.get(), kind(kind), status(status));
    }

    @GET
    @Path("/{id}")
    public TaskService.TaskView get(@PathParam("id") String id) {
        return tasks.find(actor.get(), id);
    }

    @POST
    @Path("/{id}/close")
    public TaskService.TaskView close(@PathParam("id") String id) {
        return tasks.close(actor.get(), id);
    }

    @POST
    @Path("/{id}/cancel")
    public TaskService.TaskView cancel(@PathParam("id") String id) {
        return tasks.cancel(actor.get(), id, null);
    }

    /** A delivery note for an order to pick: its customer and lines; the device offers what was picked for it. */
    @POST
    @Path("/{id}/delivery-note")
    public TaskService.TaskView deliveryNote(@PathParam("id") String id, DeliveryNoteRequest request) {
        return tasks.deliveryNoteFrom(
                actor.get(),
                id,
                request == null ? null : request.id(),
                request == null ? null : request.shipTo(),
                request == null ? null : request.partnerLocation());
    }

    static TaskKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return TaskKind.of(kind.strip())
                .orElseThrow(() -> Refused.invalid(
                        ErrorCode.UNKNOWN_ENUM, "kind must be PICK, RECEIPT, COUNT, SHIP or RETURN", "kind"));
    }

    static TaskService.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TaskService.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "status must be OPEN, DONE or CANCELLED", "status");
        }
    }
}
