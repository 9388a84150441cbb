package org.lotkeeper.server.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import jakarta.ws.rs.core.Response;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/**
 * A lot's quality: {@code POST …/results} (QA) records judged results as an INSPECT event;
 * {@code POST …/retest} (QA) signs a retest and moves the lot's retest date on; {@code GET …/quality} answers where the lot stands against its item's specification.
 */
@Path("/api/v1/lots/{item}/{lot}")
@Produces(MediaType.APPLICATION_JSON)
public class LotQualityResource {

    @Inject
    QualityService quality;

    @Inject
    CertificatesOfAnalysis certificates;

    @Inject
    CurrentActor actor;

    @POST
    @Path("/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("QA")
    public ObjectNode record(
            @PathParam("item") String item, @PathParam("lot") String lot, QualityService.ResultsBody body) {
        String itemCode = Fields.code("item", item, ItemCode::of);
        String lotCode = Fields.code("lot", lot, LotCode::of);
        if (body == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a body with source and results is required", null);
        }
        return answer(quality.record(actor.get(), itemCode, lotCode, body));
    }

    @POST
    @Path("/retest")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("QA")
    public ObjectNode retest(
            @PathParam("item") String item, @PathParam("lot") String lot, QualityService.RetestBody body) {
        String itemCode = Fields.code("item", item, ItemCode::of);
        String lotCode = Fields.code("lot", lot, LotCode::of);
        if (body == null) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    "a body with results or basedOn, retestDate and signature is required",
                    null);
        }
        return answer(quality.retest(actor.get(), itemCode, lotCode, body));
    }

    /** The lot's certificate of analysis ({@code ?customer=} for the addressee). */
    @GET
    @Path("/coa.pdf")
    @Produces(Downloads.PDF)
    @RolesAllowed({"QA", "SUPERVISOR"})
    public Response certificate(
            @PathParam("item") String item, @PathParam("lot") String lot, @QueryParam("customer") String customer) {
        String itemCode = Fields.code("item", item, ItemCode::of);
        String lotCode = Fields.code("lot", lot, LotCode::of);
        String to = customer == null || customer.isEmpty() ? null : Fields.code("customer", customer, PartnerCode::of);
        return Downloads.attachment(
                certificates.forLot(actor.get(), itemCode, lotCode, to),
                Downloads.PDF,
                CertificatesOfAnalysis.fileName(itemCode, lotCode));
    }

    private static ObjectNode answer(QualityService.Recorded recorded) {
        ObjectNode out = EventJson.toTree(recorded.event());
        out.put("ledgerSeq", recorded.ledgerSeq());
        ArrayNode flags = out.putArray("flags");
        recorded.flags().forEach(f -> flags.add(f.name()));
        return out;
    }

    @GET
    @Path("/quality")
    @RolesAllowed({"QA", "SUPERVISOR", "OPERATOR", "RECEIVER"})
    public QualityService.LotQuality read(@PathParam("item") String item, @PathParam("lot") String lot) {
        return quality.quality(
                actor.get(), Fields.code("item", item, ItemCode::of), Fields.code("lot", lot, LotCode::of));
    }
}
