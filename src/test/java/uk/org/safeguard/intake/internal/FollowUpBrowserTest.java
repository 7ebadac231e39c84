package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.identity.internal.SignedInStaff;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.support.BrowserTest;

/**
 * The follow-up and the staff intake pages in Chromium, with axe on every page: a reporter opens their
 * submission with a real reference and code and sends a message; a borough lead reads it in the queue,
 * on the submission page, and sees the city-wide queue and the refusal page; and the follow-up works with
 * JavaScript switched off.
 */
class FollowUpBrowserTest extends BrowserTest {

    static final String TOWER_HAMLETS = "E09000030";
    static final String NEWHAM = "E09000025";
    static final String EXACT = "مرحبا 👩🏽‍💻 e\u0301";

    @Autowired
    Submissions submissions;

    @Autowired
    FollowUpAddressLimit addresses;

    @Autowired
    ApplicationContext context;

    record Details(String name, String noticed, List<String> platforms) {
    }

    @Test
    void aReporterFollowsUpAndSendsAMessageAndStaffReadItOnAccessiblePages() throws Exception {
        addresses.clear();
        Receipt receipt = submit(TOWER_HAMLETS);
        Receipt cityWide = submit(null);
        Receipt elsewhere = submit(NEWHAM);

        WebDriver page = visit("/follow-up");
        type(page, "reference", receipt.reference());
        type(page, "code", "2222-2222-2222-2222-2222");
        click(page, "form[action='/follow-up'] button");
        assertThat(page.getTitle()).startsWith("Error: ");
        assertAccessible(page);
        assertThat(page.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("The reference and follow-up code do not match");

        type(page, "code", receipt.followUpCode());
        click(page, "form[action='/follow-up'] button");
        assertThat(page.getCurrentUrl()).isEqualTo(url("/follow-up/submission"));
        assertAccessible(page);
        assertNoBrowserErrors(page, "/follow-up/submission");

        click(page, "form[action='/follow-up/message'] button");
        assertThat(page.getTitle()).startsWith("Error: ");
        assertAccessible(page);

        // ChromeDriver types only the Basic Multilingual Plane: the emoji goes in as a paste would.
        WebElement message = page.findElement(By.id("message"));
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];", message, EXACT);
        click(page, "form[action='/follow-up/message'] button");
        assertThat(page.getCurrentUrl()).isEqualTo(url("/follow-up/submission?sent"));
        assertAccessible(page);
        assertThat(page.findElement(By.cssSelector("main p[dir=auto]")).getText()).isEqualTo(EXACT);
        page.findElement(By.cssSelector("main details summary")).click();
        assertThat(page.findElement(By.cssSelector("main details")).getText())
                .contains("Closed: nothing more is needed from us");
        screenshot(page, "follow-up-submission");

        click(page, "form[action='/follow-up/close'] button");
        assertThat(page.getCurrentUrl()).isEqualTo(url("/follow-up?closed"));
        assertAccessible(page);

        page = visit("/sign-in");
        type(page, "email", SignedInStaff.create(context, Role.BOROUGH_LEAD));
        type(page, "password", SignedInStaff.PASSWORD);
        click(page, "main form button");
        type(page, "code", SignedInStaff.currentCode(context));
        click(page, "main form button");
        assertThat(page.getCurrentUrl()).endsWith("/staff");

        // Other tests share the queue: read every page of it (urgent first, then oldest, 50 a page).
        page = visit("/staff/intake");
        StringBuilder queue = new StringBuilder(page.findElement(By.cssSelector("main table")).getText());
        for (int n = 2; n <= 20 && !page.findElements(By.cssSelector(".govuk-pagination__next a")).isEmpty(); n++) {
            page = visit("/staff/intake?page=" + n);
            queue.append('\n').append(page.findElement(By.cssSelector("main table")).getText());
        }
        assertThat(queue.toString()).contains(receipt.reference())
                .contains(cityWide.reference()).contains("City-wide triage").doesNotContain(elsewhere.reference());
        page = visit("/staff/intake/" + receipt.reference());
        assertThat(page.findElement(By.cssSelector("main p[dir=auto]")).getText()).isEqualTo(EXACT);
        screenshot(page, "staff-intake-submission");

        click(page, "form[action$='/reply'] button");
        assertThat(page.getTitle()).startsWith("Error: ");
        assertAccessible(page);

        visit("/staff/intake/" + cityWide.reference());
        assertThat(page.findElements(By.id("borough"))).hasSize(1);
        visit("/staff/intake/" + elsewhere.reference());
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot see this submission");
    }

    @Test
    void theFollowUpWorksWithoutJavaScript() {
        addresses.clear();
        Receipt receipt = submit(TOWER_HAMLETS);
        WebDriver page = browserWithoutJavaScript();
        page.get(url("/follow-up"));
        assertThat(page.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
        type(page, "reference", receipt.reference().toLowerCase());
        type(page, "code", receipt.followUpCode());
        click(page, "form[action='/follow-up'] button");
        assertThat(page.getCurrentUrl()).isEqualTo(url("/follow-up/submission"));
        type(page, "message", "Sent without JavaScript, مرحبا");
        click(page, "form[action='/follow-up/message'] button");
        assertThat(page.findElement(By.cssSelector("main p[dir=auto]")).getText())
                .isEqualTo("Sent without JavaScript, مرحبا");
        click(page, "form[action='/follow-up/close'] button");
        assertThat(page.getCurrentUrl()).isEqualTo(url("/follow-up?closed"));
    }

    private Receipt submit(String borough) {
        return submissions.submit(new NewSubmission(SubmissionKind.CONCERN, Channel.PUBLIC, borough, false, true, "en",
                new Details("Avery Test-Person", "Posting <b>flags</b>", List.of("TikTok")), null, false, true));
    }

    private static void type(WebDriver page, String id, String text) {
        WebElement field = page.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void click(WebDriver page, String css) {
        clickToLoad(page, By.cssSelector(css));
    }
}
