package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.support.AdjustableClock;
import uk.org.safeguard.support.BrowserTest;

/**
 * The concern journey in Chromium: in English with a name, in Arabic anonymously (right to left), with
 * axe-core on every page reached, and once more with JavaScript switched off. With JavaScript the
 * check-answers form finds its proof of work before sending; without it the server waits a moment.
 */
class ConcernBrowserTest extends BrowserTest {

    static final String TYPED = ConcernJourneyIntegrationTest.TYPED;
    static final String CAMDEN = "E09000007";

    @Autowired
    AdjustableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Submissions submissions;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aNamedConcernInEnglishWithSaveAndResumeAndTheProofOfWork() throws IOException {
        WebDriver page = freshStart(browser(), "/concern");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Share a concern about someone");
        screenshot(page, "concern-start");
        clickToLoad(page, By.cssSelector("a.govuk-button--start"));
        reached(page, "/concern/about");

        continueOn(page);
        errorShown(page, "Select who you are worried about");
        choose(page, "about", "someone-else");
        continueOn(page);
        reached(page, "/concern/danger");
        choose(page, "danger", "no");
        continueOn(page);
        reached(page, "/concern/relationship");
        choose(page, "relationship", "friend");
        continueOn(page);
        reached(page, "/concern/age");
        choose(page, "age", "16-17");
        continueOn(page);
        reached(page, "/concern/where");
        type(page, "postcode", "not a postcode");
        continueOn(page);
        errorShown(page, "Enter a real postcode, like E14 5AB, or only the first part, like E14");
        assertThat(page.findElement(By.id("postcode")).getAttribute("value")).isEqualTo("not a postcode");
        page.findElement(By.id("postcode")).clear();
        type(page, "postcode", "E1 0AA");
        continueOn(page);
        reached(page, "/concern/noticed");
        choose(page, "noticed", "violence");
        choose(page, "noticed", "mood");
        type(page, "noticed-details", TYPED);
        continueOn(page);
        reached(page, "/concern/since");
        choose(page, "since", "month");

        // Save and come back later, then carry on in the same browser with the code.
        clickToLoad(page, By.cssSelector("button[name=action][value=save]"));
        reached(page, "/concern/saved");
        String code = page.findElement(By.id("resume-code")).getText();
        assertThat(code).matches("([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}");
        screenshot(page, "concern-saved");
        page.manage().deleteCookieNamed(Journey.CONCERN.cookie());
        go(page, "/concern/resume");
        type(page, "code", code);
        continueOn(page);
        reached(page, "/concern/online");

        choose(page, "online", "youtube");
        type(page, "online-details", "A video called " + TYPED);
        continueOn(page);
        reached(page, "/concern/children");
        choose(page, "children", "dont-know");
        continueOn(page);
        reached(page, "/concern/others-know");
        choose(page, "others-know", "school");
        continueOn(page);
        reached(page, "/concern/contact");
        assertThat(page.findElement(By.cssSelector("input[name=named][value=no]")).isSelected())
                .as("anonymous unless the person chooses otherwise").isTrue();
        choose(page, "named", "yes");
        type(page, "name", TYPED);
        type(page, "email", "zoe@example.com");
        continueOn(page);
        afterContact(page);
        assertThat(page.findElement(By.tagName("main")).getText()).contains(TYPED, "Support for using violence for a cause",
                "zoe@example.com", "the police");
        screenshot(page, "concern-check-answers");

        // Token issued "30 seconds in the future": only the proof of work found by app.mjs lets it through now.
        clock.advance(Duration.ofSeconds(-30));
        clickToLoad(page, By.id("send"));
        reached(page, "/concern/confirmation");
        String reference = page.findElement(By.cssSelector(".govuk-panel__body")).getText().replace("Your reference ", "");
        assertThat(page.findElement(By.id("follow-up-code")).getText()).matches("([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}");
        screenshot(page, "concern-confirmation");

        Map<String, Object> row = row(reference);
        assertThat(row).containsEntry("language", "en").containsEntry("anonymous", false).containsEntry("urgent", false)
                .containsEntry("borough_code", "E09000030");
        ConcernDetails details = details(row);
        assertThat(details.noticedDetails()).isEqualTo(TYPED);
        assertThat(details.name()).isEqualTo(TYPED);
        assertThat(details.onlineDetails()).isEqualTo("A video called " + TYPED);

        go(page, "/concern/confirmation");
        assertThat(page.findElement(By.tagName("main")).getText()).contains("shown only once");
    }

    @Test
    void anAnonymousConcernInArabicWithTheNineNineNinePage() throws IOException {
        WebDriver page = freshStart(browser(), "/concern?lang=ar");
        assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        clickToLoad(page, By.cssSelector("a.govuk-button--start"));
        reached(page, "/concern/about");
        choose(page, "about", "myself");
        continueOn(page);
        reached(page, "/concern/danger");
        choose(page, "danger", "yes");
        continueOn(page);
        reached(page, "/concern/call-999");
        screenshot(page, "concern-call-999-ar");
        clickToLoad(page, By.cssSelector("main a.govuk-button"));
        reached(page, "/concern/age");
        choose(page, "age", "dont-know");
        continueOn(page);
        reached(page, "/concern/where");
        new Select(page.findElement(By.id("borough"))).selectByValue(CAMDEN);
        continueOn(page);
        reached(page, "/concern/noticed");
        type(page, "noticed-details", TYPED);
        continueOn(page);
        reached(page, "/concern/since");
        choose(page, "since", "dont-know");
        continueOn(page);
        reached(page, "/concern/online");
        choose(page, "online", "none");
        continueOn(page);
        reached(page, "/concern/children");
        choose(page, "children", "no");
        continueOn(page);
        reached(page, "/concern/others-know");
        choose(page, "others-know", "nobody");
        continueOn(page);
        reached(page, "/concern/contact");
        continueOn(page);
        afterContact(page);
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        assertThat(page.findElement(By.tagName("main")).getText()).contains(TYPED, "Camden");
        screenshot(page, "concern-check-answers-ar");
        clickToLoad(page, By.id("send"));
        reached(page, "/concern/confirmation");
        screenshot(page, "concern-confirmation-ar");
        String reference = referenceIn(page.findElement(By.cssSelector(".govuk-panel__body")).getText());

        Map<String, Object> row = row(reference);
        assertThat(row).containsEntry("language", "ar").containsEntry("anonymous", true).containsEntry("urgent", true)
                .containsEntry("borough_code", CAMDEN).containsEntry("kind", SubmissionKind.CONCERN.name());
        assertThat(details(row).noticedDetails()).isEqualTo(TYPED);
    }

    @Test
    void theWholeJourneyWorksWithJavaScriptSwitchedOff() throws IOException {
        WebDriver page = freshStart(browserWithoutJavaScript(), "/concern");
        assertThat(page.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
        clickToLoad(page, By.cssSelector("a.govuk-button--start"));
        reached(page, "/concern/about");
        choose(page, "about", "someone-else");
        continueOn(page);
        reached(page, "/concern/danger");
        choose(page, "danger", "no");
        continueOn(page);
        reached(page, "/concern/relationship");
        choose(page, "relationship", "other");
        continueOn(page);
        errorShown(page, "Tell us how you know the person");
        type(page, "relationship-other", "Through a youth club");
        continueOn(page);
        reached(page, "/concern/age");
        choose(page, "age", "21-39");
        continueOn(page);
        reached(page, "/concern/where");
        choose(page, "where-unknown", "yes");
        continueOn(page);
        reached(page, "/concern/noticed");
        choose(page, "noticed", "contacts");
        continueOn(page);
        reached(page, "/concern/since");
        choose(page, "since", "longer");
        continueOn(page);
        reached(page, "/concern/online");
        choose(page, "online", "none");
        choose(page, "online", "discord");
        continueOn(page);
        errorShown(page, "Select where it is happening online, or select No, or I do not know, not both");
        choose(page, "online", "none");
        continueOn(page);
        reached(page, "/concern/children");
        choose(page, "children", "yes");
        continueOn(page);
        reached(page, "/concern/others-know");
        choose(page, "others-know", "family");
        continueOn(page);
        reached(page, "/concern/contact");
        continueOn(page);
        afterContact(page);

        // Change an answer from the check page: it comes back to the check page.
        clickToLoad(page, By.cssSelector("a[href='/concern/age?change=true']"));
        reached(page, "/concern/age?change=true");
        choose(page, "age", "40-over");
        continueOn(page);
        reached(page, "/concern/check-answers");
        assertThat(page.findElement(By.tagName("main")).getText()).contains("40 or over", "Through a youth club");

        clock.advance(Duration.ofSeconds(3)); // without a proof of work, the form must have been shown a moment ago
        clickToLoad(page, By.id("send"));
        reached(page, "/concern/confirmation");
        String reference = page.findElement(By.cssSelector(".govuk-panel__body")).getText().replace("Your reference ", "");
        Map<String, Object> row = row(reference);
        assertThat(row).containsEntry("anonymous", true).containsEntry("borough_code", null);
        assertThat(details(row).childrenAtRisk()).isEqualTo("yes");
    }

    // Helpers

    private WebDriver freshStart(WebDriver page, String path) {
        page.get(url("/concern"));
        page.manage().deleteAllCookies();
        go(page, path);
        return page;
    }

    /** The attachments step: a picture is uploaded (named in check answers), then on to check answers. */
    private void afterContact(WebDriver page) {
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> path(d).equals(ConcernController.ATTACHMENTS)
                && d.findElements(By.cssSelector("footer")).size() == 1);
        checkPage(page, ConcernController.ATTACHMENTS);
        try {
            java.nio.file.Path photo = java.nio.file.Files.createTempDirectory("safeguard-walk").resolve("photo.jpg");
            java.nio.file.Files.write(photo, AttachmentTestFiles.jpegWithMetadata(64, 48, 1));
            page.findElement(By.id("file")).sendKeys(photo.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        clickToLoad(page, By.cssSelector("button[value=upload]"));
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("main")).getText()
                .contains("photo.jpg"));
        checkPage(page, ConcernController.ATTACHMENTS);
        clickToLoad(page, By.cssSelector("button[value=continue]"));
        reached(page, ConcernController.CHECK_ANSWERS);
        assertThat(page.findElement(By.tagName("main")).getText()).contains("photo.jpg");
    }

    private void go(WebDriver page, String path) {
        page.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
        page.get(url(path));
        reached(page, path);
    }

    private static void reached(WebDriver page, String path) {
        try {
            new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> path(d).equals(path)
                    && d.findElements(By.cssSelector("footer")).size() == 1);
        } catch (org.openqa.selenium.TimeoutException notThere) {
            throw new AssertionError("expected " + path + " but the browser is at " + path(page) + ": "
                    + page.getTitle() + " " + page.findElements(By.cssSelector(".govuk-error-summary")).stream()
                            .map(WebElement::getText).toList(), notThere);
        }
        checkPage(page, path);
        page.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
    }

    private static void errorShown(WebDriver page, String message) {
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> d.getTitle().startsWith("Error:")
                && d.findElements(By.cssSelector("footer")).size() == 1);
        assertThat(page.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .map(WebElement::getText).toList()).containsExactly(message);
        checkPage(page, "/concern");
    }

    /** axe-core needs JavaScript: with it off, the same pages have passed axe in the other walks. */
    private static void checkPage(WebDriver page, String path) {
        if (String.valueOf(page.findElement(By.tagName("body")).getAttribute("class")).contains("js-enabled")) {
            assertAccessible(page);
        }
        assertNoBrowserErrors(page, path);
    }

    private static String path(WebDriver page) {
        return page.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    /** Ticks or chooses the answer {@code value} of {@code name} by its label, as a person does. */
    private static void choose(WebDriver page, String name, String value) {
        WebElement input = page.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        page.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
    }

    /** Types into a field; ChromeDriver cannot type characters beyond the Basic Multilingual Plane, so emoji are set by script. */
    private static void type(WebDriver page, String id, String text) {
        WebElement field = page.findElement(By.id(id));
        if (text.codePoints().allMatch(Character::isBmpCodePoint)) {
            field.sendKeys(text);
        } else {
            ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];", field, text);
        }
    }

    private static void continueOn(WebDriver page) {
        clickToLoad(page, By.cssSelector("main form button.govuk-button:not(.govuk-button--secondary)"));
    }

    /** The reference in the confirmation panel, whatever the language around it. */
    static String referenceIn(String panel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("SG-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(panel);
        assertThat(m.find()).as(panel).isTrue();
        return m.group();
    }

    /** The stored submission; every walk attached one picture, which must have come with it. */
    private Map<String, Object> row(String reference) {
        Map<String, Object> row = jdbc.sql("SELECT * FROM intake_submission WHERE reference = :r")
                .param("r", reference.strip()).query().singleRow();
        assertThat(jdbc.sql("SELECT count(*) FROM intake_attachment WHERE submission_id = :id AND media_type = 'image/jpeg'")
                .param("id", row.get("id")).query(Long.class).single()).as("the walk's picture").isEqualTo(1);
        return row;
    }

    private ConcernDetails details(Map<String, Object> row) {
        return submissions.details((UUID) row.get("id"), SubmissionKind.CONCERN, (byte[]) row.get("details"),
                ConcernDetails.class);
    }
}
