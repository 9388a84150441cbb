package org.lotkeeper.client.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failed write leaves the file writable: no transaction left open, no broken cached statement. */
class DatabaseTest {

    @TempDir
    Path dir;

    private static final String INSERT = "INSERT INTO t (id, note) VALUES (?, ?)";

    private static void insert(Database db, Object id, String note) {
        db.write(s -> {
            PreparedStatement ps = s.prepare(INSERT);
            ps.setObject(1, id);
            ps.setString(2, note);
            return ps.executeUpdate();
        });
    }

    private static long count(Database db) {
        return db.read(s -> {
            try (ResultSet rs = s.prepare("SELECT count(*) FROM t").executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Database open() {
        Database db = new Database(dir.resolve("t.db"), WalCheckpoint.ON_COMMIT);
        db.write(s -> {
            try (Statement st = s.connection().createStatement()) {
                return st.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, note TEXT NOT NULL)");
            }
        });
        return db;
    }

    @Test
    void aStatementThatFailedIsPreparedAgainForTheNextWrite() {
        try (Database db = open()) {
            insert(db, 1, "first");
            // not an integer for the rowid: SQLITE_MISMATCH, after which the driver has finalized the statement
            assertThatThrownBy(() -> insert(db, "abc", "bad")).hasMessageContaining("MISMATCH");
            insert(db, 2, "second");
            assertThat(count(db)).isEqualTo(2);
        }
    }

    @Test
    void aRollbackThatFoundNoTransactionDoesNotBreakTheNextFailedWrite() throws Exception {
        try (Database db = open()) {
            // the work ends the transaction itself and fails: the ROLLBACK after it finds none
            assertThatThrownBy(() -> db.write(s -> {
                        try (Statement st = s.connection().createStatement()) {
                            st.execute("ROLLBACK");
                        }
                        throw new IllegalStateException("gone wrong after SQLite rolled back");
                    }))
                    .hasMessageContaining("gone wrong");
            // a write whose work fails must still be rolled back
            assertThatThrownBy(() -> db.write(s -> {
                        PreparedStatement ps = s.prepare(INSERT);
                        ps.setInt(1, 7);
                        ps.setString(2, "half");
                        ps.executeUpdate();
                        throw new IllegalStateException("fails after its insert");
                    }))
                    .hasMessageContaining("fails after its insert");
            insert(db, 8, "whole");
            assertThat(count(db)).as("the half-done write left nothing").isEqualTo(1);
            // and no transaction is left open: another connection can write
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
                    Statement st = other.createStatement()) {
                st.execute("PRAGMA busy_timeout=1000");
                assertThat(st.executeUpdate("INSERT INTO t (id, note) VALUES (9, 'other')"))
                        .isOne();
            }
        }
    }
}
