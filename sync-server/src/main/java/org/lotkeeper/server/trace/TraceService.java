package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lotkeeper.model.id.PartnerCode;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.api.Fields;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.security.Actor;
import org.lotkeeper.server.telemetry.Spans;

/**
 * Backward and forward trace of one lot: the genealogy by breadth-first walk, then the lots'
 * status, receipts, shipments and returns in one batched query each.
 *
 * <p>Receipts are listed for every lot of the answer; for the root and its descendants (what left
 * the plant made from the root) the shipments summed per lot, the number of customers, and the
 * return lines. The shipment lines themselves are paged ({@link #shipments}). Lots of sites the caller cannot reach are walked through but left out of the answer and
 * counted in {@code lotsOutsideYourSites}.
 */
@ApplicationScoped
public class TraceService {

    static final String ROOT = "ROOT";
    static final String ANCESTOR = "ANCESTOR";
    static final String DESCENDANT = "DESCENDANT";
    static final String BOTH_SIDES = "ANCESTOR_AND_DESCENDANT";

    private final BreadthFirstTrace walk = new BreadthFirstTrace();

    @Inject
    Access access;

    @Inject
    Tracer tracer;

    public Views.TraceAnswer trace(Actor actor, String item, String lot, Direction direction) {
        return trace(actor, item, lot, direction, Integer.MAX_VALUE);
    }

    /**
     * The trace of the nearest {@code maxLots} lots each way (breadth first); {@code complete} in the
     * answer says whether that was all of them.
     */
    public Views.TraceAnswer trace(Actor actor, String item, String lot, Direction direction, int maxLots) {
        long started = System.nanoTime();
        LotRef ref = Access.ref(item, lot);
        return Spans.in(
                tracer,
                "lotkeeper.trace",
                span -> access.read(c -> {
                    WholeWalk.Found found = maxLots == Integer.MAX_VALUE
                            ? WholeWalk.of(c, ref, direction, actor.allSites(), actor.sites())
                            : nearest(c, actor, ref, direction, maxLots);
                    TraceQueries.LotFacts root = access.allowed(c, actor, ref, found.root());
                    boolean complete = found.back().depths().size() < maxLots
                            && found.forth().depths().size() < maxLots;
                    Views.TraceAnswer answer = answer(c, actor, root, direction, found, complete, started);
                    if (span.isRecording()) {
                        span.setAttribute("lotkeeper.item", root.ref().item().value());
                        span.setAttribute("lotkeeper.lot", root.ref().lot().value());
                        span.setAttribute("lotkeeper.direction", direction.name());
                        span.setAttribute("lotkeeper.lots", answer.lots().size());
                        span.setAttribute("lotkeeper.links", answer.links().size());
                        span.setAttribute("lotkeeper.customers", answer.customers());
                        span.setAttribute(Spans.LEDGER_SEQ, TraceQueries.ledgerHead(c));
                    }
                    return answer;
                }));
    }

    /**
     * The nearest {@code maxLots} lots each way, breadth first, and their sites and statuses; just
     * the root when it is unknown or of a site the caller cannot reach (refused next).
     */
    private WholeWalk.Found nearest(Connection c, Actor actor, LotRef ref, Direction direction, int maxLots)
            throws SQLException {
        TraceQueries.LotFacts root = TraceQueries.lot(c, ref);
        boolean walks = root != null && actor.canReach(root.site());
        Walk just = new Walk(Map.of(ref, 0), List.of());
        Walk back = !walks || direction == Direction.FORWARD ? just : walk.walk(c, List.of(ref), false, maxLots);
        Walk forth = !walks || direction == Direction.BACKWARD ? just : walk.walk(c, List.of(ref), true, maxLots);
        Set<LotRef> lots = new LinkedHashSet<>(back.depths().keySet());
        lots.addAll(forth.depths().keySet());
        Map<LotRef, WholeWalk.Reached> reached = new HashMap<>();
        TraceQueries.lots(c, List.copyOf(lots))
                .forEach((l, f) -> reached.put(l, new WholeWalk.Reached(f.site(), f.status())));
        return new WholeWalk.Found(root, back, forth, reached);
    }

    private static Views.TraceAnswer answer(
            Connection c,
            Actor actor,
            TraceQueries.LotFacts root,
            Direction direction,
            WholeWalk.Found found,
            boolean complete,
            long started)
            throws SQLException {
        LotRef ref = root.ref();
        Walk back = found.back();
        Walk forth = found.forth();
        Map<LotRef, Integer> depth = new LinkedHashMap<>();
        Map<LotRef, String> relation = new LinkedHashMap<>();
        depth.put(ref, 0);
        relation.put(ref, ROOT);
        back.depths().forEach((l, d) -> {
            if (!l.equals(ref)) {
                depth.put(l, d);
                relation.put(l, ANCESTOR);
            }
        });
        forth.depths().forEach((l, d) -> {
            if (!l.equals(ref)) {
                depth.merge(l, d, Math::min);
                relation.merge(l, DESCENDANT, (a, b) -> BOTH_SIDES);
            }
        });
        Map<Long, Link> links = new LinkedHashMap<>();
        back.links().forEach(l -> links.putIfAbsent(l.id(), l));
        forth.links().forEach(l -> links.putIfAbsent(l.id(), l));

        Map<LotRef, WholeWalk.Reached> facts = found.reached();
        Predicate<LotRef> visible =
                l -> facts.containsKey(l) && actor.canReach(facts.get(l).site());
        List<LotRef> shown = depth.keySet().stream().filter(visible).toList();
        List<LotRef> downstream =
                shown.stream().filter(l -> !ANCESTOR.equals(relation.get(l))).toList();

        // everything else the answer holds, in one round trip
        Jdbc.Queries q = new Jdbc.Queries();
        Jdbc.Rows<TraceQueries.ReceiptRow> receiptRows = TraceQueries.receipts(q, shown);
        Jdbc.Rows<TraceQueries.ShippedRow> shippedRows = TraceQueries.shipped(q, downstream);
        Jdbc.Rows<TraceQueries.ReturnRow> returnRows = TraceQueries.returns(q, downstream);
        Jdbc.Rows<Views.UpstreamInput> upstream = Upstream.of(q, shown);
        q.run(c);
        TraceQueries.Shipped shipped = TraceQueries.shipped(shippedRows.get());

        List<Views.TraceLot> lots = new ArrayList<>();
        for (LotRef l : shown) {
            WholeWalk.Reached f = facts.get(l);
            lots.add(new Views.TraceLot(
                    l.item().value(), l.lot().value(), f.status(), depth.get(l), relation.get(l), f.site()));
        }
        Set<LotRef> shownSet = new HashSet<>(shown);
        List<Views.TraceLink> traceLinks = links.values().stream()
                .filter(l -> shownSet.contains(l.from()) && shownSet.contains(l.to()))
                .map(TraceService::link)
                .toList();
        return new Views.TraceAnswer(
                new Views.TraceRoot(ref.item().value(), ref.lot().value(), root.status(), root.site()),
                direction.name(),
                lots,
                traceLinks,
                receiptRows.get().stream().map(TraceService::receipt).toList(),
                shipped.lots().stream()
                        .map(s -> new Views.LotShipped(
                                s.lot().item().value(),
                                s.lot().lot().value(),
                                s.lines(),
                                s.quantity(),
                                s.firstShippedAt(),
                                s.lastShippedAt()))
                        .toList(),
                shipped.customers(),
                returnRows.get().stream().map(TraceService::returnLine).toList(),
                upstream.get(),
                depth.size() - shown.size(),
                complete,
                Names.elapsedMs(started));
    }

    /**
     * One page of the shipment lines of a lot and its descendants (of the sites the caller
     * reaches), in shipping order; of one customer if {@code customer} is given.
     */
    public Views.Page<Views.Shipment> shipments(
            Actor actor, String item, String lot, String customer, String after, String limit) {
        TraceQueries.LotFacts root = access.lot(actor, item, lot);
        String who = customer(customer);
        TraceQueries.Cursor from = Paging.after(after);
        int size = Paging.limit(limit);
        return access.read(c -> {
            List<LotRef> shown = Access.reachable(
                    c,
                    actor,
                    new ArrayList<>(
                            walk.walk(c, List.of(root.ref()), true).depths().keySet()));
            return shipmentPage(c, TraceQueries.shipmentPage(c, shown, who, null, from, size + 1), size);
        });
    }

    /** What each customer got of each of a trace's root and descendants as answered, summed (the console's picture). */
    public List<Views.CustomerShipped> shippedToCustomers(Views.TraceAnswer trace) {
        List<LotRef> downstream = downstream(trace);
        return access.read(c -> {
            List<TraceQueries.LotCustomerRow> rows = TraceQueries.shippedByLotAndCustomer(c, downstream);
            Names names = Names.of(
                    c,
                    rows.stream()
                            .map(TraceQueries.LotCustomerRow::customer)
                            .distinct()
                            .toList(),
                    List.of());
            return rows.stream()
                    .map(r -> new Views.CustomerShipped(
                            r.lot().item().value(),
                            r.lot().lot().value(),
                            r.customer(),
                            names.partner(r.customer()),
                            r.quantity()))
                    .toList();
        });
    }

    private static List<LotRef> downstream(Views.TraceAnswer trace) {
        return trace.lots().stream()
                .filter(l -> !ANCESTOR.equals(l.relation()))
                .map(l -> LotRef.of(l.item(), l.lot()))
                .toList();
    }

    /** The first {@code limit} shipment lines of a trace's root and descendants as answered (the console's lot page). */
    public Views.Page<Views.Shipment> shipments(Actor actor, Views.TraceAnswer trace, int limit) {
        List<LotRef> downstream = downstream(trace);
        return access.read(
                c -> shipmentPage(c, TraceQueries.shipmentPage(c, downstream, null, null, null, limit + 1), limit));
    }

    /** The {@code customer} query parameter: absent, or a well-formed partner code (400 naming it otherwise). */
    static String customer(String customer) {
        return customer == null || customer.isEmpty() ? null : Fields.code("customer", customer, PartnerCode::of);
    }

    Views.Page<Views.Shipment> shipmentPage(Connection c, List<TraceQueries.ShipmentRow> rows, int limit)
            throws SQLException {
        Names names = Names.of(
                c,
                rows.stream().map(TraceQueries.ShipmentRow::customer).distinct().toList(),
                List.of());
        return Paging.page(
                rows,
                limit,
                s -> new Views.Shipment(
                        s.lot().item().value(),
                        s.lot().lot().value(),
                        s.customer(),
                        names.partner(s.customer()),
                        s.shipment(),
                        s.quantity(),
                        s.shippedAt(),
                        s.eventId().toString()),
                s -> new TraceQueries.Cursor(s.shippedAt(), s.eventId()));
    }

    static Views.Page<Views.ReturnLine> returnPage(List<TraceQueries.ReturnRow> rows, int limit) {
        return Paging.page(
                rows, limit, TraceService::returnLine, r -> new TraceQueries.Cursor(r.returnedAt(), r.eventId()));
    }

    static Views.ReturnLine returnLine(TraceQueries.ReturnRow r) {
        return new Views.ReturnLine(
                r.lot().item().value(),
                r.lot().lot().value(),
                r.customer(),
                r.customerName(),
                r.quantity(),
                r.returnedAt(),
                r.reference(),
                r.reason(),
                r.location(),
                r.eventId().toString());
    }

    static Views.TraceLink link(Link l) {
        return new Views.TraceLink(
                Views.LotId.of(l.from()),
                Views.LotId.of(l.to()),
                l.quantity(),
                l.eventId().toString(),
                l.kind(),
                l.batch(),
                l.occurredAt());
    }

    static Views.Receipt receipt(TraceQueries.ReceiptRow r) {
        return new Views.Receipt(
                r.lot().item().value(),
                r.lot().lot().value(),
                r.supplier(),
                r.supplierName(),
                r.supplierLot(),
                r.quantity(),
                r.receivedAt(),
                r.reference(),
                r.location(),
                r.eventId().toString());
    }
}
