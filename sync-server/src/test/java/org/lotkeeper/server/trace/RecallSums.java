package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-lot quantity sums ("item/lot" → amount), from a recall answer and, independently, from the ledger's events. */
final class RecallSums {

    private RecallSums() {}

    /**
     * The recall's affected lots, read a page of {@code pageSize} at a time from
     * {@code /api/v1/recalls/{id}/lots}. On the way it checks that no lot comes twice, that they
     * come in the recall's order (depth, then item and lot), that their number is the answer's
     * {@code affectedLotCount}, and that the answer's counts per item, status and site are theirs.
     */
    static List<JsonNode> affectedLots(JsonNode recall, String token, int pageSize) throws Exception {
        List<JsonNode> lots = pages(recall, "lots", token, pageSize);
        lots.forEach(l -> assertThat(l.get("onHand").isArray()).isTrue());
        Set<String> seen = new HashSet<>();
        Map<String, Integer> counted = new TreeMap<>();
        JsonNode previous = null;
        for (JsonNode l : lots) {
            String key = l.get("item").asText() + "/" + l.get("lot").asText();
            assertThat(seen.add(key)).as("lot %s once", key).isTrue();
            if (previous != null) {
                int order = Integer.compare(
                        previous.get("depth").asInt(), l.get("depth").asInt());
                if (order == 0) {
                    order = previous.get("item")
                            .asText()
                            .compareTo(l.get("item").asText());
                }
                if (order == 0) {
                    order = previous.get("lot").asText().compareTo(l.get("lot").asText());
                }
                assertThat(order).as("lots in the recall's order").isNegative();
            }
            previous = l;
            counted.merge(
                    l.get("item").asText() + " " + l.get("status").asText() + " "
                            + l.get("site").asText(),
                    1,
                    Integer::sum);
        }
        assertThat(lots).hasSize(recall.get("affectedLotCount").asInt());
        Map<String, Integer> answered = new TreeMap<>();
        recall.get("affectedByItem")
                .forEach(i -> answered.put(
                        i.get("item").asText() + " " + i.get("status").asText() + " "
                                + i.get("site").asText(),
                        i.get("lots").asInt()));
        assertThat(answered).as("the answer's counts per item, status and site").isEqualTo(counted);
        return lots;
    }

    /** The recall's links between affected lots, a page of {@code pageSize} at a time; none twice, their number the answer's {@code linkCount}. */
    static List<JsonNode> links(JsonNode recall, String token, int pageSize) throws Exception {
        List<JsonNode> links = pages(recall, "links", token, pageSize);
        Set<String> seen = new HashSet<>();
        links.forEach(
                l -> assertThat(seen.add(l.toString())).as("link %s once", l).isTrue());
        assertThat(links).hasSize(recall.get("linkCount").asInt());
        return links;
    }

    private static List<JsonNode> pages(JsonNode recall, String what, String token, int pageSize) throws Exception {
        String base = "/api/v1/recalls/" + recall.get("recallId").asText() + "/" + what + "?limit=" + pageSize;
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = Riverside.JSON.readTree(Api.as(token)
                    .get(base + (after == null ? "" : "&after=" + after))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(page.get("lines").size()).isLessThanOrEqualTo(pageSize);
            assertThat(page.get("lines").size() > 0 || page.get("next").isNull())
                    .as("no empty page before the last")
                    .isTrue();
            page.get("lines").forEach(out::add);
            after = page.get("next").isNull() ? null : page.get("next").asText(); // RestAssured encodes the query
        } while (after != null);
        return out;
    }

    /**
     * The recall's shipment ({@code "shipments"}) or return ({@code "returns"}) lines, read a page
     * of {@code pageSize} at a time from {@code /api/v1/recalls/{id}/…}, summed per lot. On the way
     * it checks that no line comes twice, that the pages come in time order, and that each
     * customer's sums in the answer (lines, quantity per unit) are what its lines add up to.
     */
    static Map<String, BigDecimal> ofRecall(JsonNode recall, String lines, String token, int pageSize)
            throws Exception {
        boolean ship = lines.equals("shipments");
        Map<String, BigDecimal> out = new HashMap<>();
        Map<String, Map<String, BigDecimal>> perCustomer = new TreeMap<>();
        Map<String, Integer> countPerCustomer = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Map.Entry<java.time.Instant, String> previous = null;
        for (JsonNode line : pages(recall, lines, token, pageSize)) {
            assertThat(seen.add(line.get("eventId").asText()))
                    .as("line %s once", line.get("eventId"))
                    .isTrue();
            // time, then event id as PostgreSQL orders uuids (unsigned bytes = its lower-case hex text)
            Map.Entry<java.time.Instant, String> at = Map.entry(
                    java.time.Instant.parse(
                            line.get(ship ? "shippedAt" : "returnedAt").asText()),
                    line.get("eventId").asText());
            if (previous != null) {
                int order = previous.getKey().compareTo(at.getKey());
                assertThat(order < 0 || (order == 0 && previous.getValue().compareTo(at.getValue()) < 0))
                        .as("lines in time order")
                        .isTrue();
            }
            previous = at;
            BigDecimal q = new BigDecimal(line.at("/quantity/value").asText());
            out.merge(line.get("item").asText() + "/" + line.get("lot").asText(), q, BigDecimal::add);
            String customer = line.get("customer").asText();
            perCustomer
                    .computeIfAbsent(customer, k -> new TreeMap<>())
                    .merge(line.at("/quantity/uom").asText(), q, BigDecimal::add);
            countPerCustomer.merge(customer, 1, Integer::sum);
        }

        Map<String, Map<String, BigDecimal>> answered = new TreeMap<>();
        Map<String, Integer> answeredCount = new TreeMap<>();
        for (JsonNode customer : recall.get("customers")) {
            int count = customer.get(ship ? "shippedLines" : "returnedLines").asInt();
            if (count > 0) {
                answeredCount.put(customer.get("customer").asText(), count);
            }
            for (JsonNode q : customer.get(ship ? "shippedQuantity" : "returnedQuantity")) {
                answered.computeIfAbsent(customer.get("customer").asText(), k -> new TreeMap<>())
                        .merge(
                                q.get("uom").asText(),
                                new BigDecimal(q.get("value").asText()),
                                BigDecimal::add);
            }
        }
        perCustomer.values().forEach(m -> m.replaceAll((k, v) -> v.stripTrailingZeros()));
        answered.values().forEach(m -> m.replaceAll((k, v) -> v.stripTrailingZeros()));
        assertThat(answeredCount)
                .as("%s lines per customer in the answer", lines)
                .isEqualTo(countPerCustomer);
        assertThat(answered)
                .as("%s quantities per customer in the answer", lines)
                .isEqualTo(perCustomer);
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
