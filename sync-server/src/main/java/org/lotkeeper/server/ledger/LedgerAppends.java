package org.lotkeeper.server.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.lotkeeper.server.db.Jdbc;

/**
 * Holding the ledger still for a read that must see one ledger position throughout (a recall:
 * its affected lots, stock and sums, and the {@code asOfSeq} its lines and exports are read at).
 * Every append commits under {@link LedgerWriter#APPEND_LOCK}; a reader that takes the same
 * advisory lock, shared, until its transaction ends, sees no append commit meanwhile — pushes
 * wait for it (devices keep capturing offline), other readers do not.
 */
public final class LedgerAppends {

    private LedgerAppends() {}

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
