package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.identity.Role;
import uk.org.safeguard.support.BrowserTest;

/** The audit trail search in Chromium, with axe-core on each page: results, pages of results, and errors. */
class AuditSearchBrowserTest extends BrowserTest {

    @Autowired
    AccountAdministration administration;

    @Autowired
    Totp totp;

    @Autowired
    IdentityClock clock;

    @Autowired
    AuditTrail trail;

    @Test
    void oversightSearchesTheTrail() throws Exception {
        String record = "SG-B" + UUID.randomUUID();
        for (int i = 1; i <= 51; i++) {
            trail.record(AuditEvent.of("account:1", "case.viewed", "case", record).withReason("view " + i));
        }
        TestStaff staff = new TestStaff(administration, totp, clock);
        TestStaff.Member member = staff.create(Role.OVERSIGHT);

        WebDriver page = visit("/sign-in");
        page.findElement(By.id("email")).sendKeys(member.email());
        page.findElement(By.id("password")).sendKeys(TestStaff.PASSWORD);
        submit(page);
        page.findElement(By.id("code")).sendKeys(staff.currentCode());
        submit(page);
        assertThat(page.getCurrentUrl()).endsWith("/staff");

        visit("/staff");
        clickToLoad(page, By.linkText("Search the audit trail"));
        assertAccessible(page);
        page.findElement(By.id("recordType")).sendKeys("case");
        page.findElement(By.id("recordId")).sendKeys(record);
        submit(page);
        assertAccessible(page);
        assertNoBrowserErrors(page, "/staff/audit");
        screenshot(page, "audit-search-results");
        assertThat(page.findElement(By.id("total")).getText()).startsWith("51 entries match");
        assertThat(page.findElements(By.cssSelector(".govuk-table__body .govuk-table__row"))).hasSize(50);

        clickToLoad(page, By.cssSelector(".govuk-pagination__next a"));
        assertAccessible(page);
        assertThat(page.findElements(By.cssSelector(".govuk-table__body .govuk-table__row"))).hasSize(1);
        assertThat(page.findElement(By.id("recordId")).getAttribute("value")).isEqualTo(record);

        visit("/staff/audit?recordType=case&recordId=" + record + "&from-day=40&from-month=1&from-year=2026"
                + "&to-day=1&to-month=1");
        screenshot(page, "audit-search-errors");
        assertThat(page.getTitle()).startsWith("Error:");
        assertThat(page.findElements(By.cssSelector(".govuk-error-summary__list a"))).hasSize(2);

        visit("/staff/audit?recordType=case&recordId=nothing-" + UUID.randomUUID());
        assertThat(page.findElement(By.id("no-results")).getText()).isEqualTo("No entries match");
    }

    private static void submit(WebDriver page) {
        clickToLoad(page, By.cssSelector("main form button[type=submit]"));
    }
}
