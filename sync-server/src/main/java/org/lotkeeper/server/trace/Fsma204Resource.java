package org.lotkeeper.server.trace;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code GET /api/v1/export/fsma204.xlsx?from=&to=[&items=][&site=]}: the FDA's electronic sortable
 * spreadsheet of the critical tracking events whose device time lies in [from, to), of the items
 * named (comma-separated item codes; all when absent), at the caller's sites (or the one named).
 */
@Path("/api/v1/export/fsma204.xlsx")
@RolesAllowed({"QA", "SUPERVISOR"})
public class Fsma204Resource {

    @Inject
    Fsma204Export fsma;

    @Inject
    MasterDataLookup masterData;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    @GET
    @Produces(Downloads.XLSX)
    public Response export(
            @QueryParam("from") String fromText,
            @QueryParam("to") String toText,
            @QueryParam("items") String itemsText,
            @QueryParam("site") String site) {
        Actor caller = actor.get();
        ExportRange range = ExportRange.of(actor, masterData, fromText, toText, site, clock.instant());
        List<String> items = fsma.items(itemsText);
        return Downloads.attachment(
                (StreamingOutput) out -> fsma.xlsx(range.from(), range.to(), range.sites(), items, caller, out),
                Downloads.XLSX,
                "fsma204-" + range.from() + "-" + range.to() + ".xlsx");
    }
}
