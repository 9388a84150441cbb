package org.lotkeeper.client.store;

/**
 * Who copies the device file's WAL back into the database file. docs/PERFORMANCE.md (P1) measures
 * both in one run with {@code CaptureBenchmark}.
 */
public enum WalCheckpoint {
    /**
     * SQLite's automatic checkpoint, inside the commit that crosses 1,000 WAL pages: the device's
     * default, the faster of the two on every run so far.
     */
    ON_COMMIT,
    /**
     * A background thread ({@link Checkpointer}), never a capture's commit: the lever docs/PERFORMANCE.md
     * tried for P1's tail; it cost more than it saved on the test machine's disk. To measure on a
     * handheld's flash, where a checkpoint's fsync may cost more.
     */
    BACKGROUND
}
