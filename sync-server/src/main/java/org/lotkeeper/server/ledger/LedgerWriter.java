package org.lotkeeper.server.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.lotkeeper.model.event.Event;
import org.lotkeeper.model.lot.LotRef;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.db.Jdbc;

/**
 * Appends events to the ledger inside the caller's transaction.
 *
 * <p>Ordering: {@code ledger_seq} is drawn only at the end of the transaction, under a
 * transaction-scoped advisory lock that is held until commit. So ledger order is commit order:
 * no reader can see event N+1 while N is still uncommitted, a replay in ledger order repeats what
 * ingest saw, and several server instances on one database agree. The lock is held only for the
 * draw, the insert and the commit; the rest of a push runs in parallel with other pushes.
 */
final class LedgerWriter {

    /** The advisory lock key of ledger appends ("LOTK"). */
    static final long APPEND_LOCK = 0x4C4F544BL;

    /** Where a hash chain stands, locked for this transaction. */
    record ChainHead(String source, long lastSeq, String lastHash, long lastDeviceSeq) {}

    /** An event ready to be written, with its place in its chain. */
    record Pending(
            Event event,
            String source,
            long sourceSeq,
            String deviceId,
            Long deviceSeq,
            String content,
            List<Flag> flags,
            String note,
            Instant recordedAt,
            String previousHash,
            String hash) {}

    private LedgerWriter() {}

    static ChainHead lockChain(Connection c, String source) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO chain_head (source, last_seq, last_hash, last_device_seq) VALUES (?, 0, NULL, 0) "
                        + "ON CONFLICT (source) DO NOTHING",
                source);
        return Jdbc.one(
                c,
                "SELECT source, last_seq, last_hash, last_device_seq FROM chain_head WHERE source = ? FOR UPDATE",
                rs -> new ChainHead(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4)),
                source);
    }

    static Pending pending(
            ChainHead head,
            long sourceSeq,
            String previousHash,
            Event event,
            String content,
            List<Flag> flags,
            String note,
            Instant recordedAt,
            String deviceId) {
        List<String> flagNames = flags.stream().map(Enum::name).toList();
        String hash = ChainHash.of(previousHash, head.source(), sourceSeq, recordedAt, flagNames, note, content);
        return new Pending(
                event,
                head.source(),
                sourceSeq,
                deviceId,
                event.deviceSeq(),
                content,
                flags,
                note,
                recordedAt,
                previousHash,
                hash);
    }

    /**
     * Writes the events and moves the chain head; answers their ledger sequence numbers. Call
     * last in the transaction: the append lock is held from here to commit.
     */
    static long[] append(Connection c, ChainHead head, List<Pending> events, long lastDeviceSeq) throws SQLException {
        long[] seqs = new long[events.size()];
        if (!events.isEmpty()) {
            Jdbc.query(c, "SELECT pg_advisory_xact_lock(?)", rs -> null, APPEND_LOCK);
            List<Long> drawn = Jdbc.query(
                    c, "SELECT nextval('ledger_seq') FROM generate_series(1, ?)", rs -> rs.getLong(1), events.size());
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO ledger_event (ledger_seq, event_id, site, source, source_seq, "
                            + "device_id, device_seq, user_id, type, occurred_at, recorded_at, content, flags, server_note, prev_hash, hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    Pending p = events.get(i);
                    Event e = p.event();
                    seqs[i] = drawn.get(i);
                    Jdbc.bind(
                            c,
                            ps,
                            seqs[i],
                            e.eventId().value(),
                            e.site().value(),
                            p.source(),
                            p.sourceSeq(),
                            p.deviceId(),
                            p.deviceSeq(),
                            e.userId().value(),
                            e.type().name(),
                            e.occurredAt(),
                            p.recordedAt(),
                            p.content(),
                            p.flags().stream().map(Enum::name).toArray(String[]::new),
                            p.note(),
                            p.previousHash(),
                            p.hash());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO lot_event (item, lot, ledger_seq) VALUES (?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    for (LotRef lot : events.get(i).event().lots()) {
                        Jdbc.bind(c, ps, lot.item().value(), lot.lot().value(), seqs[i]);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        Pending last = events.isEmpty() ? null : events.get(events.size() - 1);
        Jdbc.update(
                c,
                "UPDATE chain_head SET last_seq = ?, last_hash = ?, last_device_seq = ? WHERE source = ?",
                last == null ? head.lastSeq() : last.sourceSeq(),
                last == null ? head.lastHash() : last.hash(),
                lastDeviceSeq,
                head.source());
        return seqs;
    }
}
