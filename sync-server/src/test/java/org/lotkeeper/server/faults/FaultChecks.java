package org.lotkeeper.server.faults;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** What a device sees after a fault: the site's stock, read through a pull snapshot. */
final class FaultChecks {

    private FaultChecks() {}

    /** lot → quantity on hand at the site, from a complete pull snapshot. */
    static Map<String, String> stockByLot(Function<String, URI> server, String[] device)
            throws IOException, InterruptedException {
        Map<String, String> stock = new HashMap<>();
        String cursor = "";
        JsonNode page;
        do {
            page = Client.call(
                    server.apply("/api/v1/sync/pull?limit=5000" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)),
                    "GET",
                    device[1],
                    null);
            page.get("stock")
                    .forEach(s -> stock.merge(
                            s.get("lot").asText(), s.at("/quantity/value").asText(), (a, b) -> a + "+" + b));
            cursor = page.get("cursor").asText();
        } while (!page.get("complete").asBoolean());
        return stock;
    }
}
