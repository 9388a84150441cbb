package org.lotkeeper.client.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged sync server ({@code sync-server/target/quarkus-app/quarkus-run.jar}, built earlier
 * in the reactor) as a real process with its own embedded PostgreSQL in a data directory: started,
 * killed with SIGKILL, and started again on the same port and data, as a device sees a server
 * that went away and came back.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-Passw0rd!";

    private final Path dataDir;
    private final int port;
    private int managementPort;
    private Process process;

    public ServerProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.port = freePort();
    }

    /** The jar: system property {@code lotkeeper.server.jar}, else the sibling module's build output. */
    static Path jar() {
        Path jar = Path.of(
                System.getProperty("lotkeeper.server.jar", "../sync-server/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath()
                    + " — build it first: ./mvnw -pl sync-server package -DskipTests");
        }
        return jar;
    }

    /** Starts the server with the launcher's {@code args} ({@code --demo}) and waits until {@code /q/health/ready} answers 200. */
    public ServerProcess start(String... args) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Files.createDirectories(dataDir);
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-jar",
                jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // health, metrics and the API description have their own port (docs/OPERATIONS.md)
        // a fresh one at every start: nothing but this server needs it to stay put
        managementPort = freePort();
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        pb.environment().put("LOTKEEPER_DATA_DIR", dataDir.toString());
        pb.environment().put("LOTKEEPER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("LOTKEEPER_SECURITY_BCRYPT_COST", "4");
        process = pb.start();
        awaitReady(Duration.ofMinutes(2));
        return this;
    }

    /** SIGKILL: no shutdown hook runs (its PostgreSQL is left behind and stopped by the next start). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public URI uri(String path) {
        return URI.create(url() + path);
    }

    public Path log() {
        return dataDir.resolve("server.log");
    }

    private void awaitReady(Duration wait) throws InterruptedException, IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited during start:\n" + Files.readString(log()));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not ready in " + wait + ":\n" + Files.readString(log()));
    }

    /**
     * A port below the kernel's ephemeral range (32768–60999 by default), so that no outgoing
     * connection of this machine takes it between a kill and the restart on the same port.
     */
    private static int freePort() throws IOException {
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

    /** Stops the server gracefully (it stops its PostgreSQL), forcibly after 30 s. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
