package org.lotkeeper.client.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;

/**
 * The SQLite file: one writer connection (every write is serialised through it) and one reader
 * connection for queries, so a query never waits for a commit's fsync (WAL lets readers run beside
 * the writer). Both use WAL, {@code synchronous=FULL} and foreign keys. Prepared statements are
 * cached per connection.
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
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Map<String, PreparedStatement> writerStatements = new HashMap<>();
    private final Map<String, PreparedStatement> readerStatements = new HashMap<>();

    Database(Path file) {
        this.file = file;
        try {
            this.writer = connect(file, SQLiteConfig.TransactionMode.IMMEDIATE);
            this.reader = connect(file, SQLiteConfig.TransactionMode.DEFERRED);
        } catch (SQLException e) {
            throw new StoreException("cannot open the device database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, SQLiteConfig.TransactionMode mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setTransactionMode(mode);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        c.setAutoCommit(false);
        return c;
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction; commits, or rolls back and rethrows. */
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            return inTransaction(writer, writerStatements, work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} in one read transaction (a consistent snapshot of the file). */
    <T> T read(Work<T> work) {
        readLock.lock();
        try {
            return inTransaction(reader, readerStatements, work);
        } finally {
            readLock.unlock();
        }
    }

    private static <T> T inTransaction(Connection c, Map<String, PreparedStatement> statements, Work<T> work) {
        try {
            T result = work.run(new Session(c, statements));
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
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

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            closeAll(writerStatements);
            closeAll(readerStatements);
            writer.close();
            reader.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the device database: " + e.getMessage(), e);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeAll(Map<String, PreparedStatement> statements) throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        statements.clear();
    }
}
