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
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link WalCheckpoint#BACKGROUND}: copies the WAL back into the database file on its own
 * connection and thread, so a capture's commit never does it; the writer and reader connections
 * have SQLite's automatic checkpoint turned off ({@code wal_autocheckpoint=0}). Measured against
 * SQLite's own in docs/PERFORMANCE.md (P1): slower on this project's test machine, so not the
 * default; kept to measure on a handheld's flash.
 *
 * <p>Every {@code interval} after any write this runs a {@code PASSIVE} checkpoint, which takes no
 * lock a writer waits on and copies the bulk of the WAL while captures go on. SQLite writes the
 * WAL from its beginning again only when a write transaction begins after every frame was copied;
 * under a steady stream of captures one is nearly always open, so that copy alone would let the
 * file grow without end. So the thread then takes the store's write lock and runs
 * {@code PASSIVE} once more, between two captures: it copies only what was written meanwhile (a
 * capture waits for that and one fsync of the database file at most), and the next commit starts
 * the WAL again. A checkpoint changes no data: a crash during one loses nothing, since the WAL
 * (fsync'd by every commit) is still there.
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
    private final Lock writeLock;
    private final ScheduledExecutorService thread;
    private final ScheduledFuture<?> rounds;
    private final AtomicLong writes = new AtomicLong();
    private long writesAtLastCheckpoint;

    Checkpointer(Connection connection, Lock writeLock, Duration interval) {
        this.connection = connection;
        this.writeLock = writeLock;
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
            if (checkpoint().complete()) {
                writesAtLastCheckpoint = now;
            }
        } catch (SQLException | RuntimeException e) {
            // the WAL keeps everything; the next round tries again
            LOG.log(Level.WARNING, "WAL checkpoint failed: {0}", e.getMessage());
        }
    }

    /** The bulk beside the writer, then the rest under its lock (see the class comment). */
    private Result checkpoint() throws SQLException {
        passive();
        writeLock.lock();
        try {
            return passive();
        } finally {
            writeLock.unlock();
        }
    }

    /** One {@code PASSIVE} checkpoint on this class's connection (only ever used from its thread). */
    private Result passive() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return new Result(rs.getInt(1) != 0, rs.getLong(2), rs.getLong(3));
        }
    }

    /** Runs a checkpoint now on the checkpoint thread and returns what it reported. */
    Result now() {
        try {
            return thread.submit(this::checkpoint).get(30, TimeUnit.SECONDS);
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
