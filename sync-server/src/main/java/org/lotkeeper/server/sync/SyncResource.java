package org.lotkeeper.server.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import io.micrometer.core.annotation.Timed;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.FieldProblem;
import org.lotkeeper.model.wire.PullResponse;
import org.lotkeeper.model.wire.PushBatch;
import org.lotkeeper.model.wire.PushRequestReader;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.model.wire.SiteChanges;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.ledger.IngestService;
import org.lotkeeper.server.masterdata.SiteChangeCounter;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.CurrentActor;
import org.lotkeeper.server.security.DeviceService;
import org.lotkeeper.server.telemetry.Spans;

/** Device sync (docs/PROTOCOL.md): events up, reference data down. Device tokens only. */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    /** A push of 1,000 events is well under a megabyte; anything inflating past this is refused. */
    static final int MAX_INFLATED_BYTES = 32 * 1024 * 1024;

    @Inject
    SiteChangeCounter siteChanges;

    @Inject
    Tracer tracer;

    @Inject
    IngestService ingest;

    @Inject
    PullService pull;

    @Inject
    CurrentActor actor;

    @Inject
    DeviceService devices;

    @POST
    @Path("/push")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Actor.DEVICE_ROLE)
    @Timed(
            value = "lotkeeper.push",
            description = "push requests, end to end",
            percentiles = {0.5, 0.95, 0.99})
    public PushResponse push(@HeaderParam("Content-Encoding") String encoding, byte[] body) {
        Actor device = actor.get();
        String site = device.sites().iterator().next();
        return Spans.in(tracer, "lotkeeper.push", span -> {
            span.setAttribute("lotkeeper.device.id", device.id());
            span.setAttribute("lotkeeper.site", site);
            span.setAttribute("lotkeeper.push.bytes", body == null ? 0 : body.length);
            Decoded<PushBatch> read = PushRequestReader.read(decoded(encoding, body == null ? new byte[0] : body));
            if (!read.isOk()) {
                FieldProblem p = read.firstProblem();
                if ("events".equals(p.field()) && p.code() == ErrorCode.TOO_LONG) {
                    throw Refused.of(ErrorCode.TOO_MANY_EVENTS, p.detail(), p.field());
                }
                throw Refused.invalid(p.code(), p.detail(), p.field());
            }
            span.setAttribute("lotkeeper.events", read.value().events().size());
            // the ingest's transaction commits (and the ledger is on disk) before this span ends
            return ingest.push(device, site, read.value());
        });
    }

    /**
     * The body as sent, or inflated when the device gzipped it ({@code Content-Encoding: gzip}),
     * refusing to inflate beyond {@link #MAX_INFLATED_BYTES} (a zip bomb is a 413, not an outage).
     */
    static byte[] decoded(String encoding, byte[] body) {
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return body;
        }
        if (!encoding.strip().equalsIgnoreCase("gzip")) {
            throw Refused.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding must be gzip or identity");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes(MAX_INFLATED_BYTES + 1);
            if (inflated.length > MAX_INFLATED_BYTES) {
                throw Refused.of(
                        ErrorCode.TOO_LARGE,
                        "the push inflates to more than " + MAX_INFLATED_BYTES / (1024 * 1024) + " MB");
            }
            return inflated;
        } catch (IOException e) {
            throw Refused.invalid(ErrorCode.MALFORMED_JSON, "the body is not valid gzip", null);
        }
    }

    /** The device's site change number (docs/PROTOCOL.md "Changes"): it pulls when the number moved. */
    @GET
    @Path("/changes")
    @RolesAllowed(Actor.DEVICE_ROLE)
    public SiteChanges changes() {
        return new SiteChanges(
                siteChanges.version(actor.get().sites().iterator().next()));
    }

    @GET
    @Path("/pull")
    @RolesAllowed(Actor.DEVICE_ROLE)
    public PullResponse pull(
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit,
            @QueryParam("ssccBlock") String ssccBlock,
            @QueryParam("ssccLeft") String ssccLeft) {
        int pageSize = (int) Fields.wholeNumber("limit", limit, 1, PullService.MAX_LIMIT, PullService.DEFAULT_LIMIT);
        // what SSCCs the device holds: the newest block's id and how many are unused (docs/PROTOCOL.md pull)
        Long known = ssccBlock == null ? null : Fields.wholeNumber("ssccBlock", ssccBlock, 0, Long.MAX_VALUE, 0);
        int left = (int) Fields.wholeNumber("ssccLeft", ssccLeft, 0, Integer.MAX_VALUE, 0);
        Actor device = actor.get();
        PullResponse answer = pull.pull(device, cursor, pageSize, known, left);
        // the fleet's "last seen": every sync cycle ends with a complete pull (one write per cycle, not per page)
        if (answer.complete()) {
            QuarkusTransaction.requiringNew().run(() -> devices.touch(device.id()));
        }
        return answer;
    }
}
