package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.org.safeguard.intake.internal.ReportPages.assertRedirect;
import static uk.org.safeguard.intake.internal.ReportPages.doc;
import static uk.org.safeguard.intake.internal.ReportPages.errorSummary;
import static uk.org.safeguard.intake.internal.ReportPages.h1;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.support.AdjustableClock;
import uk.org.safeguard.support.IntegrationTest;
import uk.org.safeguard.support.WebClient;

/**
 * The professional referral over HTTP: each page keeps what was typed when it fails validation; a sent
 * referral waits, out of casework's inbox, until its referrer follows the emailed link (once, within 72
 * hours); the email names nothing but the reference.
 */
@IntegrationTest
class ReferralJourneyIntegrationTest {

    /** Right-to-left text, an emoji sequence and a combining accent, which must come back exactly. */
    static final String PERSON = "Zoë O'Brien-محمد 👩🏽‍💻 Re\u0301ne\u0301e";
    static final String HOW = "שלום <b>not bold</b> & \"quoted\" — posted e\u0301vents 🙂";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(39251, null, ServerSetup.PROTOCOL_SMTP));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdjustableClock clock;

    @Autowired
    Submissions submissions;

    @Autowired
    ReferralConfirmations confirmations;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachPageShowsGovukErrorsAndKeepsWhatWasTyped() {
        WebClient client = new WebClient(port);
        client.get("/refer/person");
        HttpResponse<String> person = client.post("/refer/person", "personName", "", "dob-day", "31", "dob-month", "2",
                "dob-year", "2010", "address", HOW, "postcode", "QQ9 9QQX");
        assertThat(person.statusCode()).isEqualTo(200);
        assertThat(errorSummary(person)).containsExactly("Enter the full name of the person you are referring",
                "Date of birth must be a real date", "Enter a real postcode, like E1 6AN");
        Document page = doc(person);
        assertThat(page.title()).startsWith("Error:");
        assertThat(page.selectFirst("textarea#address").wholeText()).isEqualTo(HOW);
        assertThat(person.body()).doesNotContain("<b>not bold</b>").contains("&lt;b&gt;not bold&lt;/b&gt;");
        assertThat(page.selectFirst("input#dob-day").attr("value")).isEqualTo("31");
        assertThat(page.selectFirst("input#postcode").attr("value")).isEqualTo("QQ9 9QQX");
        assertThat(page.selectFirst(".govuk-error-summary__list a").attr("href")).isEqualTo("#personName");

        HttpResponse<String> partDate = client.post("/refer/person", "personName", PERSON, "dob-day", "", "dob-month",
                "3", "dob-year", "2010");
        assertThat(errorSummary(partDate)).containsExactly("Date of birth must include a day, month and year");
        assertThat(doc(partDate).selectFirst("input#dob-day").hasClass("govuk-input--error")).isTrue();
        assertThat(doc(partDate).selectFirst("input#dob-year").hasClass("govuk-input--error")).isFalse();

        HttpResponse<String> future = client.post("/refer/person", "personName", PERSON, "dob-day", "1", "dob-month",
                "1", "dob-year", "2999");
        assertThat(errorSummary(future)).containsExactly("Date of birth must be in the past");

        Document again = client.page("/refer/person");
        assertThat(again.selectFirst("input#personName").attr("value")).as("kept in the draft").isEqualTo(PERSON);
        assertThat(again.selectFirst("input#dob-year").attr("value")).isEqualTo("2999");

        client.get("/refer/you");
        HttpResponse<String> you = client.post("/refer/you", "referrerName", "", "organisation", "", "role", "",
                "email", "not-an-email", "phone", "call me", "relationship", "");
        assertThat(errorSummary(you)).containsExactly("Enter your full name", "Enter the name of your organisation",
                "Enter your role", "Enter an email address in the correct format, like name@example.org",
                "Enter a telephone number, like 020 7946 0000 or +44 20 7946 0000", "Enter how you know the person");
        assertThat(doc(you).selectFirst("input#phone").attr("value")).isEqualTo("call me");

        client.get("/refer/concern");
        HttpResponse<String> concern = client.post("/refer/concern", "howConcernArose", "", "indicators", "made-up");
        assertThat(errorSummary(concern)).containsExactly("Describe how the concern arose",
                "Select what you have seen or heard from the list");
        HttpResponse<String> tooLong = client.post("/refer/concern", "howConcernArose", "x".repeat(5001),
                "indicators", "isolation", "ideology", "y".repeat(201));
        assertThat(errorSummary(tooLong)).containsExactly("This must be 5,000 characters or fewer",
                "This must be 200 characters or fewer");
        assertThat(doc(tooLong).select("input[name=indicators][checked]").eachAttr("value")).containsExactly("isolation");

        client.get("/refer/fears");
        assertThat(errorSummary(client.post("/refer/fears", "fears", "  "))).containsExactly("Describe what you fear may happen");
    }

    @Test
    void aSentReferralWaitsForTheEmailLinkAndOnlyThenReachesCasework() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        String email = "referrer-" + UUID.randomUUID() + "@school.example.org";
        WebClient client = new WebClient(port);
        assertThat(WebClient.location(client.get("/refer/check-answers"))).as("nothing to check yet").isEqualTo("/refer");
        fillIn(client, email);

        Document check = client.page("/refer/check-answers");
        assertThat(check.select(".govuk-summary-list__value").eachText()).contains(PERSON, "2 March 2010",
                "Expressed support for violence, Withdrawn or isolated from family and friends");
        assertThat(check.select(".govuk-summary-list__value").stream().map(e -> e.wholeText().strip()).toList())
                .contains(HOW);
        assertThat(check.selectFirst("form[data-proof-of-work]")).isNotNull();
        assertThat(check.selectFirst(".govuk-back-link").attr("href")).isEqualTo("/refer/attachments");

        HttpResponse<String> honeypot = client.post("/refer/check-answers", "sg_form",
                check.selectFirst("input[name=sg_form]").attr("value"), "sg_nonce", "", "sg_extra", "http://spam.example");
        assertThat(errorSummary(honeypot)).containsExactly("Your answers are saved, but they could not be sent just now."
                + " Check them and select the button to send them again.");
        assertThat(doc(honeypot).select(".govuk-summary-list__value").eachText()).contains(PERSON);

        HttpResponse<String> sent = ReportPages.send(client, "/refer/check-answers");
        assertRedirect(sent, "/refer/confirmation");
        assertThat(WebClient.location(sent)).doesNotContain("SG-");
        Document confirmation = client.page("/refer/confirmation");
        String reference = confirmation.selectFirst(".govuk-panel__body").text().replace("Your reference is ", "");
        assertThat(reference).matches("SG-[2-9A-Z]{4}-[2-9A-Z]{4}");
        String code = confirmation.selectFirst("#follow-up-code").text();
        assertThat(submissions.open(reference, code)).isPresent();
        assertThat(confirmation.text()).contains("only sent to the borough team once you confirm your email address");
        assertThat(h1(client.get("/refer/confirmation"))).as("shown once")
                .isEqualTo("Your reference and follow-up code were shown once");
        assertThat(WebClient.location(client.get("/refer/check-answers"))).as("the draft is gone").isEqualTo("/refer");

        Map<String, Object> row = jdbc.sql("SELECT * FROM intake_submission WHERE reference = :r").param("r", reference)
                .query().singleRow();
        assertThat(row).containsEntry("kind", "REFERRAL").containsEntry("channel", "PROFESSIONAL")
                .containsEntry("status", "AWAITING_CONFIRMATION").containsEntry("borough_code", "E09000030");
        assertThat(new String((byte[]) row.get("details"), StandardCharsets.ISO_8859_1)).doesNotContain("Brien");
        ReferralDetails stored = submissions.details((UUID) row.get("id"), SubmissionKind.REFERRAL,
                (byte[]) row.get("details"), ReferralDetails.class);
        assertThat(stored.person().fullName()).isEqualTo(PERSON);
        assertThat(stored.howConcernArose()).isEqualTo(HOW);
        assertThat(stored.referrer().email()).isEqualTo(email);
        assertThat(ReferralRules.check(stored, clock)).isEmpty();
        Thread.sleep(500);
        assertThat(inbox(reference)).as("not routed before the email is confirmed").isZero();

        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        String body = String.valueOf(message.getContent());
        assertThat(message.getSubject()).contains(reference);
        assertThat(body).contains(reference).doesNotContain("Zoë").doesNotContain("Brien").doesNotContain("محمد")
                .doesNotContain("שלום");
        String link = body.replaceAll("(?s).*http://localhost:8080(/refer/confirm/[A-Za-z0-9_-]{43}).*", "$1");
        assertThat(link).startsWith("/refer/confirm/");
        String token = link.substring("/refer/confirm/".length());
        assertThat(jdbc.sql("SELECT count(*) FROM intake_referral_confirmation WHERE token_hash = :t")
                .param("t", token).query(Long.class).single()).as("only a keyed hash is stored").isZero();

        HttpResponse<String> confirmed = new WebClient(port).get(link);
        assertThat(h1(confirmed)).isEqualTo("Email address confirmed");
        assertThat(doc(confirmed).text()).contains(reference);
        assertThat(status(reference)).isEqualTo("RECEIVED");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(reference) == 1);
        assertThat(audits("intake.confirmation-link.used", reference)).isEqualTo(1);
        assertThat(audits("intake.email-confirmed", reference)).isEqualTo(1);

        long refusedBefore = audits("intake.confirmation-link.refused", null);
        assertThat(h1(new WebClient(port).get(link))).as("single use")
                .isEqualTo("This link has expired or has already been used");
        assertThat(audits("intake.confirmation-link.refused", null)).isEqualTo(refusedBefore + 1);
        assertThat(audits("intake.confirmation-link.used", reference)).isEqualTo(1);
    }

    @Test
    void aLinkOlderThan72HoursOrMadeUpIsRefused() throws Exception {
        Receipt receipt = submissions.submit(new NewSubmission(SubmissionKind.REFERRAL, Channel.PROFESSIONAL, null,
                false, false, "en", Map.of("fears", "x"), null, true, true));
        String token = ReferralConfirmations.newToken();
        confirmations.store(receipt.id(), token);
        assertThat(token).hasSize(43);

        clock.advance(Duration.ofHours(72).plusMinutes(1));
        assertThat(h1(new WebClient(port).get("/refer/confirm/" + token)))
                .isEqualTo("This link has expired or has already been used");
        assertThat(h1(new WebClient(port).get("/refer/confirm/" + ReferralConfirmations.newToken())))
                .isEqualTo("This link has expired or has already been used");
        assertThat(status(receipt.reference())).isEqualTo("AWAITING_CONFIRMATION");
        Thread.sleep(300);
        assertThat(inbox(receipt.reference())).isZero();

        clock.reset();
        assertThat(confirmations.use(token)).as("within 72 hours it works").contains(receipt.reference());
    }

    /** Fills in every question page, checking that each leads to the next. */
    static void fillIn(WebClient client, String email) {
        client.get("/refer/person");
        assertRedirect(client.post("/refer/person", "personName", PERSON, "dob-day", "2", "dob-month", "3",
                "dob-year", "2010", "address", "1 High Street\nLondon", "postcode", "E1 0AA", "gender", "Female",
                "school", "Bow School"), "/refer/you");
        client.get("/refer/you");
        assertRedirect(client.post("/refer/you", "referrerName", "Ada Teacher", "organisation", "Bow School", "role",
                "Designated safeguarding lead", "email", email, "phone", "020 7946 0000", "relationship",
                "Her teacher"), "/refer/concern");
        client.get("/refer/concern");
        assertRedirect(client.post("/refer/concern", "howConcernArose", HOW, "indicators",
                "expressed-support-for-violence", "indicators", "isolation", "ideology", "", "online", "Posts videos"),
                "/refer/needs");
        client.get("/refer/needs");
        assertRedirect(client.post("/refer/needs", "send", "Dyslexia", "discussedParents", "Mother supports it"),
                "/refer/fears");
        client.get("/refer/fears");
        assertRedirect(client.post("/refer/fears", "fears", "That she is groomed into violence"), "/refer/attachments");
        assertRedirect(client.post("/refer/needs?change", "send", "Dyslexia and ADHD"), "/refer/check-answers");
    }

    private long inbox(String reference) {
        return jdbc.sql("SELECT count(*) FROM casework_inbox WHERE reference = :r").param("r", reference)
                .query(Long.class).single();
    }

    private String status(String reference) {
        return jdbc.sql("SELECT status FROM intake_submission WHERE reference = :r").param("r", reference)
                .query(String.class).single();
    }

    private long audits(String action, String reference) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :a AND (CAST(:r AS TEXT) IS NULL OR record_id = :r)")
                .param("a", action).param("r", reference).query(Long.class).single();
    }
}
