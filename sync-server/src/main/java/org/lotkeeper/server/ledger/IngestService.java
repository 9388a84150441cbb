package org.lotkeeper.server.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.CodeRef;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.LotField;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.lot.LotStatusRules;
import org.lotkeeper.model.lot.StatusChangeRequest;
import org.lotkeeper.model.lot.StatusDecision;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quality.Potency;
import org.lotkeeper.model.quality.SpecTest;
import org.lotkeeper.model.quality.Specification;
import org.lotkeeper.model.quality.SpecificationException;
import org.lotkeeper.model.quantity.InvalidQuantityException;
import org.lotkeeper.model.wire.DeviceEventRules;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.model.wire.FieldProblem;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.model.wire.PushBatch;
import org.lotkeeper.model.wire.PushError;
import org.lotkeeper.model.wire.PushResponse;
import org.lotkeeper.model.wire.PushResult;
import org.lotkeeper.model.wire.PushedEvent;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.db.RowWriter;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.masterdata.MasterDataLookup.ItemInfo;
import org.lotkeeper.server.masterdata.MasterDataLookup.LocationInfo;
import org.lotkeeper.server.masterdata.MasterDataLookup.PartnerInfo;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.UserService;
import org.lotkeeper.server.security.UserService.UserView;
import org.lotkeeper.server.telemetry.Spans;

import static org.lotkeeper.server.db.RowWriter.column;

/**
 * Ingest: a device's push (docs/PROTOCOL.md) in one transaction, and events the server makes itself
 * (console actions). Each event is stored exactly once: duplicates are recognised by eventId and
 * canonical content before the sequence check; well-formed, authorised events are always stored,
 * rule breaks raise flags; malformed or unauthorised events are rejected and keep their deviceSeq.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    /** An event whose device time is this far ahead of the server's is flagged CLOCK_SKEW. */
    static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(5);

    /** An event stored by the server itself. */
    public record StoredEvent(UUID eventId, long ledgerSeq, List<Flag> flags) {}

    private record Existing(UUID eventId, long ledgerSeq, List<Flag> flags, String content, String deviceId) {}

    private record Rejected(UUID eventId, long deviceSeq, String contentHash, PushError error) {}

    /** A {@code rejected_event} row: the device's event and why it was refused, so a resend gets the same answer. */
    private record Rejection(
            String deviceId, long deviceSeq, UUID eventId, String contentHash, PushError error, Instant recordedAt) {}

    private static final RowWriter<Rejection> REJECTIONS = RowWriter.insert(
            "rejected_event",
            "",
            List.of(
                    column("device_id", Rejection::deviceId),
                    column("device_seq", Rejection::deviceSeq),
                    column("event_id", Rejection::eventId),
                    column("content_hash", Rejection::contentHash),
                    column("code", r -> r.error().code()),
                    column("field", r -> r.error().field()),
                    column("detail", r -> r.error().detail()),
                    column("recorded_at", Rejection::recordedAt)));

    @Inject
    Tracer tracer;

    @Inject
    DataSource dataSource;

    @Inject
    MasterDataLookup masterData;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Inject
    SpecificationVersions specifications;

    @Inject
    MeterRegistry metrics;

    private final Map<org.lotkeeper.model.event.EventType, io.micrometer.core.instrument.Counter> ingested =
            new ConcurrentHashMap<>();
    private final Map<Flag, io.micrometer.core.instrument.Counter> raisedFlags = new ConcurrentHashMap<>();

    /** Per device: the server time of its last push, in epoch seconds (a Prometheus gauge). */
    /** Per site, the newest push of any of its devices (a label per site, not per device). */
    private final Map<String, AtomicLong> lastPush = new ConcurrentHashMap<>();

    @Transactional
    public PushResponse push(Actor device, String deviceSite, PushBatch batch) {
        if (!batch.deviceId().value().equals(device.id())) {
            throw Refused.of(
                    ErrorCode.SITE_NOT_ALLOWED,
                    "this token belongs to device " + device.id() + ", not " + batch.deviceId());
        }
        return Spans.in(tracer, "lotkeeper.ingest", span -> {
            try (Connection c = dataSource.getConnection()) {
                PushResponse answer = push(c, device.id(), deviceSite, batch);
                if (span.isRecording() || LOG.isDebugEnabled()) {
                    Map<String, Long> outcomes = answer.results().stream()
                            .collect(Collectors.groupingBy(
                                    r -> r.status().name().toLowerCase(java.util.Locale.ROOT),
                                    TreeMap::new,
                                    Collectors.counting()));
                    outcomes.forEach((status, n) -> span.setAttribute("lotkeeper.events." + status, n));
                    span.setAttribute("lotkeeper.device.seq", answer.ackedThroughSeq());
                    LOG.debugf(
                            "push of device %s: %s, acknowledged through device seq %d",
                            device.id(), outcomes, answer.ackedThroughSeq());
                }
                return answer;
            } catch (SQLException e) {
                throw new IllegalStateException("ledger write failed", e);
            }
        });
    }

    private PushResponse push(Connection c, String deviceId, String deviceSite, PushBatch batch) throws SQLException {
        Instant now = recordedNow();
        LedgerWriter.ChainHead head = LedgerWriter.lockChain(c, "device:" + deviceId);
        UUID[] ids = batch.events().stream().map(e -> e.eventId().value()).toArray(UUID[]::new);
        Map<UUID, Existing> stored = new HashMap<>();
        Jdbc.query(
                        c,
                        "SELECT event_id, ledger_seq, flags, content, device_id FROM ledger_event WHERE event_id = ANY(?)",
                        rs -> new Existing(
                                rs.getObject(1, UUID.class),
                                rs.getLong(2),
                                Jdbc.strings(rs, "flags").stream()
                                        .map(Flag::valueOf)
                                        .toList(),
                                rs.getString(4),
                                rs.getString(5)),
                        (Object) ids)
                .forEach(e -> stored.put(e.eventId(), e));
        Map<UUID, Rejected> rejected = new HashMap<>();
        Jdbc.query(
                        c,
                        "SELECT event_id, device_seq, content_hash, code, detail, field FROM rejected_event "
                                + "WHERE device_id = ? AND event_id = ANY(?) ORDER BY device_seq",
                        rs -> new Rejected(
                                rs.getObject(1, UUID.class),
                                rs.getLong(2),
                                rs.getString(3),
                                new PushError(rs.getString(4), rs.getString(5), rs.getString(6))),
                        deviceId,
                        ids)
                .forEach(r -> rejected.putIfAbsent(r.eventId(), r));

        // Pass 1: answer duplicates; the new events must continue the device's sequence.
        PushResult[] results = new PushResult[batch.events().size()];
        List<PushedEvent> fresh = new ArrayList<>();
        long expected = head.lastDeviceSeq() + 1;
        for (PushedEvent pe : batch.events()) {
            UUID id = pe.eventId().value();
            Existing s = stored.get(id);
            Rejected r = rejected.get(id);
            if (s != null
                    && deviceId.equals(s.deviceId())
                    && pe.valid()
                    && s.content().equals(EventJson.canonicalString(pe.event().value()))) {
                results[pe.index()] = PushResult.duplicate(pe.eventId(), s.ledgerSeq(), s.flags());
            } else if (s == null && r != null && r.contentHash().equals(contentHash(pe))) {
                results[pe.index()] = PushResult.rejected(pe.eventId(), r.error());
            } else if (pe.deviceSeq() < expected) {
                // Either another content under a known eventId, or a new event reusing a spent seq.
                results[pe.index()] = (s != null || r != null)
                        ? PushResult.rejected(pe.eventId(), conflict(pe))
                        : PushResult.rejected(
                                pe.eventId(),
                                PushError.of(
                                        ErrorCode.INVALID_FIELD,
                                        "deviceSeq " + pe.deviceSeq()
                                                + " is already used by another event; the next is " + expected,
                                        pe.path() + ".deviceSeq"));
            } else if (pe.deviceSeq() == expected) {
                fresh.add(pe);
                expected++;
            } else {
                throw Refused.of(
                                ErrorCode.SEQUENCE_GAP,
                                "deviceSeq " + pe.deviceSeq() + " leaves a gap; the server expects " + expected
                                        + " next")
                        .with("expectedSeq", expected);
            }
        }

        // Pass 2: judge and apply the new events in order, on the locked lots they name.
        Context ctx = context(now, fresh);
        List<LotRef> touched = new ArrayList<>();
        List<Event> valid = fresh.stream()
                .filter(PushedEvent::valid)
                .map(pe -> pe.event().value())
                .toList();
        valid.forEach(e -> touched.addAll(e.lots()));
        WorkingSet ws = WorkingSet.open(c, touched, WorkingSet.movesBetweenSites(valid));
        List<ProjectionRows.Flagged> exceptions = new ArrayList<>();
        List<LedgerWriter.Pending> pending = new ArrayList<>();
        List<PushedEvent> pendingSource = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        long sourceSeq = head.lastSeq();
        String previousHash = head.lastHash();
        for (PushedEvent pe : fresh) {
            UUID id = pe.eventId().value();
            Optional<PushError> problem = stored.containsKey(id) || rejected.containsKey(id)
                    ? Optional.of(conflict(pe))
                    : judge(ctx, ws, pe, deviceSite);
            if (problem.isPresent()) {
                PushError error = problem.get();
                rejections.add(new Rejection(deviceId, pe.deviceSeq(), id, contentHash(pe), error, now));
                results[pe.index()] = PushResult.rejected(pe.eventId(), error);
                metrics.counter("lotkeeper.events.rejected", "code", error.code())
                        .increment();
                continue;
            }
            Event event = pe.event().value();
            List<RaisedFlag> raised = Projector.apply(ctx.projection(ws), event);
            exceptions.addAll(exceptionRows(event, raised, now));
            List<Flag> flags =
                    raised.stream().map(RaisedFlag::flag).distinct().sorted().toList();
            LedgerWriter.Pending p = LedgerWriter.pending(
                    head,
                    ++sourceSeq,
                    previousHash,
                    event,
                    EventJson.canonicalString(event),
                    flags,
                    null,
                    now,
                    deviceId);
            previousHash = p.hash();
            pending.add(p);
            pendingSource.add(pe);
        }
        Spans.in(tracer, "lotkeeper.projection", span -> {
            if (span.isRecording()) {
                span.setAttribute("lotkeeper.lots", touched.stream().distinct().count());
                span.setAttribute("lotkeeper.exceptions", exceptions.size());
            }
            ws.flush();
            REJECTIONS.run(c, rejections);
            ProjectionRows.EXCEPTIONS.run(c, exceptions);
            return null;
        });
        long lastDeviceSeq = expected - 1;
        long[] seqs = Spans.in(tracer, "lotkeeper.ledger.append", span -> {
            long[] appended = LedgerWriter.append(c, head, pending, lastDeviceSeq);
            span.setAttribute("lotkeeper.events", appended.length);
            if (appended.length > 0) {
                span.setAttribute(Spans.LEDGER_SEQ, appended[appended.length - 1]);
            }
            return appended;
        });
        for (int i = 0; i < pending.size(); i++) {
            PushedEvent pe = pendingSource.get(i);
            results[pe.index()] =
                    PushResult.stored(pe.eventId(), seqs[i], pending.get(i).flags());
            count(pending.get(i));
        }
        lastPush.computeIfAbsent(
                        deviceSite,
                        site -> metrics.gauge(
                                "lotkeeper.site.last.push.seconds", List.of(Tag.of("site", site)), new AtomicLong()))
                .accumulateAndGet(now.getEpochSecond(), Math::max);
        return new PushResponse(List.of(results), expected - 1, now);
    }

    /**
     * Stores an event made on the server (a console action) in its site's chain, with the same
     * projections and flags as a device event. The caller has checked who may do it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredEvent appendServerEvent(Event event) {
        try (Connection c = dataSource.getConnection()) {
            Instant now = recordedNow();
            LedgerWriter.ChainHead head =
                    LedgerWriter.lockChain(c, "site:" + event.site().value());
            Context ctx = context(now, List.of());
            ctx.load(event);
            WorkingSet ws = WorkingSet.open(c, event.lots(), WorkingSet.movesBetweenSites(List.of(event)));
            List<RaisedFlag> raised = Projector.apply(ctx.projection(ws), event);
            ws.flush();
            ProjectionRows.EXCEPTIONS.run(c, exceptionRows(event, raised, now));
            List<Flag> flags =
                    raised.stream().map(RaisedFlag::flag).distinct().sorted().toList();
            LedgerWriter.Pending p = LedgerWriter.pending(
                    head,
                    head.lastSeq() + 1,
                    head.lastHash(),
                    event,
                    EventJson.canonicalString(event),
                    flags,
                    null,
                    now,
                    null);
            long[] seqs = LedgerWriter.append(c, head, List.of(p), head.lastDeviceSeq());
            count(p);
            return new StoredEvent(event.eventId().value(), seqs[0], flags);
        } catch (SQLException e) {
            throw new IllegalStateException("ledger write failed", e);
        }
    }

    private void count(LedgerWriter.Pending p) {
        ingested.computeIfAbsent(p.event().type(), t -> metrics.counter("lotkeeper.events.ingested", "type", t.name()))
                .increment();
        p.flags()
                .forEach(f -> raisedFlags
                        .computeIfAbsent(f, x -> metrics.counter("lotkeeper.flags.raised", "flag", x.name()))
                        .increment());
    }

    /** One exception row per flag of an event; several breaks of one rule are joined into one row. */
    private static List<ProjectionRows.Flagged> exceptionRows(Event event, List<RaisedFlag> raised, Instant now) {
        Map<Flag, ProjectionRows.Flagged> rows = new LinkedHashMap<>();
        for (RaisedFlag f : raised) {
            rows.merge(
                    f.flag(),
                    new ProjectionRows.Flagged(
                            event.eventId().value(), event.site(), f.flag(), f.lot(), f.detail(), now),
                    (first, more) -> new ProjectionRows.Flagged(
                            first.eventId(),
                            first.site(),
                            first.flag(),
                            first.lot(),
                            first.detail() + "; " + more.detail(),
                            first.raisedAt()));
        }
        return new ArrayList<>(rows.values());
    }

    private static PushError conflict(PushedEvent pe) {
        return PushError.of(
                ErrorCode.EVENT_ID_CONFLICT,
                "eventId " + pe.eventId()
                        + " is already stored with other content; a corrected event needs a new eventId",
                pe.path() + ".eventId");
    }

    private static String contentHash(PushedEvent pe) {
        return ChainHash.sha256(EventJson.canonicalBytes(pe.raw()));
    }

    // ---- judging: reject malformed or unauthorised input ------------------------------------

    private Optional<PushError> judge(Context ctx, WorkingSet ws, PushedEvent pe, String deviceSite) {
        if (!pe.valid()) {
            return Optional.of(pe.event().firstProblem().toPushError());
        }
        Event e = pe.event().value();
        String at = pe.path();
        List<FieldProblem> deviceRules = DeviceEventRules.check(e, at);
        if (!deviceRules.isEmpty()) {
            return Optional.of(deviceRules.get(0).toPushError());
        }
        if (!e.site().value().equals(deviceSite)) {
            return reject(
                    ErrorCode.SITE_NOT_ALLOWED,
                    "this device belongs to site " + deviceSite + ", not " + e.site(),
                    at + ".site");
        }
        UserView user = ctx.users.get(e.userId().value());
        if (user == null || !user.enabled()) {
            return reject(ErrorCode.UNKNOWN_USER, "user " + e.userId() + " is not an active user", at + ".userId");
        }
        // On a handheld a user acts with the roles they hold at this site; ADMIN's rights everywhere
        // stop at the console (docs/SECURITY.md, "Device authority").
        if (!user.sites().contains(deviceSite)) {
            return reject(
                    ErrorCode.SITE_NOT_ALLOWED,
                    "user " + e.userId() + " has no access to site " + deviceSite,
                    at + ".userId");
        }
        Set<Role> roles = UserService.handheldRoles(user.roles());
        if (!e.type().mayBeCapturedBy(roles)) {
            return reject(
                    ErrorCode.ROLE_NOT_ALLOWED,
                    "user " + e.userId() + " (" + roles + " on a handheld) may not capture " + e.type()
                            + "; it needs one of " + e.type().capturedBy(),
                    at + ".type");
        }
        for (LotField named : e.payload().lotFields()) {
            WorkingSet.LotState lot = ws.lot(named.lot());
            // stock a sister site sent here may be received while the sender still holds some of the lot
            boolean sentHere = e.type() == EventType.TRANSFER_IN && ws.inTransitTo(named.lot(), e.site());
            if (lot != null && !lot.site.value().equals(deviceSite) && !sentHere) {
                return reject(
                        ErrorCode.LOT_OF_ANOTHER_SITE,
                        "lot " + named.lot().lot() + " of " + named.lot().item() + " belongs to site " + lot.site
                                + ", not " + deviceSite + "; lots move between sites only by a transfer",
                        at + "." + named.field());
            }
        }
        for (CodeRef ref : e.codes()) {
            Optional<PushError> problem = checkCode(ctx, ref, at, deviceSite);
            if (problem.isPresent()) {
                return problem;
            }
        }
        Optional<PushError> units = checkUnits(ctx, e, at);
        if (units.isPresent()) {
            return units;
        }
        Optional<PushError> coa = checkSupplierCoa(e, at + ".payload");
        if (coa.isPresent()) {
            return coa;
        }
        if (e.payload() instanceof StatusChange s) {
            WorkingSet.LotState lot = ws.lot(new LotRef(s.item(), s.lot()));
            LotStatus current = lot != null
                    ? lot.status
                    : LotStatusRules.initialStatus(
                            ctx.items.get(s.item().value()).qcRequired());
            StatusDecision decision = LotStatusRules.decide(StatusChangeRequest.fromDevice(current, s.status(), roles));
            if (decision instanceof StatusDecision.Refused refused) {
                return reject(ErrorCode.of(refused.code()), refused.message(), at + ".payload.status");
            }
        }
        return Optional.empty();
    }

    /**
     * A supplier's COA results keyed on a device are judged there against the specification version it
     * names; the server judges them again against that version and refuses any that differs (a wrong
     * test code, a value the test does not take, another judgement or potency) — the ledger holds only
     * judgements the specification gives.
     */
    private Optional<PushError> checkSupplierCoa(Event e, String at) {
        if (!(e.payload() instanceof Inspect i)) {
            return Optional.empty();
        }
        Optional<Specification> spec = specifications.specification(i.item(), i.specificationVersion());
        if (spec.isEmpty()) {
            return reject(
                    ErrorCode.NO_SPECIFICATION,
                    "item " + i.item() + " has no approved specification version " + i.specificationVersion(),
                    at + ".specificationVersion");
        }
        for (int k = 0; k < i.results().size(); k++) {
            Inspect.Result r = i.results().get(k);
            String field = at + ".results[" + k + "]";
            if (spec.get().test(r.test()).isEmpty()) {
                return reject(
                        ErrorCode.NOT_IN_SPECIFICATION,
                        "test " + r.test() + " is not in version " + i.specificationVersion()
                                + " of the specification of " + i.item(),
                        field + ".test");
            }
            SpecTest.Result judged;
            try {
                judged = spec.get().judge(r.test(), r.value());
            } catch (SpecificationException ex) {
                return reject(ErrorCode.INVALID_FIELD, ex.getMessage(), field + ".value");
            }
            if (!judged.value().equals(r.value()) || judged.judgement() != r.judgement()) {
                return reject(
                        ErrorCode.INVALID_FIELD,
                        r.test() + " " + r.value() + " is judged " + r.judgement() + "; version "
                                + i.specificationVersion() + " of the specification reports " + judged.value() + ", "
                                + judged.judgement(),
                        field + ".judgement");
            }
        }
        Potency established = Inspect.potencyOf(spec.get(), i.results());
        if (!Objects.equals(established, i.potency())) {
            return reject(
                    ErrorCode.INVALID_FIELD,
                    "potency " + i.potency() + " is not what these results establish (" + established + ")",
                    at + ".potency");
        }
        return Optional.empty();
    }

    private static Optional<PushError> checkCode(Context ctx, CodeRef ref, String at, String site) {
        String field = at + "." + ref.field();
        switch (ref.kind()) {
            case ITEM -> {
                if (!ctx.items.containsKey(ref.value())) {
                    return reject(ErrorCode.UNKNOWN_ITEM, "item " + ref.value() + " is not in master data", field);
                }
            }
            case LOCATION -> {
                LocationInfo loc = ctx.locations.get(ref.value());
                if (loc == null) {
                    return reject(
                            ErrorCode.UNKNOWN_LOCATION, "location " + ref.value() + " is not in master data", field);
                }
                if (!loc.site().equals(site)) {
                    return reject(
                            ErrorCode.UNKNOWN_LOCATION,
                            "location " + ref.value() + " belongs to site " + loc.site() + ", not " + site,
                            field);
                }
            }
            case SITE -> {
                if (!ctx.sites.contains(ref.value())) {
                    return reject(ErrorCode.UNKNOWN_SITE, "site " + ref.value() + " is not in master data", field);
                }
                if (ref.value().equals(site)) {
                    return reject(
                            ErrorCode.INVALID_FIELD,
                            "a transfer goes between two sites; " + site + " is this device's own site",
                            field);
                }
            }
            case PARTNER -> {
                PartnerInfo partner = ctx.partners.get(ref.value());
                if (partner == null) {
                    return reject(
                            ErrorCode.UNKNOWN_PARTNER, "partner " + ref.value() + " is not in master data", field);
                }
                PartnerKind wanted = field.endsWith("supplier") ? PartnerKind.SUPPLIER : PartnerKind.CUSTOMER;
                if (partner.kind() != wanted) {
                    return reject(
                            ErrorCode.UNKNOWN_PARTNER,
                            "partner " + ref.value() + " is a " + partner.kind() + ", not a " + wanted,
                            field);
                }
            }
            default -> throw new IllegalStateException("unexpected code kind " + ref.kind());
        }
        return Optional.empty();
    }

    /** Every quantity must convert exactly into its item's base unit. */
    private static Optional<PushError> checkUnits(Context ctx, Event e, String at) {
        for (QuantityRef q : QuantityRef.of(e.payload())) {
            ItemInfo item = ctx.items.get(q.item().value());
            try {
                item.units().toBase(q.quantity());
            } catch (InvalidQuantityException ex) {
                return reject(
                        ErrorCode.INVALID_FIELD,
                        "quantity " + q.quantity() + " cannot be stored in item " + item.code() + "'s unit "
                                + item.baseUom() + ": " + ex.getMessage(),
                        at + ".payload." + q.field() + ".uom");
            }
        }
        return Optional.empty();
    }

    private static Optional<PushError> reject(ErrorCode code, String detail, String field) {
        return Optional.of(PushError.of(code, detail, field));
    }

    // ---- reference data for one request ----------------------------------------------------

    private Context context(Instant now, List<PushedEvent> events) {
        Context ctx = new Context(now);
        for (PushedEvent pe : events) {
            if (pe.valid()) {
                ctx.collect(pe.event().value());
            }
        }
        ctx.resolve();
        return ctx;
    }

    /** Master data and users named by the events of one request, loaded once. */
    private final class Context {
        final Instant now;
        final ReferencedCodes codes = new ReferencedCodes();
        Map<String, ItemInfo> items = Map.of();
        Map<String, LocationInfo> locations = Map.of();
        Map<String, PartnerInfo> partners = Map.of();
        Map<String, UserView> users = Map.of();
        Set<String> sites = Set.of();

        Context(Instant now) {
            this.now = now;
        }

        void collect(Event e) {
            codes.add(e);
        }

        void load(Event e) {
            collect(e);
            resolve();
        }

        void resolve() {
            MasterDataLookup.Named named = masterData.named(codes.items, codes.locations, codes.partners, codes.sites);
            items = named.items();
            locations = named.locations();
            partners = named.partners();
            sites = named.sites();
            users = IngestService.this.users.find(codes.users);
        }

        Projector.Context projection(WorkingSet ws) {
            return new Projector.Context(ws, now, items, locations, partners, masterData::locations);
        }
    }

    /**
     * The server time stored as {@code recorded_at} and hashed into the chain: PostgreSQL keeps
     * microseconds, so the hashed value must not carry more, or the chain would not verify.
     */
    private Instant recordedNow() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
