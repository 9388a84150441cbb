package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.server.db.Jdbc;

/**
 * The baseline the breadth-first walk is measured against: one plain {@code WITH RECURSIVE}
 * query for the reachable lots ({@code UNION}, so cycles end), then every link of the reached
 * lots. Depths are computed in memory from those links. Gives the same {@link Walk} as
 * {@link BreadthFirstTrace}; not used to answer requests.
 */
public final class RecursiveCteTrace implements GenealogyWalk {

    private static final String FORWARD = "WITH RECURSIVE reach(item, lot) AS ("
            + " SELECT f.item::text, f.lot::text FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot)"
            + " UNION SELECT l.to_item::text, l.to_lot::text FROM lot_link l JOIN reach r ON l.from_item = r.item AND l.from_lot = r.lot)"
            + " SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, l.event_id, l.occurred_at"
            + " FROM reach r JOIN lot_link l ON l.from_item = r.item AND l.from_lot = r.lot ORDER BY l.id";
    private static final String BACKWARD = "WITH RECURSIVE reach(item, lot) AS ("
            + " SELECT f.item::text, f.lot::text FROM unnest(?::varchar[], ?::varchar[]) AS f(item, lot)"
            + " UNION SELECT l.from_item::text, l.from_lot::text FROM lot_link l JOIN reach r ON l.to_item = r.item AND l.to_lot = r.lot)"
            + " SELECT l.id, l.from_item, l.from_lot, l.to_item, l.to_lot, l.quantity, l.uom, l.kind, l.batch, l.event_id, l.occurred_at"
            + " FROM reach r JOIN lot_link l ON l.to_item = r.item AND l.to_lot = r.lot ORDER BY l.id";

    @Override
    public Walk walk(Connection c, Collection<LotRef> starts, boolean forward) throws SQLException {
        List<LotRef> roots = List.copyOf(new java.util.LinkedHashSet<>(starts));
        List<Link> links = Jdbc.query(c, forward ? FORWARD : BACKWARD, Links::read, Sql.items(roots), Sql.lots(roots));
        return new Walk(Links.depths(roots, links, forward), links);
    }
}
