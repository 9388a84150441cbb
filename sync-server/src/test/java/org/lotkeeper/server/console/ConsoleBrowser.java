package org.lotkeeper.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the console tests: the Debian
 * chromium and chromedriver, a fresh profile, and Selenium Manager kept offline.
 *
 * <p>Screenshots go to {@code target/screens/console}; with {@code -Dscreenshots=true} also to
 * {@code docs/screens/console} of the repository (docs/CONSOLE.md).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("lotkeeper.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("lotkeeper.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    ConsoleBrowser() {
        System.setProperty("se.offline", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("lotkeeper-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * Clicks a form's submit button and waits until the page it was on is gone: a wait for an
     * element that the old page also had would otherwise pass at once, before the answer is there.
     */
    void submit(WebElement button) {
        // a mark on the old page's window: the new page's window has none
        ((JavascriptExecutor) driver).executeScript("window.lkOldPage = true;");
        button.click();
        wait.until(d -> {
            try {
                return Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return window.lkOldPage === undefined && document.readyState === 'complete';"));
            } catch (WebDriverException navigating) {
                return false; // the page is between documents
            }
        });
    }

    /** A PNG of the whole page (the window grows to the page's height, at most 2,600 pixels). */
    void screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) driver)
                .executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int)
                Math.min(Math.max(height + 120, 700), 2600)));
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path target = Path.of("target", "screens", "console", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
            if (Boolean.getBoolean("screenshots")) {
                Path docs = Path.of("..", "docs", "screens", "console", name + ".png");
                Files.createDirectories(docs.getParent());
                Files.copy(target, docs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile; the OS cleans up
        }
    }
}
