package org.lotkeeper.server.ledger;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.lotkeeper.server.testing.Api.as;

/**
 * The audit chain verifies after the Riverside week, and every kind of tampering with stored
 * rows is found at its place: changed content, changed flags, a deleted event, a deleted last
 * event, and a row rewritten together with its own hash.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LedgerVerifyTest {

    @Inject
    DataSource ds;

    /** The longest device chain of the week: its source and length. */
    private String source;

    private long length;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        new Riverside().play();
        Database.Chain longest = Database.longestDeviceChain(ds);
        source = longest.source();
        length = longest.length();
        assertThat(length)
                .as("a device chain long enough to break in the middle")
                .isGreaterThanOrEqualTo(3);
    }

    private static ValidatableResponse verify() {
        return as(Api.adminToken()).post("/api/v1/admin/ledger/verify").then().statusCode(200);
    }

    private long ledgerSeq(long sourceSeq) {
        return Database.count(
                ds, "SELECT ledger_seq FROM ledger_event WHERE source = ? AND source_seq = ?", source, sourceSeq);
    }

    @Test
    void theRiversideWeekVerifies() {
        long events = Database.count(ds, "SELECT count(*) FROM ledger_event");
        long chains = Database.count(ds, "SELECT count(*) FROM chain_head");
        verify().body("ok", equalTo(true))
                .body("breaks", hasSize(0))
                .body("events", equalTo((int) events))
                .body("chains", equalTo((int) chains))
                .body("chains", greaterThanOrEqualTo(2));
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE source LIKE 'site:%'"))
                .as("console actions have their own chain")
                .isPositive();
    }

    @Test
    void changedContentIsFoundAtItsEvent() {
        long at = ledgerSeq(2);
        Database.execute(ds, "UPDATE ledger_event SET content = content || ' ' WHERE ledger_seq = " + at);
        verify().body("ok", equalTo(false))
                .body("breaks", hasSize(1))
                .body("breaks[0].source", equalTo(source))
                .body("breaks[0].sourceSeq", equalTo(2))
                .body("breaks[0].ledgerSeq", equalTo((int) at))
                .body("breaks[0].problem", equalTo("ALTERED"));
    }

    @Test
    void changedFlagsAreFound() {
        long at = ledgerSeq(1);
        Database.execute(
                ds, "UPDATE ledger_event SET flags = array_append(flags, 'CLOCK_SKEW') WHERE ledger_seq = " + at);
        verify().body("ok", equalTo(false))
                .body("breaks[0].source", equalTo(source))
                .body("breaks[0].sourceSeq", equalTo(1))
                .body("breaks[0].problem", equalTo("ALTERED"));
    }

    @Test
    void aDeletedEventIsFoundWhereItIsMissing() {
        Database.execute(ds, "DELETE FROM lot_event WHERE ledger_seq = " + ledgerSeq(2));
        Database.execute(ds, "DELETE FROM ledger_event WHERE source = '" + source + "' AND source_seq = 2");
        verify().body("ok", equalTo(false))
                .body("breaks[0].source", equalTo(source))
                .body("breaks[0].sourceSeq", equalTo(2))
                .body("breaks[0].ledgerSeq", nullValue())
                .body("breaks[0].problem", equalTo("MISSING_EVENT"));
    }

    @Test
    void aDeletedLastEventIsFoundAgainstTheChainHead() {
        Database.execute(ds, "DELETE FROM lot_event WHERE ledger_seq = " + ledgerSeq(length));
        Database.execute(ds, "DELETE FROM ledger_event WHERE source = '" + source + "' AND source_seq = " + length);
        verify().body("ok", equalTo(false))
                .body("breaks[0].source", equalTo(source))
                .body("breaks[0].sourceSeq", equalTo((int) length))
                .body("breaks[0].problem", equalTo("HEAD_MISMATCH"));
    }

    @Test
    void aRowRewrittenWithItsOwnHashBreaksTheLinkToTheNextEvent() {
        Map<String, Object> row = Database.rows(
                        ds,
                        "SELECT ledger_seq, source_seq, recorded_at, flags, server_note, content, prev_hash "
                                + "FROM ledger_event WHERE source = ? AND source_seq = 1",
                        source)
                .get(0);
        String forged = ((String) row.get("content")).replace("\"quantity\"", "\"quantity\" ") + " ";
        String hash = ChainHash.of(
                null,
                source,
                1,
                ((java.sql.Timestamp) row.get("recorded_at")).toInstant(),
                List.of((String[]) toArray(row.get("flags"))),
                (String) row.get("server_note"),
                forged);
        Database.execute(
                ds,
                "UPDATE ledger_event SET content = '" + forged.replace("'", "''") + "', hash = '" + hash
                        + "' WHERE ledger_seq = " + row.get("ledger_seq"));
        verify().body("ok", equalTo(false))
                .body("breaks[0].source", equalTo(source))
                .body("breaks[0].sourceSeq", equalTo(2))
                .body("breaks[0].ledgerSeq", equalTo((int) ledgerSeq(2)))
                .body("breaks[0].problem", equalTo("BROKEN_LINK"));
    }

    @Test
    void onlyAnAdministratorVerifies() {
        as(Api.token("sam", "sam-Passw0rd!"))
                .post("/api/v1/admin/ledger/verify")
                .then()
                .statusCode(403)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
    }

    private static Object toArray(Object sqlArray) {
        try {
            return ((java.sql.Array) sqlArray).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
