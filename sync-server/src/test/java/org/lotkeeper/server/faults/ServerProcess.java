package org.lotkeeper.server.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The packaged server ({@code target/quarkus-app/quarkus-run.jar}) as a real process, for fault
 * tests: started, killed with SIGKILL, restarted on the same data.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-Passw0rd!";

    private final Path dataDir;
    private final Map<String, String> env;
    private final List<String> launcher;
    private final int port;
    private int managementPort;
    private Process process;
    /** The release it starts from: the package's {@code quarkus-run.jar}; null for this build's. */
    private Path release;

    private ServerProcess(Path dataDir, Map<String, String> env) throws IOException {
        this(dataDir, env, null, PgOps.freePort());
    }

    private ServerProcess(Path dataDir, Map<String, String> env, List<String> launcher, int port) {
        this.dataDir = dataDir;
        this.env = env;
        this.launcher = launcher;
        this.port = port;
    }

    /** A server with its own embedded PostgreSQL in {@code dataDir}. */
    public static ServerProcess embedded(Path dataDir) throws IOException {
        return new ServerProcess(dataDir, Map.of());
    }

    /**
     * The key-encryption key every server on one database shares (docs/SECURITY.md, "Signing keys
     * at rest"): Base64 of 32 bytes, fixed for the tests.
     */
    static final String SHARED_KEY_ENCRYPTION_KEY = "dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

    /** A server on an existing PostgreSQL, with the key-encryption key all servers on it share. */
    static ServerProcess on(Path dataDir, String jdbcUrl) throws IOException {
        return new ServerProcess(
                dataDir,
                Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        jdbcUrl,
                        "QUARKUS_DATASOURCE_USERNAME",
                        "postgres",
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "postgres",
                        "LOTKEEPER_SECURITY_KEY_ENCRYPTION_KEY",
                        SHARED_KEY_ENCRYPTION_KEY));
    }

    /**
     * A server started by {@code launcher}, its whole command line, instead of {@code java -jar}
     * (the container image's entry point, say), with {@code env} as its only environment but the
     * ports and the admin's password; its data directory is the launcher's own. {@code logDir}
     * holds its output.
     */
    static ServerProcess launched(Path logDir, List<String> launcher, Map<String, String> env) throws IOException {
        return new ServerProcess(logDir, env, List.copyOf(launcher), PgOps.freePort());
    }

    /**
     * From its next start on, the server runs {@code quarkusRunJar} (another release, as an
     * upgrade replaces the package); null for this build's again.
     */
    void release(Path quarkusRunJar) {
        if (launcher != null) {
            throw new IllegalStateException("a server started by its own launcher runs what that starts");
        }
        this.release = quarkusRunJar;
    }

    public ServerProcess start() throws IOException, InterruptedException {
        String jar = release != null
                ? release.toString()
                : System.getProperty("lotkeeper.server.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = launcher != null
                ? launcher
                : List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar", jar);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("server-" + port + ".log").toFile()));
        Files.createDirectories(dataDir);
        if (launcher != null) {
            pb.environment().clear();
        } else {
            pb.environment().put("LOTKEEPER_DATA_DIR", dataDir.toString());
        }
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // a fresh one at every start: nothing but this server needs it to stay put
        managementPort = PgOps.freePort();
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        pb.environment().put("LOTKEEPER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("LOTKEEPER_SECURITY_BCRYPT_COST", "4");
        process = pb.start();
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    /** The same server with one more environment variable, for its next start. */
    ServerProcess with(String name, String value) throws IOException {
        Map<String, String> more = new java.util.HashMap<>(env);
        more.put(name, value);
        return new ServerProcess(dataDir, more, launcher, port);
    }

    /** SIGTERM, without waiting for the server to stop. */
    void signalStop() {
        process.destroy();
    }

    /** The exit code, once the server stopped within {@code wait}; empty while it runs. */
    java.util.OptionalInt exitCode(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    /** SIGKILL: no shutdown hook runs; an embedded PostgreSQL is left behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** On the management interface: health, metrics, the API description. */
    URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    /** The process the launcher started (the server itself once it has executed it). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    public int port() {
        return port;
    }

    String log() throws IOException {
        return Files.readString(dataDir.resolve("server-" + port + ".log"));
    }

    private void awaitReady(Duration wait) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited during start:\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(managementUri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not ready in " + wait + ":\n" + log());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
