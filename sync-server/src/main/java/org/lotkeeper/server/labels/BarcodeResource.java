package org.lotkeeper.server.labels;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The label checker's endpoint (docs/PROTOCOL.md "barcode parse"): what {@link LabelChecker} reads
 * in one scan's text, or a 422 with the decoder's reason and the position at fault. Any signed-in
 * user or enrolled device may call it; it reads and stores nothing.
 */
@Path("/api/v1/barcodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BarcodeResource {

    @Inject
    LabelChecker checker;

    @POST
    @Path("/parse")
    @RolesAllowed({"OPERATOR", "RECEIVER", "QA", "SUPERVISOR", "ADMIN", "DEVICE"})
    public LabelChecker.ParseResponse parse(LabelChecker.ParseRequest request) {
        return checker.decode(request);
    }
}
