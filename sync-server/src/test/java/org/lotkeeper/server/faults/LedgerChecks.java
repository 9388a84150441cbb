package org.lotkeeper.server.faults;

import java.sql.Connection;
import java.sql.Statement;

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
            String before = TwoInstancesIT.snapshot(s);
            Client.call(server.uri("/api/v1/admin/projections/rebuild"), "POST", admin, null);
            assertThat(TwoInstancesIT.snapshot(s)).isEqualTo(before);
        }
    }
}
