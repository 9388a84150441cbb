package org.lotkeeper.server.security;

import java.time.Instant;
import java.util.List;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.PinCheck;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;

/** Enrollment of handhelds and the device fleet. */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    public record EnrollmentRequest(String site, String label) {}

    public record EnrollmentResponse(String code, Instant expiresAt) {}

    public record EnrollRequest(String code, String model, String profile) {}

    /** {@code deviceTag}: embedded in PATTERN lot codes made on this device (never reused). */
    public record EnrollResponse(String deviceId, String token, String site, String deviceTag) {}

    public record DeviceResponse(
            String deviceId,
            String site,
            String label,
            String model,
            String profile,
            Instant enrolledAt,
            Instant revokedAt,
            Instant lastSeenAt) {
        static DeviceResponse of(DeviceService.DeviceView d) {
            return new DeviceResponse(
                    d.deviceId(),
                    d.site(),
                    d.label(),
                    d.model(),
                    d.profile(),
                    d.enrolledAt(),
                    d.revokedAt(),
                    d.lastSeenAt());
        }
    }

    @Inject
    DeviceService devices;

    @Inject
    CurrentActor actor;

    @Inject
    RateLimiter limiter;

    @Inject
    UserService users;

    /**
     * The online PIN check: a device that reaches its server asks it whether the PIN keyed for a
     * user is right; the server answers OK, WRONG or LOCKED and records the sign-in in the audit
     * chain (docs/PROTOCOL.md, "PIN check").
     */
    @POST
    @Path("/pin-check")
    @RolesAllowed(Actor.DEVICE_ROLE)
    public PinCheck.Response pinCheck(PinCheck.Request request) {
        if (request == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a body with userId and pin is required", null);
        }
        String userId = Fields.code("userId", request.userId(), UserId::of);
        String pin = Fields.text("pin", request.pin(), PinVerifier.MAX_PIN_DIGITS);
        if (!pin.chars().allMatch(c -> c >= '0' && c <= '9') || pin.length() < PinVerifier.MIN_PIN_DIGITS) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "a PIN has " + PinVerifier.MIN_PIN_DIGITS + " to " + PinVerifier.MAX_PIN_DIGITS + " digits",
                    "pin");
        }
        return users.checkPin(actor.get(), userId, pin);
    }

    @Context
    HttpServerRequest http;

    @POST
    @Path("/enrollments")
    @RolesAllowed("SUPERVISOR")
    public EnrollmentResponse createEnrollment(EnrollmentRequest request) {
        if (request == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a body with site and label is required", null);
        }
        String site = Fields.code("site", request.site(), SiteCode::of);
        String label = Fields.text("label", request.label(), 200);
        Actor by = actor.requireSite(site);
        DeviceService.Enrollment e = devices.createEnrollment(by, site, label);
        return new EnrollmentResponse(e.code(), e.expiresAt());
    }

    @POST
    @Path("/enroll")
    @PermitAll
    public EnrollResponse enroll(EnrollRequest request) {
        limiter.enroll(http.remoteAddress().hostAddress());
        if (request == null || request.code() == null || request.code().isBlank()) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "code is required", "code");
        }
        String model = Fields.optionalText("model", request.model(), 100);
        String profile = Fields.optionalText("profile", request.profile(), 100);
        DeviceService.EnrolledDevice d = devices.enroll(Fields.text("code", request.code(), 40), model, profile);
        return new EnrollResponse(d.deviceId(), d.token(), d.site(), d.deviceTag());
    }

    @GET
    @RolesAllowed("SUPERVISOR")
    public List<DeviceResponse> list() {
        return devices.list(actor.get()).stream().map(DeviceResponse::of).toList();
    }

    @DELETE
    @Path("/{deviceId}")
    @RolesAllowed("SUPERVISOR")
    public DeviceResponse revoke(@PathParam("deviceId") String deviceId) {
        return DeviceResponse.of(devices.revoke(actor.get(), Fields.code("deviceId", deviceId, DeviceId::of)));
    }
}
