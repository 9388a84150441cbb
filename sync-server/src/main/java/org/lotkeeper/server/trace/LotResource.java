package org.lotkeeper.server.trace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code GET /api/v1/lots/{item}/{lot}} (detail), {@code .../timeline} and {@code .../balance}.
 * The status change ({@code POST .../status}) lives in the quality package.
 */
@Path("/api/v1/lots/{item}/{lot}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"QA", "SUPERVISOR", "OPERATOR", "RECEIVER"})
public class LotResource {

    @Inject
    LotService lots;

    @Inject
    CurrentActor actor;

    @GET
    public Views.LotDetail detail(@PathParam("item") String item, @PathParam("lot") String lot) {
        return lots.detail(actor.get(), item, lot);
    }

    @GET
    @Path("/timeline")
    public Views.Timeline timeline(@PathParam("item") String item, @PathParam("lot") String lot) {
        return lots.timeline(actor.get(), item, lot);
    }

    @GET
    @Path("/balance")
    public Views.Balance balance(@PathParam("item") String item, @PathParam("lot") String lot) {
        return lots.balance(actor.get(), item, lot);
    }
}
