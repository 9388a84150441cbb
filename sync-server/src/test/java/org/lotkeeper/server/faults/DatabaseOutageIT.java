package org.lotkeeper.server.faults;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/QUALITY.md R6: the database goes away for a while. The server answers 503 with Retry-After
 * (devices keep their events and retry), its readiness turns DOWN, and when the database is back
 * it recovers by itself: the same push is then stored.
 */
class DatabaseOutageIT {

    @TempDir
    Path data;

    @Test
    void withoutTheDatabaseTheServerAnswers503AndRecoversByItself() throws Exception {
        int port = PgOps.freePort();
        EmbeddedPostgres.Builder pgBuilder =
                PgOps.in(data.resolve("pg")).setCleanDataDirectory(false).setPort(port);
        EmbeddedPostgres pg = pgBuilder.start();
        String url = pg.getJdbcUrl("postgres", "postgres");
        try (ServerProcess server =
                ServerProcess.on(data.resolve("server"), url).start()) {
            String[] device = Client.setUp(server::uri, "gun-outage");
            List<ObjectNode> events = Client.receipts("O", 2);
            Client.call(
                    server.uri("/api/v1/sync/push"),
                    "POST",
                    device[1],
                    Client.pushBody(device[0], events.subList(0, 1)));

            pg.close();
            HttpResponse<String> during = post(server, device, events.subList(1, 2));
            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(during.body()).contains("DATABASE_UNAVAILABLE");
            assertThat(get(server, "/q/health/ready").statusCode()).isEqualTo(503);

            pg = pgBuilder.start();
            long deadline = System.currentTimeMillis() + 60_000;
            HttpResponse<String> after = post(server, device, events.subList(1, 2));
            while (after.statusCode() != 200 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                after = post(server, device, events.subList(1, 2));
            }
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("\"ackedThroughSeq\":2");
            assertThat(get(server, "/q/health/ready").statusCode()).isEqualTo(200);
        } finally {
            pg.close();
        }
    }

    private static HttpResponse<String> post(ServerProcess server, String[] device, List<ObjectNode> events)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri("/api/v1/sync/push"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + device[1])
                                .POST(HttpRequest.BodyPublishers.ofString(Client.pushBody(device[0], events)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ServerProcess server, String path)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.managementUri(path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
