package org.lotkeeper.server.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lotkeeper.server.api.Downloads;
import org.lotkeeper.server.labels.LabelScanner;
import org.lotkeeper.server.testing.Api;
import org.lotkeeper.server.testing.Database;
import org.lotkeeper.server.testing.PostgresResource;
import org.lotkeeper.server.testing.Riverside;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console in a real headless Chromium against the running server (issue 8's proof): sign in,
 * load the Riverside demo, search a lot and see its genealogy picture, run the ACR-779 mock recall
 * and see its three customers, release a quarantined lot with a signature, a lot code holding
 * {@code <script>} shown as text, a forged cross-site POST refused, and a supervisor (no QA role)
 * unable to release. Screenshots of the pages land in target/screens/console.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    /** The passwords the demo generated for quinn and sam, read from the page that loaded it. */
    String quinnPassword;

    String samPassword;
    static final String SCRIPT_LOT = "<script>alert(1)";

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource ds;

    ConsoleBrowser browser;
    String[] device;
    long deviceSeq;

    @BeforeAll
    void emptyLedgerAndBrowser() {
        Database.resetLedger(ds);
        browser = new ConsoleBrowser();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String base() {
        return base.toString();
    }

    @Test
    @Order(1)
    void adminSignsInAndLoadsTheRiversideDemo() {
        Screens.Login login = new Screens.Login(browser, base()).open();
        browser.screenshot("login");
        assertThat(login.failedSignIn("admin", "wrong")).contains("Wrong user name or password");
        Screens.Dashboard dashboard = login.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(dashboard.navigation())
                .contains(
                        "Dashboard", "Lots", "Recall", "Quality", "Exceptions", "Devices", "Transfers", "Master data");
        Screens.MasterData masterData =
                new Screens.MasterData(browser, base()).open().loadDemo();
        // the demo's people got passwords of their own, shown once on this page, published nowhere
        String notice = browser.driver.findElement(By.cssSelector("p.notice")).getText();
        quinnPassword = generatedPassword(notice, "quinn");
        samPassword = generatedPassword(notice, "sam");
        assertThat(notice).doesNotContain("Passw0rd");
        assertThat(Api.token("quinn", quinnPassword)).isNotBlank();
        assertThat(masterData.items()).contains("RM-RESIN", "FG-PRIMER");
        browser.screenshot("masterdata");
    }

    @Test
    @Order(2)
    void searchFindsTheLotOfSupplierLotAcr779AndItsPageDrawsTheGenealogy() {
        new Screens.Login(browser, base()).open().signIn("quinn", quinnPassword);
        Screens.LotSearch search = new Screens.LotSearch(browser, base()).open().search("ACR-779");
        assertThat(search.lots()).containsExactly("R-2402");
        Screens.LotPage lot = search.open("R-2402");
        assertThat(lot.lotCode()).isEqualTo("R-2402");
        // the resin is potency-managed: its supplier's assay is its potency
        assertThat(browser.driver.findElement(By.tagName("main")).getText())
                .contains("Potency", "97.5 % (latest conforming assay)", "0 kg (0 kg active)");
        assertThat(lot.genealogyNodes())
                .contains(
                        "R-2402",
                        "PR-1001",
                        "TC-1002",
                        "PR-1003",
                        "BuildMart Stores",
                        "Harbor Paints",
                        "City Maintenance Dept");
        assertThat(lot.edgeLabels()).contains("300 kg", "500 kg");
        // the lot's label, printed from its page, scans back as this lot
        byte[] png = labelPng();
        assertThat(LabelScanner.scan(LabelScanner.image(png)))
                .isNotEmpty()
                .anySatisfy(read -> assertThat(read.scan()).contains("R-2402"));

        Screens.LotPage primer =
                new Screens.LotSearch(browser, base()).open().search("PR-1001").open("PR-1001");
        assertThat(primer.genealogyNodes()).contains("R-2402", "P-5001", "PR-1001", "PR-1003", "BuildMart Stores");
        browser.screenshot("lot");
        new Screens.LotSearch(browser, base()).open().search("R-");
        browser.screenshot("lots");
    }

    @Test
    @Order(3)
    void mockRecallOfAcr779ShowsTheThreeCustomers() {
        new Screens.Login(browser, base()).open().signIn("quinn", quinnPassword);
        Screens.Recall recall =
                new Screens.Recall(browser, base()).open().mockFromSupplierLot("ACME-RESINS", "ACR-779");
        assertThat(recall.customers()).containsExactlyInAnyOrder("BUILDMART", "HARBOR-PAINTS", "CITY-MAINT");
        assertThat(recall.affected())
                .contains("R-2402", "PR-1001", "TC-1002", "PR-1003")
                .doesNotContain("R-2401");
        // counted per item, status and site: the resin lot, the primer and the two topcoat lots
        assertThat(recall.byItem())
                .anySatisfy(row -> assertThat(row).contains("RM-RESIN", "PLANT-1", "1"))
                .anySatisfy(row -> assertThat(row).contains("FG-TOPCOAT"));
        assertThat(recall.elapsed()).matches("\\d+ ms");
        browser.screenshot("recall");
        // a customer's sums open onto its shipment lines
        assertThat(recall.linesOf("CITY-MAINT"))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("SHP-3", "City Maintenance Dept"))
                .anySatisfy(line -> assertThat(line).contains("PR-1003", "5"))
                .anySatisfy(line -> assertThat(line).contains("TC-1002", "10"));
        // the FDA's spreadsheet the page links to: a sheet per critical tracking event
        try (org.apache.poi.ss.usermodel.Workbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(download(By.id("fsma-xlsx"), Downloads.XLSX)))) {
            assertThat(book.getSheet("Receiving").getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheet("Shipping").getLastRowNum()).isEqualTo(4);
            assertThat(book.getSheet("Transformation").getLastRowNum()).isEqualTo(8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // the KDE check of the week: the partners master data has no address for
        browser.driver.get(base() + "console/kde?from=2026-11-16&to=2026-11-21");
        assertThat(Long.parseLong(
                        browser.driver.findElement(By.id("kde-incomplete")).getText()))
                .isPositive();
        assertThat(browser.driver
                        .findElement(By.id("kde-PARTNER_WITHOUT_ADDRESS"))
                        .getText())
                .contains("City Maintenance Dept", "phone, street, city, postal code, country");
        browser.screenshot("kde");
        // the page's form gives the FDA spreadsheet of the same days, for the items typed
        assertThat(browser.driver.findElement(By.id("kde-xlsx-form")).getAttribute("action"))
                .endsWith("/console/kde/fsma204.xlsx");
        byte[] days = io.restassured.RestAssured.given()
                .cookie(
                        "lk_session",
                        browser.driver.manage().getCookieNamed("lk_session").getValue())
                .get("/console/kde/fsma204.xlsx?from=2026-11-16&to=2026-11-21&items=FG-TOPCOAT")
                .then()
                .statusCode(200)
                .contentType(Downloads.XLSX)
                .extract()
                .asByteArray();
        try (org.apache.poi.ss.usermodel.Workbook book =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(days))) {
            org.apache.poi.ss.usermodel.Sheet shipping = book.getSheet("Shipping");
            assertThat(shipping.getLastRowNum()).isGreaterThanOrEqualTo(2);
            for (int r = 1; r <= shipping.getLastRowNum(); r++) {
                assertThat(shipping.getRow(r).getCell(3).getStringCellValue()).isEqualTo("Topcoat, 20 L pail");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // the dashboard counts the last 30 days in the background and shows the number once counted
        String card = "";
        for (int i = 0; i < 50 && !card.contains("event(s) of the last 30 days"); i++) {
            browser.driver.get(base() + "console/dashboard");
            card = browser.driver.findElement(By.id("kde-gaps")).getText();
            if (!card.contains("event(s) of the last 30 days")) {
                assertThat(card).contains("Being counted");
                sleep(200);
            }
        }
        assertThat(card).matches("(?s).*\\d+ event\\(s\\) of the last 30 days lack a key data element.*");
    }

    @Test
    @Order(4)
    void qaReleasesAQuarantinedLotWithTheirSignatureOnceItsCoaIsLinked() throws IOException {
        receive("RM-PIGMENT", "P-7001", "TIO2-CORP", "TX-77", "500", "KGM");
        new Screens.Login(browser, base()).open().signIn("quinn", quinnPassword);
        Screens.LotPage lot =
                new Screens.LotSearch(browser, base()).open().search("P-7001").open("P-7001");
        assertThat(lot.status()).isEqualTo("Quarantine");
        assertThat(lot.refusals()).contains("Released").contains("requires a COA");

        Path coa = Files.createTempFile("coa-P-7001", ".pdf");
        Files.write(coa, Api.bytes("demo/riverside/coa-TX-55.pdf"));
        lot.upload("COA", coa);
        // the pigment has a specification (the demo's): the supplier's results are recorded against it
        Api.as(Api.token("quinn", quinnPassword))
                .body("""
                        {"source": "SUPPLIER_COA", "results": [{"test": "ASSAY", "value": "95.0"},
                         {"test": "MOISTURE", "value": "0.20"}]}""")
                .post("/api/v1/lots/RM-PIGMENT/P-7001/results")
                .then()
                .statusCode(200);
        assertThat(lot.changeStatus("RELEASED", "COA checked", "not-my-password"))
                .contains("Not signed");
        assertThat(lot.status()).isEqualTo("Quarantine");
        assertThat(browser.driver
                        .findElement(By.cssSelector("#status-form input[name=status][value=RELEASED]"))
                        .isSelected())
                .as("a refused release keeps the chosen status")
                .isTrue();
        assertThat(browser.driver
                        .findElement(By.cssSelector("#status-form input[name=reason]"))
                        .getAttribute("value"))
                .isEqualTo("COA checked");
        browser.screenshot("quality-release");

        assertThat(lot.changeStatus("RELEASED", "COA checked", quinnPassword)).contains("now released");
        assertThat(lot.status()).isEqualTo("Released");
        assertThat(lot.timeline()).contains("signed by Quinn Quality: Released for use");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        browser.screenshot("lot-tablet");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.driver.findElement(By.linkText(coa.getFileName().toString())).click();
        browser.wait.until(d -> d.getCurrentUrl().contains("/console/documents/"));
    }

    @Test
    @Order(5)
    void aLotCodeHoldingScriptIsShownAsText() {
        receive("RM-SOLVENT", SCRIPT_LOT, "SOLVCO", "SV-13", "200", "LTR");
        new Screens.Login(browser, base()).open().signIn("quinn", quinnPassword);
        Screens.LotSearch search = new Screens.LotSearch(browser, base()).open().search("<script>");
        assertThat(search.lots()).containsExactly(SCRIPT_LOT);
        Screens.LotPage lot = search.open(SCRIPT_LOT);
        assertThat(lot.lotCode()).isEqualTo(SCRIPT_LOT);
        assertThat(lot.genealogyNodes()).contains(SCRIPT_LOT);
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver.getPageSource())
                .contains("&lt;script&gt;alert(1)")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    @Order(6)
    void aForgedCrossSitePostIsRefused() throws IOException {
        receive("RM-SOLVENT", "S-9100", "SOLVCO", "SV-14", "100", "LTR"); // released at once: no QC
        new Screens.Login(browser, base()).open().signIn("quinn", quinnPassword);
        String target = base() + "console/lot/status";
        String forged = """
                <!DOCTYPE html><html><body><form id="f" method="post" action="%s">
                <input name="item" value="RM-SOLVENT"><input name="lot" value="S-9100">
                <input name="status" value="ON_HOLD"><input name="reason" value="forged">
                </form><script>document.getElementById('f').submit()</script></body></html>""".formatted(target);
        HttpServer evil = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        evil.createContext("/", exchange -> {
            byte[] body = forged.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        evil.start();
        try {
            browser.driver.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/forge.html");
            String refused = browser.wait
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")))
                    .getText();
            assertThat(refused).startsWith("Refused");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Refused");
        } finally {
            evil.stop(0);
        }
        Screens.LotPage lot =
                new Screens.LotSearch(browser, base()).open().search("S-9100").open("S-9100");
        assertThat(lot.status()).isEqualTo("Released");
    }

    @Test
    @Order(7)
    void aSupervisorWithoutQaCannotRelease() {
        receive("RM-PIGMENT", "P-7002", "TIO2-CORP", "TX-78", "250", "KGM");
        new Screens.Login(browser, base()).open().signIn("sam", samPassword);
        Screens.LotPage lot =
                new Screens.LotSearch(browser, base()).open().search("P-7002").open("P-7002");
        assertThat(lot.status()).isEqualTo("Quarantine");
        assertThat(lot.refusals()).contains("Released").contains("Your roles do not allow");
        assertThat(browser.driver.findElements(By.cssSelector("#status-form input[name=status][value=RELEASED]")))
                .isEmpty();

        // The form offers no release; a hand-made one with this session's own token is refused by the server too.
        ((JavascriptExecutor) browser.driver).executeScript("""
                const f = document.getElementById('status-form');
                const s = document.createElement('input'); s.type = 'hidden'; s.name = 'status'; s.value = 'RELEASED'; f.appendChild(s);
                f.querySelector('input[name=reason]').value = 'no QA';
                f.submit();""");
        String error = browser.wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")))
                .getText();
        assertThat(error).contains("Your roles do not allow");
        assertThat(new Screens.LotPage(browser, base()).ready().status()).isEqualTo("Quarantine");
    }

    @Test
    @Order(8)
    void aPastedSupplierLabelFindsTheLotAndTheLabelCheckerListsEveryAi() {
        String label = "]C1011061414100001917270131310000080010ACR-779";
        new Screens.Login(browser, base()).open().signIn("sam", samPassword);
        assertThat(new Screens.LotSearch(browser, base())
                        .open()
                        .pasteLabel(label)
                        .lots())
                .containsExactly("R-2402");
        String checked = new Screens.LabelCheck(browser, base()).open().check(label);
        assertThat(checked).contains("(01)", "10614141000019", "(17)", "2027-01-31", "(3100)", "(10)", "ACR-779");
        browser.screenshot("labels");
        String problem = new Screens.LabelCheck(browser, base()).open().check("(01)10614141000018");
        assertThat(problem).containsIgnoringCase("check digit");
    }

    @Test
    @Order(9)
    void supervisorPagesShowTheQueueTheFleetAndANewEnrollmentCode() {
        new Screens.Login(browser, base()).open().signIn("sam", samPassword);
        browser.driver.get(base() + "console/dashboard");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("expiry")));
        // the week's lots with stock expire in 2027, more than 90 days after the fixed clock: a sentence, not empty
        // bars
        assertThat(browser.driver.findElement(By.id("expiry")).getText())
                .contains("No lot with stock has expired or expires within 90 days");
        assertThat(browser.driver.findElements(By.cssSelector("#expiry svg"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("open-exceptions")).getText())
                .contains("Count variance", "FEFO deviation");
        assertThat(browser.driver.findElement(By.id("waiting-for-qa")).getText())
                .contains("P-7002");
        browser.screenshot("dashboard");
        browser.driver.get(base() + "console/exceptions");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exceptions")));
        assertThat(browser.driver.findElement(By.id("variances")).getText()).contains("PR-1001", "-1 pc");
        browser.screenshot("exceptions");
        browser.driver.get(base() + "console/quality");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("waiting")));
        browser.screenshot("quality");
        Screens.Devices devices = new Screens.Devices(browser, base()).open();
        String code = devices.enroll("Forklift 3 scanner");
        assertThat(code).matches("[A-Z0-9-]{10,}");
        // the QR code beside it is what the handheld scans: it reads back as the code itself
        String qr = browser.driver.findElement(By.id("enrollment-qr")).getAttribute("src");
        assertThat(LabelScanner.scan(
                        LabelScanner.image(java.util.Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)))))
                .singleElement()
                .satisfies(read -> assertThat(read.scan()).isEqualTo("]Q1" + code));
        assertThat(devices.fleet()).contains("gun-1", "dock-tablet");
        browser.screenshot("devices");
    }

    @Test
    @Order(10)
    void aRealRecallStartedFromTheMockAnswerIsSignedAndRecallsTheLot() {
        new Screens.Login(browser, base()).open().signIn("quinn", quinnPassword);
        Screens.Recall recall = new Screens.Recall(browser, base()).open().mockFromLot("RM-SOLVENT", "S-9100");
        assertThat(recall.affected()).contains("S-9100");
        String answer = recall.startReal("Supplier notice SV-14", quinnPassword);
        assertThat(answer).contains("REAL RECALL", "Quinn Quality", "Set to recalled: RM-SOLVENT S-9100");
        Screens.LotPage lot =
                new Screens.LotSearch(browser, base()).open().search("S-9100").open("S-9100");
        assertThat(lot.status()).isEqualTo("Recalled");
    }

    @Test
    @Order(11)
    void aSupervisorResolvesTheFefoDeviationAndApprovesTheCountVariance() {
        new Screens.Login(browser, base()).open().signIn("sam", samPassword);
        browser.driver.get(base() + "console/exceptions?flag=FEFO_DEVIATION");
        org.openqa.selenium.WebElement row =
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#exceptions tbody tr")));
        assertThat(row.getText())
                .contains("Pick", "by ben", "PR-1003", "reason: Customer request")
                .doesNotContain("CUSTOMER_REQUEST", "FEFO_DEVIATION");
        row.findElement(By.name("note")).sendKeys("Customer asked for the newest lot; accepted");
        // submit waits for the next page: the page before it may show a notice too (CI once read the old one, then it
        // was gone)
        browser.submit(row.findElement(By.cssSelector("button")));
        assertThat(browser.wait
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice")))
                        .getText())
                .contains("resolved");

        org.openqa.selenium.WebElement variance = browser.driver.findElement(By.cssSelector("#variances tbody tr"));
        assertThat(variance.getText()).contains("PR-1001", "14 pc", "15 pc");
        browser.submit(variance.findElement(By.cssSelector("form[action$='/approve'] button")));
        assertThat(browser.wait
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice")))
                        .getText())
                .contains("approved");
        assertThat(browser.driver.findElement(By.id("variances")).getText()).contains("None pending");
        Screens.LotPage lot =
                new Screens.LotSearch(browser, base()).open().search("PR-1001").open("PR-1001");
        assertThat(lot.timeline()).contains("Stock adjustment", "count variance approved", "-1 pc");
    }

    @Test
    @Order(12)
    void aSupervisorPlansAnOrderMakesItsDeliveryNoteSeesItShippedAndCancelsAnRma() {
        new Screens.Login(browser, base()).open().signIn("sam", samPassword);
        browser.driver.get(base() + "console/tasks?kind=PICK");
        createTask("SO-77", "FG-PRIMER 4");
        org.openqa.selenium.WebElement order = browser.driver.findElement(By.id("task-SO-77"));
        assertThat(order.getText()).contains("BuildMart Stores", "FG-PRIMER, 4 pc");

        // the delivery note made from the order lands on the delivery notes tab, nothing shipped yet
        browser.submit(order.findElement(By.cssSelector("form[action$='/delivery-note'] button")));
        assertThat(browser.driver.findElement(By.cssSelector("p.notice")).getText())
                .contains("created");
        org.openqa.selenium.WebElement note = browser.driver.findElement(By.id("task-DN-SO-77"));
        assertThat(note.getText()).contains("from order SO-77", "open, nothing shipped yet");
        assertThat(note.findElement(By.cssSelector("td.missing")).getText()).isEqualTo("4 pc");

        // a line the form cannot read is refused with what is wrong, and nothing is created
        browser.driver.get(base() + "console/tasks?kind=RETURN");
        createTask("RMA-77", "FG-PRIMER PR-1001 two Damaged pail");
        assertThat(browser.driver.findElement(By.cssSelector("p.error")).getText())
                .contains("The task was not created");
        assertThat(browser.driver.findElements(By.id("task-RMA-77"))).isEmpty();
        createTask("RMA-77", "FG-PRIMER PR-1001 2 Damaged pail");
        org.openqa.selenium.WebElement rma = browser.driver.findElement(By.id("task-RMA-77"));
        assertThat(rma.getText()).contains("FG-PRIMER lot PR-1001, 2 pc — Damaged pail", "open, nothing returned yet");
        browser.screenshot("tasks");

        // the handheld ships the note in full: it moves to the shipped list
        if (device == null) {
            device = Riverside.enroll(Api.token("sam", samPassword), "console-test-dock");
        }
        Riverside.push(device, List.of(Riverside.event(++deviceSeq, "ben", "SHIP", """
                {"shipment": "DN-SO-77", "customer": "BUILDMART", "item": "FG-PRIMER", "lot": "PR-1003",
                 "quantity": {"value": "4", "uom": "H87"}, "from": "WH-A-01"}""")));
        browser.driver.get(base() + "console/tasks?kind=SHIP");
        assertThat(browser.driver.findElement(By.id("ended-tasks")).getText())
                .contains("DN-SO-77", "done 4 pc", "shipped");
        assertThat(browser.driver.findElements(By.cssSelector("#open-tasks #task-DN-SO-77")))
                .isEmpty();

        // the RMA is cancelled, with a reason (one click alone does not cancel): it leaves the open
        // list and the handhelds, and says who cancelled it when
        browser.driver.get(base() + "console/tasks?kind=RETURN");
        org.openqa.selenium.WebElement cancel =
                browser.driver.findElement(By.id("task-RMA-77")).findElement(By.cssSelector("form[action$='/cancel']"));
        cancel.findElement(By.name("reason")).sendKeys("Customer kept the pails");
        browser.submit(cancel.findElement(By.cssSelector("button")));
        assertThat(browser.driver.findElement(By.id("ended-tasks")).getText())
                .contains("RMA-77", "cancelled by sam, 20");
        assertThat(Database.count(
                        ds,
                        "SELECT count(*) FROM audit_log WHERE action = 'TASK_CANCELLED' AND subject = 'RMA-77' "
                                + "AND detail = 'Customer kept the pails'"))
                .isOne();
    }

    /** The PNG label the page's "PNG" link prints, fetched with the browser's session. */
    private byte[] labelPng() {
        return download(By.id("label-png"), "image/png");
    }

    /** What a link of the page downloads, fetched with the browser's session. */
    private byte[] download(By link, String type) {
        String href = browser.driver.findElement(link).getAttribute("href");
        return io.restassured.RestAssured.given()
                .cookie(
                        "lk_session",
                        browser.driver.manage().getCookieNamed("lk_session").getValue())
                .get(href.substring(href.indexOf("/console/")))
                .then()
                .statusCode(200)
                .contentType(type)
                .extract()
                .asByteArray();
    }

    private void createTask(String id, String lines) {
        org.openqa.selenium.WebElement form = browser.driver.findElement(By.id("task-form"));
        form.findElement(By.name("id")).clear(); // a refused form comes back with what was typed
        form.findElement(By.name("id")).sendKeys(id);
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("partner"))).selectByValue("BUILDMART");
        form.findElement(By.name("lines")).clear();
        form.findElement(By.name("lines")).sendKeys(lines);
        browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
    }

    private static String generatedPassword(String notice, String user) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + user + " \\([^)]*\\) password ([A-Z0-9-]+)")
                .matcher(notice);
        assertThat(m.find()).as(notice).isTrue();
        return m.group(1);
    }

    /** A receipt pushed by a dock device, as the handheld would. */
    private void receive(String item, String lot, String supplier, String supplierLot, String quantity, String uom) {
        if (device == null) {
            device = Riverside.enroll(Api.token("sam", samPassword), "console-test-dock");
        }
        String event = """
                {"eventId": "%s", "deviceSeq": %d, "type": "RECEIVE", "occurredAt": "2026-11-20T09:00:00Z", "userId": "ana", "site": "PLANT-1",
                 "payload": {"supplier": "%s", "reference": "PO-9", "item": "%s", "lot": "%s", "supplierLot": "%s",
                             "quantity": {"value": "%s", "uom": "%s"}, "expiry": "2027-06-30", "location": "RCV-DOCK-1"}}""".formatted(
                        UUID.randomUUID(),
                        ++deviceSeq,
                        supplier,
                        item,
                        lot.replace("\\", "\\\\").replace("\"", "\\\""),
                        supplierLot,
                        quantity,
                        uom);
        try {
            JsonNode answer = Riverside.push(device, List.of(Riverside.JSON.readTree(event)));
            assertThat(answer.get("results").get(0).get("status").asText())
                    .as(answer.toString())
                    .isEqualTo("ACCEPTED");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(13)
    void qaKeysResultsInTheQualityGridSeesTheOutOfSpecificationAtOnceAndReleasesUnderConcession() {
        String token = Api.token("quinn", quinnPassword);
        Api.as(token)
                .body("""
                        {"version": 1, "effectiveFrom": "2026-01-01", "tests": [
                          {"code": "ASSAY", "name": "Purity (GC)", "method": "ASTM D3545", "unit": "P1", "kind": "NUMERIC",
                           "min": "99.0", "max": "101.0", "decimals": 1, "assay": true},
                          {"code": "ID", "name": "Identity (IR)", "kind": "PASS_FAIL"}],
                         "signature": {"password": "%s"}}""".formatted(quinnPassword))
                .put("/api/v1/items/RM-SOLVENT/specification")
                .then()
                .statusCode(200);
        new Screens.Login(browser, base()).open().signIn("quinn", quinnPassword);
        browser.driver.get(base() + "console/lot?item=RM-SOLVENT&lot=S-9001");
        org.openqa.selenium.WebElement quality =
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quality")));
        assertThat(quality.getText()).contains("specification version 1", "99.0 – 101.0 %", "no result yet: ASSAY, ID");

        // a value outside the limits is marked as it is typed, before anything is sent
        org.openqa.selenium.WebElement assay =
                quality.findElement(By.cssSelector("input.result[aria-label='New result for Purity (GC)']"));
        assay.sendKeys("98.94");
        assertThat(assay.findElement(By.xpath("following-sibling::small[@class='outside']"))
                        .isDisplayed())
                .isTrue();
        assay.clear();
        assay.sendKeys("98.96");
        assertThat(assay.findElement(By.xpath("following-sibling::small[@class='outside']"))
                        .isDisplayed())
                .as("98.96 reports as 99.0, inside the limits")
                .isFalse();
        assay.clear();
        assay.sendKeys("98.2");
        // a pass/fail test is a choice, not a box to type in
        new org.openqa.selenium.support.ui.Select(
                        quality.findElement(By.cssSelector("select.result[aria-label='New result for Identity (IR)']")))
                .selectByVisibleText("PASS");
        browser.submit(quality.findElement(By.cssSelector("#results-form button[type=submit]")));
        assertThat(browser.wait
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice")))
                        .getText())
                .contains("Results recorded");
        Screens.LotPage lot = new Screens.LotPage(browser, base()).ready();
        assertThat(browser.driver.findElement(By.id("quality-verdict")).getText())
                .contains("Does not meet its specification", "out of specification: ASSAY");
        assertThat(lot.status()).isEqualTo("On hold");
        assertThat(lot.timeline()).contains("Test results", "ASSAY 98.2 (out of specification)");
        browser.screenshot("quality-results");

        // released only under a signed concession, which the timeline shows
        browser.driver.findElement(By.name("concession")).sendKeys("DV-14: 98.2 % accepted for the primer's thinning");
        assertThat(lot.changeStatus("RELEASED", "Released under concession", quinnPassword))
                .contains("now released");
        assertThat(lot.timeline()).contains("concession: DV-14");
        assertThat(browser.driver.findElement(By.id("quality-verdict")).getText())
                .contains("Does not meet its specification", "released under concession: DV-14");

        // the item's specification, as QA and supervisors read it
        browser.driver.get(base() + "console/quality/specifications?item=RM-PIGMENT");
        org.openqa.selenium.WebElement spec =
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("specification")));
        assertThat(spec.getText()).contains("RM-PIGMENT, version 1 (in force)", "TiO2 content", "ISO 591-1");
        browser.screenshot("specifications");
    }

    /** A pallet built on a handheld: two lots packed at the dock (PALLET), the first partly taken off again. */
    static final String PALLET = "006141410000000036";

    @Test
    @Order(13)
    void aPalletBuiltOnAHandheldHasItsPageWithContentsHistoryAndALabelThatScansBack() throws IOException {
        receive("RM-SOLVENT", "S-PAL-1", "SOLVCO", "SV-PAL-1", "400", "LTR");
        receive("RM-SOLVENT", "S-PAL-2", "SOLVCO", "SV-PAL-2", "300", "LTR");
        for (String[] line :
                List.of(new String[] {"PACK", "S-PAL-1", "400"}, new String[] {"PACK", "S-PAL-2", "300"}, new String[] {
                    "UNPACK", "S-PAL-1", "150"
                })) {
            JsonNode answer = Riverside.push(device, List.of(Riverside.event(++deviceSeq, "ben", line[0], """
                    {"sscc": "%s", "location": "RCV-DOCK-1",
                     "contents": [{"item": "RM-SOLVENT", "lot": "%s", "quantity": {"value": "%s", "uom": "LTR"}}]}""".formatted(
                            PALLET, line[1], line[2]))));
            assertThat(answer.get("results").get(0).get("status").asText()).isEqualTo("ACCEPTED");
        }
        new Screens.Login(browser, base()).open().signIn("sam", samPassword);
        browser.driver.get(base() + "console/lot?item=RM-SOLVENT&lot=S-PAL-1");
        browser.driver.findElement(By.linkText(PALLET)).click();
        assertThat(browser.driver.findElement(By.id("pallet-sscc")).getText()).isEqualTo(PALLET);
        // the SSCC typed into the lot search names the pallet too
        browser.driver.get(base() + "console/lots?q=" + PALLET);
        browser.driver.findElement(By.cssSelector("#pallet-hit a")).click();
        assertThat(browser.driver.findElement(By.id("pallet-sscc")).getText()).isEqualTo(PALLET);
        assertThat(browser.driver.findElement(By.id("pallet-contents")).getText())
                .contains("S-PAL-1", "250 L", "S-PAL-2", "300 L", "RCV-DOCK-1", "Released");
        assertThat(browser.driver.findElement(By.id("pallet-history")).getText())
                .contains(
                        "S-PAL-1",
                        "S-PAL-2",
                        "400 L",
                        "150 L",
                        "Ben Picker",
                        "Packed onto a pallet",
                        "Unpacked from a pallet");
        browser.screenshot("pallet");
        byte[] png = labelPng();
        assertThat(LabelScanner.scan(LabelScanner.image(png)))
                .anySatisfy(read -> assertThat(read.scan()).contains(PALLET));
        // the API answers the same
        JsonNode api = Riverside.JSON.readTree(Api.as(Api.token("sam", samPassword))
                .get("/api/v1/pallets/" + PALLET)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(api.get("location").asText()).isEqualTo("RCV-DOCK-1");
        assertThat(api.get("contents").findValuesAsText("lot")).containsExactly("S-PAL-1", "S-PAL-2");
        List<String> eventLots = new ArrayList<>();
        api.get("events")
                .forEach(e -> eventLots.add(
                        e.get("lot").asText() + " " + e.at("/event/type").asText()));
        assertThat(eventLots).containsExactly("S-PAL-1 PACK", "S-PAL-2 PACK", "S-PAL-1 UNPACK");
        Api.as(Api.token("sam", samPassword))
                .get("/api/v1/pallets/006141410000000037")
                .then()
                .statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("sscc"));
        Api.as(Api.token("sam", samPassword))
                .get("/api/v1/pallets/006141410000000043")
                .then()
                .statusCode(404);
    }

    @Test
    @Order(16)
    void anAdminDisablesAUserFromTheUsersTabAndEnablesThemAgainButNotThemselves() {
        new Screens.Login(browser, base()).open().signIn("admin", Api.ADMIN_PASSWORD);
        browser.driver.get(base() + "console/masterdata?tab=users");
        By ben = By.cssSelector("#users tr[data-user='ben']");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(ben));
        assertThat(browser.driver.findElements(By.cssSelector("#users tr[data-user='admin'] button")))
                .as("no button to disable yourself")
                .isEmpty();

        // Disable asks first; keeping them changes nothing
        browser.submit(browser.driver.findElement(ben).findElement(By.cssSelector("button.user-enabled")));
        assertThat(browser.driver.findElement(By.id("confirm-disable")).getText())
                .contains("Disable ben")
                .contains("rejected");
        assertThat(Database.count(ds, "SELECT count(*) FROM app_user WHERE user_id = 'ben' AND enabled"))
                .isEqualTo(1);
        browser.submit(browser.driver.findElement(By.cssSelector("#confirm-disable a.button")));
        assertThat(browser.driver.findElements(By.id("confirm-disable"))).isEmpty();
        assertThat(browser.driver.findElement(ben).getText()).contains("yes");

        browser.submit(browser.driver.findElement(ben).findElement(By.cssSelector("button.user-enabled")));
        browser.submit(browser.driver.findElement(By.id("confirm-disable-yes")));
        assertThat(browser.driver.findElement(By.cssSelector("p.notice")).getText())
                .contains("ben is disabled");
        assertThat(browser.driver.findElement(ben).getText()).contains("no");
        assertThat(Database.count(ds, "SELECT count(*) FROM app_user WHERE user_id = 'ben' AND NOT enabled"))
                .isEqualTo(1);

        browser.submit(browser.driver.findElement(ben).findElement(By.cssSelector("button.user-enabled")));
        assertThat(browser.driver.findElement(By.cssSelector("p.notice")).getText())
                .contains("ben is enabled again");
        assertThat(browser.driver
                        .findElement(ben)
                        .findElement(By.cssSelector("button.user-enabled"))
                        .getText())
                .isEqualTo("Disable");
        assertThat(Database.count(ds, "SELECT count(*) FROM app_user WHERE user_id = 'ben' AND enabled"))
                .isEqualTo(1);
    }

    @Test
    @Order(15)
    void aTransferOrderMadeInTheConsoleShowsItsLotInTransitOnBothSitesPages() throws IOException {
        Api.as(Api.token("admin", Api.ADMIN_PASSWORD))
                .body("""
                        {"sites": [{"code": "PLANT-2", "name": "Hillside Finishing"}],
                         "locations": [{"code": "P2-DOCK", "site": "PLANT-2", "type": "RECEIVING"}],
                         "users": [{"userId": "pia", "name": "Pia at plant 2", "roles": ["QA"], "sites": ["PLANT-2"],
                                    "password": "pia-Passw0rd!"}]}""")
                .put("/api/v1/masterdata")
                .then()
                .statusCode(200);
        new Screens.Login(browser, base()).open().signIn("sam", samPassword);
        browser.driver.get(base() + "console/tasks?kind=TRANSFER");
        org.openqa.selenium.WebElement form = browser.driver.findElement(By.id("task-form"));
        form.findElement(By.name("id")).sendKeys("TR-C1");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("toSite"))).selectByValue("PLANT-2");
        form.findElement(By.name("lines")).sendKeys("RM-SOLVENT 100 L");
        browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.driver.findElement(By.id("task-TR-C1")).getText())
                .contains("PLANT-2", "RM-SOLVENT, 100 L", "open, nothing sent yet");
        // a number with a slash and a space (an ERP's "TR 2/x") can be closed like any other
        form = browser.driver.findElement(By.id("task-form"));
        form.findElement(By.name("id")).sendKeys("TR 2/x");
        form.findElement(By.name("lines")).sendKeys("RM-SOLVENT 5 L");
        browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
        browser.submit(browser.driver
                .findElement(By.id("task-TR 2/x"))
                .findElement(By.cssSelector("form[action$='/close'] button")));
        assertThat(browser.driver.findElement(By.cssSelector("p.notice")).getText())
                .contains("closed");

        // the handheld loads the whole lot onto the order: it is on its way, on neither floor
        receive("RM-SOLVENT", "S-TR-1", "SOLVCO", "SV-TR-1", "100", "LTR");
        JsonNode sent = Riverside.push(device, List.of(Riverside.event(++deviceSeq, "ben", "TRANSFER_OUT", """
                {"transfer": "TR-C1", "toSite": "PLANT-2", "item": "RM-SOLVENT", "lot": "S-TR-1",
                 "quantity": {"value": "100", "uom": "LTR"}, "from": "RCV-DOCK-1"}""")));
        assertThat(sent.at("/results/0/status").asText()).as(sent.toString()).isEqualTo("ACCEPTED");
        browser.driver.get(base() + "console/tasks?kind=TRANSFER");
        assertThat(browser.driver.findElement(By.id("task-TR-C1")).getText()).contains("sent; on its way to PLANT-2");
        browser.driver.get(base() + "console/dashboard");
        assertThat(browser.driver.findElement(By.id("transfers")).getText()).contains("1 lot(s) on their way");
        browser.driver.findElement(By.linkText("See what is in transit")).click();
        assertThat(browser.driver.findElement(By.id("in-transit")).getText())
                .contains("TR-C1", "PLANT-1", "PLANT-2", "RM-SOLVENT", "S-TR-1", "100 L");
        browser.screenshot("transfers");
        // plant 1 sees what it sent, but the lot is plant 2's now: no link to a page it may not open
        assertThat(browser.driver.findElements(By.linkText("S-TR-1"))).isEmpty();
        // and a recall by its code says where the lot went rather than "check the code"
        browser.driver.get(base() + "console/recalls");
        browser.driver.findElement(By.name("supplierLots")).sendKeys("SV-TR-1");
        browser.submit(browser.driver.findElement(By.cssSelector("#recall-form button")));
        assertThat(browser.driver.findElement(By.id("recall-problems")).getText())
                .contains(
                        "No lot of your sites came with supplier lot SV-TR-1",
                        "1 lot with this code is at another site");

        // the receiving site's QA sees it too, and its lot page says where it is
        new Screens.Login(browser, base()).open().signIn("pia", "pia-Passw0rd!");
        browser.driver.get(base() + "console/transfers");
        browser.driver.findElement(By.linkText("S-TR-1")).click();
        assertThat(browser.driver.findElement(By.id("lot-in-transit")).getText())
                .contains("TR-C1", "PLANT-1", "PLANT-2", "100 L");
    }

    @Test
    @Order(14)
    void everyPageFitsAPhoneATabletAndALaptopWithoutScrollingSideways() {
        new Screens.Login(browser, base()).open().signIn("admin", Api.ADMIN_PASSWORD);
        Screens.Recall recall = new Screens.Recall(browser, base()).open().mockFromLot("RM-RESIN", "R-2402");
        String recallPage = browser.driver.getCurrentUrl();
        assertThat(recall.affected()).contains("R-2402");
        List<String> pages = List.of(
                "console/dashboard",
                "console/lots",
                "console/lots?q=R",
                "console/lot?item=FG-PRIMER&lot=PR-1001",
                "console/lot?item=RM-RESIN&lot=R-2402",
                "console/lot?item=RM-PIGMENT&lot=P-5001",
                "console/quality",
                "console/quality/specifications?item=RM-PIGMENT",
                "console/exceptions",
                "console/exceptions?status=RESOLVED",
                "console/tasks?kind=SHIP",
                "console/tasks?kind=PICK",
                "console/tasks?kind=TRANSFER",
                "console/transfers",
                "console/devices",
                "console/masterdata?tab=items",
                "console/masterdata?tab=users",
                "console/labels/check",
                "console/pallet?sscc=" + PALLET,
                "console/recalls");
        List<String> tooWide = new ArrayList<>();
        try {
            for (int width : new int[] {390, 768, 1280}) {
                browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                List<String> all =
                        new ArrayList<>(pages.stream().map(p -> base() + p).toList());
                all.add(recallPage);
                for (String page : all) {
                    browser.driver.get(page);
                    long overflow = (Long) ((JavascriptExecutor) browser.driver)
                            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                    if (overflow > 0) {
                        tooWide.add(width + " px: " + page + " is " + overflow + " px too wide");
                    }
                }
                browser.driver.get(base() + "console/lot?item=FG-PRIMER&lot=PR-1001");
                browser.screenshot("lot-" + width);
            }
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
            browser.driver.get(base() + "console/devices");
            browser.screenshot("devices-390");
            // on a phone a list's cells carry their column's heading
            browser.driver.get(base() + "console/masterdata?tab=items");
            assertThat(browser.driver
                            .findElement(By.cssSelector("table.list tbody td"))
                            .getAttribute("data-label"))
                    .isNotBlank();
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
        assertThat(tooWide).isEmpty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
