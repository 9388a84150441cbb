package org.lotkeeper.server.trace;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.lotkeeper.server.testing.Api.as;

/**
 * The FDA's electronic sortable spreadsheet of the Riverside week, opened with Apache POI: the
 * sheets, the typed cells, the frozen and filtered header row and every key data element column of
 * a receipt, a shipment and a transformation against the scenario's master data and events; the
 * CSV on the same columns; a lot's and a time range's spreadsheets; roles, sites and bad input.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class Fsma204SpreadsheetTest {

    private static final String ACME =
            "Acme Resins Ltd|+31 10 496 0300|Havenweg 12|Rotterdam||3089 JB|NL|0614141000012";
    private static final String PLANT_1 =
            "Riverside Coatings, Plant 1|+44 161 496 0100|1 Riverside Way|Manchester|Greater Manchester|M3 4LZ|GB|0614141000005";
    private static final String HARBOR = "Harbor Paints|+44 151 496 0777|Dock Road 4|Liverpool||L3 4BB|GB|";
    private static final String CITY_MAINT = "City Maintenance Dept|||||||";

    @Inject
    DataSource ds;

    private String quinn;

    @BeforeEach
    void playTheWeek() {
        Database.resetLedger(ds);
        new Riverside().play();
        // the demo plant's master data: the same plant, with its sites' and partners' addresses
        as(Api.adminToken())
                .body(Api.resource("demo/riverside/masterdata.json"))
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        quinn = Api.token("quinn", "quinn-Passw0rd!");
    }

    @Test
    void theRecallOfAcr779IsTheFdasSpreadsheetWithEveryKeyDataElement() throws Exception {
        Response answer = as(quinn)
                .body("{\"supplierLots\": [{\"supplier\": \"ACME-RESINS\", \"supplierLot\": \"ACR-779\"}]}")
                .post("/api/v1/recalls");
        answer.then().statusCode(200);
        String id = answer.path("recallId");
        long asOf = ((Number) answer.path("asOfSeq")).longValue();

        Response r = as(quinn).get("/api/v1/recalls/" + id + "/report.xlsx");
        r.then().statusCode(200);
        assertThat(r.contentType()).isEqualTo(Downloads.XLSX);
        assertThat(r.header("Content-Disposition")).contains("recall-" + id + ".xlsx");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "riverside-recall-ACR-779.xlsx"), r.asByteArray());
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            assertThat(names(book)).containsExactly("Request", "Receiving", "Shipping", "Transformation");
            for (Fsma204.Cte cte : Fsma204.Cte.values()) {
                XSSFSheet sheet = (XSSFSheet) book.getSheet(cte.label);
                assertThat(headers(sheet)).containsExactly(Fsma204Columns.headers(Fsma204Columns.of(cte)));
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow())
                        .isEqualTo((short) 1);
                assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:");
                assertThat(sheet.getColumnWidth(0))
                        .as("a width for the headers")
                        .isGreaterThanOrEqualTo(12 * 256);
            }

            // the first sheet: what was asked, by whom, at which ledger position
            Map<String, String> request = pairs(book.getSheet("Request"));
            assertThat(request.get("Asked for")).contains("Mock recall " + id, "supplier lot ACME-RESINS ACR-779");
            assertThat(request.get("Asked by")).isEqualTo("quinn");
            assertThat(request.get("Ledger position")).isEqualTo(Long.toString(asOf));
            assertThat(request)
                    .containsEntry("Receiving rows", "2")
                    .containsEntry("Shipping rows", "4")
                    .containsEntry("Transformation rows", "8");

            // receiving (21 CFR 1.1345): the receipt of ACR-779 and the customer's return of TC-1002
            List<Map<String, Cell>> receiving = rows(book.getSheet("Receiving"));
            Map<String, Cell> receipt = only(receiving, "Traceability lot code", "ACR-779");
            assertThat(number(receipt, "Quantity")).isEqualTo(800.0);
            assertThat(text(receipt, "Unit of measure")).isEqualTo("kg");
            assertThat(text(receipt, "Product description")).isEqualTo("Acrylic resin");
            assertThat(place(receipt, "Immediate previous source", "GLN")).isEqualTo(ACME);
            assertThat(place(receipt, "Receiving location", "GLN")).isEqualTo(PLANT_1);
            assertThat(date(receipt, "Date received")).isEqualTo(LocalDate.of(2026, 11, 16));
            assertThat(place(receipt, "Traceability lot code source", "reference (GLN)"))
                    .isEqualTo(ACME);
            assertThat(text(receipt, "Reference document type")).isEqualTo("Purchase order");
            assertThat(text(receipt, "Reference document number")).isEqualTo("PO-7781");
            assertThat(text(receipt, "Internal lot")).isEqualTo("R-2402");
            assertThat(text(receipt, "Event")).isEqualTo("Receipt from a supplier");
            assertThat(number(receipt, "Ledger position")).isPositive();
            assertThat(receipt.get("Event time (UTC)").getLocalDateTimeCellValue())
                    .isEqualTo("2026-11-16T08:20:00");

            Map<String, Cell> back = only(receiving, "Traceability lot code", "TC-1002");
            assertThat(number(back, "Quantity")).isEqualTo(2.0);
            assertThat(text(back, "Unit of measure")).isEqualTo("pc");
            assertThat(place(back, "Immediate previous source", "GLN")).isEqualTo(CITY_MAINT);
            // the plant made TC-1002, so it assigned its code
            assertThat(place(back, "Traceability lot code source", "reference (GLN)"))
                    .isEqualTo(PLANT_1);
            assertThat(text(back, "Reference document number")).isEqualTo("RMA-1");
            assertThat(text(back, "Event")).isEqualTo("Customer return");

            // shipping (21 CFR 1.1340)
            List<Map<String, Cell>> shipping = rows(book.getSheet("Shipping"));
            assertThat(shipping)
                    .extracting(s -> text(s, "Reference document number") + " " + text(s, "Traceability lot code") + " "
                            + number(s, "Quantity"))
                    .containsExactly(
                            "SHP-1 PR-1001 10.0", "SHP-2 TC-1002 20.0", "SHP-3 PR-1003 5.0", "SHP-3 TC-1002 10.0");
            Map<String, Cell> toHarbor = only(shipping, "Reference document number", "SHP-2");
            assertThat(text(toHarbor, "Product description")).isEqualTo("Topcoat, 20 L pail");
            assertThat(place(toHarbor, "Immediate subsequent recipient", "GLN")).isEqualTo(HARBOR);
            assertThat(place(toHarbor, "Ship-from location", "GLN")).isEqualTo(PLANT_1);
            assertThat(date(toHarbor, "Date shipped")).isEqualTo(LocalDate.of(2026, 11, 19));
            assertThat(place(toHarbor, "Traceability lot code source", "reference (GLN)"))
                    .isEqualTo(PLANT_1);
            assertThat(text(toHarbor, "Reference document type")).isEqualTo("Shipment");

            // transformation (21 CFR 1.1350): one row per input and new lot, the inputs by their own codes
            List<Map<String, Cell>> made = rows(book.getSheet("Transformation"));
            assertThat(made)
                    .extracting(
                            t -> text(t, "Input traceability lot code") + " > " + text(t, "New traceability lot code"))
                    .containsExactlyInAnyOrder(
                            "ACR-779 > PR-1001",
                            "TX-55 > PR-1001",
                            "SV-12 > PR-1001",
                            "ACR-779 > TC-1002",
                            "ACR-778 > TC-1002",
                            "SV-12 > TC-1002",
                            "PR-1001 > PR-1003",
                            "ACR-778 > PR-1003");
            Map<String, Cell> resin = made.stream()
                    .filter(t -> text(t, "Input traceability lot code").equals("ACR-779")
                            && text(t, "New traceability lot code").equals("PR-1001"))
                    .findFirst()
                    .orElseThrow();
            assertThat(number(resin, "Input quantity")).isEqualTo(300.0);
            assertThat(text(resin, "Input unit of measure")).isEqualTo("kg");
            assertThat(text(resin, "Input product description")).isEqualTo("Acrylic resin");
            assertThat(place(resin, "Transformation location", "GLN")).isEqualTo(PLANT_1);
            assertThat(date(resin, "Date transformation completed")).isEqualTo(LocalDate.of(2026, 11, 17));
            assertThat(text(resin, "New product description")).isEqualTo("Grey primer, 20 L pail");
            assertThat(number(resin, "New quantity")).isEqualTo(30.0);
            assertThat(text(resin, "New unit of measure")).isEqualTo("pc");
            assertThat(text(resin, "Reference document type")).isEqualTo("Production batch record");
            assertThat(text(resin, "Reference document number")).isEqualTo("B-1001");
            assertThat(text(resin, "New internal lot")).isEqualTo("PR-1001");
        }

        // the CSV: the same rows on the same columns, one sheet
        Response csv = as(quinn).get("/api/v1/recalls/" + id + "/report.csv");
        csv.then().statusCode(200);
        List<CSVRecord> lines = recallCsv(csv.asByteArray());
        TreeSet<String> ctes = new TreeSet<>();
        lines.forEach(l -> ctes.add(l.get("Critical tracking event")));
        assertThat(ctes).containsExactly("Receiving", "Shipping", "Transformation");
        assertThat(lines).hasSize(14);
        CSVRecord shp2 = lines.stream()
                .filter(l -> l.get("Reference document number").equals("SHP-2"))
                .findFirst()
                .orElseThrow();
        assertThat(shp2.get("Immediate subsequent recipient: business name")).isEqualTo("Harbor Paints");
        assertThat(shp2.get("Immediate subsequent recipient: city")).isEqualTo("Liverpool");
        assertThat(shp2.get("Quantity")).isEqualTo("20");
        assertThat(shp2.get("Unit of measure")).isEqualTo("H87");
        assertThat(shp2.get("Date")).isEqualTo("2026-11-19");
        assertThat(shp2.get("Location of the event: GLN")).isEqualTo("0614141000005");
        // an input's traceability lot code comes with its own source, not the batch's site
        CSVRecord input = lines.stream()
                .filter(l -> l.get("Traceability lot code").equals("ACR-779")
                        && l.get("New traceability lot code").equals("PR-1001"))
                .findFirst()
                .orElseThrow();
        assertThat(input.get("Traceability lot code source: business name")).isEqualTo("Acme Resins Ltd");
        assertThat(input.get("Location of the event: business name")).isEqualTo("Riverside Coatings, Plant 1");
    }

    @Test
    void aLotsSpreadsheetHoldsItsReceiptAndTheTransformationsItWentInto() throws Exception {
        Response r = as(quinn).get("/api/v1/lots/RM-RESIN/R-2402/fsma204.xlsx");
        r.then().statusCode(200);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            assertThat(rows(book.getSheet("Receiving")))
                    .extracting(x -> text(x, "Traceability lot code"))
                    .containsExactly("ACR-779");
            assertThat(rows(book.getSheet("Shipping"))).isEmpty();
            assertThat(rows(book.getSheet("Transformation")))
                    .extracting(
                            t -> text(t, "Input traceability lot code") + " > " + text(t, "New traceability lot code"))
                    .containsExactly("ACR-779 > PR-1001", "ACR-779 > TC-1002");
            assertThat(pairs(book.getSheet("Request")).get("Asked for")).contains("RM-RESIN/R-2402");
        }
        String olly = operator();
        as(olly).get("/api/v1/lots/RM-RESIN/R-2402/fsma204.xlsx").then().statusCode(403);
        as(quinn).get("/api/v1/lots/RM-RESIN/NOPE/fsma204.xlsx").then().statusCode(404);
    }

    @Test
    void aTimeRangeAndItemSetGiveTheirEventsOnly() throws Exception {
        Response r = as(quinn)
                .get("/api/v1/export/fsma204.xlsx?from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z&items=FG-TOPCOAT");
        r.then().statusCode(200);
        assertThat(r.contentType()).isEqualTo(Downloads.XLSX);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            assertThat(rows(book.getSheet("Shipping")))
                    .extracting(s -> text(s, "Reference document number") + " " + text(s, "Traceability lot code"))
                    .containsExactly("SHP-2 TC-1002", "SHP-3 TC-1002");
            assertThat(rows(book.getSheet("Receiving"))).isEmpty();
            assertThat(rows(book.getSheet("Transformation"))).isEmpty();
            assertThat(pairs(book.getSheet("Request")).get("Asked for"))
                    .contains("2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z", "FG-TOPCOAT");
        }
        // the whole week: every receipt, shipment and return, and each batch's inputs
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(as(quinn)
                .get("/api/v1/export/fsma204.xlsx?from=2026-11-16T00:00:00Z&to=2026-11-21T00:00:00Z")
                .asByteArray()))) {
            assertThat(rows(book.getSheet("Receiving"))).hasSize(5);
            assertThat(rows(book.getSheet("Shipping"))).hasSize(4);
            assertThat(rows(book.getSheet("Transformation"))).hasSize(8);
        }
    }

    @Test
    void rolesSitesAndBadInputAreRefusedWithAProblemNamingTheField() throws Exception {
        as(Api.adminToken()).body("""
                        {"users": [{"userId": "pat", "name": "Pat Elsewhere", "roles": ["QA"], "sites": ["PLANT-2"], "password": "pat-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        String pat = Api.token("pat", "pat-Passw0rd!");
        String week = "/api/v1/export/fsma204.xlsx?from=2026-11-16T00:00:00Z&to=2026-11-21T00:00:00Z";
        problem(as(pat).get(week + "&site=PLANT-1"), 403, "SITE_NOT_ALLOWED", "site");
        // a site master data does not know is named, not answered with an empty spreadsheet
        problem(as(Api.adminToken()).get(week + "&site=plant-1"), 400, "UNKNOWN_SITE", "site");
        problem(as(pat).get("/api/v1/lots/RM-RESIN/R-2402/fsma204.xlsx"), 403, "SITE_NOT_ALLOWED", null);
        try (Workbook book =
                new XSSFWorkbook(new ByteArrayInputStream(as(pat).get(week).asByteArray()))) {
            for (Fsma204.Cte cte : Fsma204.Cte.values()) {
                assertThat(rows(book.getSheet(cte.label))).as(cte.label).isEmpty();
            }
            assertThat(pairs(book.getSheet("Request")).get("Sites")).isEqualTo("PLANT-2");
        }
        problem(as(operator()).get(week), 403, "ROLE_NOT_ALLOWED", null);
        problem(as(quinn).get("/api/v1/export/fsma204.xlsx"), 400, "MISSING_FIELD", "from");
        problem(as(quinn).get("/api/v1/export/fsma204.xlsx?from=monday"), 400, "INVALID_FIELD", "from");
        problem(
                as(quinn).get("/api/v1/export/fsma204.xlsx?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z"),
                400,
                "INVALID_FIELD",
                "from");
        problem(as(quinn).get(week + "&items=NO-SUCH-ITEM"), 400, "UNKNOWN_ITEM", "items");
        problem(as(quinn).get(week + "&items=FG-PRIMER,<script>"), 400, null, "items");
        String many = String.join(
                ",",
                java.util.stream.IntStream.rangeClosed(1, 201)
                        .mapToObj(i -> "I" + i)
                        .toList());
        problem(as(quinn).get(week + "&items=" + many), 400, "TOO_MANY", "items");
    }

    /** A recall's CSV, its header checked to be the spreadsheet's columns in order. */
    static List<CSVRecord> recallCsv(byte[] body) throws java.io.IOException {
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            assertThat(parser.getHeaderNames()).containsExactly(Fsma204Columns.headers(Fsma204Columns.CSV));
            return parser.getRecords();
        }
    }

    private static String operator() {
        as(Api.adminToken()).body("""
                        {"users": [{"userId": "olly", "name": "Olly Operator", "roles": ["OPERATOR"], "sites": ["PLANT-1"], "password": "olly-Passw0rd!"}]}""").put("/api/v1/masterdata").then().statusCode(200);
        return Api.token("olly", "olly-Passw0rd!");
    }

    private static void problem(Response r, int status, String code, String field) {
        r.then().statusCode(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (code != null) {
            r.then().body("code", equalTo(code));
        }
        if (field != null) {
            assertThat(r.asString()).contains("\"" + field + "\"");
        }
        assertThat(r.asString()).doesNotContain("<script>").doesNotContain("Exception");
    }

    private static List<String> names(Workbook book) {
        List<String> out = new ArrayList<>();
        book.forEach(s -> out.add(s.getSheetName()));
        return out;
    }

    private static List<String> headers(Sheet sheet) {
        List<String> out = new ArrayList<>();
        sheet.getRow(0).forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    /** The data rows of a sheet, each as its cells by header (blank cells absent). */
    private static List<Map<String, Cell>> rows(Sheet sheet) {
        List<String> headers = headers(sheet);
        List<Map<String, Cell>> out = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            row.forEach(c -> cells.put(headers.get(c.getColumnIndex()), c));
            out.add(cells);
        }
        return out;
    }

    /** The first sheet's label → value, as shown. */
    private static Map<String, String> pairs(Sheet sheet) {
        DataFormatter shown = new DataFormatter();
        Map<String, String> out = new LinkedHashMap<>();
        for (Row row : sheet) {
            if (row.getCell(1) != null) {
                out.putIfAbsent(row.getCell(0).getStringCellValue(), shown.formatCellValue(row.getCell(1)));
            }
        }
        return out;
    }

    private static Map<String, Cell> only(List<Map<String, Cell>> rows, String header, String value) {
        List<Map<String, Cell>> matching =
                rows.stream().filter(r -> value.equals(text(r, header))).toList();
        assertThat(matching).as("rows with %s %s", header, value).hasSize(1);
        return matching.get(0);
    }

    private static String text(Map<String, Cell> row, String header) {
        Cell c = row.get(header);
        if (c == null) {
            return "";
        }
        assertThat(c.getCellType()).as(header).isEqualTo(CellType.STRING);
        return c.getStringCellValue();
    }

    private static double number(Map<String, Cell> row, String header) {
        Cell c = row.get(header);
        assertThat(c).as(header).isNotNull();
        assertThat(c.getCellType()).as(header + " is a number").isEqualTo(CellType.NUMERIC);
        return c.getNumericCellValue();
    }

    private static LocalDate date(Map<String, Cell> row, String header) {
        Cell c = row.get(header);
        assertThat(c.getCellType()).as(header).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(c)).as(header + " is a date").isTrue();
        return c.getLocalDateTimeCellValue().toLocalDate();
    }

    /** A location description's eight columns joined with |: name, phone, street, city, region, postal code, country, GLN. */
    private static String place(Map<String, Cell> row, String label, String last) {
        List<String> parts = new ArrayList<>();
        for (String part : List.of(
                "business name",
                "phone",
                "street address",
                "city",
                "state or region",
                "postal code",
                "country",
                last)) {
            parts.add(text(row, label + ": " + part));
        }
        return String.join("|", parts);
    }
}
