package org.lotkeeper.client.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.lotkeeper.model.id.DeviceId;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.wire.SiteRow;

/**
 * The device's identity and settings, kept in the {@code device_settings} key/value table of the
 * same file as the outbox: device id, token, server URL, site, the next device sequence number,
 * the pull cursor and the last successful sync.
 */
public final class DeviceSettings {

    static final String DEVICE_ID = "device.id";
    static final String TOKEN = "device.token";
    static final String SERVER_URL = "server.url";
    static final String SITE = "device.site";
    static final String SITE_ROW = "site.row";
    static final String DEVICE_TAG = "device.tag";
    static final String NEXT_SEQ = "device.nextSeq";
    static final String PULL_CURSOR = "pull.cursor";
    static final String ACK_COUNTER = "sync.ackCounter";
    static final String LAST_SYNC = "sync.lastSyncAt";
    static final String LOT_SEQUENCE_PREFIX = "lotSeq.";
    static final String RECEIPT_NUMBER = "receiptNumber";
    static final String PIN_FAILURES = "pin.failures";

    private final Database db;
    private final SecretSealer sealer;

    DeviceSettings(Database db, SecretSealer sealer) {
        this.db = db;
        this.sealer = sealer;
    }

    /** A token stored before tokens were sealed is sealed in place. */
    void sealStoredToken() {
        get(TOKEN).filter(t -> !sealer.isSealed(t)).ifPresent(t -> db.write(s -> put(s, TOKEN, sealer.seal(t))));
    }

    public Optional<DeviceId> deviceId() {
        return get(DEVICE_ID).map(DeviceId::new);
    }

    /** The device token (stored sealed); never logged or shown. Empty when it cannot be opened. */
    public Optional<String> token() {
        return get(TOKEN).map(sealer::open);
    }

    public Optional<String> serverUrl() {
        return get(SERVER_URL);
    }

    public Optional<SiteCode> site() {
        return get(SITE).map(SiteCode::new);
    }

    /** The device's own site as the last pull described it (name, GLN), or empty before the first. */
    public Optional<SiteRow> siteRow() {
        return get(SITE_ROW).map(json -> ReferenceCache.fromJson(json, SiteRow.class));
    }

    /** True when the device has an id and a token. */
    public boolean isEnrolled() {
        return deviceId().isPresent() && token().isPresent();
    }

    /** The deviceSeq the next captured event gets (1 on a fresh device). */
    public long nextDeviceSeq() {
        return get(NEXT_SEQ).map(Long::parseLong).orElse(1L);
    }

    /** The pull cursor of the last applied page, or empty when the device needs a snapshot. */
    public Optional<String> pullCursor() {
        return get(PULL_CURSOR);
    }

    /** When the device last finished a sync (push drained and pull complete), or empty. */
    public Optional<Instant> lastSyncAt() {
        return get(LAST_SYNC).map(Instant::parse);
    }

    /**
     * Records an enrollment: server URL, device id, token and (when the server names it) the site,
     * in one transaction. The outbox and the sequence are kept.
     */
    public void saveEnrollment(String serverUrl, DeviceId deviceId, String token, SiteCode site) {
        saveEnrollment(serverUrl, deviceId, token, site, null);
    }

    /** As {@link #saveEnrollment(String, DeviceId, String, SiteCode)}, with the tag PATTERN lot codes embed. */
    public void saveEnrollment(String serverUrl, DeviceId deviceId, String token, SiteCode site, String deviceTag) {
        db.write(s -> {
            put(s, SERVER_URL, serverUrl);
            put(s, DEVICE_ID, deviceId.value());
            put(s, TOKEN, sealer.seal(token));
            if (site != null) {
                put(s, SITE, site.value());
            }
            if (deviceTag != null) {
                put(s, DEVICE_TAG, deviceTag);
            }
            return null;
        });
    }

    /** The device tag the server gave at enrollment, if it gave one. */
    public Optional<String> deviceTag() {
        return get(DEVICE_TAG);
    }

    /**
     * Points the device at another server URL (the same server moved, or a test server on a new
     * port); device id, token, site and outbox are kept.
     */
    public void setServerUrl(String serverUrl) {
        db.write(s -> put(s, SERVER_URL, java.util.Objects.requireNonNull(serverUrl, "serverUrl")));
    }

    /**
     * Reserves the next number of this device's lot sequence for {@code item} ({@code {SEQ:n}} of
     * a lot pattern), starting at 1. The counter is committed before the number is returned, so a
     * number is never handed out twice, not even after a crash; a reserved number that is never
     * used leaves a gap, which is fine.
     */
    public long reserveLotSequence(ItemCode item) {
        return reserve(LOT_SEQUENCE_PREFIX + item.value());
    }

    /** Reserves the next goods-receipt number of this device (1, 2, …), never handed out twice. */
    public long reserveReceiptNumber() {
        return reserve(RECEIPT_NUMBER);
    }

    private long reserve(String key) {
        return db.write(s -> {
            long next = getLong(s, key, 1L);
            put(s, key, Long.toString(next + 1));
            return next;
        });
    }

    public void setSite(SiteCode site) {
        db.write(s -> put(s, SITE, site.value()));
    }

    /** Forgets the token (the server refused it): the device must enroll again to sync. */
    public void clearToken() {
        db.write(s -> {
            var ps = s.prepare("DELETE FROM device_settings WHERE key = ?");
            ps.setString(1, TOKEN);
            ps.executeUpdate();
            return null;
        });
    }

    /** Records the end of a complete sync; it lifts the PIN lock (wrong PINs count from zero again). */
    public void setLastSyncAt(Instant at) {
        db.write(s -> {
            put(s, LAST_SYNC, at.toString());
            return put(s, PIN_FAILURES, "0");
        });
    }

    /** Wrong PINs keyed on this device since its last complete sync. */
    public int pinFailures() {
        return get(PIN_FAILURES).map(Integer::parseInt).orElse(0);
    }

    /** Counts one more wrong PIN, committed before the answer is shown. */
    public void recordPinFailure() {
        db.write(s -> put(s, PIN_FAILURES, Long.toString(getLong(s, PIN_FAILURES, 0L) + 1)));
    }

    Optional<String> get(String key) {
        return db.read(s -> get(s, key));
    }

    static Optional<String> get(Database.Session s, String key) throws SQLException {
        var ps = s.prepare("SELECT value FROM device_settings WHERE key = ?");
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    static Void put(Database.Session s, String key, String value) throws SQLException {
        var ps = s.prepare("INSERT INTO device_settings (key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        ps.setString(1, key);
        ps.setString(2, value);
        ps.executeUpdate();
        return null;
    }

    static long getLong(Database.Session s, String key, long orElse) throws SQLException {
        Optional<String> v = get(s, key);
        return v.map(Long::parseLong).orElse(orElse);
    }
}
