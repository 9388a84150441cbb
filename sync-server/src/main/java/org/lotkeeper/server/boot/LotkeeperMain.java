package org.lotkeeper.server.boot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the server. Without a configured datasource URL ({@code QUARKUS_DATASOURCE_JDBC_URL} or
 * {@code -Dquarkus.datasource.jdbc.url}) it first starts an embedded PostgreSQL in
 * {@code <data dir>/postgres}; the data directory is {@code LOTKEEPER_DATA_DIR} (or
 * {@code -Dlotkeeper.data-dir}), default {@code ./data}.
 *
 * <p>Arguments: {@code --demo} loads the Riverside demo plant on an empty ledger.
 */
@QuarkusMain
public final class LotkeeperMain {

    public static final String DEMO_FLAG = "--demo";

    private LotkeeperMain() {
    }

    public static void main(String... args) throws Exception {
        if (Arrays.asList(args).contains(DEMO_FLAG)) {
            System.setProperty("lotkeeper.demo", "true");
        }
        if (setting("quarkus.datasource.jdbc.url").isPresent()) {
            Quarkus.run(args);
            return;
        }
        Path dataDir = Path.of(setting("lotkeeper.data-dir").orElse("data"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"))) {
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", db.username());
            System.setProperty("quarkus.datasource.password", db.password());
            System.setProperty("lotkeeper.data-dir", dataDir.toString());
            Quarkus.run(args);
        }
    }

    /** A setting from a system property or its environment-variable form (a.b-c → A_B_C). */
    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
