package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the staff content forms accept. */
class ContentAdminFormsTest {

    @Test
    void aPageNeedsATitleAndTextAndASaveNeedsAChangeNote() {
        ContentAdminPageForm empty = new ContentAdminPageForm(" ", null, "\r\n", "");
        assertThat(empty.errors(false)).containsOnlyKeys("title", "body");
        assertThat(empty.errors(true)).containsOnlyKeys("title", "body", "note");
        ContentAdminPageForm full = new ContentAdminPageForm("T".repeat(120), "S".repeat(300), "B".repeat(20_000),
                "N".repeat(200));
        assertThat(full.errors(true)).isEmpty();
        ContentAdminPageForm over = new ContentAdminPageForm("T".repeat(121), "S".repeat(301), "B".repeat(20_001),
                "N".repeat(201));
        assertThat(over.errors(true)).containsEntry("title", "content.page.error.titleLong")
                .containsEntry("summary", "content.page.error.summaryLong")
                .containsEntry("body", "content.page.error.bodyLong").containsEntry("note", "content.error.noteLong");
    }

    @Test
    void typedTextIsStoredWithPlainLineEndings() {
        ContentAdminPageForm form = new ContentAdminPageForm(" Title ", "", "## Heading\r\n\r\nText\r\n", "Note");
        assertThat(form.fields()).containsEntry(PageContents.TITLE, "Title")
                .containsEntry(PageContents.BODY, "## Heading\n\nText").containsEntry(PageContents.SUMMARY, "");
    }

    @Test
    void phoneNumbersAreUkNumbersOfTenToThirteenDigits() {
        assertThat(ContentAdminContactForm.validPhone("020 7946 0000")).isTrue();
        assertThat(ContentAdminContactForm.validPhone("+44 20 7946 0000")).isTrue();
        assertThat(ContentAdminContactForm.validPhone("0800 789 321")).isTrue();
        assertThat(ContentAdminContactForm.validPhone("101")).isFalse();
        assertThat(ContentAdminContactForm.validPhone("020 7946 0000 0000")).isFalse();
        assertThat(ContentAdminContactForm.validPhone("020-7946-0000")).isFalse();
        assertThat(ContentAdminContactForm.validPhone("44+20 7946 0000")).isFalse();
        assertThat(ContentAdminContactForm.validPhone("tel:02079460000")).isFalse();
    }

    @Test
    void websitesAreSecureAddressesOfANamedHost() {
        assertThat(ContentAdminContactForm.validWebsite("https://www.towerhamlets.gov.uk/prevent")).isTrue();
        assertThat(ContentAdminContactForm.validWebsite("http://www.example.org")).isFalse();
        assertThat(ContentAdminContactForm.validWebsite("javascript:alert(1)")).isFalse();
        assertThat(ContentAdminContactForm.validWebsite("https://")).isFalse();
        assertThat(ContentAdminContactForm.validWebsite("https://localhost/")).isFalse();
        assertThat(ContentAdminContactForm.validWebsite("https://www.example.org/a b")).isFalse();
        assertThat(ContentAdminContactForm.validWebsite("https://user@www.example.org")).isFalse();
    }

    @Test
    void aContactNeedsATeamAndWhatItGivesMustBeUsable() {
        ContentAdminContactForm form = new ContentAdminContactForm("", "12", "not-an-address", "ftp://x.org",
                "h".repeat(121), "n".repeat(501), false, "");
        assertThat(form.errors(true)).containsOnlyKeys("team", "phone", "email", "website", "hours", "notes", "note");
        ContentAdminContactForm minimal = new ContentAdminContactForm("Team", "", "", "", "", "", true, "First");
        assertThat(minimal.errors(true)).isEmpty();
        assertThat(minimal.fields()).containsEntry(BoroughContacts.EXAMPLE, "true").containsEntry(BoroughContacts.PHONE, "");
        assertThat(new ContentAdminContactForm("Team", "", "a@b", "", "", "", false, "x").errors(true))
                .containsOnlyKeys("email");
        assertThat(new ContentAdminContactForm("Team", "", "prevent@council.gov.uk", "", "", "", false, "x").errors(true))
                .isEmpty();
    }
}
