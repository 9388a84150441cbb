package org.lotkeeper.server.trace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.CurrentActor;

/** {@code GET /api/v1/transfers}: stock in transit from or to the caller's sites (docs/API.md). */
@Path("/api/v1/transfers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"QA", "SUPERVISOR", "OPERATOR", "RECEIVER"})
public class TransferResource {

    @Inject
    TransferService transfers;

    @Inject
    CurrentActor actor;

    @GET
    public Views.Transfers inTransit() {
        return transfers.inTransit(actor.get());
    }
}
