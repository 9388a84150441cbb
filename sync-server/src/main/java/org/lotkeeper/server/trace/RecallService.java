package org.lotkeeper.server.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.id.ItemCode;
import org.lotkeeper.model.id.LotCode;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.id.UuidV7Generator;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.wire.ErrorCode;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.api.Refused;
import org.lotkeeper.server.api.ValidationErrors;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.ledger.LedgerAppends;
import org.lotkeeper.server.masterdata.MasterDataLookup;
import org.lotkeeper.server.quality.StatusService;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.security.AuditTrail;
import org.lotkeeper.server.security.UserService;
import org.lotkeeper.server.telemetry.Spans;

/**
 * Mock and real recalls (docs/DOMAIN.md): the starting lots (internal lots, and every lot received
 * with a named supplier lot) and all their descendants; the stock to contain, RETURNS included;
 * the customers with what they were shipped (gross) and what came back, summed (the lines are paged
 * behind {@link #shipments} and {@link #returns}, and in the exports). A real recall also sets
 * every affected lot that still has stock to RECALLED, one signed STATUS event per lot, in the
 * same transaction as the stored recall.
 */
@ApplicationScoped
public class RecallService {

    static final int MAX_STARTS = 1_000;
    /** The location type of stock to contain that is on its way between two sites. */
    static final String IN_TRANSIT = "IN_TRANSIT";

    private static final UuidV7Generator IDS = new UuidV7Generator();

    private final GenealogyWalk walk = new BreadthFirstTrace();

    @Inject
    Tracer tracer;

    @Inject
    Access access;

    @Inject
    MasterDataLookup masterData;

    @Inject
    StatusService status;

    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    TraceService traceService;

    /** A recall as answered: the answer and the exact JSON bytes sent and stored. */
    @SuppressWarnings("ArrayRecordComponent") // the answer's stored bytes, written out, never compared
    public record Created(Views.RecallAnswer answer, byte[] json) {}

    @Transactional
    public Views.RecallAnswer create(Actor actor, RecallRequest request) {
        return createStored(actor, request).answer();
    }

    /**
     * Runs a recall and stores it. The answer is serialised once; those bytes are both what the
     * caller gets and, gzip-compressed, what is kept (a popular lot's answer is tens of MB).
     */
    @Transactional
    public Created createStored(Actor actor, RecallRequest request) {
        return Spans.in(tracer, "lotkeeper.recall", span -> {
            Created created = run(actor, request);
            Views.RecallAnswer answer = created.answer();
            span.setAttribute("lotkeeper.recall.mock", answer.mock());
            span.setAttribute("lotkeeper.lots", answer.affectedLotCount());
            span.setAttribute("lotkeeper.links", answer.linkCount());
            span.setAttribute("lotkeeper.customers", answer.customers().size());
            span.setAttribute("lotkeeper.stock.lines", answer.stockToContain().size());
            span.setAttribute("lotkeeper.answer.bytes", created.json().length);
            span.setAttribute(Spans.LEDGER_SEQ, answer.asOfSeq());
            return created;
        });
    }

    private Created run(Actor actor, RecallRequest request) {
        long started = System.nanoTime();
        if (request == null) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "a body naming lots or supplier lots is required", null);
        }
        boolean mock = request.isMock();
        String reason = mock
                ? Fields.optionalText("reason", request.reason(), 500)
                : Fields.text("reason", request.reason(), 500);
        String signer = null;
        String meaning = null;
        // The lots first: a request that names nothing recallable is refused before a password is
        // checked (a wrong one counts toward the signer's lockout).
        Starts starts = starts(request);
        // A real recall needs a signature; one sent with a mock recall is still checked and kept.
        if (!mock || request.signature() != null) {
            RecallRequest.SignatureBody sig = request.signature();
            if (sig == null || sig.password() == null || sig.password().isEmpty()) {
                throw Refused.invalid(
                        ErrorCode.SIGNATURE_REQUIRED,
                        (mock ? "a signed mock recall" : "a real recall")
                                + " needs your electronic signature: re-enter your password",
                        "signature.password");
            }
            if (sig.password().length() > 200) {
                throw Refused.invalid(ErrorCode.TOO_LONG, "signature.password is too long", "signature.password");
            }
            meaning = Fields.optionalText("signature.meaning", sig.meaning(), 200);
            if (meaning == null || meaning.isEmpty()) {
                meaning = "Recalled";
            }
            signer = users.verifySignature(actor.id(), sig.password());
        }
        String signerName = signer;
        String signatureMeaning = meaning;
        if (mock) {
            // a mock recall reads one snapshot of the ledger in its own transaction: pushes go on meanwhile
            return QuarkusTransaction.requiringNew()
                    .call(() -> access.read(c -> recall(
                            c,
                            LedgerAppends.snapshot(c),
                            actor,
                            starts,
                            true,
                            reason,
                            signerName,
                            signatureMeaning,
                            started)));
        }
        // a real recall appends RECALLED events for what it read: appends wait until it is done
        return access.read(c -> {
            LedgerAppends.hold(c, true);
            return recall(
                    c, TraceQueries.ledgerHead(c), actor, starts, false, reason, signerName, signatureMeaning, started);
        });
    }

    /** The starting lots as asked, checked; 400 naming the field for anything wrong or unknown. */
    private record Starts(List<LotRef> lots, List<Views.LotId> asked, List<Views.SupplierLotId> supplierLots) {}

    private Starts starts(RecallRequest request) {
        List<RecallRequest.LotBody> lots = request.lots() == null ? List.of() : request.lots();
        List<RecallRequest.SupplierLotBody> supplierLots =
                request.supplierLots() == null ? List.of() : request.supplierLots();
        if (lots.isEmpty() && supplierLots.isEmpty()) {
            throw Refused.invalid(ErrorCode.MISSING_FIELD, "name at least one lot or supplier lot to recall", "lots");
        }
        if (lots.size() > MAX_STARTS || supplierLots.size() > MAX_STARTS) {
            throw Refused.invalid(
                    ErrorCode.TOO_MANY,
                    "at most " + MAX_STARTS + " lots and " + MAX_STARTS + " supplier lots per recall",
                    lots.size() > MAX_STARTS ? "lots" : "supplierLots");
        }
        ValidationErrors errors = new ValidationErrors();
        Set<LotRef> refs = new LinkedHashSet<>();
        List<Views.LotId> asked = new ArrayList<>();
        List<LotRef> named = new ArrayList<>();
        for (int i = 0; i < lots.size(); i++) {
            RecallRequest.LotBody b = lots.get(i);
            String at = "lots[" + i + "]";
            try {
                if (b == null) {
                    throw Refused.invalid(ErrorCode.MISSING_FIELD, at + " is empty", at);
                }
                LotRef ref = LotRef.of(
                        Fields.code(at + ".item", b.item(), ItemCode::of),
                        Fields.code(at + ".lot", b.lot(), LotCode::of));
                named.add(ref);
                asked.add(Views.LotId.of(ref));
            } catch (Refused e) {
                errors.add(e.field(), e.code(), e.getMessage());
            }
        }
        List<Views.SupplierLotId> supplierAsked = new ArrayList<>();
        List<String[]> supplierKeys = new ArrayList<>();
        for (int i = 0; i < supplierLots.size(); i++) {
            RecallRequest.SupplierLotBody b = supplierLots.get(i);
            String at = "supplierLots[" + i + "]";
            try {
                if (b == null) {
                    throw Refused.invalid(ErrorCode.MISSING_FIELD, at + " is empty", at);
                }
                String supplier = Fields.code(at + ".supplier", b.supplier(), PartnerCode::of);
                String supplierLot = Fields.code(at + ".supplierLot", b.supplierLot(), LotCode::of);
                supplierKeys.add(new String[] {supplier, supplierLot, at});
                supplierAsked.add(new Views.SupplierLotId(supplier, supplierLot));
            } catch (Refused e) {
                errors.add(e.field(), e.code(), e.getMessage());
            }
        }
        errors.throwIfAny();
        access.read(c -> {
            Map<LotRef, TraceQueries.LotFacts> known = TraceQueries.lots(c, TraceQueries.distinct(named));
            for (int i = 0; i < named.size(); i++) {
                if (!known.containsKey(named.get(i))) {
                    errors.add(
                            "lots[" + i + "]", ErrorCode.UNKNOWN_LOT, "lot " + named.get(i) + " is not in the ledger");
                }
                refs.add(named.get(i));
            }
            for (String[] k : supplierKeys) {
                List<LotRef> received = TraceQueries.receivedWithSupplierLot(c, k[0], k[1]);
                if (received.isEmpty()) {
                    errors.add(
                            k[2],
                            ErrorCode.UNKNOWN_SUPPLIER_LOT,
                            "no lot was received from " + k[0] + " with supplier lot " + k[1]);
                }
                refs.addAll(received);
            }
            return null;
        });
        errors.throwIfAny();
        return new Starts(List.copyOf(refs), asked, supplierAsked);
    }

    /** Runs the recall on {@code c}, which sees the ledger at {@code asOf} throughout (see {@link LedgerAppends}). */
    private Created recall(
            Connection c,
            long asOf,
            Actor actor,
            Starts starts,
            boolean mock,
            String reason,
            String signer,
            String meaning,
            long started)
            throws SQLException {
        Map<LotRef, TraceQueries.LotFacts> startFacts = TraceQueries.lots(c, starts.lots());
        Set<String> sites = new TreeSet<>();
        for (TraceQueries.LotFacts f : startFacts.values()) {
            if (!actor.canReach(f.site())) {
                throw Refused.of(
                        ErrorCode.SITE_NOT_ALLOWED, "you have no access to site " + f.site() + " of lot " + f.ref());
            }
            sites.add(f.site());
        }
        Walk affected = walk.walk(c, starts.lots(), true);
        List<LotRef> all = new ArrayList<>(affected.depths().keySet());
        Map<LotRef, TraceQueries.LotFacts> facts = TraceQueries.lots(c, all);
        List<LotRef> shown = all.stream()
                .filter(l -> facts.containsKey(l) && actor.canReach(facts.get(l).site()))
                .sorted(Comparator.<LotRef>comparingInt(l -> affected.depths().get(l))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        List<TraceQueries.StockRow> stock = TraceQueries.stock(c, shown).stream()
                .filter(s -> s.quantity().signum() > 0)
                .toList();
        List<TraceQueries.TransitRow> transit = TraceQueries.transit(c, shown);

        List<Views.LotId> recalled = new ArrayList<>();
        if (!mock) {
            Set<LotRef> withStock = new LinkedHashSet<>();
            stock.forEach(s -> withStock.add(s.lot()));
            transit.forEach(t -> withStock.add(t.lot()));
            for (LotRef l : shown) {
                String now = facts.get(l).status();
                if (withStock.contains(l)
                        && !now.equals(LotStatus.RECALLED.name())
                        && !now.equals(LotStatus.REJECTED.name())) {
                    status.recall(actor, l.item().value(), l.lot().value(), reason, signer, meaning);
                    recalled.add(Views.LotId.of(l));
                }
            }
            if (!recalled.isEmpty()) {
                facts.putAll(TraceQueries.lots(c, shown));
            }
        }

        List<TraceQueries.CustomerTotalRow> shipped = TraceQueries.shippedByCustomer(c, shown);
        List<TraceQueries.CustomerTotalRow> returned = TraceQueries.returnedByCustomer(c, shown);
        Set<String> items = new HashSet<>();
        shown.forEach(l -> items.add(l.item().value()));
        Set<String> customerCodes = new TreeSet<>();
        shipped.forEach(r -> customerCodes.add(r.customer()));
        returned.forEach(r -> customerCodes.add(r.customer()));
        Names names = Names.of(c, customerCodes, items);
        Set<String> locationCodes = new HashSet<>();
        stock.forEach(s -> locationCodes.add(s.location()));
        Map<String, MasterDataLookup.LocationInfo> locations = masterData.locations(locationCodes);

        // on hand per lot and location, summed over containers
        Map<LotRef, Map<String, Quantity>> onHand = new LinkedHashMap<>();
        for (TraceQueries.StockRow s : stock) {
            onHand.computeIfAbsent(s.lot(), k -> new TreeMap<>()).merge(s.location(), s.quantity(), Quantity::plus);
        }
        // stock on a truck between two sites is contained like stock on a floor (docs/TRACE.md, "Transfers")
        Set<String> onTheWay = new HashSet<>();
        for (TraceQueries.TransitRow t : transit) {
            onTheWay.add(t.where());
            onHand.computeIfAbsent(t.lot(), k -> new TreeMap<>()).merge(t.where(), t.quantity(), Quantity::plus);
        }
        List<Views.AffectedLot> affectedLots = new ArrayList<>();
        List<Views.StockToContain> toContain = new ArrayList<>();
        for (LotRef l : shown) {
            TraceQueries.LotFacts f = facts.get(l);
            List<Views.RecallOnHand> here = new ArrayList<>();
            onHand.getOrDefault(l, Map.of()).forEach((location, q) -> {
                here.add(new Views.RecallOnHand(
                        location, q, f.potency() == null ? null : f.potency().activeIn(q)));
                MasterDataLookup.LocationInfo info = locations.get(location);
                toContain.add(new Views.StockToContain(
                        l.item().value(),
                        l.lot().value(),
                        location,
                        onTheWay.contains(location)
                                ? IN_TRANSIT
                                : info == null ? null : info.type().name(),
                        q));
            });
            affectedLots.add(new Views.AffectedLot(
                    l.item().value(),
                    l.lot().value(),
                    names.item(l.item().value()),
                    f.status(),
                    affected.depths().get(l),
                    f.site(),
                    here,
                    f.potency() == null ? null : f.potency().toString()));
        }
        List<Views.Customer> customers = customers(customerCodes, shipped, returned, names);
        Set<LotRef> shownSet = new HashSet<>(shown);
        int links = (int) affected.links().stream()
                .filter(l -> shownSet.contains(l.from()) && shownSet.contains(l.to()))
                .count();

        UUID id = IDS.next().value();
        Instant now = clock.instant();
        Views.RecallAnswer answer = new Views.RecallAnswer(
                id.toString(),
                mock,
                reason,
                now,
                actor.id(),
                signer,
                meaning,
                starts.asked(),
                starts.supplierLots(),
                affectedLots.size(),
                RecallLots.byItem(affectedLots),
                affectedLots,
                toContain,
                customers,
                upstream(c, starts.lots()),
                links,
                recalled,
                all.size() - shown.size(),
                asOf,
                Names.elapsedMs(started));
        byte[] bytes = store(c, answer, starts, sites);
        audit.record(
                actor.id(),
                mock ? "MOCK_RECALL" : "RECALL",
                id.toString(),
                sites.size() == 1 ? sites.iterator().next() : null,
                affectedLots.size() + " affected lots, " + recalled.size() + " set to RECALLED"
                        + (reason == null ? "" : "; reason: " + reason));
        return new Created(answer, bytes);
    }

    /**
     * What the suppliers' EPCIS says the starting lots were made from (a recall of a supplier lot
     * starts at the lots received with it): the upstream level of the recall, apart from its lots.
     */
    private static List<Views.UpstreamInput> upstream(Connection c, List<LotRef> starting) throws SQLException {
        Jdbc.Queries q = new Jdbc.Queries();
        Jdbc.Rows<Views.UpstreamInput> upstream = Upstream.of(q, starting);
        q.run(c);
        return upstream.get();
    }

    /** Per customer: lines, quantities per unit (in code order), first and last date of what was shipped and returned. */
    private static List<Views.Customer> customers(
            Set<String> codes,
            List<TraceQueries.CustomerTotalRow> shipped,
            List<TraceQueries.CustomerTotalRow> returned,
            Names names) {
        Map<String, Totals> out = new TreeMap<>();
        codes.forEach(code -> out.put(code, new Totals()));
        shipped.forEach(r -> out.get(r.customer()).add(r, true));
        returned.forEach(r -> out.get(r.customer()).add(r, false));
        List<Views.Customer> list = new ArrayList<>(out.size());
        out.forEach((code, t) -> list.add(new Views.Customer(
                code,
                names.partner(code),
                t.shippedLines,
                List.copyOf(t.shipped.values()),
                t.first,
                t.last,
                t.returnedLines,
                List.copyOf(t.returned.values()))));
        return list;
    }

    /** One customer's sums while they are added up. */
    private static final class Totals {
        int shippedLines;
        int returnedLines;
        final Map<String, Quantity> shipped = new TreeMap<>();
        final Map<String, Quantity> returned = new TreeMap<>();
        Instant first;
        Instant last;

        void add(TraceQueries.CustomerTotalRow r, boolean ship) {
            if (ship) {
                shippedLines += r.lines();
                shipped.put(r.quantity().uom().name(), r.quantity());
                first = first == null || r.first().isBefore(first) ? r.first() : first;
                last = last == null || r.last().isAfter(last) ? r.last() : last;
            } else {
                returnedLines += r.lines();
                returned.put(r.quantity().uom().name(), r.quantity());
            }
        }
    }

    /**
     * One page of the shipment lines of a stored recall — the lines its customers' sums add up,
     * as the ledger stood at the recall's {@code asOfSeq} — of one customer or all.
     */
    public Views.Page<Views.Shipment> shipments(
            Actor actor, String recallId, String customer, String after, String limit) {
        Lines l = lines(actor, recallId, customer, after, limit);
        return access.read(c -> traceService.shipmentPage(
                c,
                TraceQueries.shipmentPage(c, l.lots(), l.customer(), l.recall().asOfSeq(), l.after(), l.limit() + 1),
                l.limit()));
    }

    /** One page of the return lines of a stored recall, as {@link #shipments}. */
    public Views.Page<Views.ReturnLine> returns(
            Actor actor, String recallId, String customer, String after, String limit) {
        Lines l = lines(actor, recallId, customer, after, limit);
        return access.read(c -> TraceService.returnPage(
                TraceQueries.returnPage(c, l.lots(), l.customer(), l.recall().asOfSeq(), l.after(), l.limit() + 1),
                l.limit()));
    }

    private record Lines(
            Views.RecallAnswer recall, List<LotRef> lots, String customer, TraceQueries.Cursor after, int limit) {}

    private Lines lines(Actor actor, String recallId, String customer, String after, String limit) {
        String who = TraceService.customer(customer);
        TraceQueries.Cursor from = Paging.after(after);
        int size = Paging.limit(limit);
        Views.RecallAnswer recall = result(actor, recallId);
        // only lots of the caller's sites (a recall asked by someone who reaches more shows them more)
        List<LotRef> reachable = access.read(c -> Access.reachable(c, actor, RecallReports.affected(recall)));
        return new Lines(recall, reachable, who, from, size);
    }

    private byte[] store(Connection c, Views.RecallAnswer answer, Starts starts, Set<String> sites)
            throws SQLException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("mock", answer.mock());
        request.put("lots", starts.asked());
        request.put("supplierLots", starts.supplierLots());
        request.put("reason", answer.reason());
        if (answer.signatureMeaning() != null) {
            request.put("signature", Map.of("meaning", answer.signatureMeaning()));
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(answer);
            Jdbc.update(
                    c,
                    "INSERT INTO recall (id, created_by, created_at, mock, reason, signer_name, signature_meaning, sites, as_of_seq, "
                            + "affected_lots, elapsed_ms, request, result_gz, lots_gz) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                    UUID.fromString(answer.recallId()),
                    answer.createdBy(),
                    answer.createdAt(),
                    answer.mock(),
                    answer.reason(),
                    answer.signedBy(),
                    answer.signatureMeaning(),
                    sites.toArray(String[]::new),
                    answer.asOfSeq(),
                    answer.affectedLots().size(),
                    answer.elapsedMs(),
                    json.writeValueAsString(request),
                    Compressed.gzip(bytes),
                    RecallLots.write(answer.affectedLots(), json));
        } catch (IOException e) {
            throw new IllegalStateException("a recall could not be written as JSON", e);
        }
        return bytes;
    }

    /** Recalls whose sites the caller reaches, newest first. */
    public List<Views.RecallSummary> list(Actor actor, int limit) {
        return access.read(c -> Jdbc.query(
                c,
                "SELECT id, mock, reason, created_at, created_by, affected_lots, elapsed_ms, sites, "
                        // what was asked, as the form takes it: "RM-RESIN R-2401, ACME-RESINS ACR-779"
                        + "concat_ws(', ', (SELECT string_agg(x->>'item' || ' ' || (x->>'lot'), ', ') "
                        + "FROM jsonb_array_elements(coalesce(request->'lots', '[]')) x), "
                        + "(SELECT string_agg(x->>'supplier' || ' ' || (x->>'supplierLot'), ', ') "
                        + "FROM jsonb_array_elements(coalesce(request->'supplierLots', '[]')) x)) AS asked FROM recall "
                        + "WHERE ? OR sites <@ ?::varchar[] ORDER BY created_at DESC, id DESC LIMIT ?",
                rs -> new Views.RecallSummary(
                        rs.getObject("id", UUID.class).toString(),
                        rs.getBoolean("mock"),
                        rs.getString("reason"),
                        Jdbc.instant(rs, "created_at"),
                        rs.getString("created_by"),
                        rs.getInt("affected_lots"),
                        rs.getLong("elapsed_ms"),
                        Jdbc.strings(rs, "sites"),
                        rs.getString("asked")),
                actor.allSites(),
                actor.sites().toArray(String[]::new),
                limit));
    }

    /** A stored recall's answer as JSON (UTF-8), or 404 (also for a recall of sites the caller cannot reach). */
    public byte[] resultJson(Actor actor, String recallId) {
        Stored stored = stored(actor, recallId, false);
        if (stored.lotsGz() != null
                && stored.answer().affectedByItem().stream().allMatch(i -> actor.canReach(i.site()))) {
            return stored.json();
        }
        // fewer sites than its author, or a recall stored before V25 (its lots inline): in today's shape
        try {
            // a recall stored before V25 has its lots inside the answer already read; otherwise read them now
            return json.writeValueAsBytes(
                    result(actor, stored.lotsGz() == null ? stored : stored(actor, recallId, true)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stored recall as {@code actor} may see it, with its affected lots (of the caller's sites) in
     * {@link Views.RecallAnswer#affectedLots}: what the reports and the console read. A reader who
     * reaches fewer sites than its author sees the affected lots, stock and recalled lots of their
     * own sites only, the counts and the customers summed again over those lots as the ledger stood
     * at the recall, and the lots left out counted in {@code lotsOutsideYourSites}.
     */
    public Views.RecallAnswer result(Actor actor, String recallId) {
        return result(actor, stored(actor, recallId, true));
    }

    /** A stored recall as read from {@code recall}: its answer's JSON, read, and its lots as stored (null before V25). */
    @SuppressWarnings("ArrayRecordComponent") // stored bytes, written out or read once, never compared
    private record Stored(UUID id, byte[] json, Views.RecallAnswer answer, byte[] lotsGz) {}

    private Stored stored(Actor actor, String recallId, boolean withLots) {
        UUID id = parseId(recallId);
        @SuppressWarnings("ArrayRecordComponent") // a row read once and decompressed, never compared
        record Row(byte[] compressed, String result, List<String> sites, byte[] lots) {}
        Row row = access.read(c -> Jdbc.one(
                c,
                "SELECT result_gz, result::text AS result, sites, " + (withLots ? "lots_gz" : "NULL::bytea")
                        + " AS lots, lots_gz IS NULL AS old FROM recall WHERE id = ?",
                rs -> new Row(
                        rs.getBytes("result_gz"),
                        rs.getString("result"),
                        Jdbc.strings(rs, "sites"),
                        rs.getBoolean("old") ? null : withLots ? rs.getBytes("lots") : new byte[0]),
                id));
        if (row == null || !row.sites().stream().allMatch(actor::canReach)) {
            throw Refused.notFound("no recall " + id);
        }
        byte[] bytes = row.compressed() != null
                ? Compressed.gunzip(row.compressed())
                : row.result().getBytes(StandardCharsets.UTF_8);
        return new Stored(id, bytes, read(bytes, recallId), row.lots());
    }

    private Views.RecallAnswer result(Actor actor, Stored stored) {
        Views.RecallAnswer a = stored.answer();
        List<Views.AffectedLot> all;
        if (stored.lotsGz() == null) {
            all = a.affectedLots() == null ? List.of() : a.affectedLots();
        } else {
            try {
                all = RecallLots.read(
                        stored.lotsGz(), a.stockToContain(), RecallLots.itemNames(a.affectedByItem()), json);
            } catch (IOException e) {
                throw new IllegalStateException("the affected lots of recall " + stored.id() + " cannot be read", e);
            }
        }
        List<Views.AffectedLot> lots =
                all.stream().filter(l -> actor.canReach(l.site())).toList();
        if (lots.size() == all.size() && stored.lotsGz() != null) {
            return a.withLots(
                    lots,
                    a.affectedByItem(),
                    a.stockToContain(),
                    a.customers(),
                    a.linkCount(),
                    a.recalledLots(),
                    a.lotsOutsideYourSites());
        }
        Set<Views.LotId> shown = new HashSet<>();
        lots.forEach(l -> shown.add(new Views.LotId(l.item(), l.lot())));
        List<LotRef> refs = lots.stream().map(l -> LotRef.of(l.item(), l.lot())).toList();
        List<Views.Customer> customers = lots.size() == all.size()
                ? a.customers()
                : access.read(c -> {
                    List<TraceQueries.CustomerTotalRow> shipped = TraceQueries.shippedByCustomer(c, refs, a.asOfSeq());
                    List<TraceQueries.CustomerTotalRow> returned =
                            TraceQueries.returnedByCustomer(c, refs, a.asOfSeq());
                    Set<String> codes = new TreeSet<>();
                    shipped.forEach(r -> codes.add(r.customer()));
                    returned.forEach(r -> codes.add(r.customer()));
                    return customers(codes, shipped, returned, Names.of(c, codes, Set.of()));
                });
        int links = access.read(c -> RecallLots.linksAmong(c, refs, a.asOfSeq()).size());
        return a.withLots(
                lots,
                RecallLots.byItem(lots),
                a.stockToContain().stream()
                        .filter(s -> shown.contains(new Views.LotId(s.item(), s.lot())))
                        .toList(),
                customers,
                links,
                a.recalledLots().stream().filter(shown::contains).toList(),
                a.lotsOutsideYourSites() + all.size() - lots.size());
    }

    /** {@code GET /api/v1/recalls/{id}/lots}: a page of a stored recall's affected lots of the caller's sites, in the recall's order. */
    public Views.Page<Views.AffectedLot> lots(Actor actor, String recallId, String after, String limit) {
        int from = position(after)[0];
        int size = Paging.limit(limit);
        List<Views.AffectedLot> lots = result(actor, recallId).affectedLots();
        int to = (int) Math.min(lots.size(), (long) from + size);
        return new Views.Page<>(
                from >= lots.size() ? List.of() : lots.subList(from, to),
                to < lots.size() ? Integer.toString(to) : null);
    }

    /**
     * {@code GET /api/v1/recalls/{id}/links}: a page of at most {@code limit} links between a stored
     * recall's affected lots of the caller's sites, as the ledger stood at the recall: the links out
     * of each lot in the recall's order, each lot's in {@code lot_link} order. {@code next} names the
     * next link there is, so no page is empty but a recall's without links.
     */
    public Views.Page<Views.TraceLink> links(Actor actor, String recallId, String after, String limit) {
        int[] from = position(after);
        int size = Paging.limit(limit);
        Views.RecallAnswer recall = result(actor, recallId);
        List<LotRef> all = RecallReports.affected(recall);
        Set<LotRef> among = new HashSet<>(all);
        List<Views.TraceLink> page = new ArrayList<>();
        int at = from[0];
        int skip = from[1];
        String next = null;
        // the links out of the lots in steps of the page size: a lot has few links out, so a step or two fills a page
        steps:
        while (at < all.size()) {
            List<LotRef> step = all.subList(at, Math.min(all.size(), at + size));
            Map<LotRef, List<Link>> byLot = new HashMap<>();
            access.read(c -> RecallLots.linksFrom(c, step, among, recall.asOfSeq()))
                    .forEach(l -> byLot.computeIfAbsent(l.from(), k -> new ArrayList<>())
                            .add(l));
            for (LotRef lot : step) {
                List<Link> out = byLot.getOrDefault(lot, List.of());
                for (int i = skip; i < out.size(); i++) {
                    if (page.size() == size) {
                        next = at + "." + i;
                        break steps;
                    }
                    page.add(TraceService.link(out.get(i)));
                }
                skip = 0;
                at++;
            }
        }
        return new Views.Page<>(page, next);
    }

    private static final Pattern POSITION = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?");

    /** The {@code after} of a recall's lots or links ({@code 12} or {@code 12.3}, opaque to callers); 400 naming it otherwise. */
    private static int[] position(String after) {
        if (after == null || after.isEmpty()) {
            return new int[] {0, 0};
        }
        Matcher m = POSITION.matcher(after);
        if (!m.matches()) {
            throw Refused.invalid(
                    ErrorCode.INVALID_FIELD,
                    "after is not a cursor this server gave: pass the page's \"next\" as it came",
                    "after");
        }
        return new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))};
    }

    private Views.RecallAnswer read(byte[] stored, String recallId) {
        try {
            return json.readValue(stored, Views.RecallAnswer.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored recall " + recallId + " cannot be read", e);
        }
    }

    static UUID parseId(String text) {
        try {
            if (text == null || text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Refused.notFound(
                    "no recall " + (text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text));
        }
    }
}
