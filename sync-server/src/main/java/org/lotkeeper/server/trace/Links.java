package org.lotkeeper.server.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
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

    /** Shortest distances from {@code starts} over {@code links}, breadth first, in memory. */
    static Map<LotRef, Integer> depths(Collection<LotRef> starts, List<Link> links, boolean forward) {
        Map<LotRef, List<LotRef>> next = new HashMap<>();
        for (Link l : links) {
            LotRef a = forward ? l.from() : l.to();
            LotRef b = forward ? l.to() : l.from();
            next.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
        }
        Map<LotRef, Integer> depths = new LinkedHashMap<>();
        Deque<LotRef> queue = new ArrayDeque<>();
        for (LotRef s : starts) {
            if (depths.putIfAbsent(s, 0) == null) {
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            LotRef at = queue.poll();
            int d = depths.get(at);
            for (LotRef b : next.getOrDefault(at, List.of())) {
                if (depths.putIfAbsent(b, d + 1) == null) {
                    queue.add(b);
                }
            }
        }
        return depths;
    }
}
