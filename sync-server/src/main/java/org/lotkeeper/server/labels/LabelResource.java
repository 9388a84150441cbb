package org.lotkeeper.server.labels;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.server.api.ApiException;
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
    public Response lot(@PathParam("item") String item, @PathParam("lot") String lot,
                        @QueryParam("format") @DefaultValue("png") String format,
                        @QueryParam("symbology") @DefaultValue("both") String symbology,
                        @QueryParam("quantity") String quantity) {
        LabelFormat f = format(format);
        Label label = labels.lotLabel(actor.get(), item, lot, quantity(quantity), symbology(symbology));
        return file(label, f, "lot-" + item + "-" + lot);
    }

    @GET
    @Path("/sscc/{sscc}")
    public Response sscc(@PathParam("sscc") String sscc, @QueryParam("format") @DefaultValue("png") String format) {
        LabelFormat f = format(format);
        Label label = labels.ssccLabel(actor.get(), sscc);
        return file(label, f, "sscc-" + sscc);
    }

    /** The format named by a {@code format} parameter, or 400 naming it. */
    public static LabelFormat format(String format) {
        return LabelFormat.byName(format).orElseThrow(() -> ApiException.badRequest("INVALID_FIELD", "format must be png, pdf or zpl", "format"));
    }

    /** The symbology named by a {@code symbology} parameter, or 400 naming it. */
    public static LabelSymbology symbology(String symbology) {
        return LabelSymbology.byName(symbology).orElseThrow(() -> ApiException.badRequest("INVALID_FIELD",
                "symbology must be gs1-128, datamatrix or both", "symbology"));
    }

    private static BigDecimal quantity(String quantity) {
        if (quantity == null || quantity.isEmpty()) {
            return null;
        }
        if (quantity.length() > 30) {
            throw ApiException.badRequest("INVALID_FIELD", "quantity is too long", "quantity");
        }
        try {
            return new BigDecimal(quantity);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_FIELD", "quantity must be a decimal number such as 200 or 12.5", "quantity");
        }
    }

    private Response file(Label label, LabelFormat format, String name) {
        return file(labels.renderer(), label, format, name);
    }

    /** A rendered label as an inline download with a safe file name, never cached. */
    public static Response file(LabelRenderer renderer, Label label, LabelFormat format, String name) {
        // the codes in the name were checked (item, lot code, SSCC) but a lot code may hold quotes: keep a safe file name
        String filename = name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
        return Response.ok(renderer.render(label, format), format.mediaType())
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
