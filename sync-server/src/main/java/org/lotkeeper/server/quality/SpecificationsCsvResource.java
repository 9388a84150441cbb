package org.lotkeeper.server.quality;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code POST /api/v1/specifications/csv} (QA): specification versions from a CSV file
 * ({@link SpecificationsCsv}), approved with the signature in the {@value #PASSWORD} and
 * {@value #MEANING} headers — a password never travels in a URL, and the body is the file.
 */
@Path("/api/v1/specifications/csv")
@Produces(MediaType.APPLICATION_JSON)
public class SpecificationsCsvResource {

    static final String PASSWORD = "Lotkeeper-Signature-Password";
    static final String MEANING = "Lotkeeper-Signature-Meaning";

    /** What the file approved. */
    public record Imported(List<SpecificationsCsv.Approved> approved) {}

    @Inject
    SpecificationsCsv csv;

    @Inject
    CurrentActor actor;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed("QA")
    public Imported importCsv(
            @HeaderParam(PASSWORD) String password, @HeaderParam(MEANING) String meaning, String body) {
        return new Imported(csv.apply(actor.get(), body, password, meaning));
    }
}
