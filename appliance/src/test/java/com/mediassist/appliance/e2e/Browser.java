package com.mediassist.appliance.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver (never Selenium Manager), sized
 * like a 1366×768 clinic screen, with a fresh profile and the browser console captured.
 */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> consoleErrors = new ArrayList<>();

    Browser() throws IOException {
        profile = Files.createTempDirectory("mediassist-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,768", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        // The viewport itself is 1366×768, like the clinic's screens (the window size includes no UI
        // in headless mode on every version, so set the page's metrics directly).
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits up to 30 s: generous, because CI machines are slow and shared; a pass returns at once. An
     * element re-rendered by a newer consultation view while the condition reads it is looked up again.
     */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, Duration.ofSeconds(30), condition);
    }

    /** Like {@link #await(String, Function)} with a longer limit, for steps with a long time budget (a FHIR import). */
    <T> T await(String what, Duration limit, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, limit).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the element with this id shows text containing {@code part}; returns the text. */
    String awaitText(String id, String part) {
        return await("#" + id + " to contain '" + part + "'", d -> {
            String text = d.findElement(By.id(id)).getText();
            return text.contains(part) ? text : null;
        });
    }

    void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Page-load timings of the current page from the browser's Navigation Timing (milliseconds since
     * navigation start), written as JSON to {@code target/e2e-metrics/NAME.json}. Measured, not asserted.
     */
    void savePageTimings(String name) throws IOException {
        Object json = driver.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                + "const r = performance.getEntriesByName('mediassist-ready')[0];"
                + "const res = performance.getEntriesByType('resource');"
                + "return JSON.stringify({domContentLoadedMs: n.domContentLoadedEventEnd, loadMs: n.loadEventEnd,"
                + " readyMs: r ? r.startTime : null, resources: res.length,"
                + " transferBytes: res.reduce((a, e) => a + e.transferSize, n.transferSize)});");
        Path dir = Files.createDirectories(Path.of("target", "e2e-metrics"));
        Files.writeString(dir.resolve(name + ".json"), String.valueOf(json));
    }

    /** Reads the console since the last call and keeps its SEVERE entries. */
    List<LogEntry> drainConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        consoleErrors.addAll(errors);
        return errors;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
