package org.lotkeeper.server.trace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.Pdfs;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * The three recalls of riverside/expected.json end to end over HTTP, a real recall, the stored
 * list and the three exports.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RiversideRecallTest {

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        new Riverside().play();
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    @Test
    void theThreeMockRecallsGiveExactlyTheExpectedLotsCustomersReturnsAndStock() throws Exception {
        for (JsonNode expected : Riverside.expected().get("recalls")) {
            JsonNode answer = json(as(quinn)
                    .body(expected.get("request").toString())
                    .post("/api/v1/recalls")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            String which = expected.get("request").toString();

            List<JsonNode> affected = RecallSums.affectedLots(answer, quinn, 2);
            assertThat(lots(affected)).as("affected lots of %s", which).isEqualTo(lots(expected.get("affectedLots")));

            Map<String, Set<String>> shipped = new TreeMap<>();
            Map<String, Set<String>> returned = new TreeMap<>();
            // the answer sums each customer's lines; its lines are paged behind …/shipments and …/returns
            String recall = "/api/v1/recalls/" + answer.get("recallId").asText();
            for (JsonNode c : answer.get("customers")) {
                String code = c.get("customer").asText();
                assertThat(c.get("name").asText()).as("name of %s", code).isNotBlank();
                JsonNode lines = json(as(quinn)
                        .get(recall + "/shipments?customer=" + code)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
                JsonNode back = json(as(quinn)
                        .get(recall + "/returns?customer=" + code)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
                assertThat(lines.get("next").isNull() && back.get("next").isNull())
                        .as("one page for %s", code)
                        .isTrue();
                assertThat(lines.get("lines"))
                        .as("lines of %s", code)
                        .hasSize(c.get("shippedLines").asInt());
                assertThat(back.get("lines"))
                        .as("returns of %s", code)
                        .hasSize(c.get("returnedLines").asInt());
                for (JsonNode s : lines.get("lines")) {
                    assertThat(s.get("customer").asText()).isEqualTo(code);
                    assertThat(s.get("customerName").asText())
                            .isEqualTo(c.get("name").asText());
                    shipped.computeIfAbsent(code, k -> new TreeSet<>()).add(line(s, true));
                }
                for (JsonNode r : back.get("lines")) {
                    returned.computeIfAbsent(code, k -> new TreeSet<>()).add(line(r, false));
                }
                BigDecimal total = BigDecimal.ZERO;
                for (JsonNode s : lines.get("lines")) {
                    total = total.add(new BigDecimal(s.at("/quantity/value").asText()));
                }
                assertThat(c.get("shippedQuantity"))
                        .as("Riverside ships in one unit")
                        .hasSize(1);
                assertThat(new BigDecimal(c.at("/shippedQuantity/0/value").asText()))
                        .isEqualByComparingTo(total);
            }
            // every line of the recall, without a customer: the same lines
            JsonNode all = json(as(quinn)
                    .get(recall + "/shipments")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(all.get("lines"))
                    .hasSize(shipped.values().stream().mapToInt(Set::size).sum());
            Map<String, Set<String>> expectedShipped = new TreeMap<>();
            expected.get("customers")
                    .properties()
                    .forEach(e -> e.getValue()
                            .forEach(s -> expectedShipped
                                    .computeIfAbsent(e.getKey(), k -> new TreeSet<>())
                                    .add(line(s, true))));
            Map<String, Set<String>> expectedReturned = new TreeMap<>();
            expected.get("returned")
                    .properties()
                    .forEach(e -> e.getValue()
                            .forEach(r -> expectedReturned
                                    .computeIfAbsent(e.getKey(), k -> new TreeSet<>())
                                    .add(line(r, false))));
            assertThat(shipped).as("shipped in %s", which).isEqualTo(expectedShipped);
            assertThat(returned).as("returned in %s", which).isEqualTo(expectedReturned);
            for (JsonNode not : expected.path("notCustomers")) {
                assertThat(shipped).as("customers of %s", which).doesNotContainKey(not.asText());
            }

            Set<String> stock = new TreeSet<>();
            for (JsonNode a : affected) {
                for (JsonNode o : a.get("onHand")) {
                    stock.add(a.get("item").asText() + "/" + a.get("lot").asText() + "@"
                            + o.get("location").asText() + "="
                            + o.at("/quantity/value").asText() + " "
                            + o.at("/quantity/uom").asText());
                }
            }
            Set<String> expectedStock = new TreeSet<>();
            for (JsonNode s : expected.get("stockToContain")) {
                expectedStock.add(s.get("item").asText() + "/" + s.get("lot").asText() + "@"
                        + s.get("location").asText() + "="
                        + s.at("/quantity/value").asText() + " "
                        + s.at("/quantity/uom").asText());
            }
            assertThat(stock).as("stock to contain of %s", which).isEqualTo(expectedStock);
            assertThat(answer.get("stockToContain")).hasSize(expectedStock.size());
            assertThat(answer.get("recallId").asText()).hasSize(36);
            assertThat(answer.get("elapsedMs").isNumber()).isTrue();
            assertThat(answer.get("recalledLots")).isEmpty();
        }
        // a mock recall changes no status
        assertThat(Database.count(ds, "SELECT count(*) FROM lot WHERE status = 'RECALLED'"))
                .isZero();
        List<JsonNode> listed = new ArrayList<>();
        json(as(quinn).get("/api/v1/recalls").then().statusCode(200).extract().asString())
                .forEach(listed::add);
        assertThat(listed).hasSize(3);
    }

    @Test
    void aRealRecallSetsTheAffectedLotsWithStockToRecalledWithOneSignedStatusEventEach() throws Exception {
        long before = Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'STATUS'");
        JsonNode answer = json(as(quinn)
                .body("""
                        {"mock": false, "lots": [{"item": "RM-RESIN", "lot": "R-2401"}], "reason": "Supplier reports contamination",
                         "signature": {"password": "quinn-Passw0rd!", "meaning": "Recall approved"}}""")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        // R-2401 and TC-1002 still have stock; PR-1003 was all shipped, so it keeps its status.
        assertThat(lots(answer.get("recalledLots"))).containsExactlyInAnyOrder("RM-RESIN/R-2401", "FG-TOPCOAT/TC-1002");
        assertThat(statusOf(answer, "R-2401")).isEqualTo("RECALLED");
        assertThat(statusOf(answer, "TC-1002")).isEqualTo("RECALLED");
        assertThat(statusOf(answer, "PR-1003")).isEqualTo("RELEASED");
        assertThat(answer.get("signedBy").asText()).isEqualTo("Quinn Quality");

        as(quinn)
                .get("/api/v1/lots/FG-TOPCOAT/TC-1002")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RECALLED"));
        assertThat(Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type = 'STATUS'"))
                .isEqualTo(before + 2);
        List<Map<String, Object>> events = Database.rows(
                ds,
                "SELECT content FROM ledger_event WHERE type = 'STATUS' "
                        + "AND content::jsonb -> 'payload' ->> 'status' = 'RECALLED' ORDER BY ledger_seq");
        assertThat(events).hasSize(2);
        for (Map<String, Object> e : events) {
            JsonNode content = json(e.get("content").toString());
            assertThat(content.at("/payload/signature/name").asText()).isEqualTo("Quinn Quality");
            assertThat(content.at("/payload/signature/meaning").asText()).isEqualTo("Recall approved");
            assertThat(content.at("/payload/reason").asText()).isEqualTo("Supplier reports contamination");
            assertThat(e.get("content").toString()).doesNotContain("quinn-Passw0rd!");
        }
        JsonNode timeline = json(as(quinn)
                .get("/api/v1/lots/RM-RESIN/R-2401/timeline")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode last = timeline.get("events").get(timeline.get("events").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("STATUS");
        assertThat(last.at("/payload/status").asText()).isEqualTo("RECALLED");

        String id = answer.get("recallId").asText();
        JsonNode stored = json(as(quinn)
                .get("/api/v1/recalls/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(stored.get("mock").asBoolean()).isFalse();
        assertThat(stored.get("affectedLots"))
                .as("the lots are paged, not inline")
                .isNull();
        assertThat(stored.get("affectedLotCount").asInt())
                .isEqualTo(answer.get("affectedLotCount").asInt());
        assertThat(lots(RecallSums.affectedLots(stored, quinn, 500)))
                .isEqualTo(lots(RecallSums.affectedLots(answer, quinn, 1)));
        JsonNode list = json(as(quinn)
                .get("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(list.get(0).get("recallId").asText()).isEqualTo(id);
        assertThat(list.get(0).get("affectedLots").asInt()).isEqualTo(3);
    }

    @Test
    void aSupplierLotIsFoundInAnyCase() throws Exception {
        JsonNode upper = json(as(quinn)
                .body("{\"supplierLots\": [{\"supplier\": \"ACME-RESINS\", \"supplierLot\": \"ACR-779\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode lower = json(as(quinn)
                .body("{\"supplierLots\": [{\"supplier\": \"ACME-RESINS\", \"supplierLot\": \"acr-779\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(lots(RecallSums.affectedLots(lower, quinn, 500)))
                .isEqualTo(lots(RecallSums.affectedLots(upper, quinn, 500)))
                .contains("RM-RESIN/R-2402");
    }

    @Test
    void theRecallOfSupplierLotAcr779DownloadsAsCsvPdfAndValidEpcis() throws Exception {
        String id = as(quinn)
                .body("{\"supplierLots\": [{\"supplier\": \"ACME-RESINS\", \"supplierLot\": \"ACR-779\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");

        Response csv = as(quinn).get("/api/v1/recalls/" + id + "/report.csv");
        csv.then().statusCode(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = Fsma204SpreadsheetTest.recallCsv(csv.asByteArray());
        Set<String> ctes = new TreeSet<>();
        rows.forEach(r -> ctes.add(r.get("Critical tracking event") + " " + r.get("Traceability lot code")
                + (r.get("New traceability lot code").isEmpty() ? "" : " > " + r.get("New traceability lot code"))));
        // the receipt's traceability lot code is the supplier's; the plant assigns the produced lots' codes
        assertThat(ctes)
                .contains(
                        "Receiving ACR-779",
                        "Transformation ACR-779 > PR-1001",
                        "Transformation ACR-779 > TC-1002",
                        "Transformation PR-1001 > PR-1003",
                        "Shipping PR-1001",
                        "Shipping TC-1002",
                        "Shipping PR-1003",
                        "Receiving TC-1002");
        CSVRecord receipt = rows.stream()
                .filter(r -> r.get("Event").equals("Receipt from a supplier"))
                .findFirst()
                .orElseThrow();
        assertThat(receipt.get("Traceability lot code source: business name")).isEqualTo("Acme Resins Ltd");
        assertThat(receipt.get("Quantity")).isEqualTo("800");
        assertThat(receipt.get("Unit of measure")).isEqualTo("KGM");
        assertThat(receipt.get("Reference document number")).isEqualTo("PO-7781");
        assertThat(receipt.get("Date")).isEqualTo("2026-11-16");
        CSVRecord toHarbor = rows.stream()
                .filter(r -> r.get("Reference document number").equals("SHP-2"))
                .findFirst()
                .orElseThrow();
        assertThat(toHarbor.get("Immediate subsequent recipient: business name"))
                .isEqualTo("Harbor Paints");
        assertThat(toHarbor.get("Quantity")).isEqualTo("20");

        Response pdf = as(quinn).get("/api/v1/recalls/" + id + "/report.pdf");
        pdf.then().statusCode(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        // kept beside the build output for a person to look at
        java.nio.file.Files.write(java.nio.file.Path.of("target", "riverside-recall-ACR-779.pdf"), pdf.asByteArray());
        String text = Pdfs.text(pdf.asByteArray());
        assertThat(text)
                .contains(
                        "RM-RESIN/R-2402",
                        "ACME-RESINS ACR-779",
                        "R-2402",
                        "PR-1001",
                        "TC-1002",
                        "PR-1003",
                        "BuildMart Stores",
                        "City Maintenance Dept",
                        "Genealogy",
                        "Time to answer",
                        "Links",
                        "As of ledger event")
                // people read words, symbols and times to the minute in the plant's zone
                .doesNotContain(" H87", " KGM", "QUARANTINE", "RELEASED", "Depth", "Ledger position")
                .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        // the genealogy is drawn, not typed: after its heading, the lots' boxes and the links' quantities
        String drawn = text.substring(text.indexOf("Genealogy"));
        assertThat(drawn)
                .contains("R-2402", "PR-1001", "TC-1002", "PR-1003", "300 kg", "Released")
                .doesNotContain("via production", "(see above)");

        Response epcis = as(quinn).get("/api/v1/recalls/" + id + "/epcis.jsonld");
        epcis.then().statusCode(200);
        assertThat(epcis.contentType()).startsWith("application/ld+json");
        String document = epcis.asString();
        assertThat(EpcisSchema.problems(document)).isEmpty();
        JsonNode doc = json(document);
        Map<String, Integer> kinds = new TreeMap<>();
        for (JsonNode e : doc.at("/epcisBody/eventList")) {
            kinds.merge(e.get("type").asText() + " " + e.path("bizStep").asText(), 1, Integer::sum);
        }
        assertThat(kinds)
                .containsEntry("ObjectEvent receiving", 2) // the receipt of R-2402 and the return of TC-1002
                .containsEntry("ObjectEvent shipping", 4)
                .containsEntry("TransformationEvent creating_class_instance", 3);
        assertThat(document).contains("https://id.gs1.org/01/10614141000019/10/R-2402");
        // EPCIS 2.0's REST binding: a client asking for plain JSON gets the same document as JSON
        Response plain = as(quinn).accept("application/json").get("/api/v1/recalls/" + id + "/epcis.jsonld");
        plain.then().statusCode(200);
        assertThat(plain.contentType()).startsWith("application/json");
        assertThat(plain.asString()).isEqualTo(document);
        as(quinn)
                .accept("application/json;q=0.5, application/ld+json")
                .get("/api/v1/recalls/" + id + "/epcis.jsonld")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/ld+json"));
        as(quinn)
                .accept("text/csv")
                .get("/api/v1/recalls/" + id + "/epcis.jsonld")
                .then()
                .statusCode(406);
    }

    @Test
    void theLedgerExportsAsValidEpcisForATimeRange() throws Exception {
        // status changes made on the server carry the server's (fixed) clock, 2026-11-21T00:00Z
        Response r = as(quinn).get("/api/v1/export/epcis?from=2026-11-16T00:00:00Z&to=2026-11-22T00:00:00Z");
        r.then().statusCode(200);
        assertThat(r.contentType()).startsWith("application/ld+json");
        Response plain = as(quinn)
                .accept("application/json")
                .get("/api/v1/export/epcis?from=2026-11-16T00:00:00Z&to=2026-11-22T00:00:00Z");
        plain.then().statusCode(200);
        assertThat(plain.contentType()).startsWith("application/json");
        assertThat(json(plain.asString()).at("/epcisBody/eventList").size())
                .isEqualTo(json(r.asString()).at("/epcisBody/eventList").size());
        assertThat(EpcisSchema.problems(r.asString())).isEmpty();
        JsonNode doc = json(r.asString());
        assertThat(doc.at("/epcisBody/eventList").size())
                .isEqualTo((int) Database.count(ds, "SELECT count(*) FROM ledger_event"));

        JsonNode firstDay = json(as(quinn)
                .get("/api/v1/export/epcis?from=2026-11-16T00:00:00Z&to=2026-11-17T00:00:00Z")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(firstDay.at("/epcisBody/eventList").size()).isEqualTo((int)
                Database.count(ds, "SELECT count(*) FROM ledger_event WHERE occurred_at < '2026-11-17T00:00:00Z'"));
    }

    static String line(JsonNode n, boolean withShipment) {
        return n.get("item").asText() + "/" + n.get("lot").asText()
                + (withShipment ? " " + n.get("shipment").asText() : "") + " "
                + n.at("/quantity/value").asText() + " " + n.at("/quantity/uom").asText();
    }

    static Set<String> lots(Iterable<JsonNode> array) {
        Set<String> out = new HashSet<>();
        array.forEach(l -> out.add(l.get("item").asText() + "/" + l.get("lot").asText()));
        return out;
    }

    static String statusOf(JsonNode answer, String lot) throws Exception {
        for (JsonNode a : RecallSums.affectedLots(answer, Api.token("quinn", "quinn-Passw0rd!"), 500)) {
            if (a.get("lot").asText().equals(lot)) {
                return a.get("status").asText();
            }
        }
        throw new AssertionError("no affected lot " + lot);
    }

    static JsonNode json(String text) throws Exception {
        return Riverside.JSON.readTree(text);
    }
}
