package org.lotkeeper.server.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL, from binaries shipped as a Maven artifact, kept in a data directory so the
 * ledger survives restarts. Used when no datasource URL is configured, so a newcomer runs one
 * command and has a working system.
 *
 * <p>The embedded defaults trade durability for speed (fsync and synchronous_commit off); a
 * ledger must not, so both are turned on. Memory and autovacuum are sized to the machine
 * ({@link EmbeddedSizing}). A previous run that was killed with {@code kill -9}
 * leaves its PostgreSQL running on the data directory; that orphan is stopped before starting.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    /**
     * The embedded server's own output (initdb's "Success. You can now start the database server
     * using pg_ctl …", each start-up line of PostgreSQL) reads like instructions to the user: only
     * its warnings and errors reach the log. Held here so the level is not lost with the logger.
     */
    @SuppressWarnings("UnusedVariable") // the strong reference is the point: a weakly held logger forgets its level
    private static final java.util.logging.Logger QUIET = quiet("io.zonky.test.db.postgres");

    private static java.util.logging.Logger quiet(String category) {
        java.util.logging.Logger chatter = java.util.logging.Logger.getLogger(category);
        chatter.setLevel(java.util.logging.Level.WARNING);
        return chatter;
    }

    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code dataDirectory} (created on first use), durable, sized to this machine. */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        return start(dataDirectory, EmbeddedSizing.ofThisMachine().settings(LotkeeperMain::setting));
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (created on first use), durable, with these
     * settings besides durability ({@link EmbeddedSizing}).
     */
    static EmbeddedDatabase start(Path dataDirectory, Map<String, String> sizing) throws IOException {
        Files.createDirectories(dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent());
        stopOrphan(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", Integer.toString(EmbeddedSizing.CONNECTIONS))
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by LotkeeperMain once the server has stopped: the library's own JVM shutdown hook
                // stopped it at SIGTERM, beside the server's, so requests still being answered lost their database
                .setRegisterShutdownHook(false);
        // memory from the machine; autovacuum within seconds of a big import (until a table is analysed the
        // planner guesses, and a first sync after an import was 10x slower)
        sizing.forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder.start();
        LOG.infof(
                "Embedded PostgreSQL on port %d, data in %s (fsync on, synchronous_commit on; shared_buffers %s, "
                        + "effective_cache_size %s, work_mem %s, maintenance_work_mem %s)",
                pg.getPort(),
                dataDirectory.toAbsolutePath(),
                sizing.get("shared_buffers"),
                sizing.get("effective_cache_size"),
                sizing.get("work_mem"),
                sizing.get("maintenance_work_mem"));
        return new EmbeddedDatabase(pg);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    /** The embedded server trusts local connections; any password is accepted. */
    public String password() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * A PostgreSQL left behind by a killed run still holds {@code postmaster.pid}. Stop it when
     * that process is alive and is PostgreSQL; a stale file of a dead process is left for
     * PostgreSQL itself to replace.
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = orphanPostmaster(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warnf("PostgreSQL (pid %d) from a previous run still holds %s; stopping it", process.pid(), dataDirectory);
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, which finishes at once without clients
        if (!awaitExit(process, ORPHAN_STOP_WAIT)) {
            LOG.warnf(
                    "PostgreSQL (pid %d) did not stop in %s; killing it (crash recovery will run)",
                    process.pid(), ORPHAN_STOP_WAIT);
            process.destroyForcibly();
            awaitExit(process, ORPHAN_STOP_WAIT);
        }
    }

    static Optional<ProcessHandle> orphanPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
