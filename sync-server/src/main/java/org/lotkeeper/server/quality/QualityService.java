package org.lotkeeper.server.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.event.Inspect;
import org.lotkeeper.model.event.StatusChange;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.SiteCode;
import org.lotkeeper.model.id.UserId;
import org.lotkeeper.model.id.UuidV7Generator;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quality.InspectionSource;
import org.lotkeeper.model.quality.Judgement;
import org.lotkeeper.model.quality.SpecTest;
import org.lotkeeper.model.quality.Specification;
import org.lotkeeper.model.quality.SpecificationException;
import org.lotkeeper.model.quality.TestKind;
import org.lotkeeper.model.untrusted.Shown;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.ledger.IngestService;
import org.lotkeeper.server.ledger.ProjectionQueries;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.UserService;

/**
 * A lot's test results (docs/QUALITY-CONTROL.md): each is judged when it is recorded against the
 * item's specification in force that day (the lot's site's day) and stored as an INSPECT event in
 * the ledger; the lot's quality is the latest result of each test, judged against the
 * specification in force now.
 */
@ApplicationScoped
public class QualityService {

    /** One result as sent. */
    public record ResultLine(String test, String value) {}

    /** {@code POST …/results}. */
    public record ResultsBody(String source, String document, List<ResultLine> results, String reason) {}

    /** {@code POST …/retest}: new results or {@code basedOn} results already recorded, the new date, QA's signature. */
    public record RetestBody(
            String source,
            String document,
            List<ResultLine> results,
            Long basedOn,
            String retestDate,
            String reason,
            LotStatusResource.Signature signature) {}

    /** What was stored: the INSPECT event, its ledger position and the flags it raised. */
    public record Recorded(Event event, long ledgerSeq, List<Flag> flags) {}

    /** A result as recorded, with who, when and against which version. */
    public record RecordedResult(
            String test,
            String value,
            Judgement judgement,
            int specificationVersion,
            InspectionSource source,
            UUID document,
            String reason,
            Instant recordedAt,
            String by,
            String byName,
            long ledgerSeq) {}

    /**
     * One test of the specification in force and where the lot stands on it: its limits in words and
     * as numbers ({@code min}, {@code max}, {@code decimals}, NUMERIC only), the latest value and its judgement.
     */
    public record TestStanding(
            String test,
            String name,
            String method,
            TestKind kind,
            String limits,
            String min,
            String max,
            int decimals,
            boolean required,
            boolean assay,
            String latestValue,
            Judgement judgement) {}

    /** {@code GET …/quality}. */
    public record LotQuality(
            String item,
            String lot,
            Integer specificationVersion,
            List<TestStanding> tests,
            List<RecordedResult> results,
            boolean conforms,
            List<String> missing,
            List<String> outOfSpecification,
            String potency,
            LocalDate retestDate,
            String releasedUnderConcession) {}

    private static final UuidV7Generator IDS = new UuidV7Generator();

    @Inject
    ProjectionQueries lots;

    @Inject
    SpecificationService specifications;

    @Inject
    DocumentService documents;

    @Inject
    MasterDataLookup masterData;

    @Inject
    IngestService ingest;

    @Inject
    DataSource dataSource;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Transactional
    public Recorded record(Actor actor, String item, String lot, ResultsBody body) {
        return recordAsOf(actor, item, lot, body, clock.instant());
    }

    /**
     * The same results as recorded at {@code occurredAt} — for the demo plant, which replays a past
     * week: its certificates' results then sit between the receipts and the releases, as they did.
     */
    @Transactional
    public Recorded recordAsOf(Actor actor, String item, String lot, ResultsBody body, Instant occurredAt) {
        ProjectionQueries.LotSummary current = reachable(actor, item, lot);
        InspectionSource source = source(body.source());
        Specification spec = inForce(current)
                .orElseThrow(() -> Refused.of(
                        ErrorCode.NO_SPECIFICATION,
                        "item " + item
                                + " has no specification in force to judge results against: QA approves one first"));
        List<Inspect.Result> judged = judged(spec, item, body.results());
        String reason = reason(body.reason());
        Set<String> earlier = new HashSet<>();
        recorded(item, lot).forEach(r -> earlier.add(r.test()));
        List<String> corrected = judged.stream()
                .map(Inspect.Result::test)
                .filter(earlier::contains)
                .toList();
        if (!corrected.isEmpty() && reason == null) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    "the lot has results for " + String.join(", ", corrected)
                            + " already: a new result replaces them only with a reason",
                    "reason");
        }
        UUID document = document(body.document(), current);
        Event event = new Event(
                IDS.next(),
                null,
                occurredAt,
                UserId.of(actor.id()),
                SiteCode.of(current.site()),
                new Inspect(
                        ItemCode.of(item),
                        LotCode.of(lot),
                        spec.version(),
                        source,
                        document,
                        judged,
                        reason,
                        null,
                        Inspect.potencyOf(spec, judged)));
        IngestService.StoredEvent stored = ingest.appendServerEvent(event);
        return new Recorded(event, stored.ledgerSeq(), stored.flags());
    }

    /**
     * QA's signed retest (docs/QUALITY-CONTROL.md, "Retest dates"): new results, or the ledger
     * position of results already recorded since the lot's retest date was last set, that leave
     * the lot conforming; the lot may then be used until {@code retestDate}.
     */
    @Transactional
    public Recorded retest(Actor actor, String item, String lot, RetestBody body) {
        ProjectionQueries.LotSummary current = reachable(actor, item, lot);
        Specification spec = inForce(current)
                .orElseThrow(() -> Refused.of(
                        ErrorCode.NO_SPECIFICATION,
                        "item " + item + " has no specification in force to retest against: QA approves one first"));
        if (current.status() == LotStatus.REJECTED || current.status() == LotStatus.RECALLED) {
            throw Refused.of(
                    ErrorCode.INVALID_TRANSITION,
                    "lot " + lot + " is " + current.status().name().toLowerCase(java.util.Locale.ROOT)
                            + ": it is not retested for use");
        }
        boolean hasResults = body.results() != null && !body.results().isEmpty();
        if (hasResults == (body.basedOn() != null)) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD,
                    "a retest carries new results or names results already recorded (basedOn), one of the two",
                    hasResults ? "basedOn" : "results");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), masterData.zoneOf(List.of(current.site())));
        LocalDate until = retestDate(body.retestDate(), today, current);
        String password = body.signature() == null ? null : body.signature().password();
        if (password == null || password.isEmpty() || password.length() > 200) {
            throw Refused.invalid(
                    ErrorCode.SIGNATURE_REQUIRED,
                    "a retest needs your electronic signature: re-enter your password",
                    "signature.password");
        }
        String meaning =
                body.signature().meaning() == null || body.signature().meaning().isBlank()
                        ? "Retested and conforming"
                        : Fields.text("signature.meaning", body.signature().meaning(), 200);
        List<Inspect.Result> judged;
        int version;
        InspectionSource source;
        UUID document;
        if (hasResults) {
            judged = judged(spec, item, body.results());
            version = spec.version();
            source = body.source() == null ? InspectionSource.LAB : source(body.source());
            document = document(body.document(), current);
            List<String> failed = judged.stream()
                    .filter(r -> r.judgement() != Judgement.CONFORMS)
                    .map(r -> r.test() + " " + r.value())
                    .toList();
            if (!failed.isEmpty()) {
                throw Refused.of(
                        ErrorCode.SPECIFICATION_NOT_MET,
                        "a retest is signed on conforming results; out of specification: " + String.join(", ", failed)
                                + " — record them as results (POST …/results)",
                        "results");
            }
        } else {
            Inspect earlier = retestable(item, lot, body.basedOn());
            judged = List.of();
            version = earlier.specificationVersion();
            source = earlier.source();
            document = earlier.document();
        }
        Map<String, String> after = new LinkedHashMap<>();
        recorded(item, lot).forEach(r -> after.put(r.test(), r.value()));
        judged.forEach(r -> after.put(r.test(), r.value()));
        List<String> unmet = new ArrayList<>();
        for (SpecTest t : spec.tests()) {
            SpecTest.Result r = after.containsKey(t.code()) ? rejudge(t, after.get(t.code())) : null;
            if (t.required() && (r == null || r.judgement() != Judgement.CONFORMS)) {
                unmet.add(t.code());
            }
        }
        if (!unmet.isEmpty()) {
            throw Refused.of(
                    ErrorCode.SPECIFICATION_NOT_MET,
                    "lot " + lot + " would not meet version " + spec.version() + " of the specification of " + item
                            + " after this retest (" + String.join(", ", unmet) + "): it is not retested",
                    hasResults ? "results" : "basedOn");
        }
        String signer = users.verifySignature(actor.id(), password);
        Instant now = clock.instant();
        Inspect.Retest retest = new Inspect.Retest(
                until, body.basedOn(), new StatusChange.Signature(UserId.of(actor.id()), signer, meaning, now));
        Event event = new Event(
                IDS.next(),
                null,
                now,
                UserId.of(actor.id()),
                SiteCode.of(current.site()),
                new Inspect(
                        ItemCode.of(item),
                        LotCode.of(lot),
                        version,
                        source,
                        document,
                        judged,
                        reason(body.reason()),
                        retest,
                        Inspect.potencyOf(spec, judged)));
        IngestService.StoredEvent stored = ingest.appendServerEvent(event);
        return new Recorded(event, stored.ledgerSeq(), stored.flags());
    }

    /** The new retest date: after today, never after the expiry nor further than the item's interval. */
    private LocalDate retestDate(String text, LocalDate today, ProjectionQueries.LotSummary lot) {
        if (text == null || text.isBlank()) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "retestDate is required (YYYY-MM-DD)", "retestDate");
        }
        LocalDate until;
        try {
            until = LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refused.invalid(ErrorCode.BAD_FORMAT, "retestDate is a date, YYYY-MM-DD", "retestDate");
        }
        if (!until.isAfter(today)) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "retestDate " + until + " is not after today (" + today + ")",
                    "retestDate");
        }
        if (lot.expiry() != null && until.isAfter(lot.expiry())) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "retestDate " + until + " is after the lot's expiry " + lot.expiry(),
                    "retestDate");
        }
        Integer interval = masterData
                .item(lot.item())
                .map(MasterDataLookup.ItemInfo::retestIntervalDays)
                .orElse(null);
        if (interval != null && until.isAfter(today.plusDays(interval))) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "retestDate " + until + " is further than the retest interval of " + lot.item() + " (" + interval
                            + " days, " + today.plusDays(interval) + ")",
                    "retestDate");
        }
        return until;
    }

    /**
     * The results a retest without results of its own signs: an INSPECT of this lot with results,
     * all conforming, recorded after the event that last set the lot's retest date.
     */
    private Inspect retestable(String item, String lot, long basedOn) {
        record Seen(long seq, Event event) {}
        List<Seen> events = Jdbc.withConnection(
                dataSource,
                "lot retest events",
                c -> Jdbc.query(
                        c,
                        "SELECT e.ledger_seq, e.content FROM ledger_event e WHERE e.type IN ('INSPECT', 'STATUS', 'RECEIVE') "
                                + "AND e.ledger_seq IN (SELECT ledger_seq FROM lot_event WHERE item = ? AND lot = ?) "
                                + "ORDER BY e.ledger_seq",
                        rs -> new Seen(
                                rs.getLong(1), EventJson.read(rs.getString(2)).value()),
                        item,
                        lot));
        long lastSet = 0;
        Inspect named = null;
        for (Seen s : events) {
            if (QualityMarks.of(s.event().payload()).setsRetestDate()) {
                lastSet = s.seq();
            }
            if (s.seq() == basedOn
                    && s.event().payload() instanceof Inspect i
                    && !i.results().isEmpty()) {
                named = i;
            }
        }
        if (named == null) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "basedOn " + basedOn + " is not a ledger position of results of lot " + lot,
                    "basedOn");
        }
        if (basedOn <= lastSet || named.outOfSpecification()) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "the results at " + basedOn
                            + (named.outOfSpecification()
                                    ? " are not all conforming"
                                    : " were recorded before the lot's retest date was last set (" + lastSet
                                            + "): record the retest's results first"),
                    "basedOn");
        }
        return named;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LotQuality quality(Actor actor, String item, String lot) {
        ProjectionQueries.LotSummary current = reachable(actor, item, lot);
        List<RecordedResult> results = recorded(item, lot);
        Optional<Specification> spec = inForce(current);
        if (spec.isEmpty()) {
            return new LotQuality(
                    item, lot, null, List.of(), results, false, List.of(), List.of(), null, current.retestDate(), null);
        }
        Map<String, RecordedResult> latest = new LinkedHashMap<>();
        results.forEach(r -> latest.put(r.test(), r));
        List<TestStanding> tests = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (SpecTest t : spec.get().tests()) {
            RecordedResult r = latest.get(t.code());
            // the latest value, judged against the limits in force now (a new version may have moved them)
            SpecTest.Result now = r == null ? null : rejudge(t, r.value());
            tests.add(new TestStanding(
                    t.code(),
                    t.name(),
                    t.method(),
                    t.kind(),
                    t.limits(),
                    t.min() == null ? null : t.min().toPlainString(),
                    t.max() == null ? null : t.max().toPlainString(),
                    t.decimals(),
                    t.required(),
                    t.assay(),
                    now == null ? null : now.value(),
                    now == null ? null : now.judgement()));
            if (now == null) {
                if (t.required()) {
                    missing.add(t.code());
                }
            } else if (now.judgement() != Judgement.CONFORMS) {
                out.add(t.code());
            }
        }
        boolean conforms = missing.isEmpty()
                && out.stream()
                        .noneMatch(code ->
                                spec.get().test(code).map(SpecTest::required).orElse(false));
        // the potency is the ledger's: the latest conforming assay, as judged when it was recorded
        String potency = current.potency() == null ? null : current.potency().toString();
        return new LotQuality(
                item,
                lot,
                spec.get().version(),
                tests,
                results,
                conforms,
                missing,
                out,
                potency,
                current.retestDate(),
                current.status() == LotStatus.RELEASED ? releaseConcession(item, lot) : null);
    }

    /** The concession of the release that set the lot's current status, or null (not a release, or none). */
    private String releaseConcession(String item, String lot) {
        return Jdbc.withConnection(
                dataSource,
                "release concession",
                c -> Jdbc.one(
                        c,
                        "SELECT e.content FROM lot l JOIN ledger_event e ON e.event_id = l.status_event_id "
                                + "WHERE l.item = ? AND l.lot = ? AND e.type = 'STATUS'",
                        rs -> EventJson.read(rs.getString(1)).value().payload() instanceof StatusChange s
                                ? s.concession()
                                : null,
                        item,
                        lot));
    }

    /**
     * What the COA rule accepts before a release: a COA or test result document linked to the lot, or
     * test results recorded for it (QA's, or the supplier's COA keyed at the dock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean releaseEvidence(String item, String lot) {
        return documents.releaseEvidenceLinked(item, lot)
                || Jdbc.withConnection(
                        dataSource,
                        "lot results exist",
                        c -> Jdbc.one(
                                c,
                                "SELECT EXISTS (SELECT 1 FROM lot_event l JOIN ledger_event e ON e.ledger_seq = l.ledger_seq "
                                        + "WHERE l.item = ? AND l.lot = ? AND e.type = 'INSPECT')",
                                rs -> rs.getBoolean(1),
                                item,
                                lot));
    }

    /** The results recorded for this lot, oldest first. */
    List<RecordedResult> recorded(String item, String lot) {
        return Jdbc.withConnection(dataSource, "lot results", c -> {
            List<RecordedResult> out = new ArrayList<>();
            Jdbc.query(
                            c,
                            "SELECT e.ledger_seq, e.recorded_at, e.user_id, u.name, e.content FROM ledger_event e "
                                    + "LEFT JOIN app_user u ON u.user_id = e.user_id WHERE e.type = 'INSPECT' AND e.ledger_seq IN "
                                    + "(SELECT ledger_seq FROM lot_event WHERE item = ? AND lot = ?) ORDER BY e.ledger_seq",
                            rs -> {
                                Decoded<Event> e = EventJson.read(rs.getString("content"));
                                Inspect i = (Inspect) e.value().payload();
                                List<RecordedResult> rows = new ArrayList<>();
                                for (Inspect.Result r : i.results()) {
                                    rows.add(new RecordedResult(
                                            r.test(),
                                            r.value(),
                                            r.judgement(),
                                            i.specificationVersion(),
                                            i.source(),
                                            i.document(),
                                            i.reason(),
                                            // when QA (or the dock) recorded them, as the event says
                                            e.value().occurredAt(),
                                            rs.getString("user_id"),
                                            rs.getString("name"),
                                            rs.getLong("ledger_seq")));
                                }
                                return rows;
                            },
                            item,
                            lot)
                    .forEach(out::addAll);
            return out;
        });
    }

    /** Judges every result sent against the specification; refuses the whole list at the first problem. */
    private static List<Inspect.Result> judged(Specification spec, String item, List<ResultLine> sent) {
        List<ResultLine> lines = sent == null ? List.of() : sent;
        if (lines.isEmpty() || lines.size() > Specification.MAX_TESTS) {
            throw Refused.invalid(
                    ErrorCode.MISSING_FIELD, "results lists 1 to " + Specification.MAX_TESTS + " results", "results");
        }
        List<Inspect.Result> judged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = "results[" + i + "]";
            ResultLine line = lines.get(i);
            if (line == null || line.test() == null || line.test().isBlank()) {
                throw Refused.invalid(ErrorCode.MISSING_FIELD, at + ".test is required", at + ".test");
            }
            if (!seen.add(line.test())) {
                throw Refused.invalid(ErrorCode.DUPLICATE, "test " + line.test() + " appears twice", at + ".test");
            }
            if (spec.test(line.test()).isEmpty()) {
                throw Refused.invalid(
                        ErrorCode.NOT_IN_SPECIFICATION,
                        "version " + spec.version() + " of the specification of " + item + " has no test "
                                + Shown.of(line.test(), 20) + "; its tests are "
                                + String.join(
                                        ", ",
                                        spec.tests().stream()
                                                .map(SpecTest::code)
                                                .toList()),
                        at + ".test");
            }
            try {
                SpecTest.Result r = spec.judge(line.test(), line.value());
                judged.add(new Inspect.Result(line.test(), r.value(), r.judgement()));
            } catch (SpecificationException e) {
                // said by the test's code, as the grid and the lab file name it; the field names the place
                throw Refused.invalid(
                        ErrorCode.INVALID_FIELD, line.test() + ": " + e.getMessage(), at + "." + e.field());
            }
        }
        return judged;
    }

    private static String reason(String text) {
        String reason = text == null || text.isBlank() ? null : text.strip();
        if (reason != null && (reason.length() > 500 || reason.chars().anyMatch(Character::isISOControl))) {
            throw Refused.invalid(ErrorCode.INVALID_FIELD, "reason is at most 500 plain characters", "reason");
        }
        return reason;
    }

    private Optional<Specification> inForce(ProjectionQueries.LotSummary lot) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), masterData.zoneOf(List.of(lot.site())));
        return specifications.inForce(lot.item(), today).map(SpecificationService.Approved::specification);
    }

    private ProjectionQueries.LotSummary reachable(Actor actor, String item, String lot) {
        ProjectionQueries.LotSummary current =
                lots.lot(item, lot).orElseThrow(() -> Refused.notFound("no lot " + item + "/" + lot));
        if (!actor.canReach(current.site())) {
            throw Refused.of(ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + current.site());
        }
        return current;
    }

    private static InspectionSource source(String source) {
        if (source == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "source is LAB or SUPPLIER_COA", "source");
        }
        try {
            return InspectionSource.valueOf(source);
        } catch (IllegalArgumentException e) {
            throw Refused.invalid(ErrorCode.UNKNOWN_ENUM, "source is LAB or SUPPLIER_COA", "source");
        }
    }

    private UUID document(String id, ProjectionQueries.LotSummary lot) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        UUID document;
        try {
            document = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refused.invalid(ErrorCode.BAD_FORMAT, "document is a document id (a UUID)", "document");
        }
        boolean linked = documents.forLot(lot.item(), lot.lot(), lot.site()).stream()
                .anyMatch(d -> d.documentId().equals(document));
        if (!linked) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD, "document " + id + " is not linked to lot " + lot.lot(), "document");
        }
        return document;
    }

    private static SpecTest.Result rejudge(SpecTest test, String value) {
        try {
            return test.judge(value);
        } catch (SpecificationException e) {
            return null; // a value the test's kind no longer takes: the test needs a new result
        }
    }
}
