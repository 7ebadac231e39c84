package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.org.safeguard.audit.AuditEntry;
import uk.org.safeguard.audit.AuditQueries;
import uk.org.safeguard.audit.AuditSearch;
import uk.org.safeguard.identity.internal.IdentityClock;
import uk.org.safeguard.support.Http;
import uk.org.safeguard.support.IntegrationTest;

/**
 * The staff content pages over real HTTP, signed in as identity's demo accounts: edit, preview (nothing
 * stored), save a draft (the public page unchanged), publish (the public page changed at once, audited),
 * validation, history, who may use them, and borough contacts.
 */
@IntegrationTest
class ContentAdminIntegrationTest {

    private static final String SCRIPT = "<script>alert('content')</script>";

    /** One signed-in client per demo account for the whole class: a TOTP step can be used once. */
    private static StaffClient programme;
    private static StaffClient admin;
    private static StaffClient practitioner;

    @LocalServerPort
    int port;

    @Autowired
    ContentVersions versions;

    @Autowired
    ContentSeeds seeds;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    PageContents contents;

    @Autowired
    BoroughContacts contacts;

    @Autowired
    uk.org.safeguard.geography.Boroughs boroughs;

    @Autowired
    AuditQueries audit;

    @Autowired
    IdentityClock clock;

    @Test
    void editPreviewSaveAndPublishAPage() {
        StaffClient staff = programme();
        ContentVersion original = versions.published(ContentKind.PAGE, "signs", "en").orElseThrow();
        String marker = "Staff edit " + System.nanoTime();
        try {
            Document overview = page(staff.get("/staff/content"), 200);
            assertThat(overview.select("table").size()).isEqualTo(GuidancePage.values().length);
            Element signsEnglish = overview.selectFirst("a[href=/staff/content/pages/signs/en]");
            assertThat(signsEnglish.text()).isEqualTo("English");
            assertThat(signsEnglish.closest("tr").select(".govuk-tag").eachText())
                    .contains("Published v" + original.version());
            assertThat(overview.selectFirst("a[href=/staff/content/pages/signs/so]").closest("tr").text())
                    .as("shipped translations are published").contains("Published v");
            assertThat(overview.selectFirst("a#contacts-link").attr("href")).isEqualTo("/staff/content/contacts");

            Document form = page(staff.get("/staff/content/pages/signs/en"), 200);
            assertThat(form.selectFirst("input#title").val()).isEqualTo(original.field(PageContents.TITLE));
            assertThat(form.selectFirst("textarea#body").val()).isEqualTo(original.field(PageContents.BODY));
            assertThat(form.select("#history tr, table tbody tr").text()).contains("Version " + original.version());
            int before = versions.history(ContentKind.PAGE, "signs", "en").size();

            String body = original.field(PageContents.BODY) + "\n\n## " + marker + "\n\nA *new* paragraph. " + SCRIPT;
            Document preview = page(staff.post("/staff/content/pages/signs/en", "title", original.field(PageContents.TITLE),
                    "summary", original.field(PageContents.SUMMARY), "body", body, "note", "", "action", "preview"), 200);
            Element shown = preview.selectFirst("#preview-content");
            assertThat(shown.select("h2").eachText()).contains(marker);
            assertThat(shown.select("em").eachText()).contains("new");
            assertThat(shown.select("script")).isEmpty();
            assertThat(shown.text()).contains(SCRIPT);
            assertThat(preview.selectFirst("textarea#body").val()).as("the form keeps the text as typed").isEqualTo(body);
            assertThat(versions.history(ContentKind.PAGE, "signs", "en")).as("a preview stores nothing").hasSize(before);

            HttpResponse<String> saved = staff.post("/staff/content/pages/signs/en", "title",
                    original.field(PageContents.TITLE), "summary", original.field(PageContents.SUMMARY), "body", body,
                    "note", "Adds a test section", "action", "save");
            assertThat(saved.statusCode()).isEqualTo(302);
            int draft = before + 1;
            assertThat(StaffClient.location(saved)).isEqualTo("/staff/content/pages/signs/en?saved=" + draft);
            ContentVersion stored = versions.latest(ContentKind.PAGE, "signs", "en").orElseThrow();
            assertThat(stored.version()).isEqualTo(draft);
            assertThat(stored.published()).isFalse();
            assertThat(stored.field(PageContents.BODY)).isEqualTo(body);
            assertThat(stored.author()).matches("account:\\d+");
            assertThat(stored.changeNote()).isEqualTo("Adds a test section");
            assertThat(publicText("/signs")).doesNotContain(marker);

            Document afterSave = page(staff.get(StaffClient.location(saved)), 200);
            assertThat(afterSave.selectFirst(".govuk-notification-banner--success").text())
                    .contains("Draft version " + draft + " saved");
            assertThat(afterSave.selectFirst("#publish-draft").text()).isEqualTo("Publish version " + draft);
            Element historyRow = afterSave.selectFirst("table a[href=/staff/content/pages/signs/en/versions/" + draft + "]")
                    .closest("tr");
            assertThat(historyRow.text()).contains("Draft", stored.author(), "Adds a test section");

            Document version = page(staff.get("/staff/content/pages/signs/en/versions/" + draft), 200);
            assertThat(version.selectFirst("#preview-content").select("h2").eachText()).contains(marker);
            assertThat(version.selectFirst("#preview-content script")).isNull();
            assertThat(version.selectFirst("pre#source").text()).contains("## " + marker, SCRIPT);

            HttpResponse<String> published = staff.post("/staff/content/pages/signs/en/versions/" + draft + "/publish");
            assertThat(StaffClient.location(published)).isEqualTo("/staff/content/pages/signs/en?published=" + draft);
            Document live = Jsoup.parse(new Http(port).get("/signs").body());
            assertThat(live.select("main h2").eachText()).as("published at once").contains(marker);
            assertThat(live.select("main script")).isEmpty();
            assertThat(live.selectFirst("main").text()).contains(SCRIPT);

            List<AuditEntry> entries = audit.search(AuditSearch.all().forRecord("content-page", "signs/en")
                    .withAction("content.published").byActor(stored.author()), 0, 50).entries();
            assertThat(entries).anyMatch(e -> String.valueOf(draft).equals(e.details().get("version")));
            assertThat(audit.search(AuditSearch.all().forRecord("content-page", "signs/en")
                    .withAction("content.saved").byActor(stored.author()), 0, 50).entries())
                    .anyMatch(e -> String.valueOf(draft).equals(e.details().get("version")));

            Document afterPublish = page(staff.get(StaffClient.location(published)), 200);
            assertThat(afterPublish.selectFirst(".govuk-notification-banner--success").text())
                    .contains("Version " + draft + " published");
            assertThat(afterPublish.selectFirst("#publish-draft")).as("no draft is waiting any more").isNull();
            assertThat(afterPublish.selectFirst("table a[href=/staff/content/pages/signs/en/versions/" + draft + "]")
                    .closest("tr").text()).contains("Published");

            HttpResponse<String> again = staff.post("/staff/content/pages/signs/en/versions/" + original.version()
                    + "/publish");
            assertThat(StaffClient.location(again)).as("an older version is refused")
                    .isEqualTo("/staff/content/pages/signs/en/versions/" + original.version() + "?refused");
            assertThat(publicText("/signs")).contains(marker);
        } finally {
            versions.append(ContentKind.PAGE, "signs", "en", original.fields(), "test", "Test puts the text back",
                    true, null);
            contents.evict(GuidancePage.SIGNS, "en");
        }
        assertThat(publicText("/signs")).doesNotContain(marker);
    }

    @Test
    void validationErrorsKeepWhatWasTypedAndSaveNothing() {
        StaffClient staff = programme();
        int before = versions.history(ContentKind.PAGE, "your-data", "en").size();
        String typed = "Typed text that must survive\n\n- a list item";
        Document page = page(staff.post("/staff/content/pages/your-data/en", "title", "", "summary", "x".repeat(301),
                "body", typed, "note", "", "action", "save"), 200);
        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly("Enter a title",
                "Summary must be 300 characters or fewer", "Enter a change note");
        assertThat(page.selectFirst(".govuk-error-summary a").attr("href")).isEqualTo("#title");
        assertThat(page.selectFirst("textarea#body").val()).isEqualTo(typed);
        assertThat(page.selectFirst("textarea#summary").val()).isEqualTo("x".repeat(301));
        assertThat(page.selectFirst("#title-error").text()).contains("Enter a title");

        Document tooLong = page(staff.post("/staff/content/pages/your-data/en", "title", "t".repeat(121),
                "body", "b".repeat(20_001), "note", "n".repeat(201), "action", "save"), 200);
        assertThat(tooLong.select(".govuk-error-summary a").eachText()).containsExactly(
                "Title must be 120 characters or fewer", "Page text must be 20,000 characters or fewer",
                "Change note must be 200 characters or fewer");
        assertThat(tooLong.selectFirst("input#title").val()).isEqualTo("t".repeat(121));

        Document preview = page(staff.post("/staff/content/pages/your-data/en", "title", "A title", "body", "",
                "action", "preview"), 200);
        assertThat(preview.select(".govuk-error-summary a").eachText()).as("a preview needs no change note")
                .containsExactly("Enter the page text");
        assertThat(preview.selectFirst("#preview")).isNull();
        assertThat(versions.history(ContentKind.PAGE, "your-data", "en")).hasSize(before);
    }

    @Test
    void aLanguageWithoutTextStartsFromTheEnglish() {
        ContentVersion english = versions.published(ContentKind.PAGE, "what-happens-next", "en").orElseThrow();
        try {
            Untranslated.remove(jdbc, contents, GuidancePage.WHAT_HAPPENS_NEXT, "so");
            Document page = page(programme().get("/staff/content/pages/what-happens-next/so"), 200);
            assertThat(page.selectFirst(".govuk-inset-text").text()).contains("There is no Somali text",
                    "starts from the published English text");
            assertThat(page.selectFirst("input#title").val()).isEqualTo(english.field(PageContents.TITLE));
            assertThat(page.selectFirst("textarea#body").val()).isEqualTo(english.field(PageContents.BODY));
            assertThat(page.select(".govuk-summary-list").text()).contains("Not translated");
        } finally {
            Untranslated.restore(jdbc, contents, seeds, GuidancePage.WHAT_HAPPENS_NEXT, "so");
        }
    }

    @Test
    void unknownPagesLanguagesAndVersionsAreNotFound() {
        StaffClient staff = programme();
        assertThat(staff.get("/staff/content/pages/no-such-page/en").statusCode()).isEqualTo(404);
        assertThat(staff.get("/staff/content/pages/signs/xx").statusCode()).isEqualTo(404);
        assertThat(staff.get("/staff/content/pages/signs/en/versions/99999").statusCode()).isEqualTo(404);
        assertThat(staff.get("/staff/content/pages/signs/en/versions/one").statusCode()).isEqualTo(404);
        assertThat(staff.get("/staff/content/contacts/E09999999").statusCode()).isEqualTo(404);
        staff.get("/staff/content");
        assertThat(staff.post("/staff/content/pages/signs/en/versions/99999/publish").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyContentManagersGetIn() {
        HttpResponse<String> anonymous = new StaffClient(port).get("/staff/content/pages/signs/en");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(StaffClient.location(anonymous)).isEqualTo("/sign-in");

        StaffClient caseworker = practitioner();
        assertThat(caseworker.get("/staff/content").statusCode()).isEqualTo(403);
        assertThat(caseworker.get("/staff/content/contacts").statusCode()).isEqualTo(403);
        caseworker.get("/staff");
        int before = versions.history(ContentKind.PAGE, "signs", "en").size();
        assertThat(caseworker.post("/staff/content/pages/signs/en", "title", "T", "body", "B", "note", "N")
                .statusCode()).isEqualTo(403);
        assertThat(versions.history(ContentKind.PAGE, "signs", "en")).hasSize(before);

        StaffClient administrator = admin();
        assertThat(administrator.get("/staff/content").statusCode()).isEqualTo(200);
        assertThat(administrator.get("/staff/content/contacts/E09000030").statusCode()).isEqualTo(200);
    }

    @Test
    void everyPostNeedsTheCsrfToken() {
        StaffClient staff = programme();
        staff.get("/staff/content/pages/learn-online-radicalisation/en");
        int before = versions.history(ContentKind.PAGE, "learn-online-radicalisation", "en").size();
        HttpResponse<String> forged = staff.post("/staff/content/pages/learn-online-radicalisation/en",
                staff.csrfName(), "forged", "title", "T", "body", "B", "note", "N", "action", "save");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(versions.history(ContentKind.PAGE, "learn-online-radicalisation", "en")).hasSize(before);
    }

    @Test
    void boroughContactsAreEditedPreviewedAndPublished() {
        try {
            editPreviewAndPublishAContact();
        } finally {
            DemoContact.restore(versions, contacts, boroughs, "E09000033");
        }
    }

    private void editPreviewAndPublishAContact() {
        StaffClient staff = programme();
        String code = "E09000033";
        Document overview = page(staff.get("/staff/content/contacts"), 200);
        assertThat(overview.select("tbody tr")).hasSize(33);
        assertThat(overview.selectFirst("a[href=/staff/content/contacts/" + code + "]").text()).isEqualTo("Westminster");
        int before = versions.history(ContentKind.CONTACT, code, "en").size();

        Document invalid = page(staff.post("/staff/content/contacts/" + code, "team", "", "phone", "0207 ABC",
                "email", "not an address", "website", "http://example.org", "notes", "Kept as typed", "note", "",
                "action", "save"), 200);
        assertThat(invalid.title()).startsWith("Error:");
        assertThat(invalid.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#team", "#phone",
                "#email", "#website", "#note");
        assertThat(invalid.selectFirst("input#phone").val()).isEqualTo("0207 ABC");
        assertThat(invalid.selectFirst("input#website").val()).isEqualTo("http://example.org");
        assertThat(invalid.selectFirst("textarea#notes").val()).isEqualTo("Kept as typed");

        String team = "Westminster Prevent team " + System.nanoTime();
        Document preview = page(staff.post("/staff/content/contacts/" + code, "team", team, "phone", "020 7946 0001",
                "email", "prevent@example.org", "website", "https://www.example.org/prevent", "hours",
                "Monday to Friday, 9am to 5pm", "notes", SCRIPT, "example", "true", "note", "", "action", "preview"), 200);
        Element shown = preview.selectFirst("#preview-content");
        assertThat(shown.select(".govuk-summary-list__value").eachText()).contains(team, "020 7946 0001",
                "prevent@example.org", "https://www.example.org/prevent", SCRIPT);
        assertThat(shown.select("script")).isEmpty();
        assertThat(shown.selectFirst(".govuk-warning-text").text()).contains("This is an example, not a verified contact");
        assertThat(preview.selectFirst("input#example").hasAttr("checked")).isTrue();
        assertThat(versions.history(ContentKind.CONTACT, code, "en")).as("a preview stores nothing").hasSize(before);

        int first = save(staff, code, team, "First version");
        assertThat(first).isEqualTo(before + 1);
        assertThat(contacts.published(code).map(BoroughContacts.Contact::team)).isNotEqualTo(java.util.Optional.of(team));
        publish(staff, code, first);
        BoroughContacts.Contact live = contacts.published(code).orElseThrow();
        assertThat(live.team()).isEqualTo(team);
        assertThat(live.phone()).isEqualTo("020 7946 0001");
        assertThat(live.example()).isFalse();
        assertThat(live.version()).isEqualTo(first);

        int second = save(staff, code, team + " (renamed)", "Second version");
        publish(staff, code, second);
        assertThat(contacts.published(code).orElseThrow().team()).as("the cache is refreshed at once")
                .isEqualTo(team + " (renamed)");
        Document list = page(staff.get("/staff/content/contacts"), 200);
        assertThat(list.selectFirst("a[href=/staff/content/contacts/" + code + "]").closest("tr").text())
                .contains("Published v" + second);

        HttpResponse<String> older = staff.post("/staff/content/contacts/" + code + "/versions/" + first + "/publish");
        assertThat(StaffClient.location(older)).isEqualTo("/staff/content/contacts/" + code + "/versions/" + first
                + "?refused");
        Document refused = page(staff.get(StaffClient.location(older)), 200);
        assertThat(refused.selectFirst("#refused").text()).isEqualTo("Version " + first
                + " is older than the published version " + second
                + ", so it cannot be published. To go back to it, restore it as a new draft and publish that.");
        Element restore = refused.selectFirst(".govuk-notification-banner a");
        assertThat(restore.attr("href")).isEqualTo("/staff/content/contacts/" + code + "?from=" + first);
        assertThat(contacts.published(code).orElseThrow().version()).isEqualTo(second);
        assertThat(audit.search(AuditSearch.all().forRecord("borough-contact", code + "/en")
                .withAction("content.published"), 0, 50).entries()).hasSizeGreaterThanOrEqualTo(2);

        Document restoring = page(staff.get(restore.attr("href")), 200);
        assertThat(restoring.selectFirst("input#team").val()).isEqualTo(team);
        assertThat(restoring.selectFirst("textarea#note").val()).isEqualTo("Restores version " + first);
        assertThat(restoring.select("table tbody tr").text()).contains("Superseded", "Published");
    }

    private int save(StaffClient staff, String code, String team, String note) {
        staff.get("/staff/content/contacts/" + code);
        HttpResponse<String> saved = staff.post("/staff/content/contacts/" + code, "team", team, "phone",
                "020 7946 0001", "email", "prevent@example.org", "website", "https://www.example.org/prevent",
                "hours", "", "notes", "", "note", note, "action", "save");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String location = StaffClient.location(saved);
        assertThat(location).startsWith("/staff/content/contacts/" + code + "?saved=");
        return Integer.parseInt(location.substring(location.indexOf('=') + 1));
    }

    private void publish(StaffClient staff, String code, int version) {
        staff.get("/staff/content/contacts/" + code + "/versions/" + version);
        HttpResponse<String> published = staff.post("/staff/content/contacts/" + code + "/versions/" + version
                + "/publish");
        assertThat(StaffClient.location(published)).isEqualTo("/staff/content/contacts/" + code + "?published=" + version);
    }

    private String publicText(String path) {
        HttpResponse<String> response = new Http(port).get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body()).selectFirst("main").text();
    }

    private static Document page(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Jsoup.parse(response.body());
    }

    private StaffClient programme() {
        if (programme == null) {
            programme = signedIn(DemoSignIn.PROGRAMME);
        }
        return programme;
    }

    private StaffClient admin() {
        if (admin == null) {
            admin = signedIn(DemoSignIn.ADMIN);
        }
        return admin;
    }

    private StaffClient practitioner() {
        if (practitioner == null) {
            practitioner = signedIn(DemoSignIn.PRACTITIONER);
        }
        return practitioner;
    }

    private StaffClient signedIn(String email) {
        StaffClient client = new StaffClient(port);
        DemoSignIn.signIn(client, email, clock::now);
        return client;
    }
}
