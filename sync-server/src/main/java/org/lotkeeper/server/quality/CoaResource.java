package org.lotkeeper.server.quality;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.model.id.ShipmentCode;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.security.CurrentActor;

/**
 * A shipment's certificates of analysis as one PDF (docs/QUALITY-CONTROL.md): {@code GET
 * /api/v1/shipments/{shipment}/coa.pdf}, a page per lot, to the shipment's customer. QA and
 * supervisors. A lot's own certificate is {@link LotQualityResource#certificate}.
 */
@Path("/api/v1/shipments/{shipment}")
public class CoaResource {

    @Inject
    CertificatesOfAnalysis certificates;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/coa.pdf")
    @Produces(Downloads.PDF)
    @RolesAllowed({"QA", "SUPERVISOR"})
    public Response shipment(@PathParam("shipment") String shipment) {
        String code = Fields.code("shipment", shipment, ShipmentCode::of);
        return Downloads.attachment(
                certificates.forShipment(actor.get(), code), Downloads.PDF, CertificatesOfAnalysis.fileName(code));
    }
}
