package org.lotkeeper.server.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.quantity.Quantity;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.server.db.Jdbc;

/** Reading {@code lot_link} rows, and depths over links already in memory. */
final class Links {

    private Links() {}

    /** A row with columns id, from_item, from_lot, to_item, to_lot, quantity, uom, kind, batch, event_id, occurred_at. */
    static Link read(ResultSet rs) throws SQLException {
        return new Link(
                rs.getLong("id"),
                Sql.lot(rs, "from_item", "from_lot"),
                Sql.lot(rs, "to_item", "to_lot"),
                Quantity.of(
                        rs.getBigDecimal("quantity"),
                        Uom.byCode(rs.getString("uom")).orElseThrow()),
                rs.getString("kind"),
                rs.getString("batch"),
                rs.getObject("event_id", UUID.class),
                Jdbc.instant(rs, "occurred_at"));
    }

    /**
     * Shortest distances from {@code starts} over {@code links}, in memory, in the order
     * {@link BreadthFirstTrace} reaches the lots: level by level, each level's links (a
     * {@link BreadthFirstTrace#BATCH} of the frontier at a time) in id order.
     */
    static Map<LotRef, Integer> depths(Collection<LotRef> starts, List<Link> links, boolean forward) {
        Map<LotRef, List<Link>> leaving = new HashMap<>();
        for (Link l : links) {
            leaving.computeIfAbsent(forward ? l.from() : l.to(), k -> new ArrayList<>())
                    .add(l);
        }
        Map<LotRef, Integer> depths = new LinkedHashMap<>();
        List<LotRef> frontier = new ArrayList<>();
        for (LotRef s : starts) {
            if (depths.putIfAbsent(s, 0) == null) {
                frontier.add(s);
            }
        }
        int depth = 0;
        while (!frontier.isEmpty()) {
            depth++;
            List<LotRef> next = new ArrayList<>();
            for (int from = 0; from < frontier.size(); from += BreadthFirstTrace.BATCH) {
                List<Link> found = new ArrayList<>();
                for (LotRef at : frontier.subList(from, Math.min(frontier.size(), from + BreadthFirstTrace.BATCH))) {
                    found.addAll(leaving.getOrDefault(at, List.of()));
                }
                found.sort(Comparator.comparingLong(Link::id));
                for (Link link : found) {
                    LotRef reached = forward ? link.to() : link.from();
                    if (depths.putIfAbsent(reached, depth) == null) {
                        next.add(reached);
                    }
                }
            }
            frontier = next;
        }
        return depths;
    }
}
