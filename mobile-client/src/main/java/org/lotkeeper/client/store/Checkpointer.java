package org.lotkeeper.client.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the WAL back into the database file on its own connection and thread, so a capture's
 * commit never does it (docs/PERFORMANCE.md, P1). SQLite's automatic checkpoint runs inside the
 * commit that crosses 1,000 WAL pages and made that capture wait tens of milliseconds; the writer
 * and reader connections have it turned off ({@code wal_autocheckpoint=0}) and this runs a
 * {@code PASSIVE} checkpoint every {@code interval} after any write: it takes no lock a writer
 * waits on, copies what no reader still needs, and once it has copied everything the next commit
 * starts the WAL again from its beginning, so the file stays small. A checkpoint changes no data:
 * a crash during one loses nothing, since the WAL (fsync'd by every commit) is still there.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class.getName());

    /** What one {@code PRAGMA wal_checkpoint} reported: WAL frames in the log, and copied. */
    record Result(boolean busy, long logFrames, long checkpointedFrames) {
        /** Every frame of the WAL is in the database file. */
        boolean complete() {
            return !busy && logFrames == checkpointedFrames;
        }
    }

    private final Connection connection;
    private final ScheduledExecutorService thread;
    private final ScheduledFuture<?> rounds;
    private final AtomicLong writes = new AtomicLong();
    private long writesAtLastCheckpoint;

    Checkpointer(Connection connection, Duration interval) {
        this.connection = connection;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        this.rounds = thread.scheduleWithFixedDelay(this::checkpointIfWritten, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Called after every committed write. */
    void wrote() {
        writes.incrementAndGet();
    }

    private void checkpointIfWritten() {
        long now = writes.get();
        if (now == writesAtLastCheckpoint) {
            return;
        }
        try {
            if (passive().complete()) {
                writesAtLastCheckpoint = now;
            }
        } catch (SQLException | RuntimeException e) {
            // the WAL keeps everything; the next round tries again
            LOG.log(Level.WARNING, "WAL checkpoint failed: {0}", e.getMessage());
        }
    }

    /** One {@code PASSIVE} checkpoint, on this class's connection (its thread, or a caller's once it is closed). */
    Result passive() throws SQLException {
        synchronized (connection) {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                rs.next();
                return new Result(rs.getInt(1) != 0, rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /** Runs a checkpoint now on the checkpoint thread and returns what it reported. */
    Result now() {
        try {
            return thread.submit(this::passive).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted during a WAL checkpoint", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StoreException("WAL checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        rounds.cancel(false);
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing the checkpoint connection: {0}", e.getMessage());
        }
    }
}
