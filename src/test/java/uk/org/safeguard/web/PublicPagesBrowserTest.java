package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.context.annotation.Import;

import uk.org.safeguard.support.BrowserTest;
import uk.org.safeguard.support.TestPages;

/** Every page served so far, in real Chromium: accessible (axe), styled, and usable without JavaScript. */
@Import(TestPages.class)
class PublicPagesBrowserTest extends BrowserTest {

    @Test
    void startPage() throws Exception {
        WebDriver page = visit("/");
        assertThat(page.getTitle()).isEqualTo("Worried someone is being drawn into extremism? – Safeguard");
        assertThat(page.findElement(By.tagName("body")).getAttribute("class"))
                .as("GOV.UK Frontend's JavaScript initialised").contains("govuk-frontend-supported");
        assertThat(page.findElement(By.tagName("h1")).getCssValue("font-family"))
                .as("styles load, without the GOV.UK-only typeface").startsWith("arial");
        screenshot(page, "start");
    }

    @Test
    void footerPages() throws Exception {
        WebDriver page = visit("/");
        clickToLoad(page, By.linkText("Cookies"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Cookies");
        assertThat(page.findElements(By.cssSelector("table.govuk-table tbody tr"))).hasSize(4);
        visit("/cookies");
        screenshot(page, "cookies");
        assertThat(visit("/your-data").findElement(By.tagName("h1")).getText())
                .isEqualTo("Privacy notice: what happens to your information");
        assertThat(visit("/accessibility").findElement(By.tagName("h1")).getText())
                .isEqualTo("Accessibility statement for Safeguard");
    }

    @Test
    void skipLinkIsTheFirstThingAKeyboardReaches() {
        WebDriver page = visit("/");
        page.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(page.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        page.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(page.getCurrentUrl()).endsWith("#main-content");
    }

    @Test
    void errorPages() throws Exception {
        WebDriver notFound = visit("/no-such-page");
        assertThat(notFound.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        screenshot(notFound, "not-found");
        WebDriver serverError = visit("/test/boom");
        assertThat(serverError.findElement(By.tagName("h1")).getText())
                .isEqualTo("Sorry, there is a problem with the service");
        WebDriver unavailable = visit("/test/database-down");
        assertThat(unavailable.findElement(By.tagName("h1")).getText()).isEqualTo("Sorry, the service is unavailable");
    }

    @Test
    void pagesWorkWithJavaScriptSwitchedOff() {
        WebDriver page = browserWithoutJavaScript();
        page.get(url("/"));
        assertThat(page.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
        assertThat(page.findElement(By.tagName("h1")).isDisplayed()).isTrue();
        assertThat(page.findElement(By.cssSelector(".govuk-service-navigation__list")).isDisplayed())
                .as("the navigation is open, not hidden behind a menu button that needs JavaScript").isTrue();
        page.findElement(By.linkText("Accessibility statement")).isDisplayed();
        page.get(url("/no-such-page"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    }
}
