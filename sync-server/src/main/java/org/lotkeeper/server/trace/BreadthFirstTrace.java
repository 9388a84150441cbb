package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.db.Jdbc;

/**
 * The genealogy walk the server answers with: breadth first, one query per depth level for the
 * whole frontier ({@code unnest} of the frontier joined to {@code lot_link} on the indexed end),
 * a visited set so that rework loops and cycles in bad data end. Any depth, fan-in and fan-out.
 */
public final class BreadthFirstTrace implements GenealogyWalk {

    /** Frontier lots per query; bigger frontiers are sent in several queries. */
    static final int BATCH = 5_000;

    private static final String FORWARD =
            "SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, "
                    + "l.event_id, l.occurred_at FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot) "
                    + "JOIN lot_link l ON l.from_item = f.item AND l.from_lot = f.lot";
    private static final String BACKWARD =
            "SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, "
                    + "l.event_id, l.occurred_at FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot) "
                    + "JOIN lot_link l ON l.to_item = f.item AND l.to_lot = f.lot";

    @Override
    public Walk walk(Connection c, Collection<LotRef> starts, boolean forward) throws SQLException {
        return walk(c, starts, forward, Integer.MAX_VALUE);
    }

    /**
     * The walk, stopped once {@code maxLots} lots are reached: the nearest lots in breadth-first
     * order (a picture of a popular raw material's tens of thousands of descendants shows none).
     * The walk is whole when it reached fewer than {@code maxLots}.
     */
    public Walk walk(Connection c, Collection<LotRef> starts, boolean forward, int maxLots) throws SQLException {
        Map<LotRef, Integer> depths = new LinkedHashMap<>();
        List<LotRef> frontier = new ArrayList<>();
        for (LotRef start : starts) {
            if (depths.putIfAbsent(start, 0) == null) {
                frontier.add(start);
            }
        }
        Map<Long, Link> links = new LinkedHashMap<>();
        int depth = 0;
        while (!frontier.isEmpty() && depths.size() < maxLots) {
            depth++;
            List<LotRef> next = new ArrayList<>();
            for (int from = 0; from < frontier.size(); from += BATCH) {
                List<LotRef> batch = frontier.subList(from, Math.min(frontier.size(), from + BATCH));
                List<Link> found =
                        Jdbc.query(c, forward ? FORWARD : BACKWARD, Links::read, Sql.items(batch), Sql.lots(batch));
                found.sort(Comparator.comparingLong(Link::id));
                for (Link link : found) {
                    links.putIfAbsent(link.id(), link);
                    LotRef reached = forward ? link.to() : link.from();
                    if (!depths.containsKey(reached) && depths.size() < maxLots) {
                        depths.put(reached, depth);
                        next.add(reached);
                    }
                }
            }
            frontier = next;
        }
        List<Link> ordered = new ArrayList<>(links.values());
        ordered.sort(Comparator.comparingLong(Link::id));
        return new Walk(depths, ordered);
    }
}
