package org.lotkeeper.server.labels;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/**
 * Printable labels: {@code GET /api/v1/labels/lots/{item}/{lot}} (internal lot label) and
 * {@code GET /api/v1/labels/sscc/{sscc}} (pallet label), as {@code ?format=png|pdf|zpl}.
 * RECEIVER, QA, SUPERVISOR (and ADMIN) print; site scoping as for the lot endpoints.
 */
@Path("/api/v1/labels")
@Produces({"image/png", "application/pdf", "application/zpl", "application/problem+json", "*/*"})
@RolesAllowed({"RECEIVER", "QA", "SUPERVISOR"})
public class LabelResource {

    @Inject
    LabelService labels;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/lots/{item}/{lot}")
    public Response lot(
            @PathParam("item") String item,
            @PathParam("lot") String lot,
            @QueryParam("format") @DefaultValue("png") String format,
            @QueryParam("symbology") @DefaultValue("both") String symbology,
            @QueryParam("quantity") String quantity) {
        LabelFormat f = LabelFormat.parameter(format);
        Label label = labels.lotLabel(actor.get(), item, lot, quantity(quantity), LabelSymbology.parameter(symbology));
        return labels.download(label, f, "lot-" + item + "-" + lot);
    }

    /**
     * Pre-printed internal lot labels of a MANUAL item, before the lots exist (docs/LABELS.md): a
     * POST, as each printed code is recorded so the next block starts after it.
     */
    @POST
    @Path("/lot-blocks/{item}")
    public Response lotBlock(
            @PathParam("item") String item,
            @QueryParam("first") String first,
            @QueryParam("count") String count,
            @QueryParam("format") @DefaultValue("pdf") String format,
            @QueryParam("symbology") @DefaultValue("both") String symbology,
            @QueryParam("reprint") String reprint) {
        return labels.lotLabelBlock(
                actor.get(), item, first, count, format, "true".equals(reprint), LabelSymbology.parameter(symbology));
    }

    /**
     * A roll of blank pallet labels: new SSCCs of the site's company prefix (docs/LABELS.md), a POST
     * as the numbers drawn are never handed out again.
     */
    @POST
    @Path("/sscc-rolls/{site}")
    public Response ssccRoll(
            @PathParam("site") String site,
            @QueryParam("count") String count,
            @QueryParam("format") @DefaultValue("pdf") String format) {
        return labels.ssccRoll(actor.get(), site, count, format);
    }

    @GET
    @Path("/sscc/{sscc}")
    public Response sscc(@PathParam("sscc") String sscc, @QueryParam("format") @DefaultValue("png") String format) {
        LabelFormat f = LabelFormat.parameter(format);
        Label label = labels.ssccLabel(actor.get(), sscc);
        return labels.download(label, f, "sscc-" + sscc);
    }

    private static BigDecimal quantity(String quantity) {
        if (quantity == null || quantity.isEmpty()) {
            return null;
        }
        if (quantity.length() > 30) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, "quantity is too long", "quantity");
        }
        try {
            return new BigDecimal(quantity);
        } catch (NumberFormatException e) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD, "quantity must be a decimal number such as 200 or 12.5", "quantity");
        }
    }
}
