package org.lotkeeper.server.epcis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.CurrentActor;
import org.lotkeeper.server.security.PartnerCredentials;

/**
 * A supplier's credentials for the EPCIS capture (ADMIN): {@code POST
 * /api/v1/partners/{code}/epcis-credentials} {@code {label, sites}} issues one (its token shown
 * once), {@code GET} lists them, {@code DELETE …/{id}} revokes one.
 */
@Path("/api/v1/partners/{partner}/epcis-credentials")
@RolesAllowed("ADMIN")
public class PartnerCredentialResource {

    public record CredentialRequest(String label, List<String> sites) {}

    @Inject
    PartnerCredentials credentials;

    @Inject
    MasterDataLookup masterData;

    @Inject
    CurrentActor actor;

    @POST
    public Response issue(@PathParam("partner") String partner, CredentialRequest request) {
        String code = supplier(partner);
        ValidationErrors errors = new ValidationErrors();
        String label = null;
        if (request == null || request.label() == null || request.label().isBlank()) {
            errors.add("label", ErrorCode.MISSING_FIELD, "label is required: say whose system the credential is for");
        } else {
            try {
                label = Fields.text("label", request.label().strip(), 200);
            } catch (Refused r) {
                errors.add("label", r.code(), r.getMessage());
            }
        }
        Set<String> sites =
                new LinkedHashSet<>(request == null || request.sites() == null ? List.of() : request.sites());
        if (sites.isEmpty()) {
            errors.add(
                    "sites",
                    ErrorCode.MISSING_FIELD,
                    "sites is required: the sites the partner's shipments may address");
        }
        for (String site : sites) {
            if (site == null || !masterData.exists(site)) {
                errors.add("sites", ErrorCode.UNKNOWN_SITE, "site " + site + " is not in master data");
            }
        }
        errors.throwIfAny();
        PartnerCredentials.Issued issued = credentials.issue(actor.get(), code, label, sites);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    public List<PartnerCredentials.Credential> list(@PathParam("partner") String partner) {
        return credentials.of(supplier(partner));
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("partner") String partner, @PathParam("id") String id) {
        credentials.revoke(actor.get(), supplier(partner), id);
        return Response.noContent().build();
    }

    private String supplier(String partner) {
        String code = Fields.code("partner", partner, PartnerCode::of);
        MasterDataLookup.PartnerInfo info = masterData.partners(List.of(code)).get(code);
        if (info == null || info.kind() != PartnerKind.SUPPLIER) {
            throw Refused.notFound("no supplier " + code + " in master data");
        }
        return code;
    }
}
