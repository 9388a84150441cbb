package org.lotkeeper.client.store;

/** Who copies the device file's WAL back into the database file (docs/PERFORMANCE.md, P1). */
public enum WalCheckpoint {
    /** A background thread, never a capture's commit: what the device runs. */
    BACKGROUND,
    /**
     * SQLite's automatic checkpoint inside the commit that crosses 1,000 WAL pages: SQLite's
     * default, kept so the capture benchmark can measure both in one run.
     */
    ON_COMMIT
}
