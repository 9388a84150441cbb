package org.lotkeeper.server.tasks;

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
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/** Tasks for devices: created and closed by a supervisor, sent down with every pull while open. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("SUPERVISOR")
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    CurrentActor actor;

    @POST
    public TaskService.TaskView create(TaskService.TaskRequest request) {
        if (request == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a task is required", null);
        }
        return tasks.create(actor.get(), request);
    }

    @GET
    public List<TaskService.TaskView> list(@QueryParam("status") String status) {
        if (status != null && !Set.of("OPEN", "DONE").contains(status)) {
            throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "status must be OPEN or DONE", "status");
        }
        return tasks.list(actor.get(), status);
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
}
