package org.lotkeeper.server.boot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void durabilityIsOnAndDataSurvivesARestart() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            execute(db, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertThat(query(db, "SELECT v FROM kept")).isEqualTo("42");
        }
    }

    @Test
    void theBlocksInTheBuffersAtAStopAreReadBackAfterTheNextStart() throws Exception {
        Path data = dir.resolve("postgres");
        long pages;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            execute(db, "CREATE TABLE warm AS SELECT g AS v, repeat('x', 200) AS pad FROM generate_series(1, 20000) g");
            execute(db, "VACUUM ANALYZE warm");
            pages = Long.parseLong(query(db, "SELECT relpages FROM pg_class WHERE relname = 'warm'"));
            assertThat(query(db, "SELECT count(*) FROM warm")).isEqualTo("20000");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            // nothing reads the table here: its blocks can only be in the buffers because they were read back
            execute(db, "CREATE EXTENSION IF NOT EXISTS pg_buffercache");
            String cached = "SELECT count(*) FROM pg_buffercache b JOIN pg_class c "
                    + "ON b.relfilenode = pg_relation_filenode(c.oid) AND b.reldatabase = "
                    + "(SELECT oid FROM pg_database WHERE datname = current_database()) "
                    + "WHERE c.relname = 'warm' AND b.relforknumber = 0"; // the table's data, not its maps
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (Long.parseLong(query(db, cached)) < pages && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Long.parseLong(query(db, cached)))
                    .as("blocks of the table in the buffers after the start, of %d", pages)
                    .isGreaterThanOrEqualTo(pages);
        }
    }

    @Test
    void itIsSizedToTheMachineAndAnOverrideWins() throws Exception {
        Map<String, String> sizing =
                new java.util.LinkedHashMap<>(EmbeddedSizing.ofThisMachine().settings());
        sizing.put("shared_buffers", "160MB");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), sizing)) {
            assertThat(show(db, "shared_buffers")).isEqualTo("160MB");
            assertThat(show(db, "work_mem")).isEqualTo(sizing.get("work_mem"));
            assertThat(show(db, "maintenance_work_mem")).isEqualTo(pgUnits(sizing.get("maintenance_work_mem")));
            assertThat(show(db, "autovacuum_analyze_scale_factor")).isEqualTo("0.02");
        }
    }

    /** How PostgreSQL shows a size: "2048MB" as "2GB". */
    private static String pgUnits(String mb) {
        long n = Long.parseLong(mb.replace("MB", ""));
        return n % 1024 == 0 ? (n / 1024) + "GB" : mb;
    }

    @Test
    void aPostgresLeftRunningByAKilledRunIsStoppedAndTheDataKept() throws Exception {
        Path data = dir.resolve("postgres");
        Process run = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledRun.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(KilledRun.READY)) {
                // PostgreSQL's start-up log
            }
            assertThat(line).as("the first run reported ready").isEqualTo(KilledRun.READY);
            run.destroyForcibly().waitFor(); // kill -9: PostgreSQL stays behind
        }
        assertThat(EmbeddedDatabase.orphanPostmaster(data))
                .as("PostgreSQL left running")
                .isPresent();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertThat(query(db, "SELECT v FROM kept")).isEqualTo("7");
        }
        assertThat(EmbeddedDatabase.orphanPostmaster(data)).isEmpty();
    }

    /** A server run that writes, says so, and waits to be killed. */
    public static final class KilledRun {
        static final String READY = "KILLED-RUN-READY";

        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
            execute(db, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    private static String show(EmbeddedDatabase db, String setting) throws SQLException {
        return query(db, "SHOW " + setting);
    }

    private static String query(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
