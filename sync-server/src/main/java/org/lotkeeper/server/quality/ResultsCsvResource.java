package org.lotkeeper.server.quality;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.security.CurrentActor;

/** {@code POST /api/v1/results/csv} (QA): a laboratory system's results, every lot of the file or none. */
@Path("/api/v1/results/csv")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsCsvResource {

    /** What the file recorded: one INSPECT event per lot. */
    public record Imported(int lots, int results, List<Long> ledgerSeqs) {}

    @Inject
    ResultsCsv csv;

    @Inject
    CurrentActor actor;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed("QA")
    public Imported importCsv(String body) {
        List<QualityService.Recorded> recorded = csv.apply(actor.get(), body);
        return new Imported(
                recorded.size(),
                recorded.stream()
                        .mapToInt(r -> ((org.lotkeeper.model.event.Inspect)
                                        r.event().payload())
                                .results()
                                .size())
                        .sum(),
                recorded.stream().map(QualityService.Recorded::ledgerSeq).toList());
    }
}
