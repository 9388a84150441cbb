package org.lotkeeper.client.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;

/**
 * The SQLite file: one writer connection (every write is serialised through it) and one reader
 * connection for queries, so a query never waits for a commit's fsync (WAL lets readers run beside
 * the writer). Both use WAL, {@code synchronous=FULL} and foreign keys. Prepared statements are
 * cached per connection. With {@link WalCheckpoint#BACKGROUND} (not the default) a third connection
 * checkpoints the WAL on its own thread ({@link Checkpointer}) and no commit does.
 */
final class Database implements AutoCloseable {

    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session s) throws SQLException;
    }

    /** A connection inside a transaction, with its statement cache. */
    static final class Session {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements;

        Session(Connection connection, Map<String, PreparedStatement> statements) {
            this.connection = connection;
            this.statements = statements;
        }

        /** A cached prepared statement; parameters are cleared. */
        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            } else {
                ps.clearParameters();
            }
            return ps;
        }

        Connection connection() {
            return connection;
        }
    }

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    /** Fair: the checkpoint thread waiting for it gets it before the next capture, which would otherwise barge in. */
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private final ReentrantLock readLock = new ReentrantLock();
    private final Map<String, PreparedStatement> writerStatements = new HashMap<>();
    private final Map<String, PreparedStatement> readerStatements = new HashMap<>();
    private final Checkpointer checkpointer;

    Database(Path file, WalCheckpoint checkpoints) {
        this.file = file;
        boolean background = checkpoints == WalCheckpoint.BACKGROUND;
        List<Connection> opened = new ArrayList<>();
        try {
            this.writer = keep(opened, connect(file, background));
            this.reader = keep(opened, connect(file, background));
            this.checkpointer = background
                    ? new Checkpointer(keep(opened, connect(file, true)), writeLock, CHECKPOINT_INTERVAL)
                    : null;
        } catch (SQLException e) {
            StoreException failed =
                    new StoreException("cannot open the device database " + file + ": " + e.getMessage(), e);
            closeEach(opened, failed);
            throw failed;
        }
    }

    private static Connection keep(List<Connection> opened, Connection c) {
        opened.add(c);
        return c;
    }

    /** Closes every connection, adding what fails to {@code failure}. */
    private static void closeEach(List<Connection> connections, Exception failure) {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** How often the background checkpoint looks for new writes. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(200);

    /** In the driver's auto-commit mode: {@link #inTransaction} says BEGIN and COMMIT itself. */
    private static Connection connect(Path file, boolean noAutoCheckpoint) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        if (noAutoCheckpoint) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint=0");
                // when the WAL starts again after a burst, its file is cut back to 4 MB
                st.execute("PRAGMA journal_size_limit=" + (4 << 20));
            }
        }
        return c;
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction; commits, or rolls back and rethrows. */
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            T result = inTransaction(writer, "BEGIN IMMEDIATE", writerStatements, work);
            if (checkpointer != null) {
                checkpointer.wrote();
            }
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} in one read transaction (a consistent snapshot of the file). */
    <T> T read(Work<T> work) {
        readLock.lock();
        try {
            return inTransaction(reader, "BEGIN", readerStatements, work);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * {@code begin}, the work, COMMIT, and then no transaction at all until the next one. (The
     * driver's own {@code commit()} begins the next transaction at once; a writer always inside
     * one keeps the snapshot it began with, and the WAL could then never start again from its
     * beginning after a background checkpoint.)
     *
     * <p>On any failure: ROLLBACK, and the connection's cached statements are closed and dropped.
     * The driver finalizes a prepared statement that failed with an error other than BUSY, LOCKED
     * or CONSTRAINT (disk full, I/O), and a cached one would then fail every later use. BEGIN,
     * COMMIT and ROLLBACK are never cached for that reason: a ROLLBACK that finds no transaction
     * (BEGIN failed, or SQLite rolled back by itself) fails, and must not break the next one.
     */
    private static <T> T inTransaction(
            Connection c, String begin, Map<String, PreparedStatement> statements, Work<T> work) {
        try {
            execute(c, begin);
            T result = work.run(new Session(c, statements));
            execute(c, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                execute(c, "ROLLBACK");
            } catch (SQLException noTransaction) {
                // BEGIN failed, or SQLite already rolled it back
                e.addSuppressed(noTransaction);
            }
            try {
                closeAll(statements);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException("device database: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The background checkpointer, if this file has one. */
    Checkpointer checkpointer() {
        return checkpointer;
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        writeLock.lock();
        readLock.lock();
        try {
            StoreException failed = new StoreException("cannot close the device database " + file);
            for (Map<String, PreparedStatement> statements : List.of(writerStatements, readerStatements)) {
                try {
                    closeAll(statements);
                } catch (SQLException e) {
                    failed.addSuppressed(e);
                }
            }
            closeEach(List.of(writer, reader), failed);
            if (failed.getSuppressed().length > 0) {
                throw failed;
            }
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    /** Closes and drops every cached statement (all are dropped even if one fails to close). */
    private static void closeAll(Map<String, PreparedStatement> statements) throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statements.clear();
        if (first != null) {
            throw first;
        }
    }
}
