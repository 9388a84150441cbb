package org.lotkeeper.server.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fault tests check of the ledger once the devices are done. */
final class LedgerChecks {

    private LedgerChecks() {}

    /**
     * {@code total} device events, each exactly once, one 10 L lot of stock each ({@link
     * Client#receipts}); the server verifies the hash chains; a projection rebuild from the ledger
     * changes nothing.
     */
    static void assertWhole(EmbeddedPostgres db, ServerProcess server, int total) throws Exception {
        try (Connection c = PgOps.connect(db);
                Statement s = c.createStatement()) {
            assertThat(PgOps.one(s, "SELECT count(*) FROM ledger_event WHERE device_id IS NOT NULL"))
                    .isEqualTo(total);
            assertThat(PgOps.one(s, "SELECT count(DISTINCT event_id) FROM ledger_event WHERE device_id IS NOT NULL"))
                    .isEqualTo(total);
            assertThat(PgOps.one(s, "SELECT count(*) FROM stock WHERE quantity <> 10"))
                    .isZero();
            assertThat(PgOps.one(s, "SELECT count(*) FROM stock")).isEqualTo(total);
            String admin = Client.token(server::uri, "admin", ServerProcess.ADMIN_PASSWORD);
            JsonNode verified = Client.call(server.uri("/api/v1/admin/ledger/verify"), "POST", admin, null);
            assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
            rebuildChangesNothing(s, server);
        }
    }

    /**
     * Rebuilds the projections from the ledger through {@code server}, checks that lots, stock and
     * receipts are what they were, and answers how many events the rebuild replayed.
     */
    static long rebuildChangesNothing(Statement s, ServerProcess server) throws Exception {
        String before = snapshot(s);
        String admin = Client.token(server::uri, "admin", ServerProcess.ADMIN_PASSWORD);
        long events = Client.call(server.uri("/api/v1/admin/projections/rebuild"), "POST", admin, null)
                .get("events")
                .asLong();
        assertThat(snapshot(s)).isEqualTo(before);
        return events;
    }

    /** The projections' content (lots, stock, receipts), to compare with a replay's. */
    private static String snapshot(Statement s) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String sql : List.of(
                "SELECT item, lot, status, expiry, origin, supplier, created_at FROM lot ORDER BY item, lot",
                "SELECT item, lot, location, container, quantity FROM stock ORDER BY item, lot, location, container",
                "SELECT event_id, item, lot, quantity FROM receipt ORDER BY event_id")) {
            try (ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        out.append(rs.getString(i)).append('|');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
