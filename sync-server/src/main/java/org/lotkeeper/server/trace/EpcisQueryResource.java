package org.lotkeeper.server.trace;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import jakarta.ws.rs.core.UriInfo;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.epcis.EpcIds;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.CurrentActor;

/**
 * {@code GET /api/v1/epcis/events}: the plant's ledger as EPCIS 2.0 events for a partner's query,
 * with the REST binding's parameters that fit (docs/INTEROP.md): {@code GE_eventTime},
 * {@code LT_eventTime}, {@code MATCH_anyEPCClass} (a lot's class, or a GTIN's for all its lots),
 * {@code EQ_bizStep}, {@code perPage} (1 to {@value #MAX_PER_PAGE}, default {@value #DEFAULT_PER_PAGE})
 * and {@code nextPageToken}; of the caller's sites, or the {@code site} named. Events come in
 * ledger order; a page that is not the last answers a {@code Link} header with {@code rel="next"}.
 */
@Path("/api/v1/epcis/events")
@RolesAllowed({"QA", "SUPERVISOR"})
public class EpcisQueryResource {

    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 1000;
    /** How many ledger events one request reads at most while looking for a page of a business step. */
    static final int MAX_SCANNED = 20_000;

    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");
    private static final String TOKEN_PREFIX = "after:";
    private static final String LOTKEEPER_CLASS = "urn:lotkeeper:class:";
    /** The EPCIS 2.0 query parameters answered, and the site; any other is refused rather than ignored. */
    private static final List<String> PARAMETERS = List.of(
            "GE_eventTime", "LT_eventTime", "MATCH_anyEPCClass", "EQ_bizStep", "perPage", "nextPageToken", "site");

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    @Inject
    CurrentActor actor;

    @Inject
    Clock clock;

    @GET
    @Produces({Downloads.JSON_LD, MediaType.APPLICATION_JSON})
    public Response events(
            @QueryParam("GE_eventTime") String geText,
            @QueryParam("LT_eventTime") String ltText,
            @QueryParam("MATCH_anyEPCClass") List<String> classesAsked,
            @QueryParam("EQ_bizStep") List<String> stepsAsked,
            @QueryParam("perPage") String perPageText,
            @QueryParam("nextPageToken") String token,
            @QueryParam("site") String site,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw Refused.invalid(
                        ErrorCode.INVALID_FIELD,
                        name + " is not a query parameter this server answers; it answers "
                                + String.join(", ", PARAMETERS),
                        name);
            }
        }
        Instant from = ExportRange.instant("GE_eventTime", geText, BEGINNING);
        Instant to = ExportRange.instant("LT_eventTime", ltText, END);
        ExportRange range = ExportRange.of(actor, masterData, from, to, site, "GE_eventTime");
        int perPage = (int) Fields.wholeNumber("perPage", perPageText, 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
        long after = token == null || token.isEmpty() ? 0 : afterSeq(token);
        Set<String> steps =
                Set.copyOf(split(stepsAsked).stream().map(EpcIds::vocabulary).toList());
        Classes classes = classes(split(classesAsked));

        EpcisWriter writer = new EpcisWriter(masterData);
        List<ObjectNode> page = new ArrayList<>();
        long last = after;
        boolean more = true;
        int scanned = 0;
        while (page.size() < perPage && scanned < MAX_SCANNED && more) {
            long position = last;
            int batch = Math.min(MAX_PER_PAGE, steps.isEmpty() ? perPage - page.size() : MAX_PER_PAGE);
            List<LotEvents.Stored> read = access.read(c -> events(c, range, classes, position, batch + 1));
            more = read.size() > batch;
            List<LotEvents.Stored> kept = more ? read.subList(0, batch) : read;
            List<ObjectNode> rendered = writer.events(kept);
            int i = 0;
            while (i < rendered.size() && page.size() < perPage) {
                ObjectNode e = rendered.get(i);
                last = kept.get(i).ledgerSeq();
                i++;
                if (steps.isEmpty() || steps.contains(e.path("bizStep").asText())) {
                    page.add(e);
                }
            }
            more = more || i < rendered.size();
            scanned += i;
        }
        Response.ResponseBuilder answer =
                Response.ok(EpcisWriter.queryDocument(page, clock.instant()), Downloads.jsonLd(headers));
        if (more) {
            String next = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((TOKEN_PREFIX + last).getBytes(StandardCharsets.UTF_8));
            answer.header(
                    "Link",
                    "<"
                            + uri.getRequestUriBuilder()
                                    .replaceQueryParam("nextPageToken", next)
                                    .build() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    /** Items and lots asked for: {@code lots} pairs (a null lot: every lot of the item). */
    private record Classes(List<String> items, List<String> lots, boolean none) {}

    /**
     * The classes asked for as (item, lot) pairs: a GS1 class (Digital Link or EPC URN) by the
     * item with that GTIN, or the plant's own {@code urn:lotkeeper:class:{item}:{lot}}. A class
     * the plant has no item for matches nothing.
     */
    private Classes classes(List<String> asked) {
        if (asked.isEmpty()) {
            return new Classes(null, null, false);
        }
        List<String> items = new ArrayList<>();
        List<String> lots = new ArrayList<>();
        java.util.Map<String, List<String>> byGtin = new java.util.HashMap<>();
        for (String c : asked) {
            Optional<EpcIds.Product> p =
                    EpcIds.product(c.matches("\\d{8}|\\d{12,14}") ? "https://id.gs1.org/01/" + c : c);
            if (p.isPresent()) {
                if (byGtin.isEmpty()) {
                    masterData.allItems().stream()
                            .filter(i -> i.gtin() != null)
                            .forEach(i -> byGtin.computeIfAbsent(i.gtin(), g -> new ArrayList<>())
                                    .add(i.code()));
                }
                for (String item : byGtin.getOrDefault(p.get().gtin(), List.of())) {
                    items.add(item);
                    lots.add(p.get().lot());
                }
            } else if (c.startsWith(LOTKEEPER_CLASS) && c.indexOf(':', LOTKEEPER_CLASS.length()) > 0) {
                String[] parts = c.substring(LOTKEEPER_CLASS.length()).split(":", 2);
                items.add(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
                lots.add(java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            } else {
                throw Refused.invalid(
                        ErrorCode.INVALID_FIELD,
                        "MATCH_anyEPCClass: " + c + " is not a GS1 class (GTIN with or without a lot) "
                                + "nor urn:lotkeeper:class:{item}:{lot}",
                        "MATCH_anyEPCClass");
            }
        }
        return new Classes(items, lots, items.isEmpty());
    }

    private static List<LotEvents.Stored> events(
            Connection c, ExportRange range, Classes classes, long after, int limit) throws SQLException {
        if (classes.none()) {
            return List.of();
        }
        return LotEvents.query(
                c,
                "WHERE e.ledger_seq > ? AND e.occurred_at >= ? AND e.occurred_at < ? "
                        + "AND (?::varchar[] IS NULL OR e.site = ANY (?::varchar[])) "
                        + "AND (?::varchar[] IS NULL OR e.ledger_seq IN (SELECT x.ledger_seq FROM lot_event x "
                        + "JOIN unnest(?::varchar[], ?::varchar[]) AS m(item, lot) ON x.item = m.item "
                        + "AND (m.lot IS NULL OR x.lot = m.lot) WHERE x.ledger_seq > ?)) "
                        + "ORDER BY e.ledger_seq LIMIT ?",
                after,
                range.from(),
                range.to(),
                range.siteArray(),
                range.siteArray(),
                classes.items() == null ? null : classes.items().toArray(String[]::new),
                classes.items() == null ? null : classes.items().toArray(String[]::new),
                classes.lots() == null ? null : classes.lots().toArray(String[]::new),
                after,
                limit);
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }

    private static long afterSeq(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                long seq = Long.parseLong(text.substring(TOKEN_PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw Refused.invalid(
                ErrorCode.INVALID_FIELD, "nextPageToken is not a token this server gave", "nextPageToken");
    }
}
