package org.lotkeeper.server.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.security.AuditChain;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.lotkeeper.server.testing.Api.as;

/**
 * Signed checkpoints against an insider with the database: history rewritten with every hash and
 * head recomputed passes the plain chain check but not the checkpoints, and the verifier names the
 * first checkpoint it breaks; columns copied out of an event are checked against its hashed
 * content; the audit log has its own chain, held by the checkpoints too.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class CheckpointTest {

    @Inject
    DataSource ds;

    @Inject
    LedgerVerifier verifier;

    @Inject
    Checkpoints checkpoints;

    @Inject
    AuditChain auditChain;

    private String source;
    private long length;

    @BeforeEach
    void playTheWeek() throws Exception {
        Database.resetLedger(ds);
        forgetCheckpoints();
        new Riverside().play();
        Database.Chain longest = Database.longestDeviceChain(ds);
        source = longest.source();
        length = longest.length();
        assertThat(length).isGreaterThanOrEqualTo(3);
    }

    /** Checkpoints of a ledger that tests reset since would break every later verification. */
    @AfterEach
    void forgetCheckpoints() throws Exception {
        if (Files.isDirectory(checkpoints.dir())) {
            try (var files = Files.list(checkpoints.dir())) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private String checkpoint() {
        return as(Api.adminToken())
                .post("/api/v1/admin/ledger/checkpoints")
                .then()
                .statusCode(200)
                .body("checkpoint.format", equalTo(Checkpoints.FORMAT))
                .extract()
                .path("file");
    }

    @Test
    void aCheckpointIsSignedOutsideTheDatabaseAndVerifies() throws Exception {
        String file = checkpoint();
        Path written = checkpoints.dir().resolve(file);
        assertThat(written).exists();
        assertThat(checkpoints.dir().resolve(file + ".sig")).exists();
        assertThat(Files.readString(written)).contains(source).contains("\"audit\"");

        LedgerVerifier.Report report = verifier.verify();
        assertThat(report.ok()).as(report.breaks().toString()).isTrue();
        assertThat(report.checkpoints()).isEqualTo(1);
        assertThat(report.auditRows()).isPositive();

        as(Api.adminToken())
                .get("/api/v1/admin/ledger/checkpoints/key")
                .then()
                .statusCode(200)
                .body("algorithm", equalTo("Ed25519"))
                .body("keyId", equalTo(checkpoints.keyId()));
        as(Api.token("sam", "sam-Passw0rd!"))
                .post("/api/v1/admin/ledger/checkpoints")
                .then()
                .statusCode(403);
    }

    @Test
    void rewrittenHistoryWithRecomputedHashesIsCaughtByTheFirstCheckpointItBreaks() throws Exception {
        String first = checkpoint();
        // the week goes on: one more event on another chain, and a second checkpoint
        as(Api.adminToken()).post("/api/v1/admin/ledger/verify").then().statusCode(200);
        String second = checkpoint();
        assertThat(second).isGreaterThan(first);

        // the insider changes event 2 of the longest chain and recomputes every later hash and the head
        List<Map<String, Object>> rows = Database.rows(
                ds,
                "SELECT ledger_seq, source_seq, recorded_at, flags, server_note, content FROM ledger_event "
                        + "WHERE source = ? ORDER BY source_seq",
                source);
        String previous = null;
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("source_seq")).longValue();
            String content = (String) row.get("content");
            if (seq == 2) {
                content = content.replace("\"quantity\"", "\"quantity\" ");
            }
            String hash = ChainHash.of(
                    previous,
                    source,
                    seq,
                    ((Timestamp) row.get("recorded_at")).toInstant(),
                    List.of((String[]) ((java.sql.Array) row.get("flags")).getArray()),
                    (String) row.get("server_note"),
                    content);
            Database.execute(
                    ds,
                    "UPDATE ledger_event SET content = '" + content.replace("'", "''") + "', prev_hash = "
                            + (previous == null ? "NULL" : "'" + previous + "'") + ", hash = '" + hash
                            + "' WHERE ledger_seq = " + row.get("ledger_seq"));
            previous = hash;
        }
        Database.execute(ds, "UPDATE chain_head SET last_hash = '" + previous + "' WHERE source = '" + source + "'");

        Path none = Files.createTempDirectory("no-checkpoints");
        assertThat(verifier.verify(none).ok())
                .as("without checkpoints a recomputed chain looks sound: that is the attack")
                .isTrue();

        LedgerVerifier.Report report = verifier.verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenCheckpoint()).isEqualTo(first);
        assertThat(report.breaks()).singleElement().satisfies(b -> {
            assertThat(b.source()).isEqualTo(source);
            assertThat(b.problem()).isEqualTo(LedgerVerifier.Problem.CHECKPOINT_MISMATCH);
            assertThat(b.sourceSeq()).isEqualTo(length);
            assertThat(b.checkpoint()).isEqualTo(first);
        });
        as(Api.adminToken())
                .post("/api/v1/admin/ledger/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("firstBrokenCheckpoint", equalTo(first))
                .body("breaks[0].problem", equalTo("CHECKPOINT_MISMATCH"));
    }

    @Test
    void deletedEventsAtTheEndAreCaughtWhenTheHeadWasMovedBack() {
        String file = checkpoint();
        Map<String, Object> before = Database.rows(
                        ds,
                        "SELECT ledger_seq, hash FROM ledger_event WHERE source = ? AND source_seq = ?",
                        source,
                        length - 1)
                .get(0);
        long last = Database.count(
                ds, "SELECT ledger_seq FROM ledger_event WHERE source = ? AND source_seq = ?", source, length);
        Database.execute(ds, "DELETE FROM lot_event WHERE ledger_seq = " + last);
        Database.execute(ds, "DELETE FROM ledger_event WHERE ledger_seq = " + last);
        Database.execute(
                ds,
                "UPDATE chain_head SET last_seq = " + (length - 1) + ", last_hash = '"
                        + ((String) before.get("hash")).strip() + "' WHERE source = '" + source + "'");

        LedgerVerifier.Report report = verifier.verify();
        assertThat(report.breaks()).singleElement().satisfies(b -> {
            assertThat(b.problem()).isEqualTo(LedgerVerifier.Problem.CHECKPOINT_MISMATCH);
            assertThat(b.sourceSeq()).isEqualTo(length);
            assertThat(b.checkpoint()).isEqualTo(file);
        });
    }

    @Test
    void aChangedOrForeignCheckpointFileIsReported() throws Exception {
        String file = checkpoint();
        Path written = checkpoints.dir().resolve(file);
        Files.writeString(written, Files.readString(written).replace("\"events\":", "\"events\": "));
        LedgerVerifier.Report report = verifier.verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.checkpoints()).isZero();
        assertThat(report.breaks()).singleElement().satisfies(b -> {
            assertThat(b.problem()).isEqualTo(LedgerVerifier.Problem.BAD_CHECKPOINT);
            assertThat(b.checkpoint()).isEqualTo(file);
            assertThat(b.detail()).contains("signature does not hold");
        });
    }

    @Test
    void aCopiedColumnThatDisagreesWithTheHashedEventIsFound() {
        long at = Database.count(ds, "SELECT ledger_seq FROM ledger_event WHERE source = ? AND source_seq = 2", source);
        Database.execute(ds, "UPDATE ledger_event SET user_id = 'admin' WHERE ledger_seq = " + at);
        as(Api.adminToken())
                .post("/api/v1/admin/ledger/verify")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("breaks[0].source", equalTo(source))
                .body("breaks[0].sourceSeq", equalTo(2))
                .body("breaks[0].problem", equalTo("COPY_MISMATCH"))
                .body("breaks[0].detail", startsWith("user_id admin is not the content's"));
    }

    @Test
    void theAuditLogHasItsOwnChainAndCheckpointsHoldIt() throws Exception {
        auditChain.seal();
        String file = checkpoint();
        auditChain.seal();
        long position = Database.count(ds, "SELECT max(chain_seq) FROM audit_log") - 1;
        List<Map<String, Object>> saved = Database.rows(
                ds,
                "SELECT id, chain_seq, at, actor, action, subject, site, detail, prev_hash, hash FROM audit_log "
                        + "WHERE chain_seq >= ? ORDER BY chain_seq",
                position);
        Map<String, Object> head =
                Database.rows(ds, "SELECT last_seq, last_hash FROM audit_head").get(0);
        try {
            // a changed row breaks its own hash
            Database.execute(ds, "UPDATE audit_log SET detail = 'nothing happened' WHERE chain_seq = " + position);
            LedgerVerifier.Report changed = verifier.verify();
            assertThat(changed.breaks()).singleElement().satisfies(b -> {
                assertThat(b.problem()).isEqualTo(LedgerVerifier.Problem.AUDIT_CHAIN);
                assertThat(b.sourceSeq()).isEqualTo(position);
            });

            // recomputed from there on, only the checkpoint catches it
            String previous = ((String) saved.get(0).get("prev_hash")).strip();
            for (Map<String, Object> row : saved) {
                long seq = ((Number) row.get("chain_seq")).longValue();
                String hash = auditHash(
                        previous, seq, row, seq == position ? "nothing happened" : (String) row.get("detail"));
                Database.execute(
                        ds,
                        "UPDATE audit_log SET prev_hash = '" + previous + "', hash = '" + hash + "' WHERE id = "
                                + row.get("id"));
                previous = hash;
            }
            Database.execute(ds, "UPDATE audit_head SET last_hash = '" + previous + "'");
            assertThat(verifier.verify(Files.createTempDirectory("no-checkpoints"))
                            .ok())
                    .isTrue();
            LedgerVerifier.Report rewritten = verifier.verify();
            assertThat(rewritten.firstBrokenCheckpoint()).isEqualTo(file);
            assertThat(rewritten.breaks())
                    .singleElement()
                    .satisfies(b -> assertThat(b.problem()).isEqualTo(LedgerVerifier.Problem.AUDIT_CHAIN));
        } finally {
            for (Map<String, Object> row : saved) {
                Database.execute(
                        ds,
                        "UPDATE audit_log SET detail = " + literal((String) row.get("detail")) + ", prev_hash = '"
                                + ((String) row.get("prev_hash")).strip() + "', hash = '"
                                + ((String) row.get("hash")).strip() + "' WHERE id = " + row.get("id"));
            }
            Database.execute(
                    ds,
                    "UPDATE audit_head SET last_seq = " + head.get("last_seq") + ", last_hash = '"
                            + ((String) head.get("last_hash")).strip() + "'");
        }
        assertThat(verifier.verify(Files.createTempDirectory("no-checkpoints")).ok())
                .isTrue();
    }

    private static String literal(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }

    /** The audit chain's hash, computed as a forger would (docs/SECURITY.md gives the formula). */
    private static String auditHash(String previous, long seq, Map<String, Object> row, String detail)
            throws Exception {
        List<Object> fields = new ArrayList<>(Arrays.asList(
                previous,
                seq,
                ((Timestamp) row.get("at")).toInstant().toString(),
                row.get("actor"),
                row.get("action"),
                row.get("subject"),
                row.get("site"),
                detail));
        return ChainHash.sha256(new ObjectMapper().writeValueAsBytes(fields));
    }
}
