package org.lotkeeper.server.trace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code GET /api/v1/lots/{item}/{lot}} (detail), {@code .../timeline}, {@code .../balance} and
 * {@code .../fsma204.xlsx} (QA and SUPERVISOR).
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

    @Inject
    Fsma204Export fsma;

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

    /** The FDA's electronic sortable spreadsheet of the lot's receiving, shipping and transformations. */
    @GET
    @Path("/fsma204.xlsx")
    @Produces(Downloads.XLSX)
    @RolesAllowed({"QA", "SUPERVISOR"})
    public Response fsma204(@PathParam("item") String item, @PathParam("lot") String lot) {
        Actor caller = actor.get();
        LotRef ref = fsma.lot(caller, item, lot);
        return Downloads.attachment(
                (StreamingOutput) out -> fsma.xlsx(ref, caller, out),
                Downloads.XLSX,
                "fsma204-" + ref.item() + "-" + ref.lot() + ".xlsx");
    }
}
