package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.org.safeguard.support.BrowserTest;

/**
 * Both journeys in Chromium, with axe-core on every page reached (question pages, their error states, check
 * answers, confirmation, the emailed link's pages). The hate report is also sent with JavaScript switched
 * off (without the proof of work, so after the form's minimum age). The attachments step belongs to
 * another part of intake: the walk goes from the last question straight to check answers by its address.
 */
class ReferAndReportBrowserTest extends BrowserTest {

    static final String PERSON = "Zoë O'Brien-محمد 👩🏽‍💻 Re\u0301ne\u0301e";

    /** The browser's proof of work takes a few thousand hashes: seconds on a busy two-core machine. */
    static final Duration SENDING = Duration.ofSeconds(30);

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(39251, null, ServerSetup.PROTOCOL_SMTP));

    @Test
    void theReferralJourneyPassesAxeOnEveryPage() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        WebDriver page = fresh(browser(), "/refer");
        reached(page, "/refer");
        clickToLoad(page, By.linkText("Start now"));
        reached(page, "/refer/person");

        continueOn(page);
        errorShown(page, "Enter the full name of the person you are referring");
        type(page, "personName", PERSON);
        type(page, "dob-day", "2");
        type(page, "dob-month", "3");
        type(page, "dob-year", "2010");
        type(page, "postcode", "E1 0AA");
        continueOn(page);
        reached(page, "/refer/you");

        type(page, "referrerName", "Ada Teacher");
        type(page, "organisation", "Bow School");
        type(page, "role", "Safeguarding lead");
        type(page, "email", "not an email");
        type(page, "phone", "020 7946 0000");
        type(page, "relationship", "Her teacher");
        continueOn(page);
        errorShown(page, "Enter an email address in the correct format, like name@example.org");
        page.findElement(By.id("email")).clear();
        type(page, "email", "browser-" + UUID.randomUUID() + "@school.example.org");
        continueOn(page);
        reached(page, "/refer/concern");

        type(page, "howConcernArose", "Said things in class – قال أشياء");
        page.findElement(By.cssSelector("label[for=indicators]")).click();
        continueOn(page);
        reached(page, "/refer/needs");
        continueOn(page);
        reached(page, "/refer/fears");
        continueOn(page);
        errorShown(page, "Describe what you fear may happen");
        type(page, "fears", "Violence");
        continueOn(page);
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> path(d).equals("/refer/attachments"));

        skipAttachmentsStep(page);
        page.get(url("/refer/check-answers"));
        reached(page, "/refer/check-answers");
        assertThat(page.findElement(By.tagName("main")).getText()).contains(PERSON);
        screenshot(page, "refer-check-answers");
        long started = System.nanoTime();
        clickToLoad(page, By.id("send"));
        reached(page, "/refer/confirmation", SENDING);
        System.out.println("Referral sent in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Referral received");
        screenshot(page, "refer-confirmation");

        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        String body = String.valueOf(readContent());
        String link = body.replaceAll("(?s).*http://localhost:8080(/refer/confirm/[A-Za-z0-9_-]{43}).*", "$1");
        visit(link);
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Email address confirmed");
        visit(link);
        assertThat(browser().findElement(By.tagName("h1")).getText())
                .isEqualTo("This link has expired or has already been used");
        visit("/refer/confirmation");
        assertThat(browser().findElement(By.tagName("h1")).getText())
                .isEqualTo("Your reference and follow-up code were shown once");
    }

    @Test
    void theHateReportJourneyPassesAxeOnEveryPage() throws IOException {
        WebDriver page = fresh(browser(), "/report-hate");
        hateJourney(page, true);
    }

    @Test
    void theHateReportCanBeSentWithJavaScriptSwitchedOff() throws IOException {
        WebDriver page = fresh(browserWithoutJavaScript(), "/report-hate");
        assertThat(page.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
        hateJourney(page, false);
    }

    private void hateJourney(WebDriver page, boolean javaScript) throws IOException {
        reached(page, "/report-hate");
        clickToLoad(page, By.linkText("Start now"));
        reached(page, "/report-hate/what");
        continueOn(page);
        errorShown(page, "Select what the incident was aimed at, or select I'm not sure");
        page.findElement(By.cssSelector("label[for=strands-3]")).click();
        page.findElement(By.cssSelector("label[for=incidentType-8]")).click();
        type(page, "onlineAddress", "https://example.org/post/1");
        continueOn(page);
        reached(page, "/report-hate/where");
        page.findElement(By.cssSelector("label[for=where-2]")).click();
        type(page, "postcode", "E1 0AA");
        continueOn(page);
        reached(page, "/report-hate/when");
        type(page, "when-day", "1");
        type(page, "when-month", "13");
        type(page, "when-year", "2025");
        continueOn(page);
        errorShown(page, "Date must be a real date");
        page.findElement(By.cssSelector("label[for=whenNotSure]")).click();
        continueOn(page);
        reached(page, "/report-hate/contact");
        continueOn(page);
        reached(page, "/report-hate/description");
        String description = javaScript ? "Stickers near the mosque 🙁 – ملصقات" : "Stickers near the mosque – ملصقات";
        type(page, "description", description);
        continueOn(page);
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> path(d).equals("/report-hate/attachments"));

        skipAttachmentsStep(page);
        page.get(url("/report-hate/check-answers"));
        reached(page, "/report-hate/check-answers");
        assertThat(page.findElement(By.tagName("main")).getText()).contains(description, "Online content",
                "Religion or belief", "No, stay anonymous");
        if (!javaScript) {
            sleep(Duration.ofMillis(2500)); // without the proof of work, the form must be a moment old
        }
        long started = System.nanoTime();
        clickToLoad(page, By.id("send"));
        reached(page, "/report-hate/confirmation", SENDING);
        System.out.println("Report sent in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Report sent");
        assertThat(page.findElement(By.tagName("main")).getText()).contains("True Vision", "101", "999");
        screenshot(page, "report-hate-confirmation" + (javaScript ? "" : "-no-js"));
    }

    /**
     * The attachments page is another part of intake's (it may not be there yet, a 404): its own tests check
     * it, so what it logged is discarded before going on to check answers.
     */
    private static void skipAttachmentsStep(WebDriver page) {
        page.manage().logs().get(LogType.BROWSER);
    }

    private WebDriver fresh(WebDriver page, String path) {
        page.get(url(path));
        page.manage().deleteAllCookies();
        page.get(url(path));
        return page;
    }

    private static String path(WebDriver page) {
        return page.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
    }

    private static void reached(WebDriver page, String path) {
        reached(page, path, Duration.ofSeconds(15));
    }

    private static void reached(WebDriver page, String path, Duration patience) {
        try {
            new WebDriverWait(page, patience).until(d -> path(d).equals(path)
                    && d.findElements(By.cssSelector("footer")).size() == 1);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected " + path + ", still on " + page.getCurrentUrl() + ": "
                    + page.findElement(By.tagName("main")).getText() + " " + page.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
        checkPage(page, path);
    }

    private static void errorShown(WebDriver page, String message) {
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> d.getTitle().startsWith("Error:")
                && d.findElements(By.cssSelector("footer")).size() == 1);
        assertThat(page.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .map(WebElement::getText).toList()).contains(message);
        checkPage(page, path(page));
    }

    private static void checkPage(WebDriver page, String path) {
        if (String.valueOf(page.findElement(By.tagName("body")).getAttribute("class")).contains("js-enabled")) {
            assertAccessible(page);
        }
        assertNoBrowserErrors(page, path);
    }

    private static void continueOn(WebDriver page) {
        clickToLoad(page, By.cssSelector("main form button.govuk-button"));
    }

    /** Types text; characters outside the Basic Multilingual Plane (emoji) are set by script, as ChromeDriver cannot type them. */
    private static void type(WebDriver page, String id, String text) {
        WebElement field = page.findElement(By.id(id));
        if (text.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", field, text);
        } else {
            field.sendKeys(text);
        }
    }

    private static Object readContent() {
        try {
            return mail.getReceivedMessages()[0].getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
