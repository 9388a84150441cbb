package org.lotkeeper.server.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotkeeper.server.db.Jdbc;

/**
 * Partner and item names for an answer, looked up once per answer with one plain query each on
 * the answer's own connection (through Hibernate the same lookup cost ~2 ms of a 7 ms trace).
 */
record Names(Map<String, String> partners, Map<String, String> items) {

    static Names of(Connection c, Collection<String> partnerCodes, Collection<String> itemCodes) throws SQLException {
        return new Names(names(c, "partner", partnerCodes), names(c, "item", itemCodes));
    }

    private static Map<String, String> names(Connection c, String table, Collection<String> codes) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (!codes.isEmpty()) {
            List<Named> rows = Jdbc.query(
                    c,
                    "SELECT code, name FROM " + table + " WHERE code = ANY(?)",
                    rs -> new Named(rs.getString(1), rs.getString(2)),
                    (Object) codes.stream().distinct().toArray(String[]::new));
            rows.forEach(r -> out.put(r.code(), r.name()));
        }
        return out;
    }

    /** A partner's or item's name. */
    record Named(String code, String name) {}

    String partner(String code) {
        return partners.get(code);
    }

    String item(String code) {
        return items.get(code);
    }

    /** Milliseconds since {@code startedNanos}, at least 0. */
    static long elapsedMs(long startedNanos) {
        return Math.max(0, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
