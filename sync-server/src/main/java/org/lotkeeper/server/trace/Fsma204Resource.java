package org.lotkeeper.server.trace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
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

    /** At most this many item codes in {@code items}. */
    static final int MAX_ITEMS = 200;

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
        List<String> items = items(itemsText);
        return Downloads.attachment(
                (StreamingOutput) out -> fsma.xlsx(range, items, caller, out),
                Downloads.XLSX,
                "fsma204-" + range.from() + "-" + range.to() + ".xlsx");
    }

    /** The item codes of {@code text}, comma-separated, each well-formed and in master data. */
    private List<String> items(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            codes.add(Fields.code("items", part.strip(), ItemCode::of));
            if (codes.size() > MAX_ITEMS) {
                throw Refused.invalid(
                        ErrorCode.TOO_MANY, "items names more than " + MAX_ITEMS + " items; ask for fewer", "items");
            }
        }
        List<String> unknown = new ArrayList<>(codes);
        unknown.removeAll(masterData.items(codes).keySet());
        if (!unknown.isEmpty()) {
            throw Refused.invalid(
                    ErrorCode.UNKNOWN_ITEM, "no item " + String.join(", ", unknown) + " in master data", "items");
        }
        return List.copyOf(codes);
    }
}
