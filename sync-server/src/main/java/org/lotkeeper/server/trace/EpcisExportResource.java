package org.lotkeeper.server.trace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code GET /api/v1/export/epcis?from=&to=[&site=]}: the ledger's events whose device time lies
 * in [from, to) as one EPCIS 2.0 document, for the caller's sites (or the one named). At most
 * {@value #MAX_EVENTS} events per document: a larger range answers 400 and asks for a smaller one.
 */
@Path("/api/v1/export/epcis")
@RolesAllowed({"QA", "SUPERVISOR"})
public class EpcisExportResource {

    static final int MAX_EVENTS = 100_000;

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    @Inject
    CurrentActor actor;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @GET
    @Produces({Downloads.JSON_LD, MediaType.APPLICATION_JSON})
    public Response export(
            @QueryParam("from") String fromText,
            @QueryParam("to") String toText,
            @QueryParam("site") String site,
            @Context HttpHeaders headers) {
        ExportRange range = ExportRange.of(actor, masterData, fromText, toText, site, clock.instant());
        Instant from = range.from();
        Instant to = range.to();
        List<LotEvents.Stored> events =
                access.read(c -> LotEvents.between(c, from, to, range.siteArray(), MAX_EVENTS + 1));
        if (events.size() > MAX_EVENTS) {
            throw Refused.invalid(
                    ErrorCode.RANGE_TOO_LARGE,
                    "more than " + MAX_EVENTS + " events lie between " + from + " and " + to
                            + "; ask for a shorter range",
                    "to");
        }
        try {
            byte[] body = json.writeValueAsBytes(new EpcisWriter(masterData).document(events, clock.instant()));
            return Downloads.attachment(body, Downloads.jsonLd(headers), "ledger-" + from + "-" + to + ".jsonld");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
