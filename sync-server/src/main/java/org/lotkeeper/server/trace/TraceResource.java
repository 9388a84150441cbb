package org.lotkeeper.server.trace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.CurrentActor;

/** {@code GET /api/v1/trace/{item}/{lot}?direction=backward|forward|both} and its shipment lines. */
@Path("/api/v1/trace/{item}/{lot}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"QA", "SUPERVISOR", "OPERATOR", "RECEIVER"})
public class TraceResource {

    @Inject
    TraceService trace;

    @Inject
    CurrentActor actor;

    @GET
    public Views.TraceAnswer trace(
            @PathParam("item") String item, @PathParam("lot") String lot, @QueryParam("direction") String direction) {
        Direction d = Direction.parse(direction);
        return trace.trace(actor.get(), item, lot, d);
    }

    /** {@code GET /api/v1/trace/{item}/{lot}/shipments?customer=&after=&limit=}: the lines the trace sums, a page at a time. */
    @GET
    @Path("/shipments")
    public Views.Page<Views.Shipment> shipments(
            @PathParam("item") String item,
            @PathParam("lot") String lot,
            @QueryParam("customer") String customer,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        return trace.shipments(actor.get(), item, lot, customer, after, limit);
    }
}
