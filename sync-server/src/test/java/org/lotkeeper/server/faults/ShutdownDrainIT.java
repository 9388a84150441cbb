package org.lotkeeper.server.faults;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop a balancer can follow (docs/OPERATIONS.md, "Upgrades"): on SIGTERM the packaged server's
 * readiness turns DOWN at once, it goes on answering requests for {@code QUARKUS_SHUTDOWN_DELAY},
 * so a balancer that polls readiness takes it out before it stops listening, with its embedded
 * PostgreSQL still serving them, and then it exits cleanly and stops that PostgreSQL.
 */
class ShutdownDrainIT {

    @TempDir
    Path data;

    @Test
    void readinessTurnsDownWhileRequestsAreStillAnsweredThenTheServerStops() throws Exception {
        ServerProcess server = ServerProcess.embedded(data).with("QUARKUS_SHUTDOWN_DELAY", "5s");
        try (server) {
            server.start();
            assertThat(Client.send(server.managementUri("/q/health/ready"), "GET", null, null)
                            .statusCode())
                    .isEqualTo(200);

            long signalled = System.nanoTime();
            server.signalStop();
            HttpResponse<String> ready = Client.send(server.managementUri("/q/health/ready"), "GET", null, null);
            for (int i = 0; i < 20 && ready.statusCode() == 200; i++) {
                Thread.sleep(50);
                ready = Client.send(server.managementUri("/q/health/ready"), "GET", null, null);
            }
            assertThat(ready.statusCode()).as("readiness once stopping").isEqualTo(503);
            assertThat(ready.body()).contains("DOWN").contains("Graceful Shutdown");

            // still answering, signed-in work included, while a balancer notices
            String token = Client.token(server::uri, "admin", ServerProcess.ADMIN_PASSWORD);
            assertThat(Client.send(server.uri("/api/v1/devices"), "GET", token, null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - signalled))
                    .as("those answers came inside the delay")
                    .isLessThan(Duration.ofSeconds(5));

            OptionalInt exit = server.exitCode(Duration.ofSeconds(60));
            assertThat(exit).as("stopped").isPresent();
            assertThat(exit.getAsInt()).as("a clean stop on SIGTERM").isEqualTo(143);
            assertThat(Duration.ofNanos(System.nanoTime() - signalled))
                    .as("not before the delay")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
            // the embedded PostgreSQL stopped after the server, cleanly: it removes its pid file
            assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
        }
    }
}
