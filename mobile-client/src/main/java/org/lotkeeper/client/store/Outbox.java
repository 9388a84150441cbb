package org.lotkeeper.client.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventPayload;
import org.lotkeeper.model.id.EventId;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.id.UuidV7Generator;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.model.wire.PushError;
import org.lotkeeper.model.wire.PushResult;

/**
 * The outbox: every event captured on the device, in deviceSeq order, with the server's answer.
 *
 * <p><b>Capture.</b> {@link #capture} gives the event its id (UUIDv7) and the next deviceSeq, writes
 * the outbox row, the next sequence number and the event's effect on the local view in one
 * transaction, and returns only after the commit: a returned event survives a crash or a pulled
 * battery (WAL, {@code synchronous=FULL}). Sequence numbers are gapless (1, 2, 3 … per device) and
 * never reused: the counter is committed with the row.
 *
 * <p><b>Answers.</b> {@link #applyResults} records the server's answers by eventId in one
 * transaction. Only PENDING rows change, so a repeated, reordered or late answer never undoes the
 * first one. A REJECTED event loses its local effect at once (the ledger does not have it); an
 * acknowledged one keeps it until a pull that started after the acknowledgement completes (then
 * the server's stock includes it) — see {@link ReferenceCache}.
 */
public final class Outbox {

    private final Database db;
    private final Clock clock;
    private final UuidV7Generator ids;
    private final DeviceSettings settings;
    private final List<Consumer<Event>> captureListeners = new CopyOnWriteArrayList<>();
    private long nextSeq;

    Outbox(Database db, Clock clock, UuidV7Generator ids, DeviceSettings settings) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
        this.nextSeq = db.write(s -> {
            long stored = DeviceSettings.getLong(s, DeviceSettings.NEXT_SEQ, 1L);
            long max;
            try (ResultSet rs =
                    s.prepare("SELECT COALESCE(MAX(device_seq), 0) FROM outbox").executeQuery()) {
                max = rs.next() ? rs.getLong(1) : 0;
            }
            // the counter is committed with each row, so it is never behind; repair defensively
            long next = Math.max(stored, max + 1);
            DeviceSettings.put(s, DeviceSettings.NEXT_SEQ, Long.toString(next));
            return next;
        });
    }

    /**
     * Captures an event at the device's site (from {@link DeviceSettings#site()}).
     *
     * @throws IllegalStateException when the device has no site yet (not enrolled)
     * @throws StoreException        when the database failed: nothing was stored, do not confirm
     */
    public Event capture(UserId userId, EventPayload payload) {
        SiteCode site =
                settings.site().orElseThrow(() -> new IllegalStateException("the device has no site: enroll it first"));
        return capture(userId, site, payload);
    }

    /**
     * Captures an event: assigns eventId, deviceSeq and occurredAt (the device clock), writes the
     * outbox row and the local view in one transaction, and returns after the commit. Confirm the
     * scan to the operator only when this returns.
     *
     * @throws StoreException when the database failed: nothing was stored, do not confirm
     */
    public Event capture(UserId userId, SiteCode site, EventPayload payload) {
        return captureAll(userId, site, List.of(Objects.requireNonNull(payload, "payload")))
                .get(0);
    }

    /**
     * Captures several events that one workflow step produced (a shipment's SHIP events) at the
     * device's site, all or nothing.
     *
     * @throws IllegalStateException when the device has no site yet (not enrolled)
     * @throws StoreException        when the database failed: nothing was stored, do not confirm
     */
    public List<Event> captureAll(UserId userId, List<? extends EventPayload> payloads) {
        SiteCode site =
                settings.site().orElseThrow(() -> new IllegalStateException("the device has no site: enroll it first"));
        return captureAll(userId, site, payloads);
    }

    /**
     * Captures several events in <b>one</b> transaction: consecutive deviceSeqs, one outbox row and
     * its local-view rows each, and the sequence counter; returns after the commit. When anything
     * fails nothing is stored and no sequence number is used.
     *
     * @throws StoreException when the database failed: nothing was stored, do not confirm
     */
    public List<Event> captureAll(UserId userId, SiteCode site, List<? extends EventPayload> payloads) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(payloads, "payloads");
        if (payloads.isEmpty()) {
            return List.of();
        }
        payloads.forEach(p -> Objects.requireNonNull(p, "payload"));
        List<Event> events;
        synchronized (this) {
            long first = nextSeq;
            events = db.write(s -> {
                List<Event> out = new ArrayList<>(payloads.size());
                long seq = first;
                for (EventPayload payload : payloads) {
                    out.add(insert(s, seq++, userId, site, payload));
                }
                DeviceSettings.put(s, DeviceSettings.NEXT_SEQ, Long.toString(seq));
                return out;
            });
            nextSeq = first + events.size(); // only after the commit: a failed capture uses up no number
        }
        for (Event event : events) {
            for (Consumer<Event> l : captureListeners) {
                try {
                    l.accept(event);
                } catch (RuntimeException ignored) {
                    // a listener must not turn a stored capture into a failure
                }
            }
        }
        return List.copyOf(events);
    }

    private Event insert(Database.Session s, long seq, UserId userId, SiteCode site, EventPayload payload)
            throws SQLException {
        Event e = new Event(ids.next(), seq, clock.instant(), userId, site, payload);
        PreparedStatement ins =
                s.prepare("INSERT INTO outbox (device_seq, event_id, type, user_id, occurred_at, event_json, "
                        + "state, captured_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)");
        ins.setLong(1, seq);
        ins.setString(2, e.eventId().toString());
        ins.setString(3, e.type().name());
        ins.setString(4, userId.value());
        ins.setString(5, e.occurredAt().toString());
        ins.setString(6, new String(EventJson.write(e), StandardCharsets.UTF_8));
        ins.setString(7, clock.instant().toString());
        ins.executeUpdate();
        writeEffects(s, e);
        return e;
    }

    private void writeEffects(Database.Session s, Event e) throws SQLException {
        Map<ItemCode, Boolean> qc = new HashMap<>(2);
        LocalEffects.Effects effects = LocalEffects.of(e, item -> qc.computeIfAbsent(item, i -> qcRequired(s, i)));
        if (!effects.stock().isEmpty()) {
            PreparedStatement ps = s.prepare(
                    "INSERT INTO local_delta (device_seq, item, lot, location, value, uom) VALUES (?, ?, ?, ?, ?, ?)");
            for (LocalEffects.StockDelta d : effects.stock()) {
                ps.setLong(1, e.deviceSeq());
                ps.setString(2, d.item().value());
                ps.setString(3, d.lot().value());
                ps.setString(4, d.location().value());
                ps.setString(5, d.delta().valueText());
                ps.setString(6, d.delta().uom().name());
                ps.executeUpdate();
            }
        }
        if (!effects.containers().isEmpty()) {
            PreparedStatement ps =
                    s.prepare("INSERT INTO local_container_delta (device_seq, sscc, item, lot, location, "
                            + "value, uom) VALUES (?, ?, ?, ?, ?, ?, ?)");
            for (LocalEffects.ContainerDelta d : effects.containers()) {
                ps.setLong(1, e.deviceSeq());
                ps.setString(2, d.sscc().value());
                ps.setString(3, d.item().value());
                ps.setString(4, d.lot().value());
                ps.setString(5, d.location().value());
                ps.setString(6, d.delta().valueText());
                ps.setString(7, d.delta().uom().name());
                ps.executeUpdate();
            }
        }
        if (!effects.lots().isEmpty()) {
            PreparedStatement ps = s.prepare(
                    "INSERT INTO local_lot (device_seq, item, lot, creates, status, expiry, received_at, if_released, "
                            + "retest_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (LocalEffects.LotChange c : effects.lots()) {
                ps.setLong(1, e.deviceSeq());
                ps.setString(2, c.item().value());
                ps.setString(3, c.lot().value());
                ps.setInt(4, c.creates() ? 1 : 0);
                setNullable(ps, 5, c.status() == null ? null : c.status().name());
                setNullable(ps, 6, c.expiry() == null ? null : c.expiry().toString());
                setNullable(
                        ps, 7, c.receivedAt() == null ? null : c.receivedAt().toString());
                ps.setInt(8, c.onlyIfReleased() ? 1 : 0);
                setNullable(
                        ps, 9, c.retestDate() == null ? null : c.retestDate().toString());
                ps.executeUpdate();
            }
        }
    }

    private static boolean qcRequired(Database.Session s, ItemCode item) {
        try {
            PreparedStatement ps = s.prepare("SELECT qc_required FROM items WHERE code = ?");
            ps.setString(1, item.value());
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() || rs.getInt(1) != 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read item " + item + ": " + e.getMessage(), e);
        }
    }

    static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** Called after each committed capture, on the capturing thread (keep it short: e.g. wake the sync engine). */
    public void addCaptureListener(Consumer<Event> listener) {
        captureListeners.add(Objects.requireNonNull(listener));
    }

    public void removeCaptureListener(Consumer<Event> listener) {
        captureListeners.remove(listener);
    }

    /** The deviceSeq the next capture gets. */
    public synchronized long nextDeviceSeq() {
        return nextSeq;
    }

    /** The highest deviceSeq captured, 0 when none. */
    public long highestDeviceSeq() {
        return nextDeviceSeq() - 1;
    }

    /** Up to {@code limit} PENDING events, lowest deviceSeq first: the next push batch. */
    public List<OutboxEntry> pending(int limit) {
        return query("WHERE state = 'PENDING' ORDER BY device_seq LIMIT ?", limit);
    }

    /** Up to {@code limit} events from {@code fromSeq} on, in any state: a push after the server asked to rewind. */
    public List<OutboxEntry> from(long fromSeq, int limit) {
        return db.read(s -> {
            PreparedStatement ps = s.prepare(SELECT + "WHERE device_seq >= ? ORDER BY device_seq LIMIT ?");
            ps.setLong(1, fromSeq);
            ps.setInt(2, limit);
            return entries(ps);
        });
    }

    /** The newest {@code limit} events in any state, newest first (lookup screens: what this device did lately). */
    public List<OutboxEntry> latest(int limit) {
        return query("ORDER BY device_seq DESC LIMIT ?", limit);
    }

    /** Rejected events no user has dealt with yet, oldest first. */
    public List<OutboxEntry> needsAttention() {
        return query(
                "WHERE state = 'REJECTED' AND attention_cleared_at IS NULL ORDER BY device_seq LIMIT ?",
                Integer.MAX_VALUE);
    }

    /** Every event, oldest first (for support screens and tests). */
    public List<OutboxEntry> all() {
        return query("ORDER BY device_seq LIMIT ?", Integer.MAX_VALUE);
    }

    public Optional<OutboxEntry> entry(EventId eventId) {
        return db.read(s -> {
            PreparedStatement ps = s.prepare(SELECT + "WHERE event_id = ?");
            ps.setString(1, eventId.toString());
            return entries(ps).stream().findFirst();
        });
    }

    public long pendingCount() {
        return count("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'");
    }

    public long needsAttentionCount() {
        return count("SELECT COUNT(*) FROM outbox WHERE state = 'REJECTED' AND attention_cleared_at IS NULL");
    }

    /**
     * A user has dealt with a rejected event (e.g. captured a corrected one, which is a new event
     * with a new id and the next deviceSeq). The row stays; it no longer counts as needing attention.
     */
    public void clearAttention(EventId eventId) {
        db.write(s -> {
            PreparedStatement ps =
                    s.prepare("UPDATE outbox SET attention_cleared_at = ? WHERE event_id = ? AND state = 'REJECTED'");
            ps.setString(1, clock.instant().toString());
            ps.setString(2, eventId.toString());
            return ps.executeUpdate();
        });
    }

    /** What {@link #applyResults} did. */
    public record Applied(int acknowledged, int rejected, int alreadyAnswered, int unknown) {}

    /**
     * Records the server's answers in one transaction; see the class comment. Results for events
     * this device does not have are counted as unknown and otherwise ignored.
     */
    public Applied applyResults(List<PushResult> results) {
        if (results.isEmpty()) {
            return new Applied(0, 0, 0, 0);
        }
        Instant now = clock.instant();
        return db.write(s -> {
            long mark = DeviceSettings.getLong(s, DeviceSettings.ACK_COUNTER, 0) + 1;
            DeviceSettings.put(s, DeviceSettings.ACK_COUNTER, Long.toString(mark));
            int acked = 0;
            int rejected = 0;
            int already = 0;
            int unknown = 0;
            PreparedStatement find = s.prepare("SELECT device_seq, state FROM outbox WHERE event_id = ?");
            PreparedStatement ack =
                    s.prepare("UPDATE outbox SET state = ?, ledger_seq = ?, flags = ?, answered_at = ?, ack_mark = ? "
                            + "WHERE device_seq = ? AND state = 'PENDING'");
            PreparedStatement reject =
                    s.prepare("UPDATE outbox SET state = 'REJECTED', error_code = ?, error_detail = ?, "
                            + "error_field = ?, answered_at = ? WHERE device_seq = ? AND state = 'PENDING'");
            for (PushResult r : results) {
                find.setString(1, r.eventId().toString());
                long seq;
                String state;
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        unknown++;
                        continue;
                    }
                    seq = rs.getLong(1);
                    state = rs.getString(2);
                }
                if (!"PENDING".equals(state)) {
                    already++;
                    continue;
                }
                if (r.status().stored()) {
                    ack.setString(1, OutboxState.of(r.status()).name());
                    ack.setLong(2, r.ledgerSeq());
                    setNullable(
                            ack,
                            3,
                            r.flags().isEmpty()
                                    ? null
                                    : r.flags().stream().map(Flag::name).collect(Collectors.joining(",")));
                    ack.setString(4, now.toString());
                    ack.setLong(5, mark);
                    ack.setLong(6, seq);
                    ack.executeUpdate();
                    acked++;
                } else {
                    PushError err = r.error();
                    reject.setString(1, err.code());
                    reject.setString(2, err.detail());
                    setNullable(reject, 3, err.field());
                    reject.setString(4, now.toString());
                    reject.setLong(5, seq);
                    reject.executeUpdate();
                    dropEffects(s, seq);
                    rejected++;
                }
            }
            return new Applied(acked, rejected, already, unknown);
        });
    }

    /** The number of the last acknowledgement batch: a pull started now reflects every event acknowledged up to it. */
    public long acknowledgementMark() {
        return db.read(s -> DeviceSettings.getLong(s, DeviceSettings.ACK_COUNTER, 0));
    }

    /** The tables of the local view overlay, keyed by the event's device_seq. */
    private static final List<String> EFFECT_TABLES = List.of("local_delta", "local_lot", "local_container_delta");

    static void dropEffects(Database.Session s, long seq) throws SQLException {
        for (String table : EFFECT_TABLES) {
            PreparedStatement d = s.prepare("DELETE FROM " + table + " WHERE device_seq = ?");
            d.setLong(1, seq);
            d.executeUpdate();
        }
    }

    /** Drops the local effects of events acknowledged at or before {@code mark}: the server's figures now include them. */
    static void settle(Database.Session s, long mark) throws SQLException {
        for (String table : EFFECT_TABLES) {
            PreparedStatement ps =
                    s.prepare("DELETE FROM " + table + " WHERE device_seq IN (SELECT device_seq FROM outbox "
                            + "WHERE ack_mark IS NOT NULL AND ack_mark <= ?)");
            ps.setLong(1, mark);
            ps.executeUpdate();
        }
    }

    private static final String SELECT =
            "SELECT device_seq, event_json, state, captured_at, answered_at, ledger_seq, flags, "
                    + "error_code, error_detail, error_field, attention_cleared_at FROM outbox ";

    private List<OutboxEntry> query(String where, int limit) {
        return db.read(s -> {
            PreparedStatement ps = s.prepare(SELECT + where);
            ps.setInt(1, limit);
            return entries(ps);
        });
    }

    private long count(String sql) {
        return db.read(s -> {
            try (ResultSet rs = s.prepare(sql).executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** An event as the outbox keeps it; a row that does not read back is a broken store, not bad input. */
    static Event event(String json) {
        Decoded<Event> d = EventJson.read(json);
        if (!d.isOk()) {
            throw new StoreException("an outbox event cannot be read back: " + d.problems());
        }
        return d.value();
    }

    private static List<OutboxEntry> entries(PreparedStatement ps) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Event event = event(rs.getString(2));
                String flags = rs.getString(7);
                List<Flag> flagList = flags == null
                        ? List.of()
                        : Arrays.stream(flags.split(",")).map(Flag::valueOf).toList();
                String code = rs.getString(8);
                out.add(new OutboxEntry(
                        event,
                        OutboxState.valueOf(rs.getString(3)),
                        instant(rs.getString(4)),
                        instant(rs.getString(5)),
                        rs.getObject(6) == null ? null : rs.getLong(6),
                        flagList,
                        code == null ? null : new PushError(code, rs.getString(9), rs.getString(10)),
                        instant(rs.getString(11))));
            }
        }
        return out;
    }

    static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
