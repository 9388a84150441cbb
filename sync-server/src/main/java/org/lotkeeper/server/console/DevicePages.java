package org.lotkeeper.server.console;

import java.net.URI;
import java.util.Base64;
import java.util.List;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.labels.QrCodes;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.DeviceService;

/**
 * Devices: create a single-use enrollment code for a handheld (shown once, with its expiry),
 * list the fleet with profile, last sync and rejected events held on the device, revoke.
 * Through {@link DeviceService}. SUPERVISOR, of their sites.
 */
@Path("/console/devices")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class DevicePages extends ConsoleResource {

    @TemplateData
    public record DevicesView(
            List<DashboardPage.DeviceRow> devices,
            DeviceService.Enrollment enrollment,
            List<String> sites,
            DeviceService.DeviceView confirmRevoke) {

        /**
         * The enrollment code as a QR code for the handheld to scan, inline as a data URI: the code
         * is shown once and never stored in clear, so no URL may carry it (it would reach access logs).
         */
        public String qr() {
            return enrollment == null
                    ? null
                    : "data:image/png;base64,"
                            + Base64.getEncoder().encodeToString(QrCodes.png(enrollment.code(), 280));
        }
    }

    @Inject
    DeviceService devices;

    @Inject
    ProjectionQueries projections;

    @Inject
    MasterDataLookup masterData;

    @GET
    public TemplateInstance list() {
        Actor actor = session.require(Role.SUPERVISOR);
        // a code made by the POST before the redirect, shown once (the filter clears its cookie)
        DeviceService.Enrollment made = session.cookie(ConsoleFlash.ENROLLMENT)
                .flatMap(code -> devices.pendingEnrollment(actor, code))
                .orElse(null);
        Chrome page = session.chrome(actor, "devices", "Devices");
        if (made != null) {
            page = page.notice("Enrollment code created: scan or type it on the handheld before it expires.");
        }
        return Pages.devices(page, view(actor, made));
    }

    @POST
    @Path("/enrollments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enroll(
            @RestForm(ConsoleSession.CSRF_FIELD) String csrf, @RestForm String site, @RestForm String label) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        try {
            String siteCode = Fields.code("site", site, SiteCode::of);
            String name = Fields.text("label", label, 200);
            if (!actor.canReach(siteCode) || masterData.site(siteCode).isEmpty()) {
                throw Refused.invalid(ErrorCode.UNKNOWN_SITE, "choose one of your sites", "site");
            }
            DeviceService.Enrollment e = devices.createEnrollment(actor, siteCode, name);
            // redirect after POST: the code rides to the devices page in a short-lived cookie, never in a URL
            return Response.seeOther(URI.create(ConsoleFlash.DEVICES_PATH))
                    .cookie(ConsoleFlash.enrollment(session.secure(), e.code()))
                    .build();
        } catch (Refused e) {
            return Response.seeOther(URI.create(ConsoleFlash.DEVICES_PATH))
                    .cookie(ConsoleFlash.error(session.secure(), "No code was created: " + e.getMessage() + "."))
                    .build();
        }
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(
            @PathParam("id") String id, @RestForm(ConsoleSession.CSRF_FIELD) String csrf, @RestForm String confirm) {
        Actor actor = session.post(csrf, Role.SUPERVISOR);
        if (!"yes".equals(confirm)) {
            // first ask: revoking cannot be undone, the handheld must be enrolled again
            DeviceService.DeviceView device = devices.list(actor).stream()
                    .filter(d -> d.deviceId().equals(id) && d.revokedAt() == null)
                    .findFirst()
                    .orElseThrow(() -> ConsoleProblem.notFound("No such device, or it is already revoked."));
            return Forms.html(
                    200, Pages.devices(session.chrome(actor, "devices", "Devices"), view(actor, null, device)));
        }
        devices.revoke(actor, id);
        return Response.seeOther(URI.create("/console/devices")).build();
    }

    private DevicesView view(Actor actor, DeviceService.Enrollment enrollment) {
        return view(actor, enrollment, null);
    }

    private DevicesView view(Actor actor, DeviceService.Enrollment enrollment, DeviceService.DeviceView confirmRevoke) {
        return new DevicesView(
                DashboardPage.DeviceRow.of(devices.list(actor), projections),
                enrollment,
                actor.sites().stream().sorted().toList(),
                confirmRevoke);
    }
}
