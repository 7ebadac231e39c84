package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.org.safeguard.support.BrowserTest;

/** "Find help near you" in Chromium: by keyboard alone, without JavaScript, and axe-core on every page. */
class HelpBrowserTest extends BrowserTest {

    /** More than every link of the header (skip link, navigation, 15 languages) and the page before the form. */
    private static final int MAX_TABS = 80;

    @Test
    void byKeyboardAloneFromAPostcodeToTheBoroughPage() throws IOException {
        WebDriver page = visit("/help");
        screenshot(page, "help-form");

        tabTo(page, isId("postcode"));
        keys(page, Keys.ENTER);
        waitForUrl(page, "/help?postcode=");
        new WebDriverWait(page, Duration.ofSeconds(5)).withMessage("GOV.UK Frontend moves focus to the error summary")
                .until(d -> String.valueOf(d.switchTo().activeElement().getAttribute("class")).contains("govuk-error-summary"));
        assertAccessible(page);
        assertThat(page.findElements(By.cssSelector(".govuk-error-summary__list a")).stream().map(WebElement::getText))
                .containsExactly("Enter a postcode");
        screenshot(page, "help-form-error");

        tabTo(page, isId("postcode"));
        keys(page, "e1 6aa", Keys.ENTER);
        waitForUrl(page, "/help/tower-hamlets");
        assertAccessible(page);
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Help in Tower Hamlets");
        assertThat(page.findElement(By.cssSelector("#borough-contact .govuk-tag")).getText())
                .isEqualTo("Example contact: not a real number");
        screenshot(page, "help-borough");

        tabTo(page, isLink("Change borough"));
        keys(page, Keys.ENTER);
        waitForUrl(page, "/help");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Find help near you");
    }

    @Test
    void byKeyboardAloneFromADistrictThatSpansBoroughs() throws IOException {
        WebDriver page = visit("/help");
        tabTo(page, isId("postcode"));
        keys(page, "SE1", Keys.ENTER);
        waitForUrl(page, "/help?postcode=SE1");
        assertAccessible(page);
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Choose your borough");
        screenshot(page, "help-choose");

        tabTo(page, isLink("Lambeth"));
        keys(page, Keys.ENTER);
        waitForUrl(page, "/help/lambeth");
        assertAccessible(page);
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Help in Lambeth");
    }

    @Test
    void byKeyboardAloneFromTheListOfBoroughs() {
        WebDriver page = visit("/help");
        tabTo(page, isLink("Kingston upon Thames"));
        keys(page, Keys.ENTER);
        waitForUrl(page, "/help/kingston-upon-thames");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Help in Kingston upon Thames");
    }

    @Test
    void everyKindOfAnswerIsAccessible() throws IOException {
        screenshot(visit("/help?postcode=EN5"), "help-partly-outside-london");
        screenshot(visit("/help?postcode=m1+1ae"), "help-not-in-london");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("This postcode is not in London");
        screenshot(visit("/help?postcode=e1+6zz"), "help-unknown-postcode");
        screenshot(visit("/help?postcode=not+a+postcode"), "help-invalid");
        assertThat(browser().findElement(By.id("postcode")).getAttribute("value")).isEqualTo("not a postcode");
        screenshot(visit("/help/city-of-london"), "help-city-of-london");
        visit("/help/atlantis");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    }

    @Test
    void theBoroughsSitInColumnsOnAWideScreen() {
        WebDriver page = visit("/help");
        assertThat(page.findElement(By.cssSelector(".app-borough-list")).getCssValue("column-width"))
                .as("the stylesheet lays the list out in columns").isNotEqualTo("auto");
        int firstTop = page.findElement(By.linkText("Barking and Dagenham")).getLocation().getY();
        int lastTop = page.findElement(By.linkText("Westminster")).getLocation().getY();
        assertThat(lastTop - firstTop).as("33 boroughs in several columns, not one long column").isLessThan(33 * 20);
    }

    @Test
    void worksWithJavaScriptSwitchedOff() throws IOException {
        WebDriver page = browserWithoutJavaScript();
        page.get(url("/help"));
        assertThat(page.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("govuk-frontend-supported");

        page.findElement(By.id("postcode")).sendKeys("qq", Keys.ENTER);
        waitForUrl(page, "/help?postcode=qq");
        assertThat(page.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter a real postcode, like E1 6AN, or the first part, like E1");
        WebElement input = page.findElement(By.id("postcode"));
        assertThat(input.getAttribute("value")).isEqualTo("qq");
        screenshot(page, "help-no-js-error");

        input.clear();
        input.sendKeys("SW1A 1AA", Keys.ENTER);
        waitForUrl(page, "/help/westminster");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Help in Westminster");

        page.get(url("/help?postcode=SE1"));
        clickToLoad(page, By.linkText("Southwark"));
        waitForUrl(page, "/help/southwark");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Help in Southwark");
        screenshot(page, "help-no-js-borough");
    }

    /** Presses Tab until the focused element matches, failing after {@link #MAX_TABS}. */
    private static void tabTo(WebDriver page, Predicate<WebElement> wanted) {
        for (int i = 0; i < MAX_TABS; i++) {
            keys(page, Keys.TAB);
            if (wanted.test(page.switchTo().activeElement())) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the element on " + page.getCurrentUrl());
    }

    private static void keys(WebDriver page, CharSequence... keys) {
        new Actions(page).sendKeys(keys).perform();
    }

    private static Predicate<WebElement> isId(String id) {
        return element -> id.equals(element.getAttribute("id"));
    }

    private static Predicate<WebElement> isLink(String text) {
        return element -> "a".equals(element.getTagName()) && text.equals(element.getText());
    }

    private void waitForUrl(WebDriver page, String pathAndQuery) {
        new WebDriverWait(page, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url(pathAndQuery)));
    }
}
