package uk.org.safeguard.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives Debian's Chromium through {@code /usr/bin/chromedriver} (never Selenium Manager, which would
 * download a browser) against the application on a random port. {@link #visit(String)} loads a page,
 * runs axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules and fails on any violation, and fails on
 * any error the browser logged (a CSP violation, a missing asset).
 */
@IntegrationTest
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static WebDriver browser;
    private static WebDriver browserWithoutJavaScript;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void checkBrowserIsInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Browser tests need Debian's Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run `apt-get install chromium chromium-driver` (.ci/run does this).");
        }
    }

    @AfterAll
    static void closeBrowsers() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (browserWithoutJavaScript != null) {
            browserWithoutJavaScript.quit();
            browserWithoutJavaScript = null;
        }
    }

    protected WebDriver browser() {
        if (browser == null) {
            browser = start(true);
        }
        return browser;
    }

    /** A second browser with JavaScript switched off, to prove pages work without it. */
    protected WebDriver browserWithoutJavaScript() {
        if (browserWithoutJavaScript == null) {
            browserWithoutJavaScript = start(false);
        }
        return browserWithoutJavaScript;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens {@code path}, then fails on any axe violation or browser error. */
    protected WebDriver visit(String path) {
        WebDriver driver = browser();
        driver.manage().logs().get(LogType.BROWSER); // discard what earlier pages logged
        driver.get(url(path));
        assertAccessible(driver);
        assertNoBrowserErrors(driver, path);
        return driver;
    }

    /**
     * Clicks {@code what}, which loads another page, and waits until that page has replaced this one and has
     * loaded. ChromeDriver's click can return before a form's submission has begun, so reading the page
     * straight after a plain click can find the old page, or an element of it that has just gone.
     */
    protected static void clickToLoad(WebDriver driver, By what) {
        WebElement before = driver.findElement(By.tagName("html"));
        driver.findElement(what).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // A new document's root has another element reference; asking the old root whether it is stale can
        // fail with an inspector error instead of a StaleElementReferenceException while the page changes.
        wait.until(d -> !d.findElement(By.tagName("html")).equals(before));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    protected static void assertAccessible(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        if (results.isErrored()) {
            fail("axe-core could not run on " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(() -> "axe violations on " + driver.getCurrentUrl() + ":\n" + describe(violations))
                .isEmpty();
    }

    /** Errors the browser logged, except the expected status of an error page itself. */
    protected static void assertNoBrowserErrors(WebDriver driver, String path) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !(m.contains(path) && m.contains("the server responded with a status of")))
                .toList();
        assertThat(errors).as("browser errors on " + path).isEmpty();
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    protected static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> "- " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + "\n    "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }

    private static WebDriver start(boolean javaScript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--lang=en-GB",
                "--user-data-dir=" + tempProfile());
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String tempProfile() {
        try {
            return Files.createTempDirectory("safeguard-chromium").toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a Chromium profile directory", e);
        }
    }
}
