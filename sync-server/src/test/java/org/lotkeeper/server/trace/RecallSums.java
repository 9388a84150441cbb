package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.Riverside;

/** Per-lot quantity sums ("item/lot" → amount), from a recall answer and, independently, from the ledger's events. */
final class RecallSums {

    private RecallSums() {
    }

    /** The recall's {@code shipped} or {@code returned} lines of all customers, summed per lot. */
    static Map<String, BigDecimal> ofRecall(JsonNode recall, String field) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode customer : recall.get("customers")) {
            for (JsonNode line : customer.path(field)) {
                out.merge(line.get("item").asText() + "/" + line.get("lot").asText(), new BigDecimal(line.at("/quantity/value").asText()),
                        BigDecimal::add);
            }
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        return out;
    }

    /** The quantities of the ledger's events of this type naming one of {@code lots}, read from their stored JSON. */
    static Map<String, BigDecimal> ofLedger(DataSource ds, String type, Set<String> lots) throws Exception {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Map<String, Object> row : Database.rows(ds, "SELECT content FROM ledger_event WHERE type = ?", type)) {
            JsonNode p = Riverside.JSON.readTree((String) row.get("content")).get("payload");
            String key = p.get("item").asText() + "/" + p.get("lot").asText();
            if (lots.contains(key)) {
                out.merge(key, new BigDecimal(p.at("/quantity/value").asText()), BigDecimal::add);
            }
        }
        out.replaceAll((k, v) -> v.stripTrailingZeros());
        return out;
    }
}
