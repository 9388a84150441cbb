package org.lotkeeper.server.ledger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.event.Adjust;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LocationCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.id.UuidV7Generator;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;

/**
 * The supervisor's side of the flags: the exception queue (resolve with a note) and count
 * variances (approve — which writes the ADJUST event — or reject).
 */
@ApplicationScoped
public class ExceptionService {

    /** One flag of one stored event, with the event's type, the user who captured it and the device it came from. */
    public record ExceptionView(
            long id,
            UUID eventId,
            String site,
            String flag,
            String item,
            String lot,
            String detail,
            Instant raisedAt,
            String status,
            String resolvedBy,
            Instant resolvedAt,
            String note,
            String eventType,
            String userId,
            String deviceId,
            String deviceLabel) {}

    private static final String EXCEPTION_SELECT =
            "SELECT x.id, x.event_id, x.site, x.flag, x.item, x.lot, x.detail, x.raised_at, x.status, "
                    + "x.resolved_by, x.resolved_at, x.note, e.type, e.user_id, e.device_id, d.label FROM exception x "
                    + "LEFT JOIN ledger_event e ON e.event_id = x.event_id LEFT JOIN device d ON d.device_id = e.device_id";

    private static ExceptionView exception(java.sql.ResultSet rs) throws SQLException {
        return new ExceptionView(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                Jdbc.instant(rs, "raised_at"),
                rs.getString(9),
                rs.getString(10),
                Jdbc.instant(rs, "resolved_at"),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16));
    }

    /** A blind count that differs from the ledger. */
    public record VarianceView(
            long id,
            UUID eventId,
            String site,
            String item,
            String lot,
            String location,
            Quantity counted,
            Quantity expected,
            Quantity variance,
            String status,
            String decidedBy,
            Instant decidedAt,
            String note,
            UUID adjustEventId) {}

    private static final UuidV7Generator IDS = new UuidV7Generator();

    @Inject
    DataSource dataSource;

    @Inject
    IngestService ingest;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public List<ExceptionView> exceptions(Actor actor, String status, String flag, int limit) {
        return exceptions(actor, status, flag, Long.MAX_VALUE, limit);
    }

    /** Exceptions of the caller's sites, newest first, with ids below {@code beforeId} (a page key). */
    @Transactional
    public List<ExceptionView> exceptions(Actor actor, String status, String flag, long beforeId, int limit) {
        return read(c -> Jdbc.query(
                c,
                EXCEPTION_SELECT + " WHERE (?::text IS NULL OR x.status = ?) AND (?::text IS NULL OR x.flag = ?) "
                        + "AND x.id < ? AND (? OR x.site = ANY (?::varchar[])) ORDER BY x.id DESC LIMIT ?",
                ExceptionService::exception,
                status,
                status,
                flag,
                flag,
                beforeId,
                actor.allSites(),
                actor.sites().toArray(String[]::new),
                limit));
    }

    /** Open exceptions of the caller's sites, counted by flag. */
    @Transactional
    public java.util.Map<String, Long> openByFlag(Actor actor) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        read(c -> Jdbc.query(
                c,
                "SELECT flag, count(*) FROM exception WHERE status = 'OPEN' AND (? OR site = ANY (?::varchar[])) GROUP BY flag",
                rs -> out.put(rs.getString(1), rs.getLong(2)),
                actor.allSites(),
                actor.sites().toArray(String[]::new)));
        return out;
    }

    @Transactional
    public ExceptionView resolve(Actor actor, long id, String note) {
        ExceptionView e = exception(id)
                .filter(x -> actor.canReach(x.site()))
                .orElseThrow(() -> Refused.notFound("no exception " + id));
        if (!"OPEN".equals(e.status())) {
            throw Refused.of(ErrorCode.ALREADY_RESOLVED, "exception " + id + " was resolved by " + e.resolvedBy());
        }
        read(c -> Jdbc.update(
                c,
                "UPDATE exception SET status = 'RESOLVED', resolved_by = ?, resolved_at = ?, note = ? WHERE id = ?",
                actor.id(),
                clock.instant(),
                note,
                id));
        audit.record(actor.id(), "EXCEPTION_RESOLVED", Long.toString(id), e.site(), note);
        return exception(id).orElseThrow();
    }

    @Transactional
    public List<VarianceView> variances(Actor actor, String status, int limit) {
        return variances(actor, status, Long.MAX_VALUE, limit);
    }

    /** Count variances of the caller's sites, newest first, with ids below {@code beforeId} (a page key). */
    @Transactional
    public List<VarianceView> variances(Actor actor, String status, long beforeId, int limit) {
        return read(c -> Jdbc.query(
                c,
                VARIANCE_SELECT + " WHERE (?::text IS NULL OR status = ?) AND id < ? "
                        + "AND (? OR site = ANY (?::varchar[])) ORDER BY id DESC LIMIT ?",
                ExceptionService::variance,
                status,
                status,
                beforeId,
                actor.allSites(),
                actor.sites().toArray(String[]::new),
                limit));
    }

    /**
     * Approves a variance: an ADJUST event of the variance found at the count (counted − ledger
     * then), so later movements are not undone; the COUNT_VARIANCE exception is resolved with it.
     */
    @Transactional
    public VarianceView approve(Actor actor, long id, String note) {
        VarianceView v = pendingVariance(actor, id);
        Event adjust = new Event(
                IDS.next(),
                null,
                clock.instant(),
                UserId.of(actor.id()),
                SiteCode.of(v.site()),
                new Adjust(
                        ItemCode.of(v.item()),
                        LotCode.of(v.lot()),
                        LocationCode.of(v.location()),
                        v.variance(),
                        "count variance approved: counted " + v.counted() + ", ledger " + v.expected()
                                + (note == null ? "" : " — " + note)));
        ingest.appendServerEvent(adjust);
        decide(actor, v, "APPROVED", note, adjust.eventId().value());
        return variance(id).orElseThrow();
    }

    @Transactional
    public VarianceView reject(Actor actor, long id, String note) {
        VarianceView v = pendingVariance(actor, id);
        decide(actor, v, "REJECTED", note, null);
        return variance(id).orElseThrow();
    }

    private void decide(Actor actor, VarianceView v, String decision, String note, UUID adjustEventId) {
        Instant now = clock.instant();
        read(c -> {
            Jdbc.update(
                    c,
                    "UPDATE count_variance SET status = ?, decided_by = ?, decided_at = ?, note = ?, adjust_event_id = ? WHERE id = ?",
                    decision,
                    actor.id(),
                    now,
                    note,
                    adjustEventId,
                    v.id());
            return Jdbc.update(
                    c,
                    "UPDATE exception SET status = 'RESOLVED', resolved_by = ?, resolved_at = ?, note = ? "
                            + "WHERE event_id = ? AND flag = 'COUNT_VARIANCE' AND status = 'OPEN'",
                    actor.id(),
                    now,
                    "variance " + decision.toLowerCase(java.util.Locale.ROOT) + (note == null ? "" : ": " + note),
                    v.eventId());
        });
        audit.record(actor.id(), "VARIANCE_" + decision, Long.toString(v.id()), v.site(), note);
    }

    private VarianceView pendingVariance(Actor actor, long id) {
        VarianceView v =
                read(c -> Jdbc.one(c, VARIANCE_SELECT + " WHERE id = ? FOR UPDATE", ExceptionService::variance, id));
        if (v == null || !actor.canReach(v.site())) {
            throw Refused.notFound("no count variance " + id);
        }
        if (!"PENDING".equals(v.status())) {
            throw Refused.of(
                    ErrorCode.ALREADY_DECIDED,
                    "count variance " + id + " was " + v.status().toLowerCase(java.util.Locale.ROOT) + " by "
                            + v.decidedBy());
        }
        return v;
    }

    private java.util.Optional<ExceptionView> exception(long id) {
        return java.util.Optional.ofNullable(
                read(c -> Jdbc.one(c, EXCEPTION_SELECT + " WHERE x.id = ?", ExceptionService::exception, id)));
    }

    private java.util.Optional<VarianceView> variance(long id) {
        return java.util.Optional.ofNullable(
                read(c -> Jdbc.one(c, VARIANCE_SELECT + " WHERE id = ?", ExceptionService::variance, id)));
    }

    private static final String VARIANCE_SELECT =
            "SELECT id, event_id, site, item, lot, location, counted, expected, uom, status, "
                    + "decided_by, decided_at, note, adjust_event_id FROM count_variance";

    private static VarianceView variance(java.sql.ResultSet rs) throws SQLException {
        Uom uom = Uom.byCode(rs.getString("uom")).orElseThrow();
        Quantity counted = Quantity.of(rs.getBigDecimal("counted"), uom);
        Quantity expected = Quantity.of(rs.getBigDecimal("expected"), uom);
        return new VarianceView(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("site"),
                rs.getString("item"),
                rs.getString("lot"),
                rs.getString("location"),
                counted,
                expected,
                counted.minus(expected),
                rs.getString("status"),
                rs.getString("decided_by"),
                Jdbc.instant(rs, "decided_at"),
                rs.getString("note"),
                rs.getObject("adjust_event_id", UUID.class));
    }

    private <T> T read(Jdbc.Work<T> work) {
        return Jdbc.withConnection(dataSource, "exception queue access", work);
    }
}
