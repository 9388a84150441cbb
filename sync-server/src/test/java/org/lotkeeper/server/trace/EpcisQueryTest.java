package org.lotkeeper.server.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * A partner's EPCIS query of the Riverside week ({@code GET /api/v1/epcis/events}): pages followed
 * through their {@code Link} headers hold every event once, in ledger order; each filter keeps
 * exactly the events the ledger says it should; the answers are valid EPCIS 2.0; bad parameters
 * and other sites are refused.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class EpcisQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

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
    void pagesFollowedByTheirLinksHoldEveryEventOnceInLedgerOrder() throws Exception {
        List<JsonNode> events = all("/api/v1/epcis/events?perPage=7", 7);
        assertThat(events).hasSize((int) Database.count(ds, "SELECT count(*) FROM ledger_event"));
        long previous = 0;
        for (JsonNode e : events) {
            long seq = e.get("lotkeeper:ledgerSeq").asLong();
            assertThat(seq).isGreaterThan(previous);
            previous = seq;
        }
    }

    @Test
    void eachFilterKeepsWhatTheLedgerSays() throws Exception {
        List<JsonNode> shipping = all("/api/v1/epcis/events?EQ_bizStep=shipping&perPage=2", 2);
        assertThat(shipping).hasSize((int)
                Database.count(ds, "SELECT count(*) FROM ledger_event WHERE type IN ('SHIP', 'TRANSFER_OUT')"));
        shipping.forEach(e -> assertThat(e.get("bizStep").asText()).isEqualTo("shipping"));
        // the CBV's URN and Web URI forms of a step are the same step
        assertThat(all("/api/v1/epcis/events?EQ_bizStep=urn:epcglobal:cbv:bizstep:shipping", 30))
                .hasSameSizeAs(shipping);

        String lot = "https://id.gs1.org/01/10614141000019/10/R-2402";
        List<JsonNode> ofLot = all("/api/v1/epcis/events?MATCH_anyEPCClass=" + lot, 30);
        assertThat(ofLot).hasSize((int)
                Database.count(ds, "SELECT count(*) FROM lot_event WHERE item = 'RM-RESIN' AND lot = 'R-2402'"));
        ofLot.forEach(e -> assertThat(e.toString()).contains(lot));
        // a GTIN alone: every lot of the item
        assertThat(all("/api/v1/epcis/events?MATCH_anyEPCClass=https://id.gs1.org/01/10614141000019", 30))
                .hasSize((int)
                        Database.count(ds, "SELECT count(DISTINCT ledger_seq) FROM lot_event WHERE item = 'RM-RESIN'"));
        assertThat(all("/api/v1/epcis/events?MATCH_anyEPCClass=10614141000019", 30))
                .hasSize((int)
                        Database.count(ds, "SELECT count(DISTINCT ledger_seq) FROM lot_event WHERE item = 'RM-RESIN'"));
        assertThat(all("/api/v1/epcis/events?MATCH_anyEPCClass=https://id.gs1.org/01/09999999999999", 30))
                .isEmpty();

        List<JsonNode> day =
                all("/api/v1/epcis/events?GE_eventTime=2026-11-18T00:00:00Z&LT_eventTime=2026-11-19T00:00:00Z", 30);
        assertThat(day)
                .hasSize((int) Database.count(
                        ds,
                        "SELECT count(*) FROM ledger_event WHERE occurred_at >= '2026-11-18T00:00:00Z' "
                                + "AND occurred_at < '2026-11-19T00:00:00Z'"))
                .isNotEmpty();
    }

    @Test
    void theAnswerIsAValidEpcisQueryDocumentAlsoAsPlainJson() {
        Response r = as(quinn).accept("application/json").get("/api/v1/epcis/events?perPage=50");
        r.then().statusCode(200).contentType("application/json");
        assertThat(EpcisSchema.problems(r.asString())).isEmpty();
        assertThat(r.jsonPath().getString("type")).isEqualTo("EPCISQueryDocument");
        as(quinn)
                .accept("application/ld+json")
                .get("/api/v1/epcis/events")
                .then()
                .statusCode(200)
                .contentType("application/ld+json");
    }

    @Test
    void badParametersAndOtherSitesAreRefused() {
        field(as(quinn).get("/api/v1/epcis/events?nextPageToken=bm90LWEtdG9rZW4"), 400, "nextPageToken");
        field(as(quinn).get("/api/v1/epcis/events?perPage=0"), 400, "perPage");
        field(as(quinn).get("/api/v1/epcis/events?perPage=abc"), 400, "perPage");
        field(as(quinn).get("/api/v1/epcis/events?GE_eventTime=yesterday"), 400, "GE_eventTime");
        field(as(quinn).get("/api/v1/epcis/events?MATCH_anyEPCClass=banana"), 400, "MATCH_anyEPCClass");
        field(as(quinn).get("/api/v1/epcis/events?site=NO-SUCH-SITE"), 400, "site");
        // a parameter this server does not answer is refused, not ignored
        field(as(quinn).get("/api/v1/epcis/events?EQ_disposition=recalled"), 400, "EQ_disposition");
        as(Api.adminToken())
                .body("{\"sites\": [{\"code\": \"PLANT-2\", \"name\": \"Hillside Plant\", \"gln\": null}], "
                        + "\"users\": [{\"userId\": \"pat\", \"name\": \"Pat Elsewhere\", \"roles\": [\"QA\"], "
                        + "\"sites\": [\"PLANT-2\"], \"password\": \"pat-Passw0rd!\"}, "
                        + "{\"userId\": \"olly\", \"name\": \"Olly Operator\", \"roles\": [\"OPERATOR\"], "
                        + "\"sites\": [\"PLANT-1\"], \"password\": \"olly-Passw0rd!\"}]}")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        as(Api.token("olly", "olly-Passw0rd!"))
                .get("/api/v1/epcis/events")
                .then()
                .statusCode(403);
        String pat = Api.token("pat", "pat-Passw0rd!");
        as(pat).get("/api/v1/epcis/events?site=PLANT-1").then().statusCode(403);
        assertThat(as(pat).get("/api/v1/epcis/events")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("epcisBody.queryResults.resultsBody.eventList"))
                .isEmpty();
    }

    private static void field(Response r, int status, String field) {
        r.then().statusCode(status);
        assertThat(r.jsonPath().getString("field")).isEqualTo(field);
    }

    /** Every event of a query, page by page through the {@code Link} headers; no page longer than {@code perPage}. */
    private List<JsonNode> all(String first, int perPage) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            Response r = as(quinn).get(next);
            r.then().statusCode(200);
            JsonNode page = JSON.readTree(r.asString()).at("/epcisBody/queryResults/resultsBody/eventList");
            assertThat(page.size()).isLessThanOrEqualTo(perPage);
            page.forEach(out::add);
            String link = r.getHeader("Link");
            next = null;
            if (link != null) {
                Matcher m = NEXT.matcher(link);
                assertThat(m.find()).isTrue();
                next = m.group(1);
            }
            assertThat(++pages).isLessThan(500);
        }
        return out;
    }
}
