package org.lotkeeper.server.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.wire.Decoded;
import org.lotkeeper.model.wire.EventJson;
import org.lotkeeper.server.db.Jdbc;
import org.lotkeeper.server.security.AuditChain;

/**
 * Recomputes every hash chain of the ledger (docs/DOMAIN.md "Audit trail"): per source, events in
 * {@code source_seq} order from 1 without gaps, each {@code prev_hash} equal to the previous
 * event's {@code hash}, each {@code hash} equal to {@link ChainHash} of the stored fields, and
 * the last event equal to the source's {@code chain_head}. Answers the first broken link of each
 * broken chain.
 *
 * <p>Reads one consistent snapshot (REPEATABLE READ, read-only) outside any caller transaction,
 * in pages, so it runs beside ingest and on ledgers of any size.
 */
@ApplicationScoped
public class LedgerVerifier {

    static final int PAGE = 5_000;

    private static final String DEVICE_SOURCE = "device:";

    /** What is wrong at a broken link. */
    public enum Problem {
        /** The stored hash is not the hash of the stored fields: content, flags, note, time or place changed. */
        ALTERED,
        /** An event of the chain is missing (its {@code source_seq} is skipped). */
        MISSING_EVENT,
        /** The event's {@code prev_hash} is not the previous event's hash (an event was rewritten with its hash, or reordered). */
        BROKEN_LINK,
        /** The chain's last event does not match {@code chain_head} (events removed at the end, or a head without events). */
        HEAD_MISMATCH,
        /** A column copied out of the event (site, user, device, type, time, id) disagrees with the hashed content. */
        COPY_MISMATCH,
        /**
         * The chain no longer holds what a signed checkpoint saw: history was rewritten and the
         * hashes recomputed, or checkpointed events were removed. {@code checkpoint} names it.
         */
        CHECKPOINT_MISMATCH,
        /** A checkpoint file whose signature does not hold or that cannot be read ({@code source} names the file). */
        BAD_CHECKPOINT,
        /** The audit log's chain is broken ({@code sourceSeq}: its chain position; {@code ledgerSeq}: the row id). */
        AUDIT_CHAIN
    }

    /**
     * The first broken link of one chain. {@code sourceSeq} is where the chain breaks (for a
     * missing event: the number that is missing); {@code ledgerSeq} the stored event found there,
     * or null when there is none.
     */
    public record Break(
            String source, long sourceSeq, Long ledgerSeq, Problem problem, String detail, String checkpoint) {

        Break(String source, long sourceSeq, Long ledgerSeq, Problem problem, String detail) {
            this(source, sourceSeq, ledgerSeq, problem, detail, null);
        }
    }

    /**
     * What a verification found: whether everything holds, the chains and events walked, the
     * signed checkpoints checked against them, the audit rows on the audit chain, the first broken
     * link of each broken chain, and the earliest checkpoint that no longer holds (or null).
     */
    public record Report(
            boolean ok,
            int chains,
            long events,
            int checkpoints,
            long auditRows,
            List<Break> breaks,
            String firstBrokenCheckpoint) {}

    /** What the signed checkpoints expect at one chain position. */
    private record Expect(String hash, String checkpoint) {}

    private record Row(
            long ledgerSeq,
            String source,
            long sourceSeq,
            Instant recordedAt,
            List<String> flags,
            String note,
            String content,
            String prevHash,
            String hash,
            Copied copied) {}

    /** The columns the ledger copies out of each event for its indexes. */
    private record Copied(
            UUID eventId,
            String site,
            String deviceId,
            Long deviceSeq,
            String userId,
            String type,
            Instant occurredAt) {}

    private record Head(long lastSeq, String lastHash) {}

    /** One chain being walked. */
    private static final class Walk {
        long expected = 1;
        String previous;
        Break broken;
    }

    @Inject
    DataSource dataSource;

    @Inject
    Checkpoints checkpoints;

    @Inject
    AuditChain auditChain;

    /** Verifies against the checkpoints in the configured directory. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Report verify() {
        return verify(checkpoints.dir());
    }

    /**
     * Seals the audit chain, then verifies every chain and the audit chain in one snapshot,
     * against every checkpoint in {@code checkpointDir} (none when it does not exist).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Report verify(Path checkpointDir) {
        List<Checkpoints.Read> read = checkpoints.read(checkpointDir);
        auditChain.seal();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return verify(c, read);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger verification failed", e);
        }
    }

    private static Report verify(Connection c, List<Checkpoints.Read> read) throws SQLException {
        List<Break> breaks = new ArrayList<>();
        Map<String, TreeMap<Long, List<Expect>>> expected = new HashMap<>();
        Map<Long, List<AuditChain.Expected>> auditExpected = new HashMap<>();
        int valid = 0;
        for (Checkpoints.Read r : read) {
            if (!r.valid()) {
                breaks.add(new Break("checkpoint", 0, null, Problem.BAD_CHECKPOINT, r.problem(), r.file()));
                continue;
            }
            valid++;
            for (Checkpoints.Mark m : r.checkpoint().chains()) {
                expected.computeIfAbsent(m.source(), s -> new TreeMap<>())
                        .computeIfAbsent(m.seq(), s -> new ArrayList<>())
                        .add(new Expect(m.hash(), r.file()));
            }
            AuditChain.Head audit = r.checkpoint().audit();
            if (audit.seq() > 0) {
                auditExpected
                        .computeIfAbsent(audit.seq(), s -> new ArrayList<>())
                        .add(new AuditChain.Expected(audit.hash(), r.file()));
            }
        }
        Map<String, Head> heads = new HashMap<>();
        Jdbc.query(
                c,
                "SELECT source, last_seq, last_hash FROM chain_head",
                rs -> heads.put(rs.getString(1), new Head(rs.getLong(2), trim(rs.getString(3)))));
        Map<String, Walk> walks = new TreeMap<>();
        long events = 0;
        String afterSource = "";
        long afterSeq = 0;
        while (true) {
            List<Row> page = Jdbc.query(
                    c,
                    "SELECT ledger_seq, source, source_seq, recorded_at, flags, server_note, content, prev_hash, hash, "
                            + "event_id, site, device_id, device_seq, user_id, type, occurred_at "
                            + "FROM ledger_event WHERE (source, source_seq) > (?, ?) ORDER BY source, source_seq LIMIT ?",
                    rs -> new Row(
                            rs.getLong("ledger_seq"),
                            rs.getString("source"),
                            rs.getLong("source_seq"),
                            Jdbc.instant(rs, "recorded_at"),
                            Jdbc.strings(rs, "flags"),
                            rs.getString("server_note"),
                            rs.getString("content"),
                            trim(rs.getString("prev_hash")),
                            trim(rs.getString("hash")),
                            new Copied(
                                    rs.getObject("event_id", UUID.class),
                                    rs.getString("site"),
                                    rs.getString("device_id"),
                                    (Long) rs.getObject("device_seq"),
                                    rs.getString("user_id"),
                                    rs.getString("type"),
                                    Jdbc.instant(rs, "occurred_at"))),
                    afterSource,
                    afterSeq,
                    PAGE);
            for (Row row : page) {
                check(walks.computeIfAbsent(row.source(), s -> new Walk()), row, expected.get(row.source()));
            }
            events += page.size();
            if (page.size() < PAGE) {
                break;
            }
            Row last = page.get(page.size() - 1);
            afterSource = last.source();
            afterSeq = last.sourceSeq();
        }
        for (String source : heads.keySet()) {
            walks.computeIfAbsent(source, s -> new Walk());
        }
        for (String source : expected.keySet()) {
            walks.computeIfAbsent(source, s -> new Walk());
        }
        for (Map.Entry<String, Walk> e : walks.entrySet()) {
            Walk w = e.getValue();
            if (w.broken == null) {
                checkTruncated(e.getKey(), w, expected.get(e.getKey()));
            }
            if (w.broken == null) {
                checkHead(e.getKey(), w, heads.get(e.getKey()));
            }
            if (w.broken != null) {
                breaks.add(w.broken);
            }
        }
        AuditChain.Check audit = AuditChain.verify(c, auditExpected);
        if (audit.broken() != null) {
            AuditChain.Break b = audit.broken();
            breaks.add(new Break("audit", b.seq(), b.id(), Problem.AUDIT_CHAIN, b.detail(), b.checkpoint()));
        }
        String firstBroken = breaks.stream()
                .filter(b -> b.problem() != Problem.BAD_CHECKPOINT)
                .map(Break::checkpoint)
                .filter(Objects::nonNull)
                .min(String::compareTo)
                .orElse(null);
        return new Report(
                breaks.isEmpty(), walks.size(), events, valid, audit.rows(), List.copyOf(breaks), firstBroken);
    }

    /** A checkpoint saw more of this chain than the ledger holds now. */
    private static void checkTruncated(String source, Walk w, TreeMap<Long, List<Expect>> expect) {
        long stored = w.expected - 1;
        if (expect != null && !expect.tailMap(stored, false).isEmpty()) {
            Map.Entry<Long, List<Expect>> seen = expect.tailMap(stored, false).firstEntry();
            String by = seen.getValue().stream()
                    .map(Expect::checkpoint)
                    .min(String::compareTo)
                    .orElseThrow();
            w.broken = new Break(
                    source,
                    stored + 1,
                    null,
                    Problem.CHECKPOINT_MISMATCH,
                    "checkpoint " + by + " saw " + seen.getKey() + " events of this chain; the ledger holds " + stored,
                    by);
        }
    }

    private static void check(Walk w, Row row, TreeMap<Long, List<Expect>> expect) {
        if (w.broken != null) {
            return;
        }
        if (row.sourceSeq() != w.expected) {
            w.broken = new Break(
                    row.source(),
                    w.expected,
                    null,
                    Problem.MISSING_EVENT,
                    row.sourceSeq() > w.expected
                            ? "event " + w.expected + " of the chain is missing; the next stored one is "
                                    + row.sourceSeq() + " (ledger " + row.ledgerSeq() + ")"
                            : "source_seq " + row.sourceSeq() + " where " + w.expected + " was expected");
            return;
        }
        String recomputed = ChainHash.of(
                row.prevHash(),
                row.source(),
                row.sourceSeq(),
                row.recordedAt(),
                row.flags(),
                row.note(),
                row.content());
        if (!same(row.prevHash(), w.previous)) {
            w.broken = new Break(
                    row.source(),
                    row.sourceSeq(),
                    row.ledgerSeq(),
                    Problem.BROKEN_LINK,
                    w.previous == null
                            ? "the chain's first event names a previous hash"
                            : "prev_hash is not the hash of event " + (row.sourceSeq() - 1));
        } else if (!recomputed.equals(row.hash())) {
            w.broken = new Break(
                    row.source(),
                    row.sourceSeq(),
                    row.ledgerSeq(),
                    Problem.ALTERED,
                    "the stored hash does not match the stored content, flags, note or time: the row was changed");
        } else {
            String copy = copyMismatch(row);
            if (copy != null) {
                w.broken = new Break(row.source(), row.sourceSeq(), row.ledgerSeq(), Problem.COPY_MISMATCH, copy);
            } else if (expect != null && expect.containsKey(row.sourceSeq())) {
                expect.get(row.sourceSeq()).stream()
                        .filter(e -> !e.hash().equals(row.hash()))
                        .map(Expect::checkpoint)
                        .min(String::compareTo)
                        .ifPresent(by -> w.broken = new Break(
                                row.source(),
                                row.sourceSeq(),
                                row.ledgerSeq(),
                                Problem.CHECKPOINT_MISMATCH,
                                "checkpoint " + by + " signed another hash for this event: the chain was rewritten "
                                        + "at or before it and its hashes recomputed",
                                by));
            }
        }
        w.previous = row.hash();
        w.expected++;
    }

    /** Which copied column disagrees with the hashed content, or null when all agree. */
    private static String copyMismatch(Row row) {
        Decoded<Event> decoded = EventJson.read(row.content());
        if (!decoded.isOk()) {
            return "the hashed content no longer reads as an event: " + decoded.firstProblem();
        }
        Event e = decoded.value();
        Copied c = row.copied();
        String device = row.source().startsWith(DEVICE_SOURCE) ? row.source().substring(DEVICE_SOURCE.length()) : null;
        if (!e.eventId().value().equals(c.eventId())) {
            return "event_id " + c.eventId() + " is not the content's "
                    + e.eventId().value();
        } else if (!e.site().value().equals(c.site())) {
            return "site " + c.site() + " is not the content's " + e.site().value();
        } else if (!e.userId().value().equals(c.userId())) {
            return "user_id " + c.userId() + " is not the content's "
                    + e.userId().value();
        } else if (!e.type().name().equals(c.type())) {
            return "type " + c.type() + " is not the content's " + e.type().name();
        } else if (!e.occurredAt().equals(c.occurredAt())) {
            return "occurred_at " + c.occurredAt() + " is not the content's " + e.occurredAt();
        } else if (!Objects.equals(e.deviceSeq(), c.deviceSeq())) {
            return "device_seq " + c.deviceSeq() + " is not the content's " + e.deviceSeq();
        } else if (!Objects.equals(device, c.deviceId())) {
            return "device_id " + c.deviceId() + " is not the chain's device " + device;
        }
        return null;
    }

    private static void checkHead(String source, Walk w, Head head) {
        long stored = w.expected - 1;
        if (head == null) {
            w.broken = new Break(source, stored, null, Problem.HEAD_MISMATCH, "the chain has events but no chain head");
        } else if (head.lastSeq() != stored || !same(head.lastHash(), w.previous)) {
            w.broken = new Break(
                    source,
                    stored + 1,
                    null,
                    Problem.HEAD_MISMATCH,
                    "the chain head says " + head.lastSeq()
                            + " events, ending in another hash; the ledger holds " + stored
                            + (head.lastSeq() > stored ? ": events at the end of the chain were deleted" : ""));
        }
    }

    private static boolean same(String a, String b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
