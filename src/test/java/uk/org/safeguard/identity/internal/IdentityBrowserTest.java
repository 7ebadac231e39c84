package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import uk.org.safeguard.identity.OrganisationType;
import uk.org.safeguard.identity.Role;
import uk.org.safeguard.support.BrowserTest;

/** Signing in for the first time, in Chromium, with axe-core on every page. */
class IdentityBrowserTest extends BrowserTest {

    @Autowired
    AccountAdministration administration;

    @Autowired
    Totp totp;

    @Autowired
    IdentityClock clock;

    @Test
    void firstSignInFromPasswordToStaffHome() throws Exception {
        String email = "browser-" + System.nanoTime() + "@example.org";
        AccountAdministration.Created created = administration.create(new AccountAdministration.NewAccount(email,
                "Bea Browser", Set.of(Role.BOROUGH_LEAD), List.of("E09000030"), "Browser test team",
                OrganisationType.BOROUGH_COUNCIL), "test");
        String secret = created.otpauthUri().replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1");

        WebDriver page = visit("/sign-in");
        assertThat(page.getTitle()).isEqualTo("Sign in to Safeguard – Safeguard");
        submit(page);
        check(page, "sign-in-errors");
        assertThat(page.getTitle()).startsWith("Error:");
        assertThat(errorLinks(page)).containsExactly("Enter your email address", "Enter your password");

        page.findElement(By.id("email")).sendKeys(email);
        page.findElement(By.id("password")).sendKeys("not the password");
        submit(page);
        check(page, "sign-in-refused");
        assertThat(errorLinks(page)).containsExactly("Enter a correct email address and password");

        page.findElement(By.id("password")).sendKeys(created.initialPassword());
        submit(page);
        check(page, "set-up-two-factor");
        assertThat(page.getCurrentUrl()).endsWith("/sign-in/set-up-two-factor");
        WebElement qr = page.findElement(By.cssSelector("img.app-qr-code"));
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) page)
                .executeScript("return arguments[0].naturalWidth", qr)).intValue()).as("the QR code loads").isPositive();

        page.findElement(By.id("code")).sendKeys("123");
        submit(page);
        check(page, "set-up-two-factor-error");
        page.findElement(By.id("code")).sendKeys(totp.codeAt(secret, clock.now()));
        submit(page);
        check(page, "recovery-codes");
        assertThat(page.findElements(By.cssSelector(".app-recovery-codes code"))).hasSize(10);

        clickToLoad(page, By.linkText("I have saved my recovery codes"));
        check(page, "change-password");
        assertThat(page.getCurrentUrl()).endsWith("/staff/account/password");
        page.findElement(By.id("current")).sendKeys(created.initialPassword());
        page.findElement(By.id("password")).sendKeys("short");
        submit(page);
        check(page, "change-password-error");
        page.findElement(By.id("current")).sendKeys(created.initialPassword());
        page.findElement(By.id("password")).sendKeys("bea chooses a long phrase");
        submit(page);
        check(page, "staff-home");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Signed in as Bea Browser");
        assertThat(page.findElement(By.cssSelector(".govuk-summary-list")).getText())
                .contains("Borough lead", "Browser test team", "Tower Hamlets");

        clickToLoad(page, By.id("sign-out"));
        check(page, "signed-out");
        assertThat(page.getCurrentUrl()).endsWith("/sign-in?signedOut");
        assertThat(page.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("You have signed out.");
    }

    @Test
    void forgottenPasswordPages() {
        WebDriver page = visit("/sign-in/forgot-password");
        submit(page);
        check(page, "forgot-password-error");
        page.findElement(By.id("email")).sendKeys("someone@example.org");
        submit(page);
        check(page, "forgot-password-sent");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");
        visit("/sign-in/reset-password/not-a-real-token");
        assertThat(browser().findElement(By.tagName("h1")).getText())
                .isEqualTo("This link has expired or has already been used");
    }

    private static void submit(WebDriver page) {
        clickToLoad(page, By.cssSelector("main form button[type=submit]"));
    }

    private static List<String> errorLinks(WebDriver page) {
        return page.findElements(By.cssSelector(".govuk-error-summary__list a")).stream().map(WebElement::getText).toList();
    }

    private static void check(WebDriver page, String name) throws RuntimeException {
        assertAccessible(page);
        assertNoBrowserErrors(page, "/");
        try {
            screenshot(page, "identity-" + name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
