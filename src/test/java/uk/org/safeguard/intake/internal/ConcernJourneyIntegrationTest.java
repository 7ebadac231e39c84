package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.support.IntegrationTest;
import uk.org.safeguard.support.WebClient;

/**
 * The public concern journey over plain HTTP, as a browser without JavaScript would use it: every page,
 * named and anonymous, what is stored, validation that keeps what was typed, save and come back with a
 * code, the reference and code shown once, and the abuse checks refusing without losing anything.
 */
@IntegrationTest
class ConcernJourneyIntegrationTest {

    static final String TYPED = "مرحبا 👩🏽‍💻 e\u0301";
    static final String TOWER_HAMLETS = "E09000030";
    static final String CAMDEN = "E09000007";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Submissions submissions;

    @Test
    void aNamedConcernIsStoredWithEveryAnswerExactlyAndRoutedByPostcode() {
        WebClient person = new WebClient(port);
        Document start = person.page("/concern");
        assertThat(start.title()).isEqualTo("Share a concern about someone – Safeguard");
        assertThat(start.selectFirst("main").text()).contains("You can stay anonymous", "call 999",
                "the borough team", "together with the police", "7 days", "reference and a secret code");
        assertThat(start.select("main a").eachAttr("href")).contains("/concern/about", "/concern/resume");

        Document about = person.page("/concern/about");
        assertThat(about.selectFirst("h1").text()).isEqualTo("Who are you worried about?");
        assertThat(about.selectFirst(".govuk-back-link").attr("href")).isEqualTo("/concern");
        assertThat(about.select("form button").eachText()).containsExactly("Continue", "Save and come back later");
        assertRedirect(person.post("/concern/about", "about", "someone-else"), "/concern/danger");
        assertThat(person.page("/concern/danger").selectFirst(".govuk-back-link").attr("href")).isEqualTo("/concern/about");
        assertRedirect(person.post("/concern/danger", "danger", "no"), "/concern/relationship");
        person.page("/concern/relationship");
        assertRedirect(person.post("/concern/relationship", "relationship", "other", "relationship-other", TYPED),
                "/concern/age");
        Document age = person.page("/concern/age");
        assertThat(age.select("input[name=age]").eachAttr("value"))
                .containsExactly("10-under", "11-15", "16-17", "18-20", "21-39", "40-over", "dont-know");
        assertRedirect(person.post("/concern/age", "age", "16-17"), "/concern/where");
        Document where = person.page("/concern/where");
        assertThat(where.select("select[name=borough] option")).hasSize(34);
        assertRedirect(person.post("/concern/where", "postcode", " e1 0aa ", "borough", ""), "/concern/noticed");
        Document noticed = person.page("/concern/noticed");
        assertThat(noticed.select("main legend").eachText())
                .containsExactly("What is said", "What is done", "Online", "Changes in mood or behaviour");
        String words = TYPED + " <b>not bold</b> & \"quoted\"";
        assertRedirect(person.post("/concern/noticed", "noticed", "violence", "noticed", "content", "noticed", "withdrawn",
                "noticed-details", words), "/concern/since");
        person.page("/concern/since");
        assertRedirect(person.post("/concern/since", "since", "months"), "/concern/online");
        person.page("/concern/online");
        assertRedirect(person.post("/concern/online", "online", "tiktok", "online", "telegram", "online-details",
                "@someone https://t.me/example"), "/concern/children");
        person.page("/concern/children");
        assertRedirect(person.post("/concern/children", "children", "dont-know"), "/concern/others-know");
        person.page("/concern/others-know");
        assertRedirect(person.post("/concern/others-know", "others-know", "school", "others-know", "family"),
                "/concern/contact");
        Document contact = person.page("/concern/contact");
        assertThat(contact.selectFirst("input[name=named][checked]").attr("value")).as("anonymous by default")
                .isEqualTo("no");
        assertRedirect(person.post("/concern/contact", "named", "yes", "name", TYPED, "email", "zoe@example.com",
                "phone", "07700 900 982", "best-time", "Evenings"), "/concern/attachments");

        Document check = person.page("/concern/check-answers");
        assertThat(check.title()).isEqualTo("Check your answers before sending your concern – Safeguard");
        assertThat(check.selectFirst(".govuk-back-link").attr("href")).isEqualTo("/concern/attachments");
        List<Element> rows = check.select(".govuk-summary-list__row");
        assertThat(rows).hasSize(18).allSatisfy(row -> assertThat(row.selectFirst(".govuk-summary-list__actions a")
                .attr("href")).endsWith("?change=true"));
        assertThat(check.select(".govuk-summary-list__value").eachText()).contains("Another way: " + TYPED, "16 or 17",
                "e1 0aa", words, "Support for using violence for a cause, Watching or sharing extremist videos or images, "
                        + "Pulling away from family or friends", "TikTok, Telegram", TYPED, "zoe@example.com");
        assertThat(check.select("main b")).as("what was typed is never HTML").isEmpty();
        assertThat(check.selectFirst("main").text()).contains("the police", "borough", "encrypted");
        Element form = check.selectFirst("form[data-proof-of-work]");
        assertThat(form.attr("action")).isEqualTo("/concern/check-answers");
        assertThat(form.select("input[name=sg_extra]")).hasSize(1);

        HttpResponse<String> sent = submit(person, check);
        assertRedirect(sent, "/concern/confirmation");
        assertThat(sent.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("safeguard_concern=;"));

        Document confirmation = person.page("/concern/confirmation");
        String reference = ConcernBrowserTest.referenceIn(confirmation.selectFirst(".govuk-panel__body").text());
        String code = confirmation.selectFirst("#follow-up-code").text();
        assertThat(reference).matches("SG-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(code).matches("([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(confirmation.select("main a").eachAttr("href")).contains("/follow-up");
        assertThat(confirmation.select(".govuk-warning-text").text()).doesNotContain("immediate danger");
        assertThat(submissions.open(reference, code)).isPresent();

        HttpResponse<String> file = person.post("/concern/confirmation/save", "reference", reference, "code", code);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(file.body()).contains(reference, code);
        assertThat(person.post("/concern/confirmation/save", "reference", reference, "code", "AAAA-BBBB-CCCC-DDDD-EEEE")
                .statusCode()).isEqualTo(404);

        Document again = person.page("/concern/confirmation");
        assertThat(again.text()).doesNotContain(code).doesNotContain(reference).contains("shown only once");
        assertThat(person.get("/concern/check-answers").statusCode()).as("the draft is gone").isEqualTo(302);

        Map<String, Object> row = row(reference);
        assertThat(row).containsEntry("kind", "CONCERN").containsEntry("channel", "PUBLIC")
                .containsEntry("urgent", false).containsEntry("anonymous", false).containsEntry("language", "en")
                .containsEntry("borough_code", TOWER_HAMLETS);
        assertThat(new String((byte[]) row.get("details"), StandardCharsets.ISO_8859_1)).doesNotContain("example.com");
        assertThat(details(row)).isEqualTo(new ConcernDetails("someone-else", false, "other", TYPED, "16-17", "e1 0aa",
                null, false, List.of("violence", "content", "withdrawn"), words, "months", List.of("tiktok", "telegram"),
                "@someone https://t.me/example", "dont-know", List.of("school", "family"), false, TYPED,
                "zoe@example.com", "07700 900 982", "Evenings"));
    }

    @Test
    void anAnonymousConcernAboutThemselvesInArabicIsUrgentAfterThe999PageAndGoesToTheChosenBorough() {
        WebClient person = new WebClient(port);
        Document start = person.page("/concern?lang=ar");
        assertThat(start.selectFirst("html").attr("dir")).isEqualTo("rtl");
        person.page("/concern/about");
        assertRedirect(person.post("/concern/about", "about", "myself"), "/concern/danger");
        person.page("/concern/danger");
        assertRedirect(person.post("/concern/danger", "danger", "yes"), "/concern/call-999");
        Document call = person.page("/concern/call-999");
        assertThat(call.selectFirst("main").text()).contains("999", "عاجل");
        assertThat(call.selectFirst("main a.govuk-button").attr("href")).as("no relationship question about oneself")
                .isEqualTo("/concern/age");
        Document age = person.page("/concern/age");
        assertThat(age.selectFirst("h1").text()).isEqualTo(arabic("intake.concern.age.title.self"));
        assertThat(age.selectFirst(".govuk-back-link").attr("href")).isEqualTo("/concern/danger");
        assertRedirect(person.post("/concern/age", "age", "18-20"), "/concern/where");
        person.page("/concern/where");
        assertRedirect(person.post("/concern/where", "postcode", "", "borough", CAMDEN), "/concern/noticed");
        person.page("/concern/noticed");
        assertRedirect(person.post("/concern/noticed", "noticed-details", TYPED), "/concern/since");
        person.page("/concern/since");
        assertRedirect(person.post("/concern/since", "since", "dont-know"), "/concern/online");
        person.page("/concern/online");
        assertRedirect(person.post("/concern/online", "online", "none", "online-details", ""), "/concern/children");
        person.page("/concern/children");
        assertRedirect(person.post("/concern/children", "children", "no"), "/concern/others-know");
        person.page("/concern/others-know");
        assertRedirect(person.post("/concern/others-know", "others-know", "nobody"), "/concern/contact");
        person.page("/concern/contact");
        assertRedirect(person.post("/concern/contact", "named", "no", "name", "", "email", "", "phone", "",
                "best-time", ""), "/concern/attachments");

        Document check = person.page("/concern/check-answers");
        assertThat(check.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(check.select(".govuk-summary-list__key").eachText()).doesNotContain(arabic("intake.concern.check.relationship"))
                .contains(arabic("intake.concern.check.age.self"), arabic("intake.concern.check.where.self"));
        assertThat(check.select(".govuk-summary-list__value").eachText()).contains("Camden",
                arabic("intake.concern.check.anonymous"));
        assertRedirect(submit(person, check), "/concern/confirmation");
        Document confirmation = person.page("/concern/confirmation");
        assertThat(confirmation.select(".govuk-warning-text").text()).contains(arabic("intake.concern.confirmation.urgent"));
        String reference = ConcernBrowserTest.referenceIn(confirmation.selectFirst(".govuk-panel__body").text());

        Map<String, Object> row = row(reference);
        assertThat(row).containsEntry("urgent", true).containsEntry("anonymous", true).containsEntry("language", "ar")
                .containsEntry("borough_code", CAMDEN);
        ConcernDetails details = details(row);
        assertThat(details.about()).isEqualTo("myself");
        assertThat(details.immediateDanger()).isTrue();
        assertThat(details.relationship()).isNull();
        assertThat(details.noticedDetails()).isEqualTo(TYPED);
        assertThat(details.name()).isNull();
        assertThat(details.email()).isNull();
    }

    @Test
    void everyFieldValidatesWithAGovukErrorAndKeepsWhatWasTyped() {
        WebClient person = new WebClient(port);
        person.page("/concern/about");
        Document about = Jsoup.parse(person.post("/concern/about").body());
        assertError(about, "about", "Select who you are worried about");

        person.page("/concern/where");
        assertError(Jsoup.parse(person.post("/concern/where", "postcode", "", "borough", "").body()), "postcode",
                "Enter a postcode, choose a borough, or select that you do not know");
        Document where = Jsoup.parse(person.post("/concern/where", "postcode", "NOT " + TYPED, "borough", "").body());
        assertError(where, "postcode", "Enter a real postcode, like E14 5AB, or only the first part, like E14");
        assertThat(where.selectFirst("input[name=postcode]").attr("value")).isEqualTo("NOT " + TYPED);

        person.page("/concern/noticed");
        String tooLong = TYPED + "x".repeat(5000);
        Document noticed = Jsoup.parse(person.post("/concern/noticed", "noticed-details", tooLong).body());
        assertError(noticed, "noticed-details", "What you noticed must be 5,000 characters or fewer");
        assertThat(noticed.selectFirst("textarea[name=noticed-details]").wholeText()).isEqualTo(tooLong);

        person.page("/concern/online");
        assertError(Jsoup.parse(person.post("/concern/online", "online", "none", "online", "x").body()), "online",
                "Select where it is happening online, or select No, or I do not know, not both");

        person.page("/concern/contact");
        String name = TYPED + " <script>alert(1)</script>";
        Document contact = Jsoup.parse(person.post("/concern/contact", "named", "yes", "name", name, "email", "not-an-email",
                "phone", "call me", "best-time", "").body());
        assertError(contact, "email", "Enter an email address in the correct format, like name@example.com");
        assertError(contact, "phone", "Enter a phone number, like 07700 900 982 or +44 7700 900 982");
        assertThat(contact.selectFirst("input[name=name]").attr("value")).isEqualTo(name);
        assertThat(contact.selectFirst("input[name=email]").attr("value")).isEqualTo("not-an-email");
        assertThat(contact.select("main script")).isEmpty();
        assertError(Jsoup.parse(person.post("/concern/contact", "named", "no", "name", "Zoe", "email", "", "phone", "",
                "best-time", "").body()), "named",
                "You chose to stay anonymous but entered some details. Select yes to give them, or delete them to stay anonymous");
        assertError(Jsoup.parse(person.post("/concern/contact", "named", "yes", "name", "", "email", "", "phone", "",
                "best-time", "").body()), "email", "Enter an email address or a phone number, so the team can contact you");

        // What failed validation is in the draft: the pages show it again later, and the check is not reachable.
        assertThat(person.page("/concern/where").selectFirst("input[name=postcode]").attr("value")).isEqualTo("NOT " + TYPED);
        assertThat(person.page("/concern/noticed").selectFirst("textarea").wholeText()).isEqualTo(tooLong);
        assertRedirect(person.get("/concern/check-answers"), "/concern/about");
    }

    @Test
    void aChangeFromCheckAnswersComesBackToIt() {
        WebClient person = new WebClient(port);
        answerEverything(person, "someone-else");
        Document change = person.page("/concern/age?change=true");
        assertThat(change.selectFirst(".govuk-back-link").attr("href")).isEqualTo("/concern/check-answers");
        assertThat(change.selectFirst("input[name=age][checked]").attr("value")).isEqualTo("21-39");
        assertRedirect(person.post("/concern/age", "age", "40-over", "change", "true"), "/concern/check-answers");
        // Now about someone else after being about themselves: the relationship question is asked first.
        WebClient themselves = new WebClient(port);
        answerEverything(themselves, "myself");
        assertRedirect(themselves.post("/concern/about", "about", "someone-else", "change", "true"),
                "/concern/relationship");
        assertRedirect(themselves.post("/concern/relationship", "relationship", "friend", "change", "true"),
                "/concern/check-answers");
        assertThat(themselves.page("/concern/check-answers").select(".govuk-summary-list__value").eachText())
                .contains("A friend");
    }

    @Test
    void aSavedConcernResumesWithItsCodeInAnotherBrowser() {
        WebClient person = new WebClient(port);
        person.page("/concern/about");
        assertRedirect(person.post("/concern/about", "about", "someone-else"), "/concern/danger");
        person.page("/concern/danger");
        assertRedirect(person.post("/concern/danger", "danger", "no"), "/concern/relationship");
        person.page("/concern/relationship");
        assertRedirect(person.post("/concern/relationship", "relationship", "other", "relationship-other", TYPED,
                "action", "save"), "/concern/saved");
        Document saved = person.page("/concern/saved");
        String code = saved.selectFirst("#resume-code").text();
        assertThat(code).matches("([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(saved.selectFirst("main").text()).contains("7 days");
        assertThat(person.page("/concern/saved").text()).as("shown once").doesNotContain(code);

        WebClient elsewhere = new WebClient(port);
        elsewhere.page("/concern/resume");
        Document wrong = Jsoup.parse(elsewhere.post("/concern/resume", "code", "AAAA-BBBB-CCCC-DDDD-EEEE").body());
        assertError(wrong, "code", "This code is not right or has expired. Check it and try again. Codes last for 7 days.");
        assertError(Jsoup.parse(elsewhere.post("/concern/resume", "code", "").body()), "code",
                "Enter the code you were given when you saved your answers");
        assertRedirect(elsewhere.post("/concern/resume", "code", code.toLowerCase().replace("-", " ")), "/concern/age");
        Document relationship = elsewhere.page("/concern/relationship");
        assertThat(relationship.selectFirst("input[name=relationship][checked]").attr("value")).isEqualTo("other");
        assertThat(relationship.selectFirst("input[name=relationship-other]").attr("value")).isEqualTo(TYPED);
    }

    @Test
    void aRefusedSubmissionKeepsTheDraftTooQuickWithTheSameTokenAndAFilledHoneypotWithANewOne() {
        WebClient person = new WebClient(port);
        answerEverything(person, "someone-else");
        Document check = person.page("/concern/check-answers");
        String token = check.selectFirst("input[name=sg_form]").attr("value");

        Document tooQuick = Jsoup.parse(person.post("/concern/check-answers", "sg_form", token, "sg_nonce", "",
                "sg_extra", "").body());
        assertThat(tooQuick.title()).startsWith("Error: ");
        assertThat(tooQuick.selectFirst(".govuk-error-summary a").text()).startsWith("Your answers are saved");
        assertThat(tooQuick.selectFirst("input[name=sg_form]").attr("value")).isEqualTo(token);

        Document honeypot = Jsoup.parse(person.post("/concern/check-answers", "sg_form", token, "sg_nonce",
                solve(token), "sg_extra", "http://spam.example").body());
        assertThat(honeypot.selectFirst(".govuk-error-summary a").text()).startsWith("Your answers are saved");
        String newToken = honeypot.selectFirst("input[name=sg_form]").attr("value");
        assertThat(newToken).isNotEqualTo(token);
        assertThat(honeypot.select(".govuk-summary-list__value").eachText()).contains("21 to 39");

        assertRedirect(person.post("/concern/check-answers", "sg_form", newToken, "sg_nonce", solve(newToken),
                "sg_extra", ""), "/concern/confirmation");
    }

    @Test
    void laterPagesWithoutADraftSendPeopleToTheStart() {
        WebClient person = new WebClient(port);
        assertRedirect(person.get("/concern/check-answers"), "/concern");
        assertThat(person.page("/concern/about").select("input[name=about][checked]")).isEmpty();
        assertThat(person.page("/concern/confirmation").text()).contains("shown only once");
        assertThat(person.page("/").select("main a").eachAttr("href")).contains("/concern");
    }

    // Helpers

    private void answerEverything(WebClient person, String about) {
        person.page("/concern/about");
        person.post("/concern/about", "about", about);
        person.post("/concern/danger", "danger", "no");
        if (!about.equals("myself")) {
            person.post("/concern/relationship", "relationship", "neighbour", "relationship-other", "");
        }
        person.post("/concern/age", "age", "21-39");
        person.post("/concern/where", "postcode", "", "borough", "", "where-unknown", "yes");
        person.post("/concern/noticed", "noticed", "hatred", "noticed-details", "");
        person.post("/concern/since", "since", "week");
        person.post("/concern/online", "online", "none", "online-details", "");
        person.post("/concern/children", "children", "no");
        person.post("/concern/others-know", "others-know", "nobody");
        person.post("/concern/contact", "named", "no", "name", "", "email", "", "phone", "", "best-time", "");
        assertThat(person.get("/concern/check-answers").statusCode()).isEqualTo(200);
    }

    /** Sends the check-answers form as the browser's script would: with a proof of work on its token. */
    private static HttpResponse<String> submit(WebClient person, Document check) {
        String token = check.selectFirst("input[name=sg_form]").attr("value");
        return person.post("/concern/check-answers", "sg_form", token, "sg_nonce", solve(token), "sg_extra", "");
    }

    static String solve(String token) {
        for (int nonce = 0; ; nonce++) {
            if (AbuseGuard.proofOfWork(token, String.valueOf(nonce))) {
                return String.valueOf(nonce);
            }
        }
    }

    private Map<String, Object> row(String reference) {
        return jdbc.sql("SELECT * FROM intake_submission WHERE reference = :r").param("r", reference).query().singleRow();
    }

    private ConcernDetails details(Map<String, Object> row) {
        return submissions.details((java.util.UUID) row.get("id"), SubmissionKind.CONCERN, (byte[]) row.get("details"),
                ConcernDetails.class);
    }

    private static void assertRedirect(HttpResponse<String> response, String location) {
        assertThat(response.statusCode()).as("status of " + response.uri()).isEqualTo(302);
        assertThat(WebClient.location(response)).isEqualTo(location);
    }

    private static void assertError(Document page, String id, String message) {
        assertThat(page.title()).startsWith("Error: ");
        List<String> summary = new ArrayList<>();
        page.select(".govuk-error-summary a").forEach(a -> summary.add(a.attr("href") + " " + a.text()));
        assertThat(summary).contains("#" + id + " " + message);
        assertThat(page.select(".govuk-error-message").eachText()).contains("Error: " + message);
        assertThat(page.getElementById(id)).as("the summary links to an element with id " + id).isNotNull();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.MessageSource messages;

    /** The Arabic text of {@code key}, as the Arabic pages show it. */
    private String arabic(String key) {
        return messages.getMessage(key, null, java.util.Locale.forLanguageTag("ar"));
    }
}
