package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.org.safeguard.support.BrowserTest;

/**
 * The check in Chromium, by keyboard only: Tab to move, the arrow keys to choose among radios (as a
 * keyboard user does: Tab enters a radio group once), Space to tick or choose, Enter to follow a link or
 * send a form. No clicks. axe-core runs on every page reached; the same journey runs with JavaScript off.
 */
class CheckBrowserTest extends BrowserTest {

    private static final String NOTHING_CLEAR = "noticed-8";

    @Test
    void keyboardOnlyJourneyThroughEveryQuestion() throws IOException {
        WebDriver page = freshStart(browser());
        journey(page, true);
    }

    @Test
    void theSameJourneyWithJavaScriptSwitchedOff() throws IOException {
        WebDriver page = freshStart(browserWithoutJavaScript());
        assertThat(page.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
        journey(page, false);
    }

    @Test
    void immediateDangerByKeyboardReachesCall999AndCanCarryOn() throws IOException {
        WebDriver page = freshStart(browser());
        page.get(url("/check/danger"));
        reached(page, "/check/danger");

        tabTo(page, id("danger"), "Yes");
        press(page, Keys.SPACE);
        tabTo(page, button("Continue"), "Continue");
        press(page, Keys.ENTER);

        reached(page, "/check/call-999");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Call 999 now");
        assertThat(page.findElement(By.tagName("main")).getText()).contains("press 55");
        screenshot(page, "check-call-999");
        tabTo(page, text("Carry on with the check"), "the carry on button");
        press(page, Keys.SPACE); // GOV.UK Frontend makes a link styled as a button answer Space, as a button does
        reached(page, "/check/who");
    }

    private void journey(WebDriver page, boolean javaScript) throws IOException {
        String suffix = javaScript ? "" : "-no-js";
        tabTo(page, text("Start now"), "the start button");
        press(page, Keys.ENTER);
        reached(page, "/check/danger");

        // Continue without an answer: the error summary, then its link, lead back to the question.
        tabTo(page, button("Continue"), "Continue");
        press(page, Keys.ENTER);
        String focused = errorShown(page, "Select if anyone is in immediate danger right now");
        screenshot(page, "check-danger-error" + suffix);
        if (javaScript) {
            assertThat(focused).as("GOV.UK Frontend moves focus to the error summary").contains("govuk-error-summary");
            tabTo(page, text("Select if anyone is in immediate danger right now"), "the error summary link");
            press(page, Keys.ENTER);
            assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("danger");
        } else {
            tabTo(page, id("danger"), "the first answer");
        }
        press(page, Keys.ARROW_DOWN);
        assertThat(selected(page, "danger")).containsExactly("no");
        tabTo(page, button("Continue"), "Continue");
        press(page, Keys.ENTER);

        reached(page, "/check/who");
        tabTo(page, id("who"), "Someone in my family");
        press(page, Keys.SPACE);
        assertThat(selected(page, "who")).containsExactly("family");
        tabTo(page, button("Continue"), "Continue");
        press(page, Keys.ENTER);

        reached(page, "/check/noticed");
        tabTo(page, id("noticed-2"), "extremist content");
        press(page, Keys.SPACE);
        tabTo(page, id("noticed-4"), "pulling away");
        press(page, Keys.SPACE);
        tabTo(page, id(NOTHING_CLEAR), "nothing clear");
        press(page, Keys.SPACE);
        if (javaScript) {
            assertThat(selected(page, "noticed")).as("'nothing clear' unticks the others").containsExactly("nothing-clear");
            shiftTabTo(page, id("noticed-4"), "pulling away");
            press(page, Keys.SPACE);
            shiftTabTo(page, id("noticed-2"), "extremist content");
            press(page, Keys.SPACE);
            assertThat(selected(page, "noticed")).containsExactly("extremist-content", "pulling-away");
            tabTo(page, button("Continue"), "Continue");
            press(page, Keys.ENTER);
        } else {
            tabTo(page, button("Continue"), "Continue");
            press(page, Keys.ENTER);
            errorShown(page, "Select what you have noticed, or select only 'Nothing clear, I just feel worried'");
            assertThat(selected(page, "noticed")).as("the ticks are kept")
                    .containsExactly("extremist-content", "pulling-away", "nothing-clear");
            tabTo(page, id(NOTHING_CLEAR), "nothing clear");
            press(page, Keys.SPACE);
            tabTo(page, button("Continue"), "Continue");
            press(page, Keys.ENTER);
        }

        reached(page, "/check/how-long");
        tabTo(page, id("howLong"), "A few days");
        press(page, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(selected(page, "howLong")).containsExactly("months");
        tabTo(page, button("Continue"), "Continue");
        press(page, Keys.ENTER);

        reached(page, "/check/result");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("What you can do next");
        assertThat(page.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList())
                .containsExactly("Talk to someone", "Get advice", "Share a concern");
        screenshot(page, "check-result" + suffix);

        // Back keeps the answer.
        tabTo(page, text("Back"), "the back link");
        press(page, Keys.ENTER);
        reached(page, "/check/how-long");
        assertThat(selected(page, "howLong")).containsExactly("months");
        tabTo(page, button("Continue"), "Continue");
        press(page, Keys.ENTER);
        reached(page, "/check/result");

        tabTo(page, button("Start again"), "Start again");
        press(page, Keys.ENTER);
        reached(page, "/check/danger");
        assertThat(selected(page, "danger")).as("start again forgets the answers").isEmpty();
    }

    /** The start page with no answers from an earlier test: cookies go before any form is loaded. */
    private WebDriver freshStart(WebDriver page) {
        page.get(url("/check"));
        page.manage().deleteAllCookies();
        page.get(url("/check"));
        reached(page, "/check");
        return page;
    }

    /** Waits for {@code path}, then checks the page with axe and for browser errors. */
    private static void reached(WebDriver page, String path) {
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().replaceFirst("^https?://[^/]+", "")
                .equals(path) && d.findElements(By.cssSelector("footer")).size() == 1);
        checkPage(page, path);
    }

    /**
     * Waits for the page with the error summary and returns the class of what has focus once GOV.UK
     * Frontend (if it runs) has started, before axe looks at the page.
     */
    private static String errorShown(WebDriver page, String message) {
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> d.getTitle().startsWith("Error:")
                && d.findElements(By.cssSelector("footer")).size() == 1
                && (!javaScriptRuns(d) || !d.findElements(By.cssSelector("[data-govuk-error-summary-init]")).isEmpty()));
        String focused = String.valueOf(page.switchTo().activeElement().getAttribute("class"));
        assertThat(page.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .map(WebElement::getText).toList()).containsExactly(message);
        checkPage(page, "/check");
        return focused;
    }

    /** axe-core needs JavaScript: with it off, the same pages have already passed axe in the other run. */
    private static void checkPage(WebDriver page, String path) {
        if (javaScriptRuns(page)) {
            assertAccessible(page);
        }
        assertNoBrowserErrors(page, path);
    }

    private static boolean javaScriptRuns(WebDriver page) {
        return String.valueOf(page.findElement(By.tagName("body")).getAttribute("class")).contains("js-enabled");
    }

    private static List<String> selected(WebDriver page, String name) {
        return page.findElements(By.name(name)).stream().filter(WebElement::isSelected)
                .map(e -> e.getAttribute("value")).toList();
    }

    private static void press(WebDriver page, CharSequence... keys) {
        new Actions(page).sendKeys(keys).perform();
    }

    private static WebElement tabTo(WebDriver page, Predicate<WebElement> wanted, String what) {
        return moveTo(page, Keys.TAB, wanted, what);
    }

    private static WebElement shiftTabTo(WebDriver page, Predicate<WebElement> wanted, String what) {
        return moveTo(page, Keys.chord(Keys.SHIFT, Keys.TAB), wanted, what);
    }

    private static WebElement moveTo(WebDriver page, CharSequence key, Predicate<WebElement> wanted, String what) {
        for (int i = 0; i < 80; i++) {
            press(page, key);
            WebElement active = page.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
        }
        return fail("The keyboard never reached " + what + " on " + page.getCurrentUrl());
    }

    private static Predicate<WebElement> id(String id) {
        return e -> id.equals(e.getAttribute("id"));
    }

    private static Predicate<WebElement> text(String text) {
        return e -> text.equals(e.getText().trim());
    }

    private static Predicate<WebElement> button(String text) {
        return e -> "button".equals(e.getTagName()) && text.equals(e.getText().trim());
    }
}
