package org.lotkeeper.server.boot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;
import org.lotkeeper.server.ledger.VerifyLedgerCommand;

/**
 * Starts the server. Without a configured datasource URL ({@code QUARKUS_DATASOURCE_JDBC_URL} or
 * {@code -Dquarkus.datasource.jdbc.url}) it first starts an embedded PostgreSQL in
 * {@code <data dir>/postgres}; the data directory is {@code LOTKEEPER_DATA_DIR} (or
 * {@code -Dlotkeeper.data-dir}), default {@code ./data}.
 *
 * <p>Arguments: {@code --demo} loads the Riverside demo plant on an empty ledger;
 * {@code --verify-ledger [--checkpoints DIR]} verifies the ledger's hash chains and the audit chain
 * against the signed checkpoints, prints the result and exits (0: everything holds, 2: something is
 * broken) without serving HTTP.
 *
 * <p>OpenTelemetry's SDK is turned on when an OTLP endpoint is configured
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}), unless {@code QUARKUS_OTEL_SDK_DISABLED} says otherwise.
 */
@QuarkusMain
public final class LotkeeperMain {

    public static final String DEMO_FLAG = "--demo";
    public static final String VERIFY_LEDGER_FLAG = "--verify-ledger";

    private static final String OTEL_SDK_DISABLED = "quarkus.otel.sdk.disabled";

    private static final Logger LOG = Logger.getLogger(LotkeeperMain.class);

    private LotkeeperMain() {}

    public static void main(String... args) throws Exception {
        if (Arrays.asList(args).contains(DEMO_FLAG)) {
            System.setProperty("lotkeeper.demo", "true");
        }
        boolean verify = Arrays.asList(args).contains(VERIFY_LEDGER_FLAG);
        // traces leave the server only when an OTLP endpoint is configured (docs/OPERATIONS.md)
        if (setting(OTEL_SDK_DISABLED).isEmpty()) {
            boolean export = setting("quarkus.otel.exporter.otlp.endpoint").isPresent()
                    || setting("quarkus.otel.exporter.otlp.traces.endpoint").isPresent();
            System.setProperty(OTEL_SDK_DISABLED, Boolean.toString(!export));
        }
        if (verify) {
            System.setProperty("quarkus.http.host-enabled", "false");
            // a check writes nothing: no checkpoints, no sealing on a timer
            System.setProperty("lotkeeper.checkpoint.interval", "0S");
            System.setProperty("lotkeeper.checkpoint.seal-interval", "0S");
        }
        if (setting("quarkus.datasource.jdbc.url").isPresent()) {
            exitOnFailure(run(verify, args));
            return;
        }
        Path dataDir = Path.of(setting("lotkeeper.data-dir").orElse("data"));
        keepRunningUntilThisThreadEnds(Thread.currentThread());
        int status;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"))) {
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", db.username());
            System.setProperty("quarkus.datasource.password", db.password());
            System.setProperty("lotkeeper.data-dir", dataDir.toString());
            status = run(verify, args);
        }
        exitOnFailure(status); // after the embedded database has stopped
    }

    /**
     * On SIGTERM Quarkus stops the server from its JVM shutdown hook, and the JVM ends as soon as the
     * hooks have: this thread, which stops the embedded PostgreSQL after the server, would not get
     * to it and PostgreSQL would be left running. A hook that waits for this thread (a minute at
     * most) lets it. Not when this thread itself called {@code System.exit} (a failed start, or
     * {@link #exitOnFailure}): it is waiting for the hooks.
     */
    private static void keepRunningUntilThisThreadEnds(Thread main) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            long deadline = System.nanoTime() + 60_000_000_000L;
                            try {
                                while (main.isAlive() && !exiting(main) && System.nanoTime() < deadline) {
                                    main.join(100);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "lotkeeper-embedded-postgres-stop"));
    }

    private static boolean exiting(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals("java.lang.Shutdown")
                        || (f.getClassName().equals("java.lang.Runtime")
                                && f.getMethodName().equals("exit")));
    }

    /**
     * Runs the server, or with {@code --verify-ledger} the check; answers the exit status. The exit
     * handler does not call {@code System.exit}, so this thread goes on to stop the embedded
     * PostgreSQL.
     */
    private static int run(boolean verifyLedger, String... args) {
        int[] status = new int[1];
        Quarkus.run(
                verifyLedger ? VerifyLedgerCommand.class : null,
                (code, failure) -> {
                    if (failure != null) {
                        LOG.error("Lotkeeper stopped: " + failure.getMessage(), failure);
                    }
                    status[0] = failure != null ? 1 : code;
                },
                args);
        return status[0];
    }

    private static void exitOnFailure(int status) {
        if (status != 0) {
            System.exit(status);
        }
    }

    /** A setting from a system property or its environment-variable form (a.b-c → A_B_C). */
    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(
                    name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
