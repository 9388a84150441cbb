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
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/**
 * A lot's quality: {@code POST …/results} (QA) records judged results as an INSPECT event;
 * {@code GET …/quality} answers where the lot stands against its item's specification.
 */
@Path("/api/v1/lots/{item}/{lot}")
@Produces(MediaType.APPLICATION_JSON)
public class LotQualityResource {

    @Inject
    QualityService quality;

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
        QualityService.Recorded recorded = quality.record(actor.get(), itemCode, lotCode, body);
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
