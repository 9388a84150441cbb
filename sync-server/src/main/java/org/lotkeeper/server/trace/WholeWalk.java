package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.db.Jdbc;

/**
 * A whole trace's genealogy in one round trip: the root's facts, and one recursive walk each way
 * ({@code WITH RECURSIVE}, {@code UNION}, so cycles end) that brings every link of the reached
 * lots with the site and status of the lot it leads to. Depths are counted in memory
 * ({@link Links#depths}), so the lots come in the order {@link BreadthFirstTrace} reaches them.
 * A trace cut at a number of lots (the console's picture) walks breadth first instead.
 */
final class WholeWalk {

    /** Where a reached lot is and what it may do: what the trace lists of it. */
    record Reached(String site, String status) {}

    /**
     * What the walk found: the root's facts (null when no such lot), the walks each way (just the
     * root for a direction not asked) and every reached lot the {@code lot} projection knows.
     */
    record Found(TraceQueries.LotFacts root, Walk back, Walk forth, Map<LotRef, Reached> reached) {}

    private static final String LINK = "l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, "
            + "l.kind, l.batch, l.event_id, l.occurred_at, f.site, f.status";
    /**
     * The walk's start: the root, only when it is a lot of a site the caller reaches (so a refused
     * trace costs a primary-key lookup, not another site's whole genealogy).
     */
    private static final String START = "SELECT k.item::text, k.lot::text FROM lot k WHERE k.item = ? AND k.lot = ? "
            + "AND (? OR k.site = ANY (?::varchar[]))";

    private static final String BACK = "back(item, lot) AS (" + START + " UNION "
            + "SELECT l.from_item::text, l.from_lot::text FROM lot_link l JOIN back r ON l.to_item = r.item AND l.to_lot = r.lot)";
    private static final String FORTH = "forth(item, lot) AS (" + START + " UNION "
            + "SELECT l.to_item::text, l.to_lot::text FROM lot_link l JOIN forth r ON l.from_item = r.item AND l.from_lot = r.lot)";
    private static final String BACK_LINKS = "SELECT false AS forward, " + LINK
            + " FROM back r JOIN lot_link l ON l.to_item = r.item AND l.to_lot = r.lot"
            + " LEFT JOIN lot f ON f.item = l.from_item AND f.lot = l.from_lot";
    private static final String FORTH_LINKS = "SELECT true AS forward, " + LINK
            + " FROM forth r JOIN lot_link l ON l.from_item = r.item AND l.from_lot = r.lot"
            + " LEFT JOIN lot f ON f.item = l.to_item AND f.lot = l.to_lot";

    private WholeWalk() {}

    private record Step(boolean forward, Link link, Reached reached) {}

    /**
     * The root's facts and, when the caller reaches its site ({@code allSites}, or one of
     * {@code sites}), the walks; otherwise the walks hold just the root.
     */
    static Found of(Connection c, LotRef root, Direction direction, boolean allSites, Collection<String> sites)
            throws SQLException {
        boolean back = direction != Direction.FORWARD;
        boolean forth = direction != Direction.BACKWARD;
        String sql = "WITH RECURSIVE "
                + (back && forth
                        ? BACK + ", " + FORTH + " " + BACK_LINKS + " UNION ALL " + FORTH_LINKS
                        : back ? BACK + " " + BACK_LINKS : FORTH + " " + FORTH_LINKS);
        List<Object> params = new ArrayList<>();
        for (int i = (back ? 1 : 0) + (forth ? 1 : 0); i > 0; i--) {
            params.add(root.item().value());
            params.add(root.lot().value());
            params.add(allSites);
            params.add(sites.toArray(String[]::new));
        }
        Jdbc.Queries q = new Jdbc.Queries();
        Jdbc.Rows<TraceQueries.LotFacts> facts = q.add(
                "SELECT " + TraceQueries.FACTS + " FROM lot l WHERE l.item = ? AND l.lot = ?",
                TraceQueries::facts,
                root.item().value(),
                root.lot().value());
        Jdbc.Rows<Step> steps = q.add(
                sql,
                rs -> new Step(
                        rs.getBoolean("forward"),
                        Links.read(rs),
                        rs.getString("site") == null
                                ? null
                                : new Reached(rs.getString("site"), rs.getString("status"))),
                params.toArray());
        q.run(c);

        TraceQueries.LotFacts rootFacts =
                facts.get().isEmpty() ? null : facts.get().get(0);
        Map<LotRef, Reached> reached = new HashMap<>();
        if (rootFacts != null) {
            reached.put(root, new Reached(rootFacts.site(), rootFacts.status()));
        }
        List<Link> backLinks = new ArrayList<>();
        List<Link> forthLinks = new ArrayList<>();
        for (Step s : steps.get()) {
            (s.forward() ? forthLinks : backLinks).add(s.link());
            if (s.reached() != null) {
                reached.put(s.forward() ? s.link().to() : s.link().from(), s.reached());
            }
        }
        return new Found(rootFacts, walk(root, backLinks, false), walk(root, forthLinks, true), reached);
    }

    private static Walk walk(LotRef root, List<Link> links, boolean forward) {
        links.sort(Comparator.comparingLong(Link::id));
        return new Walk(Links.depths(List.of(root), links, forward), links);
    }
}
