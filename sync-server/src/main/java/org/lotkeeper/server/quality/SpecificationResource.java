package org.lotkeeper.server.quality;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code /api/v1/items/{item}/specification}: QA approves a new version ({@code PUT}, signed);
 * everyone who works with lots reads the one in force, or an older one by {@code ?version=}.
 */
@Path("/api/v1/items/{item}/specification")
@Produces(MediaType.APPLICATION_JSON)
public class SpecificationResource {

    @Inject
    SpecificationService specifications;

    @Inject
    CurrentActor actor;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("QA")
    public SpecificationBodies.SpecificationView approve(
            @PathParam("item") String item, SpecificationBodies.SpecificationBody body) {
        String code = Fields.code("item", item, ItemCode::of);
        if (body == null) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    "a body with version, effectiveFrom, tests and signature is required",
                    null);
        }
        return view(specifications.approve(actor.get(), code, body));
    }

    @GET
    @RolesAllowed({"QA", "SUPERVISOR", "OPERATOR", "RECEIVER"})
    public SpecificationBodies.SpecificationView read(
            @PathParam("item") String item, @QueryParam("version") String version) {
        String code = Fields.code("item", item, ItemCode::of);
        SpecificationService.Approved found = version == null
                ? specifications
                        .inForceToday(code)
                        .orElseThrow(() -> Refused.notFound("item " + code + " has no specification in force"))
                : specifications
                        .version(code, (int) Fields.wholeNumber("version", version, 1, 100_000, 1))
                        .orElseThrow(
                                () -> Refused.notFound("item " + code + " has no specification version " + version));
        return view(found);
    }

    private SpecificationBodies.SpecificationView view(SpecificationService.Approved a) {
        String item = a.specification().item().value();
        return new SpecificationBodies.SpecificationView(
                item,
                a.specification().version(),
                a.specification().effectiveFrom(),
                a.specification().tests().stream()
                        .map(SpecificationBodies.TestBody::of)
                        .toList(),
                a.approvedBy(),
                a.approvedName(),
                a.meaning(),
                a.approvedAt(),
                specifications.versions(item));
    }
}
