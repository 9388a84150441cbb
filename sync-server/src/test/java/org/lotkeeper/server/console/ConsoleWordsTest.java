package org.lotkeeper.server.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lotkeeper.model.auth.Role;
import org.lotkeeper.model.event.DeviationReason;
import org.lotkeeper.model.event.EventType;
import org.lotkeeper.model.event.TransformKind;
import org.lotkeeper.model.lot.LocationType;
import org.lotkeeper.model.lot.LotNumbering;
import org.lotkeeper.model.lot.LotOrigin;
import org.lotkeeper.model.lot.LotStatus;
import org.lotkeeper.model.master.PartnerKind;
import org.lotkeeper.model.quantity.Uom;
import org.lotkeeper.model.wire.Flag;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotkeeper.server.testing.Api.as;

/**
 * No page of the console and no recall PDF shows a person a Rec 20 unit code or an enum's name:
 * every page an administrator can open on the Riverside week is read as text (tags and attribute
 * values dropped), and the codes may appear only in URLs and form values.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConsoleWordsTest {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SCRIPT_OR_STYLE =
            Pattern.compile("<(script|style)[^>]*>.*?</\\1>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    @Inject
    DataSource ds;

    /** Every code a person must never read: enum names with an underscore or that are not also words, units' codes after a number. */
    private static List<Pattern> forbidden() {
        List<Pattern> out = new ArrayList<>();
        List<Enum<?>> codes = new ArrayList<>();
        codes.addAll(List.of(LotStatus.values()));
        codes.addAll(List.of(Flag.values()));
        codes.addAll(List.of(EventType.values()));
        codes.addAll(List.of(TransformKind.values()));
        codes.addAll(List.of(LocationType.values()));
        codes.addAll(List.of(DeviationReason.values()));
        codes.addAll(List.of(LotNumbering.values()));
        codes.addAll(List.of(PartnerKind.values()));
        codes.addAll(List.of(LotOrigin.values()));
        for (Enum<?> e : codes) {
            // a whole word, not part of a code such as RETURNS-1 or SHIP-DOCK-1
            out.add(Pattern.compile("(?<![\\w-])" + e.name() + "(?![\\w-])"));
        }
        for (Role r : Role.values()) {
            if (r != Role.QA) { // "QA" is what people call QA
                out.add(Pattern.compile("(?<![\\w-])" + r.name() + "(?![\\w-])"));
            }
        }
        // any other code with an underscore, e.g. a document kind such as TEST_RESULT
        out.add(Pattern.compile("(?<![\\w-])[A-Z]+_[A-Z_]+(?![\\w-])"));
        for (Uom u : Uom.values()) {
            if (u != Uom.EA) {
                out.add(Pattern.compile("\\d " + u.name() + "\\b"));
            }
        }
        return out;
    }

    static String visibleText(String html) {
        String text = TAG.matcher(SCRIPT_OR_STYLE.matcher(html).replaceAll(" ")).replaceAll(" ");
        return text.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static List<String> offences(String where, String text) {
        List<String> found = new ArrayList<>();
        for (Pattern p : forbidden()) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                found.add(where + ": '" + m.group() + "' in …"
                        + text.substring(from, to).replaceAll("\\s+", " ") + "…");
            }
        }
        return found;
    }

    @Test
    void noPageAndNoRecallPdfShowsACodeToAPerson() throws Exception {
        Database.resetLedger(ds);
        new Riverside().play();
        ConsoleClient admin = ConsoleClient.signIn("admin", Api.ADMIN_PASSWORD);
        String recall = as(Api.token("quinn", "quinn-Passw0rd!"))
                .body("{\"mock\": true, \"lots\": [{\"item\": \"RM-RESIN\", \"lot\": \"R-2402\"}]}")
                .post("/api/v1/recalls")
                .then()
                .statusCode(200)
                .extract()
                .path("recallId");

        List<String> pages = new ArrayList<>(List.of(
                "/console/dashboard",
                "/console/lots",
                "/console/lots?q=R",
                "/console/lots?status=QUARANTINE",
                "/console/exceptions",
                "/console/exceptions?status=RESOLVED",
                "/console/devices",
                "/console/masterdata?tab=sites",
                "/console/masterdata?tab=items",
                "/console/masterdata?tab=locations",
                "/console/masterdata?tab=partners",
                "/console/masterdata?tab=users",
                "/console/quality",
                "/console/labels/check",
                "/console/recalls",
                "/console/recalls/" + recall,
                "/console/recalls/" + recall + "/shipments?customer=CITY-MAINT",
                "/console/tasks?kind=SHIP",
                "/console/tasks?kind=PICK"));
        for (String lot : List.of(
                "RM-RESIN&lot=R-2401",
                "RM-RESIN&lot=R-2402",
                "FG-PRIMER&lot=PR-1001",
                "FG-TOPCOAT&lot=TC-1002",
                "FG-PRIMER&lot=PR-1003")) {
            pages.add("/console/lot?item=" + lot);
        }
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            Response r = admin.request().get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            found.addAll(offences(page, visibleText(r.asString())));
        }

        byte[] pdf = admin.request()
                .get("/console/recalls/" + recall + "/report.pdf")
                .asByteArray();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        found.addAll(offences("report.pdf", text.toString()));

        assertThat(found).as("codes shown to people").isEmpty();
    }

    @Test
    void theCheckFindsACodeWhereAPersonWouldReadIt() {
        assertThat(offences("page", visibleText("<td>14 H87</td><td><span class=\"s-ON_HOLD\">ON_HOLD</span></td>")))
                .hasSize(3); // ON_HOLD as a status and as a code with an underscore, and the unit
        assertThat(offences(
                        "page",
                        visibleText(
                                "<option value=\"ON_HOLD\">On hold</option><a href=\"?flag=COUNT_VARIANCE\">x</a>")))
                .isEmpty();
    }
}
