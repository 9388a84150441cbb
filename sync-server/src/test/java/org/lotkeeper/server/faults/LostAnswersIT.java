package org.lotkeeper.server.faults;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/QUALITY.md R2: answers lost after the server committed (a proxy cuts a third of the
 * responses), and old requests sent again late and out of order beside the live ones. Every
 * event is stored exactly once and the outbox drains.
 */
class LostAnswersIT {

    @TempDir
    Path data;

    @Test
    void lostDuplicatedAndReorderedRequestsStoreEveryEventExactlyOnce() throws Exception {
        try (ServerProcess server = ServerProcess.embedded(data).start();
                FaultyProxy proxy = new FaultyProxy(server.port(), 0.3, 5)) {
            String[] device = Client.setUp(server::uri, "gun-lossy");
            List<ObjectNode> events = Client.receipts("L", 400);
            URI viaProxy = URI.create("http://127.0.0.1:" + proxy.port() + "/api/v1/sync/push");
            DevicePusher pusher = new DevicePusher(device, events, 15, () -> viaProxy);

            // A ghost sends old slices of the outbox again, in shuffled order, while the device works.
            Random ghostRandom = new Random(3);
            CompletableFuture<Void> ghost = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 60; i++) {
                    int upTo = Math.max(1, pusher.acked);
                    int from = ghostRandom.nextInt(upTo);
                    List<ObjectNode> slice =
                            new ArrayList<>(events.subList(from, Math.min(upTo, from + 1 + ghostRandom.nextInt(10))));
                    Collections.shuffle(slice, ghostRandom);
                    try {
                        Client.call(viaProxy, "POST", device[1], Client.pushBody(device[0], slice));
                    } catch (Exception lostOrRefused) {
                        // a lost answer, or a gap: the ghost does not care
                    }
                }
            });
            pusher.drain(180_000, new Random(9));
            ghost.get();

            assertThat(proxy.dropped.get()).as("answers were lost").isPositive();
            Map<String, String> stock = FaultChecks.stockByLot(server::uri, device);
            assertThat(stock).hasSize(events.size());
            assertThat(stock.values()).allMatch("10"::equals);
            assertThat(pusher.answers.values().stream().flatMap(List::stream)).contains("DUPLICATE");
        }
    }
}
