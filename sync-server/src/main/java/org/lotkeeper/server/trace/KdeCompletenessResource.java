package org.lotkeeper.server.trace;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code GET /api/v1/kde/completeness?[from=][&to=][&site=]}: the critical tracking events of
 * [from, to) (device time; {@code to} defaults to now, {@code from} to 30 days before it) whose
 * FSMA 204 key data elements are missing or doubtful, grouped by cause, at the caller's sites (or
 * the one named).
 */
@Path("/api/v1/kde/completeness")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"QA", "SUPERVISOR"})
public class KdeCompletenessResource {

    @Inject
    KdeCompleteness completeness;

    @Inject
    CurrentActor actor;

    @Inject
    MasterDataLookup masterData;

    @Inject
    Clock clock;

    @GET
    public KdeCompleteness.Report check(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("site") String site) {
        ExportRange range =
                ExportRange.of(actor, masterData, from, to, site, clock.instant(), KdeCompleteness.DASHBOARD_PERIOD);
        return completeness.check(range.from(), range.to(), range.sites());
    }
}
