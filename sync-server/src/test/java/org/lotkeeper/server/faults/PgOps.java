package org.lotkeeper.server.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What a database administrator does to a PostgreSQL, for the failover and restore tests, with
 * the embedded PostgreSQL 14 binaries (which have no {@code pg_basebackup}: base backups use the
 * server's low-level backup API, as {@code pg_basebackup} itself does).
 */
final class PgOps {

    private PgOps() {}

    /** A PostgreSQL in {@code dataDir}, given a minute to start; the caller adds its settings. */
    static EmbeddedPostgres.Builder in(Path dataDir) {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setPGStartupWait(Duration.ofSeconds(60));
    }

    /** A throwaway PostgreSQL in {@code dataDir}, fsync off: for tests that do not crash it. */
    static EmbeddedPostgres scratch(Path dataDir) throws IOException {
        return in(dataDir).setServerConfig("fsync", "off").start();
    }

    /**
     * A base backup of the running {@code db} (data directory {@code from}) into {@code to}:
     * {@code pg_start_backup}, a copy of the data directory but its WAL, {@code pg_stop_backup}'s
     * backup label. Starting from it needs WAL from the backup's start on: streamed from the
     * primary (a standby) or restored from an archive.
     */
    static void baseBackup(EmbeddedPostgres db, Path from, Path to) throws Exception {
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_start_backup('lotkeeper-test', true, false)");
            copy(from, to);
            try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_stop_backup(false, true)")) {
                rs.next();
                Files.writeString(to.resolve("backup_label"), rs.getString(1));
            }
        }
        // PostgreSQL refuses a data directory others may read
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    /** Adds settings to a data directory's {@code postgresql.auto.conf}, read at its next start. */
    static void configure(Path dataDir, String... lines) throws IOException {
        Files.writeString(
                dataDir.resolve("postgresql.auto.conf"),
                String.join("\n", lines) + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** SIGKILL of the postmaster: no shutdown checkpoint, every connection cut. */
    static void kill(Path dataDir) throws IOException {
        long pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
    }

    /** Lets go of an embedded PostgreSQL whose postmaster may have been killed. */
    static void closeQuietly(EmbeddedPostgres pg) {
        if (pg == null) {
            return;
        }
        try {
            pg.close();
        } catch (IOException | RuntimeException alreadyDead) {
            // the postmaster is gone: nothing to stop
        }
    }

    static Connection connect(EmbeddedPostgres db) throws Exception {
        return DriverManager.getConnection(db.getJdbcUrl("postgres", "postgres"));
    }

    /** The first column of the first row. */
    static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A port below the kernel's ephemeral range (32768–60999 by default), so that no outgoing
     * connection of this machine takes it between a kill and the restart on the same port.
     */
    static int freePort() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket(candidate)) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port in 20000–31999");
    }

    /** The data directory but its WAL and the running server's own files. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                String name = rel.toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts")) {
                    continue;
                }
                Path target = to.resolve(rel);
                try {
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else if (!name.startsWith("pg_wal")) {
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (NoSuchFileException removedMeanwhile) {
                    // a file the server removed during the backup: the WAL replay recreates what matters
                }
            }
        }
    }
}
