package org.lotkeeper.server.trace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.CurrentActor;

/** {@code GET /api/v1/pallets/{sscc}}: what a pallet holds and every event that named it (docs/API.md). */
@Path("/api/v1/pallets/{sscc}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"QA", "SUPERVISOR", "OPERATOR", "RECEIVER"})
public class PalletResource {

    @Inject
    PalletService pallets;

    @Inject
    CurrentActor actor;

    @GET
    public Views.Pallet pallet(@PathParam("sscc") String sscc) {
        return pallets.pallet(actor.get(), sscc);
    }
}
