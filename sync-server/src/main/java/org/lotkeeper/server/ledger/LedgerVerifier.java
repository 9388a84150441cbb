package org.lotkeeper.server.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lotkeeper.server.db.Jdbc;

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

    /** What is wrong at a broken link. */
    public enum Problem {
        /** The stored hash is not the hash of the stored fields: content, flags, note, time or place changed. */
        ALTERED,
        /** An event of the chain is missing (its {@code source_seq} is skipped). */
        MISSING_EVENT,
        /** The event's {@code prev_hash} is not the previous event's hash (an event was rewritten with its hash, or reordered). */
        BROKEN_LINK,
        /** The chain's last event does not match {@code chain_head} (events removed at the end, or a head without events). */
        HEAD_MISMATCH
    }

    /**
     * The first broken link of one chain. {@code sourceSeq} is where the chain breaks (for a
     * missing event: the number that is missing); {@code ledgerSeq} the stored event found there,
     * or null when there is none.
     */
    public record Break(String source, long sourceSeq, Long ledgerSeq, Problem problem, String detail) {}

    public record Report(boolean ok, int chains, long events, List<Break> breaks) {}

    private record Row(
            long ledgerSeq,
            String source,
            long sourceSeq,
            Instant recordedAt,
            List<String> flags,
            String note,
            String content,
            String prevHash,
            String hash) {}

    private record Head(long lastSeq, String lastHash) {}

    /** One chain being walked. */
    private static final class Walk {
        long expected = 1;
        String previous;
        Break broken;
    }

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Report verify() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return verify(c);
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

    private static Report verify(Connection c) throws SQLException {
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
                    "SELECT ledger_seq, source, source_seq, recorded_at, flags, server_note, content, prev_hash, hash "
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
                            trim(rs.getString("hash"))),
                    afterSource,
                    afterSeq,
                    PAGE);
            for (Row row : page) {
                check(walks.computeIfAbsent(row.source(), s -> new Walk()), row);
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
        List<Break> breaks = new ArrayList<>();
        for (Map.Entry<String, Walk> e : walks.entrySet()) {
            Walk w = e.getValue();
            if (w.broken == null) {
                checkHead(e.getKey(), w, heads.get(e.getKey()));
            }
            if (w.broken != null) {
                breaks.add(w.broken);
            }
        }
        return new Report(breaks.isEmpty(), walks.size(), events, List.copyOf(breaks));
    }

    private static void check(Walk w, Row row) {
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
        }
        w.previous = row.hash();
        w.expected++;
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
