package org.lotkeeper.server.console;

import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Page objects of the console: each knows its page's elements and waits for what it needs, never sleeps. */
final class Screens {

    private Screens() {}

    /** The sign-in page. */
    record Login(ConsoleBrowser b, String base) {
        Login open() {
            b.driver.manage().deleteAllCookies();
            b.driver.get(base + "console/login");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
            return this;
        }

        Dashboard signIn(String user, String password) {
            type(b, By.name("username"), user);
            type(b, By.name("password"), password);
            b.submit(b.driver.findElement(By.cssSelector("form button[type=submit]")));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.who")));
            return new Dashboard(b, base);
        }

        String failedSignIn(String user, String password) {
            type(b, By.name("username"), user);
            type(b, By.name("password"), password);
            b.submit(b.driver.findElement(By.cssSelector("form button[type=submit]")));
            return b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")))
                    .getText();
        }
    }

    /** The page after sign-in; its navigation shows what the user may do. */
    record Dashboard(ConsoleBrowser b, String base) {
        List<String> navigation() {
            return b.driver.findElements(By.cssSelector("header nav a")).stream()
                    .map(WebElement::getText)
                    .toList();
        }
    }

    /** Master data, with the demo loader for an empty ledger. */
    record MasterData(ConsoleBrowser b, String base) {
        MasterData open() {
            b.driver.get(base + "console/masterdata");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
            return this;
        }

        MasterData loadDemo() {
            b.submit(b.driver.findElement(By.id("load-demo")));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Riverside"));
            return this;
        }

        String items() {
            return b.driver.findElement(By.id("items")).getText();
        }
    }

    /** Lot search. */
    record LotSearch(ConsoleBrowser b, String base) {
        LotSearch open() {
            b.driver.get(base + "console/lots");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("q")));
            return this;
        }

        LotSearch search(String text) {
            return submit("q", text);
        }

        LotSearch pasteLabel(String label) {
            return submit("label", label);
        }

        private LotSearch submit(String field, String text) {
            type(b, By.name(field), text);
            b.submit(b.driver.findElement(By.cssSelector("form.search button")));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lot-results")));
            return this;
        }

        List<String> lots() {
            return b.driver.findElements(By.cssSelector("#lot-results a.lot-link")).stream()
                    .map(WebElement::getText)
                    .toList();
        }

        LotPage open(String lot) {
            b.driver.findElements(By.cssSelector("#lot-results a.lot-link")).stream()
                    .filter(a -> a.getText().equals(lot))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no result " + lot + " in " + lots()))
                    .click();
            return new LotPage(b, base).ready();
        }
    }

    /** The lot page: status, actions, documents, genealogy, timeline. */
    record LotPage(ConsoleBrowser b, String base) {
        LotPage ready() {
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lot-status")));
            return this;
        }

        String lotCode() {
            return b.driver.findElement(By.id("lot-code")).getText();
        }

        String status() {
            return b.driver.findElement(By.id("lot-status")).getText();
        }

        /** Lot codes (and customer names) drawn in the genealogy picture. */
        List<String> genealogyNodes() {
            return b.driver.findElements(By.cssSelector("svg#genealogy g.node")).stream()
                    .map(g -> g.getAttribute("data-lot"))
                    .toList();
        }

        List<String> edgeLabels() {
            return b.driver.findElements(By.cssSelector("svg#genealogy text.edge-label")).stream()
                    .map(WebElement::getText)
                    .toList();
        }

        String refusals() {
            return b.driver
                    .findElement(By.cssSelector("#status-actions ul.refusals"))
                    .getText();
        }

        LotPage upload(String kind, Path file) {
            WebElement form = b.driver.findElement(By.id("upload-form"));
            new org.openqa.selenium.support.ui.Select(form.findElement(By.name("kind"))).selectByValue(kind);
            form.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
            b.submit(form.findElement(By.cssSelector("button")));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("p.notice"), "Document uploaded"));
            return ready();
        }

        /** Submits a status change; answers the page's message (notice or error). */
        String changeStatus(String status, String reason, String password) {
            WebElement form = b.driver.findElement(By.id("status-form"));
            form.findElement(By.cssSelector("input[name=status][value=" + status + "]"))
                    .click();
            WebElement why = form.findElement(By.name("reason"));
            why.clear();
            why.sendKeys(reason);
            if (password != null) {
                form.findElement(By.name("password")).sendKeys(password);
            }
            b.submit(form.findElement(By.cssSelector("button[type=submit]")));
            return b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice, p.error")))
                    .getText();
        }

        String timeline() {
            return b.driver.findElement(By.id("timeline")).getText();
        }
    }

    /** The mock recall form and its answer. */
    record Recall(ConsoleBrowser b, String base) {
        Recall open() {
            b.driver.get(base + "console/recalls");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recall-form")));
            return this;
        }

        Recall mockFromSupplierLot(String supplier, String supplierLot) {
            return mock("supplierLots", supplier + " " + supplierLot);
        }

        Recall mockFromLot(String item, String lot) {
            return mock("lots", item + " " + lot);
        }

        private Recall mock(String field, String line) {
            type(b, By.name(field), line);
            b.submit(b.driver.findElement(By.cssSelector("#recall-form button")));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("affected")));
            return this;
        }

        /** Starts the real recall from this mock recall's answer, signed with {@code password}. */
        String startReal(String reason, String password) {
            WebElement form = b.driver.findElement(By.cssSelector("#real-recall form"));
            form.findElement(By.name("reason")).sendKeys(reason);
            form.findElement(By.name("password")).sendKeys(password);
            b.submit(form.findElement(By.cssSelector("button")));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("affected")));
            return b.driver.findElement(By.tagName("main")).getText();
        }

        List<String> customers() {
            return b.driver.findElements(By.cssSelector("#customers tr[data-customer]")).stream()
                    .map(r -> r.getAttribute("data-customer"))
                    .distinct()
                    .toList();
        }

        String elapsed() {
            return b.driver.findElement(By.id("elapsed")).getText();
        }

        /** Opens one customer's shipment lines; answers the lines table's rows as text, and comes back. */
        List<String> linesOf(String customer) {
            String here = b.driver.getCurrentUrl();
            b.driver
                    .findElement(By.cssSelector("#customers tr[data-customer='" + customer + "'] a"))
                    .click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lines")));
            List<String> rows = b.driver.findElements(By.cssSelector("#lines tbody tr")).stream()
                    .map(WebElement::getText)
                    .toList();
            b.driver.get(here);
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("affected")));
            return rows;
        }

        String affected() {
            return b.driver.findElement(By.id("affected")).getText();
        }

        /** The affected lots counted per item, status and site: one text per row. */
        List<String> byItem() {
            return b.driver.findElements(By.cssSelector("#by-item tbody tr")).stream()
                    .map(WebElement::getText)
                    .toList();
        }
    }

    /** The label checker. */
    record LabelCheck(ConsoleBrowser b, String base) {
        LabelCheck open() {
            b.driver.get(base + "console/labels/check");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("label-form")));
            return this;
        }

        /** Checks a label; answers the result section's text (elements, fields, warnings, or the problem). */
        String check(String label) {
            type(b, By.name("text"), label);
            b.submit(b.driver.findElement(By.cssSelector("#label-form button")));
            return b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#label-result, #label-problem")))
                    .getText();
        }
    }

    /** Devices: enrollment codes and the fleet. */
    record Devices(ConsoleBrowser b, String base) {
        Devices open() {
            b.driver.get(base + "console/devices");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("enroll-form")));
            return this;
        }

        String enroll(String label) {
            WebElement form = b.driver.findElement(By.id("enroll-form"));
            List<WebElement> site = form.findElements(By.cssSelector("input[name=site]"));
            if (!site.isEmpty()) {
                site.get(0).sendKeys("PLANT-1");
            }
            form.findElement(By.name("label")).sendKeys(label);
            b.submit(form.findElement(By.cssSelector("button")));
            return b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("enrollment-code")))
                    .getText();
        }

        String fleet() {
            return b.driver.findElement(By.id("device-list")).getText();
        }
    }

    static void type(ConsoleBrowser b, By field, String text) {
        WebElement e = b.driver.findElement(field);
        e.clear();
        e.sendKeys(text);
    }
}
