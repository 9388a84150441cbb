package org.lotkeeper.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.auth.PinVerifier;
import org.lotkeeper.model.lot.DeviceTag;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;

/**
 * Device enrollment and revocation. A supervisor makes a single-use, expiring enrollment code
 * bound to a site (shown as a QR code in the console); the handheld trades it for a device id and
 * a long-lived token. Only SHA-256 hashes of codes and tokens are stored.
 */
@ApplicationScoped
public class DeviceService {

    /** Device tokens start with this, so they are told apart from user tokens at a glance. */
    public static final String TOKEN_PREFIX = "lkd_";

    /** An enrollment code as issued (the code is shown once). */
    public record Enrollment(String code, String site, String label, Instant expiresAt) {}

    /** A device as issued at enrollment (the token is shown once). */
    public record EnrolledDevice(String deviceId, String token, String site, String deviceTag) {}

    /** What other packages may know of a device. */
    public record DeviceView(
            String deviceId,
            String site,
            String label,
            String model,
            String profile,
            Instant enrolledAt,
            Instant revokedAt,
            Instant lastSeenAt,
            String pinSalt) {}

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    KnownSites sites;

    @Transactional
    public Enrollment createEnrollment(Actor by, String site, String label) {
        if (!sites.exists(site)) {
            throw Refused.invalid(ErrorCode.UNKNOWN_SITE, "site " + site + " is not in master data", "site");
        }
        String code = Secrets.humanCode(12);
        EnrollmentCodeEntity row = new EnrollmentCodeEntity();
        row.codeHash = Secrets.sha256(code);
        row.site = site;
        row.label = label;
        row.createdBy = by.id();
        row.createdAt = clock.instant();
        row.expiresAt = row.createdAt.plus(config.enrollmentLifetime());
        row.persist();
        audit.record(by.id(), "ENROLLMENT_CREATED", label, site, "expires " + row.expiresAt);
        return new Enrollment(code, site, label, row.expiresAt);
    }

    /**
     * The enrollment this code opens, while it is unused and unexpired and made by this user: what
     * the console shows again after its redirect. Any other code answers empty.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Enrollment> pendingEnrollment(Actor by, String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return Optional.empty();
        }
        EnrollmentCodeEntity row = EnrollmentCodeEntity.findById(Secrets.sha256(normalise(code)));
        if (row == null
                || row.usedAt != null
                || !row.expiresAt.isAfter(clock.instant())
                || !row.createdBy.equals(by.id())) {
            return Optional.empty();
        }
        return Optional.of(new Enrollment(code, row.site, row.label, row.expiresAt));
    }

    /** Trades a valid enrollment code for a device; the code cannot be used again. */
    @Transactional
    public EnrolledDevice enroll(String code, String model, String profile) {
        Instant now = clock.instant();
        EnrollmentCodeEntity row = EnrollmentCodeEntity.findById(
                Secrets.sha256(normalise(code)), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.usedAt != null || !row.expiresAt.isAfter(now)) {
            throw Refused.of(
                    ErrorCode.ENROLLMENT_INVALID,
                    "this enrollment code is unknown, used or expired; ask a supervisor for a new one",
                    "code");
        }
        String token = TOKEN_PREFIX + Secrets.random(32);
        DeviceEntity device = new DeviceEntity();
        device.deviceId = "dev-"
                + Secrets.random(6)
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', 'x')
                        .replace('-', 'y');
        device.site = row.site;
        device.label = row.label;
        device.model = model;
        device.profile = profile;
        device.tokenHash = Secrets.sha256(token);
        device.pinSalt = PinVerifier.newDeviceSalt();
        device.enrolledAt = now;
        device.enrolledBy = row.createdBy;
        device.persist();
        row.usedAt = now;
        row.deviceId = device.deviceId;
        audit.record(row.createdBy, "DEVICE_ENROLLED", device.deviceId, device.site, row.label);
        DeviceEntity.flush();
        DeviceEntity.getEntityManager().refresh(device);
        return new EnrolledDevice(
                device.deviceId,
                token,
                device.site,
                DeviceTag.forEnrollmentNumber(device.tagNumber).value());
    }

    /** Revokes a device; its token stops working on the next request. */
    @Transactional
    public DeviceView revoke(Actor by, String deviceId) {
        DeviceEntity device = DeviceEntity.findById(deviceId);
        if (device == null || !by.canReach(device.site)) {
            throw Refused.notFound("no device " + deviceId);
        }
        if (device.revokedAt == null) {
            device.revokedAt = clock.instant();
            device.revokedBy = by.id();
            audit.record(by.id(), "DEVICE_REVOKED", deviceId, device.site, null);
        }
        return view(device);
    }

    @Transactional
    public List<DeviceView> list(Actor by) {
        return DeviceEntity.<DeviceEntity>list("order by enrolledAt").stream()
                .filter(d -> by.canReach(d.site))
                .map(DeviceService::view)
                .toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeviceView> find(String deviceId) {
        return Optional.ofNullable(DeviceEntity.<DeviceEntity>findById(deviceId))
                .map(DeviceService::view);
    }

    /** Notes that a device synced; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touch(String deviceId) {
        DeviceEntity.update("lastSeenAt = ?1 where deviceId = ?2", clock.instant(), deviceId);
    }

    private static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static DeviceView view(DeviceEntity d) {
        return new DeviceView(
                d.deviceId, d.site, d.label, d.model, d.profile, d.enrolledAt, d.revokedAt, d.lastSeenAt, d.pinSalt);
    }
}
