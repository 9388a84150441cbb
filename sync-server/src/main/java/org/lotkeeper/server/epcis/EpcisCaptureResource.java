package org.lotkeeper.server.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code POST /api/v1/epcis/capture?partner=&[site=]}: a supplier's EPCIS 2.0 document
 * ({@code application/ld+json} or {@code application/json}), captured event by event; the answer
 * (201, with the capture's address) says what became of each event. {@code GET …/{id}} gives it again.
 * A partner's credential captures as that partner ({@code partner} may be left out; another is
 * refused) into its own sites, and reads only its own captures; a user reads the captures they
 * made (an administrator every one): an answer names the sites its expected receipts went to.
 */
@Path("/api/v1/epcis/capture")
@RolesAllowed({"QA", "ADMIN", Actor.EPCIS_PARTNER_ROLE})
public class EpcisCaptureResource {

    @Inject
    EpcisCapture capture;

    @Inject
    CurrentActor actor;

    @POST
    @Consumes({Downloads.JSON_LD, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response capture(
            @QueryParam("partner") String partner,
            @QueryParam("site") String site,
            @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        // checked here rather than by @Consumes, so the answer says which types are taken
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException malformed) {
            type = null;
        }
        if (type == null
                || !(type.isCompatible(MediaType.valueOf(Downloads.JSON_LD))
                        || type.isCompatible(MediaType.APPLICATION_JSON_TYPE))
                || type.isWildcardType()) {
            throw Refused.of(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "an EPCIS document is sent as application/ld+json or application/json (EPCIS 2.0's JSON "
                            + "binding; XML is not taken), not "
                            + (contentType == null ? "without a Content-Type" : contentType));
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(EpcisDocument.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EpcisCapture.Answer answer = capture.capture(actor.get(), partner, site, bytes);
        return Response.created(URI.create("/api/v1/epcis/capture/" + answer.captureId()))
                .entity(answer)
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public EpcisCapture.Answer find(@PathParam("id") String id) {
        Actor caller = actor.get();
        return capture.find(id)
                .filter(a -> caller.isPartner()
                        ? a.partner().equals(caller.partner())
                        : caller.allSites() || a.capturedBy().equals(caller.id()))
                .orElseThrow(() -> Refused.of(ErrorCode.NOT_FOUND, "no capture " + id));
    }
}
