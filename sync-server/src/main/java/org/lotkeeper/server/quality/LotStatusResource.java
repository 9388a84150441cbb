package org.lotkeeper.server.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/** {@code POST /api/v1/lots/{item}/{lot}/status}: QA decides; a supervisor may also put on hold. */
@Path("/api/v1/lots/{item}/{lot}/status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LotStatusResource {

    public record Signature(String password, String meaning) {}

    /** Why QA releases a lot that does not meet its specification (docs/QUALITY-CONTROL.md). */
    public record Concession(String reason) {}

    public record StatusBody(String status, String reason, Signature signature, Concession concession) {}

    @Inject
    StatusService status;

    @Inject
    CurrentActor actor;

    @POST
    @RolesAllowed({"QA", "SUPERVISOR"})
    public ObjectNode change(@PathParam("item") String item, @PathParam("lot") String lot, StatusBody body) {
        String itemCode = Fields.code("item", item, ItemCode::of);
        String lotCode = Fields.code("lot", lot, LotCode::of);
        if (body == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a body with status and reason is required", null);
        }
        if (body.status() == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "status is required", "status");
        }
        LotStatus to;
        try {
            to = LotStatus.valueOf(body.status());
        } catch (IllegalArgumentException e) {
            throw Refused.invalid(
                    ErrorCode.UNKNOWN_ENUM,
                    "status must be one of QUARANTINE, RELEASED, ON_HOLD, REJECTED, RECALLED",
                    "status");
        }
        String reason = Fields.text("reason", body.reason(), 500);
        Signature sig = body.signature();
        String meaning = sig == null ? null : Fields.optionalText("signature.meaning", sig.meaning(), 200);
        if (sig != null && sig.password() != null && sig.password().length() > 200) {
            throw Refused.invalid(ErrorCode.TOO_LONG, "signature.password is too long", "signature.password");
        }
        StatusService.StatusResult result = status.change(
                actor.get(),
                itemCode,
                lotCode,
                new StatusService.StatusRequest(
                        to,
                        reason,
                        sig == null ? null : sig.password(),
                        meaning,
                        body.concession() == null
                                ? null
                                : Fields.text(
                                        "concession.reason", body.concession().reason(), 500)));
        ObjectNode out = EventJson.toTree(result.event());
        out.put("ledgerSeq", result.ledgerSeq());
        return out;
    }
}
