package org.lotkeeper.server.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.lotkeeper.server.db.Jdbc;

/**
 * Reads that must see one ledger position throughout (a recall: its affected lots, stock and
 * sums, and the {@code asOfSeq} its lines and exports are read at). Every append commits under
 * {@link LedgerWriter#APPEND_LOCK}, its ledger rows and projections in one transaction, so
 * appends become visible in ledger order. Two ways to read at one position:
 *
 * <ul>
 *   <li>{@link #snapshot}: a REPEATABLE READ snapshot — the reader sees the appends committed
 *       when its first query ran, exactly a prefix of the ledger, and nothing after; pushes go on
 *       meanwhile. For a reader that does not append (a mock recall).
 *   <li>{@link #hold}: the append lock itself, until the reader's transaction ends — pushes wait
 *       for it (devices keep capturing offline). For a reader that appends what it read (a real
 *       recall's status events must follow the position its lots were read at).
 * </ul>
 */
public final class LedgerAppends {

    private LedgerAppends() {}

    /**
     * Starts {@code c}'s transaction as a REPEATABLE READ snapshot and returns the ledger position
     * it sees (the highest {@code ledger_seq}, 0 for an empty ledger). It must be the transaction's
     * first statement; every read on {@code c} until the transaction ends sees that position.
     */
    public static long snapshot(Connection c) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("a ledger snapshot needs a transaction");
        }
        Jdbc.update(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        return Jdbc.one(c, "SELECT coalesce(max(ledger_seq), 0) FROM ledger_event", rs -> rs.getLong(1));
    }

    /**
     * Holds appends until the end of {@code c}'s transaction (it must be in one); {@code exclusive}
     * for a reader that appends itself before it ends (a real recall's status events), so that two
     * of them cannot each wait for the other's shared hold.
     */
    public static void hold(Connection c, boolean exclusive) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("holding ledger appends needs a transaction");
        }
        Jdbc.one(
                c,
                exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)",
                rs -> null,
                LedgerWriter.APPEND_LOCK);
    }
}
