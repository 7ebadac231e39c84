package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import uk.org.safeguard.identity.internal.IdentityClock;
import uk.org.safeguard.support.BrowserTest;

/**
 * The programme team translating a page and changing a borough contact in Chromium: sign in with the TOTP
 * code, edit, preview, fix an error, save a draft, publish, look at the version, with axe-core on every
 * page and a screenshot of each under target/screenshots.
 */
class ContentAdminBrowserTest extends BrowserTest {

    @Autowired
    IdentityClock clock;

    @Autowired
    ContentVersions versions;

    @Autowired
    ContentSeeds seeds;

    @Autowired
    BoroughContacts contacts;

    @Autowired
    uk.org.safeguard.geography.Boroughs boroughs;

    @Autowired
    PageContents contents;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void translateAPageAndPublishIt() {
        Untranslated.remove(jdbc, contents, GuidancePage.WHAT_HAPPENS_NEXT, "pl");
        try {
            translateAndPublish();
        } finally {
            Untranslated.restore(jdbc, contents, seeds, GuidancePage.WHAT_HAPPENS_NEXT, "pl");
            DemoContact.restore(versions, contacts, boroughs, "E09000001");
        }
    }

    private void translateAndPublish() {
        WebDriver page = signIn();

        page = visit("/staff/content");
        check(page, "overview");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Public content");
        clickToLoad(page, By.cssSelector("a[href='/staff/content/pages/what-happens-next/pl']"));
        check(page, "edit-new-translation");
        assertThat(page.findElement(By.cssSelector(".govuk-inset-text")).getText()).contains("There is no Polish text");
        String englishTitle = page.findElement(By.id("title")).getAttribute("value");
        assertThat(englishTitle).isNotBlank();

        String title = "Co dzieje się dalej " + System.nanoTime();
        replace(page, "title", title);
        replace(page, "body", "## Pierwszy krok\n\nZespół *skontaktuje się* z Tobą. <b>nie pogrubione</b>\n\n> Ważne");
        clickToLoad(page, By.id("preview-button"));
        check(page, "preview");
        WebElement preview = page.findElement(By.id("preview-content"));
        assertThat(preview.getAttribute("lang")).isEqualTo("pl");
        assertThat(preview.findElement(By.tagName("h2")).getText()).isEqualTo(title);
        assertThat(preview.findElements(By.tagName("h2")).get(1).getText()).isEqualTo("Pierwszy krok");
        assertThat(preview.findElement(By.cssSelector("em")).getText()).isEqualTo("skontaktuje się");
        assertThat(preview.findElement(By.cssSelector(".govuk-inset-text")).getText()).isEqualTo("Ważne");
        assertThat(preview.getText()).contains("<b>nie pogrubione</b>");
        assertThat(preview.findElements(By.tagName("b"))).isEmpty();

        clickToLoad(page, By.id("save"));
        check(page, "save-without-note");
        assertThat(page.getTitle()).startsWith("Error:");
        assertThat(texts(page.findElements(By.cssSelector(".govuk-error-summary a"))))
                .containsExactly("Enter a change note");
        assertThat(page.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);

        int draft = versions.history(ContentKind.PAGE, "what-happens-next", "pl").size() + 1;
        page.findElement(By.id("note")).sendKeys("First Polish translation");
        clickToLoad(page, By.id("save"));
        check(page, "draft-saved");
        assertThat(page.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                .contains("Draft version " + draft + " saved");
        assertThat(versions.latest(ContentKind.PAGE, "what-happens-next", "pl").orElseThrow().published()).isFalse();

        clickToLoad(page, By.cssSelector("table a[href$='/what-happens-next/pl/versions/" + draft + "']"));
        check(page, "version");
        assertThat(page.findElement(By.id("source")).getText()).contains("## Pierwszy krok", "<b>nie pogrubione</b>");
        clickToLoad(page, By.cssSelector(".govuk-back-link"));

        clickToLoad(page, By.id("publish-draft"));
        check(page, "published");
        assertThat(page.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                .contains("Version " + draft + " published");
        assertThat(page.findElement(By.cssSelector("table tbody tr")).getText()).contains("Published", "First Polish translation");

        page = visit("/what-happens-next?lang=pl");
        shot(page, "public-page");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(page.findElements(By.cssSelector("main b"))).isEmpty();

        page = visit("/staff/content/contacts");
        check(page, "contacts");
        assertThat(page.findElements(By.cssSelector("table tbody tr"))).hasSize(33);
        clickToLoad(page, By.cssSelector("a[href='/staff/content/contacts/E09000001']"));
        check(page, "contact-edit");
        replace(page, "team", "City of London safeguarding team");
        replace(page, "phone", "020 7946 00");
        replace(page, "website", "http://example.org");
        clickToLoad(page, By.id("preview-button"));
        check(page, "contact-errors");
        assertThat(texts(page.findElements(By.cssSelector(".govuk-error-summary a"))))
                .containsExactly("Enter a UK phone number, like 020 7946 0000, using digits and spaces (10 to 13 digits)",
                        "Enter a website address starting with https://, like https://www.example.org");
        replace(page, "phone", "020 7946 0002");
        replace(page, "website", "https://www.example.org");
        if (!page.findElement(By.id("example")).isSelected()) {
            page.findElement(By.cssSelector("label[for='example']")).click();
        }
        clickToLoad(page, By.id("preview-button"));
        check(page, "contact-preview");
        assertThat(page.findElement(By.id("preview-content")).getText()).contains("This is an example, not a verified contact",
                "City of London safeguarding team", "020 7946 0002");
        page.findElement(By.id("note")).sendKeys("Example contact for the demo");
        clickToLoad(page, By.id("save"));
        check(page, "contact-saved");
        clickToLoad(page, By.id("publish-draft"));
        check(page, "contact-published");
        assertThat(page.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                .contains("published");
    }

    private WebDriver signIn() {
        WebDriver page = visit("/sign-in");
        page.findElement(By.id("email")).sendKeys(DemoSignIn.PROGRAMME);
        page.findElement(By.id("password")).sendKeys(DemoSignIn.PASSWORD);
        submit(page);
        assertThat(page.getCurrentUrl()).endsWith("/sign-in/two-factor");
        check(page, "two-factor");
        boolean signedIn = DemoSignIn.withCodes(clock::now, code -> {
            replace(page, "code", code);
            submit(page);
            return page.getCurrentUrl().endsWith("/staff");
        });
        assertThat(signedIn).as("signed in with a TOTP code").isTrue();
        return page;
    }

    private static void replace(WebDriver page, String id, String text) {
        WebElement field = page.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void submit(WebDriver page) {
        clickToLoad(page, By.cssSelector("main form button[type=submit]"));
    }

    private static void check(WebDriver page, String name) {
        assertAccessible(page);
        assertNoBrowserErrors(page, "/");
        shot(page, name);
    }

    private static void shot(WebDriver page, String name) {
        try {
            BrowserTest.screenshot(page, "content-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
