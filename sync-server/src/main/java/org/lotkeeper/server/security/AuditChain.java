package org.lotkeeper.server.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.server.db.Jdbc;

/**
 * The audit log's own hash chain (docs/SECURITY.md, "Audit chain"). {@link AuditTrail} writes
 * rows without it, so an audit row never waits on another transaction; {@link #seal()} then gives
 * each committed row, in id order, the next {@code chain_seq}, the previous row's hash and its own:
 * {@code SHA-256} of the JSON array {@code [prev, seq, at, actor, action, subject, site, detail]}.
 * The scheduler seals every few seconds, and before every checkpoint and verification.
 */
@ApplicationScoped
public class AuditChain {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the chain stands: its last sequence number and hash. */
    public record Head(long seq, String hash) {}

    /**
     * The first break of the chain: {@code seq} is the chain position, {@code id} the row, {@code
     * checkpoint} the signed checkpoint it contradicts (or null).
     */
    public record Break(long seq, Long id, String detail, String checkpoint) {}

    /** What a signed checkpoint saw at one chain position. */
    public record Expected(String hash, String checkpoint) {}

    /** What a verification found: rows on the chain, the head and the first break (null when none). */
    public record Check(long rows, Head head, Break broken) {}

    private record Row(
            long id,
            Long seq,
            Instant at,
            String actor,
            String action,
            String subject,
            String site,
            String detail,
            String prevHash,
            String hash) {}

    @Inject
    DataSource dataSource;

    /** Chains every audit row not yet on the chain; answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int seal() {
        return Jdbc.withConnection(dataSource, "sealing the audit chain", c -> {
            Head head = Jdbc.one(
                    c,
                    "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                    rs -> new Head(rs.getLong(1), trim(rs.getString(2))));
            List<Row> rows = Jdbc.query(
                    c,
                    "SELECT id, chain_seq, at, actor, action, subject, site, detail, prev_hash, hash FROM audit_log "
                            + "WHERE chain_seq IS NULL ORDER BY id LIMIT 5000",
                    AuditChain::row);
            long seq = head.seq();
            String previous = head.hash();
            for (Row r : rows) {
                seq++;
                String hash = hash(previous, seq, r);
                Jdbc.update(
                        c,
                        "UPDATE audit_log SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?",
                        seq,
                        previous,
                        hash,
                        r.id());
                previous = hash;
            }
            Jdbc.update(c, "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, previous);
            return rows.size();
        });
    }

    /** Where the chain stands, read on {@code c}. */
    public static Head head(Connection c) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1",
                rs -> new Head(rs.getLong(1), trim(rs.getString(2))));
    }

    /**
     * Walks the chain on {@code c} (the caller's snapshot): positions from 1 without gaps, each
     * row's previous hash and hash recomputed, the last equal to the head, and at every position a
     * checkpoint saw, the hash it signed. Rows not yet sealed are not judged.
     */
    public static Check verify(Connection c, Map<Long, List<Expected>> checkpoints) throws SQLException {
        Head head = head(c);
        long expected = 1;
        String previous = null;
        long after = 0;
        while (true) {
            List<Row> page = Jdbc.query(
                    c,
                    "SELECT id, chain_seq, at, actor, action, subject, site, detail, prev_hash, hash FROM audit_log "
                            + "WHERE chain_seq > ? ORDER BY chain_seq LIMIT 5000",
                    AuditChain::row,
                    after);
            for (Row r : page) {
                String problem = r.seq() != expected
                        ? "audit row " + expected + " of the chain is missing"
                        : !same(r.prevHash(), previous)
                                ? "prev_hash is not the hash of audit row " + (expected - 1)
                                : !hash(previous, expected, r).equals(r.hash())
                                        ? "the stored hash does not match the row: it was changed"
                                        : null;
                if (problem != null) {
                    return new Check(expected - 1, head, new Break(expected, r.id(), problem, null));
                }
                String contradicted = checkpoints.getOrDefault(expected, List.of()).stream()
                        .filter(e -> !e.hash().equals(r.hash()))
                        .map(Expected::checkpoint)
                        .min(String::compareTo)
                        .orElse(null);
                if (contradicted != null) {
                    return new Check(
                            expected - 1,
                            head,
                            new Break(
                                    expected,
                                    r.id(),
                                    "checkpoint " + contradicted + " signed another hash for this audit row: the "
                                            + "log was rewritten at or before it and its hashes recomputed",
                                    contradicted));
                }
                previous = r.hash();
                expected++;
                after = r.seq();
            }
            if (page.size() < 5000) {
                break;
            }
        }
        long rows = expected - 1;
        String beyond = checkpoints.entrySet().stream()
                .filter(e -> e.getKey() > rows)
                .flatMap(e -> e.getValue().stream())
                .map(Expected::checkpoint)
                .min(String::compareTo)
                .orElse(null);
        if (beyond != null) {
            return new Check(
                    rows,
                    head,
                    new Break(
                            rows + 1,
                            null,
                            "checkpoint " + beyond + " saw more audit rows than the " + rows + " on the chain now",
                            beyond));
        }
        if (head.seq() != rows || !same(head.hash(), previous)) {
            return new Check(
                    rows,
                    head,
                    new Break(
                            rows + 1,
                            null,
                            "the audit head says " + head.seq() + " rows, ending in another hash; the log holds " + rows
                                    + " on the chain",
                            null));
        }
        return new Check(rows, head, null);
    }

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        long seq = rs.getLong("chain_seq");
        return new Row(
                rs.getLong("id"),
                rs.wasNull() ? null : seq,
                Jdbc.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("site"),
                rs.getString("detail"),
                trim(rs.getString("prev_hash")),
                trim(rs.getString("hash")));
    }

    static String hash(String previous, long seq, Row r) {
        try {
            return Secrets.sha256(JSON.writeValueAsString(Arrays.asList(
                    previous, seq, r.at().toString(), r.actor(), r.action(), r.subject(), r.site(), r.detail())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit row always serialises", e);
        }
    }

    private static boolean same(String a, String b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
