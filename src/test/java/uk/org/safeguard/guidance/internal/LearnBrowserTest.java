package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.identity.internal.SignedInStaff;
import uk.org.safeguard.support.BrowserTest;

/** A learning module in Chromium with axe-core on every page, the same without JavaScript, and the staff report. */
class LearnBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aWholeModuleIsAccessibleOnEveryPage() throws Exception {
        WebDriver page = visit("/learn");
        screenshot(page, "learn-index");
        clickToLoad(page, By.linkText("Starting a conversation with someone you are worried about"));
        checked(page, "/learn/starting-a-conversation");
        assertThat(page.findElement(By.tagName("h1")).getText()).startsWith("Before you start: how confident");

        submit(page);
        checked(page, "/learn/starting-a-conversation");
        assertThat(page.getTitle()).startsWith("Error:");
        page.findElement(By.cssSelector(".govuk-error-summary a")).click();
        assertThat(page.switchTo().activeElement().getAttribute("id")).as("the error summary link goes to the first radio")
                .isEqualTo("confidence");
        screenshot(page, "learn-confidence-error");
        choose(page, "confidence-2");
        submit(page);

        checked(page, "/learn/starting-a-conversation/read");
        assertThat(page.findElement(By.tagName("h1")).getText())
                .isEqualTo("Starting a conversation with someone you are worried about");
        screenshot(page, "learn-read");
        clickToLoad(page, By.id("continue"));

        checked(page, "/learn/starting-a-conversation/quiz");
        choose(page, "q1-2");
        submit(page);
        checked(page, "/learn/starting-a-conversation/quiz");
        assertThat(page.findElements(By.cssSelector(".govuk-error-summary a"))).hasSize(2);
        assertThat(page.findElement(By.id("q1-2")).isSelected()).as("the answer given is kept").isTrue();
        choose(page, "q2");
        choose(page, "q3-2");
        screenshot(page, "learn-quiz");
        submit(page);

        checked(page, "/learn/starting-a-conversation/after");
        choose(page, "confidence-4");
        submit(page);

        checked(page, "/learn/starting-a-conversation/done");
        assertThat(page.findElement(By.cssSelector(".govuk-panel__body")).getText())
                .isEqualTo("You got 2 out of 3 questions right");
        screenshot(page, "learn-done");
    }

    @Test
    void aWholeModuleWorksWithJavaScriptSwitchedOff() {
        WebDriver page = browserWithoutJavaScript();
        page.get(url("/learn"));
        clickToLoad(page, By.linkText("Online radicalisation and what to do about content"));
        choose(page, "confidence-3");
        submit(page);
        assertThat(page.getCurrentUrl()).endsWith("/learn/online-radicalisation/read");
        assertThat(page.findElement(By.linkText("gov.uk/ACT")).getAttribute("href")).isEqualTo("https://www.gov.uk/ACT");
        clickToLoad(page, By.id("continue"));
        choose(page, "q1-3");
        choose(page, "q2");
        choose(page, "q3-2");
        submit(page);
        clickToLoad(page, By.cssSelector(".govuk-back-link"));
        assertThat(page.findElement(By.id("q1-3")).isSelected()).as("Back keeps the answers").isTrue();
        submit(page);
        choose(page, "confidence-5");
        submit(page);
        assertThat(page.getCurrentUrl()).endsWith("/learn/online-radicalisation/done");
        assertThat(page.findElement(By.cssSelector(".govuk-panel__body")).getText())
                .isEqualTo("You got 3 out of 3 questions right");
    }

    @Test
    void theStaffReportIsAccessible() throws Exception {
        String email = SignedInStaff.create(context, Role.ANALYST);
        WebDriver page = visit("/sign-in");
        page.findElement(By.id("email")).sendKeys(email);
        page.findElement(By.id("password")).sendKeys(SignedInStaff.PASSWORD);
        submit(page);
        page.findElement(By.id("code")).sendKeys(SignedInStaff.currentCode(context));
        submit(page);
        assertThat(page.getCurrentUrl()).endsWith("/staff");

        visit("/staff/learning");
        assertThat(page.findElements(By.cssSelector(".govuk-table__body .govuk-table__row"))).hasSize(4);
        screenshot(page, "learn-staff-report");
        visit("/staff/learning?from-day=31&from-month=2&from-year=2026&to-day=1");
        assertThat(page.findElements(By.cssSelector(".govuk-error-summary__list a"))).hasSize(2);
    }

    private static void checked(WebDriver page, String path) {
        assertThat(page.getCurrentUrl()).endsWith(path);
        assertAccessible(page);
        assertNoBrowserErrors(page, path);
    }

    private static void choose(WebDriver page, String radioId) {
        page.findElement(By.cssSelector("label[for='" + radioId + "']")).click();
    }

    /** Sends the form and waits for the next page, so that no element of the old page is used after it. */
    private static void submit(WebDriver page) {
        clickToLoad(page, By.cssSelector("main form button[type=submit]"));
    }
}
