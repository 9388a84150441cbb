package org.lotkeeper.server.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/QUALITY.md R3: the server is killed (SIGKILL) in the middle of pushes, twice, and restarted on
 * its data (the embedded PostgreSQL it left behind is recovered). The device retries until its
 * outbox is empty: no acknowledged event is lost, none is stored twice.
 */
class ServerCrashIT {

    @TempDir
    Path data;

    @Test
    void killedMidPushThenRestartedLosesAndDoublesNothing() throws Exception {
        ServerProcess server = ServerProcess.embedded(data).start();
        try {
            String[] device = Client.setUp(server::uri, "gun-crash");
            List<ObjectNode> events = Client.receipts("K", 600);
            Random random = new Random(7);
            DevicePusher pusher = new DevicePusher(device, events, 20, () -> server.uri("/api/v1/sync/push"));
            CompletableFuture<DevicePusher> drained = CompletableFuture.supplyAsync(() -> {
                try {
                    return pusher.drain(240_000, new Random(11));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int crash = 0; crash < 2; crash++) {
                int ackedBefore = pusher.acked;
                while (pusher.acked == ackedBefore && !drained.isDone()) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(80));
                server.kill();
                server.start();
            }
            drained.get();

            assertThat(pusher.failures).as("the kills interrupted pushes").isPositive();
            Map<String, String> stock = FaultChecks.stockByLot(server::uri, device);
            assertThat(stock).hasSize(events.size());
            assertThat(stock.values()).allMatch("10"::equals);
            assertThat(pusher.answers.values())
                    .allMatch(
                            statuses -> statuses.stream().allMatch(s -> s.equals("ACCEPTED") || s.equals("DUPLICATE")));
            assertThat(server.log()).contains("from a previous run still holds");
        } finally {
            server.close();
        }
    }
}
