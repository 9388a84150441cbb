package org.lotkeeper.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: the embedded binaries in a fresh temporary
 * directory, or the server named by {@code LOTKEEPER_TEST_JDBC_URL} (+ {@code _USERNAME},
 * {@code _PASSWORD}). One instance serves the whole test JVM. Tests do not need power-loss
 * durability, so fsync is off here (the launcher turns it on for real data).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;

    @Override
    public synchronized Map<String, String> start() {
        String external = System.getenv("LOTKEEPER_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username",
                            System.getenv().getOrDefault("LOTKEEPER_TEST_JDBC_USERNAME", "postgres"),
                    "quarkus.datasource.password",
                            System.getenv().getOrDefault("LOTKEEPER_TEST_JDBC_PASSWORD", "postgres"));
        }
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("lotkeeper-test-pg");
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.resolve("postgres"))
                        .setServerConfig("fsync", "off")
                        .setServerConfig("max_connections", "200")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::stopEmbedded));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", embedded.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // kept for the other test classes of this JVM; stopped by the shutdown hook
    }

    private static synchronized void stopEmbedded() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
