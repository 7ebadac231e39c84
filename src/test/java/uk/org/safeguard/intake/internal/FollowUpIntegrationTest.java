package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.identity.internal.StaffClient;
import uk.org.safeguard.identity.internal.TestStaff;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.support.AdjustableClock;
import uk.org.safeguard.support.IntegrationTest;
import uk.org.safeguard.support.WebClient;

/**
 * The reporter's follow-up and the staff side of intake, over HTTP: lockout of a reference (known or
 * not) after repeated wrong codes, the per-address limit, the message thread round trip with
 * right-to-left text, emoji and combining characters, the session holding only the submission's id,
 * borough scope with its audited 403, and a status change reaching the reporter.
 */
@IntegrationTest
class FollowUpIntegrationTest {

    static final String TOWER_HAMLETS = "E09000030";
    static final String NEWHAM = "E09000025";
    static final String BARKING = "E09000002";
    static final String EXACT = "مرحبا 👩🏽‍💻 e\u0301";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    Attachments attachments;

    @Autowired
    FollowUpAddressLimit addresses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdjustableClock clock;

    record Person(String name, String noticed) {
    }

    record Nested(String summary, Person person, List<String> platforms, List<Person> others, Boolean childrenAtRisk) {
    }

    @BeforeEach
    void freshAddressLimit() {
        addresses.clear();
    }

    @AfterEach
    void realTime() {
        clock.reset();
        addresses.clear();
    }

    // --- opening and lockout

    @Test
    void fiveWrongCodesLockTheReferenceEvenForTheRightCodeUntilTheLockExpires() {
        Receipt receipt = submit(TOWER_HAMLETS, false);
        WebClient person = new WebClient(port);
        person.page("/follow-up");
        String wrong = Codes.newFollowUpCode();

        String noMatch = null;
        for (int i = 1; i <= 4; i++) {
            noMatch = errorOf(person.post("/follow-up", "reference", receipt.reference(), "code", wrong));
            assertThat(noMatch).isEqualTo("The reference and follow-up code do not match. Check them and try again");
        }
        String locked = errorOf(person.post("/follow-up", "reference", receipt.reference(), "code", wrong));
        assertThat(locked).startsWith("There have been too many attempts to open this reference");

        HttpResponse<String> refused = person.post("/follow-up", "reference", receipt.reference(), "code",
                receipt.followUpCode());
        assertThat(refused.statusCode()).as("the right code is refused while locked").isEqualTo(200);
        assertThat(errorOf(refused)).isEqualTo(locked);
        assertThat(audits("intake.follow-up.failed", receipt.reference())).isEqualTo(6);
        assertThat(audits("intake.follow-up.locked", receipt.reference())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE record_id = :r AND action LIKE 'intake.follow-up.%'"
                + " AND actor <> 'public'").param("r", receipt.reference()).query(Long.class).single()).isZero();

        clock.advance(Duration.ofMinutes(29));
        assertThat(errorOf(person.post("/follow-up", "reference", receipt.reference(), "code", receipt.followUpCode())))
                .isEqualTo(locked);

        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> opened = person.post("/follow-up", "reference", receipt.reference(), "code",
                receipt.followUpCode().toLowerCase());
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(opened)).isEqualTo("/follow-up/submission");
        assertThat(audits("intake.follow-up.opened", receipt.reference())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_follow_up_failure WHERE reference = :r")
                .param("r", receipt.reference()).query(Long.class).single()).as("success clears the count").isZero();
    }

    @Test
    void anUnknownReferenceGetsTheSameAnswersAndIsLockedTooSoLockingRevealsNothing() {
        Receipt real = submit(TOWER_HAMLETS, false);
        String unknown = unusedReference();
        WebClient person = new WebClient(port);
        person.page("/follow-up");
        String wrong = Codes.newFollowUpCode();

        String forReal = errorOf(person.post("/follow-up", "reference", real.reference(), "code", wrong));
        String forUnknown = errorOf(person.post("/follow-up", "reference", unknown, "code", wrong));
        assertThat(forUnknown).isEqualTo(forReal);

        for (int i = 2; i <= 4; i++) {
            person.post("/follow-up", "reference", unknown, "code", wrong);
        }
        String lockedUnknown = errorOf(person.post("/follow-up", "reference", unknown, "code", wrong));
        for (int i = 2; i <= 4; i++) {
            person.post("/follow-up", "reference", real.reference(), "code", wrong);
        }
        String lockedReal = errorOf(person.post("/follow-up", "reference", real.reference(), "code", wrong));
        assertThat(lockedUnknown).startsWith("There have been too many attempts").isEqualTo(lockedReal);
        assertThat(audits("intake.follow-up.locked", unknown)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_follow_up_failure WHERE reference = :r AND locked_until > now()")
                .param("r", unknown).query(Long.class).single()).isEqualTo(1);
        // Failures are kept by reference only: no address, no device.
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'intake_follow_up_failure'")
                .query(String.class).list()).containsExactlyInAnyOrder("reference", "failures", "window_started_at",
                        "locked_until");
    }

    @Test
    void oneAddressCannotTryReferenceAfterReference() {
        Receipt receipt = submit(TOWER_HAMLETS, false);
        WebClient person = new WebClient(port);
        person.page("/follow-up");
        for (int i = 0; i < FollowUpAddressLimit.MAX_FAILURES; i++) {
            person.post("/follow-up", "reference", unusedReference(), "code", Codes.newFollowUpCode());
        }
        String refused = errorOf(person.post("/follow-up", "reference", receipt.reference(), "code",
                receipt.followUpCode()));
        assertThat(refused).startsWith("There have been too many attempts from your connection");
        assertThat(audits("intake.follow-up.opened", receipt.reference())).isZero();

        clock.advance(FollowUpAddressLimit.WINDOW.plusSeconds(1));
        assertThat(person.post("/follow-up", "reference", receipt.reference(), "code", receipt.followUpCode())
                .statusCode()).isEqualTo(302);
    }

    @Test
    void emptyFieldsAreAskedForAndWhatWasTypedIsKept() {
        WebClient person = new WebClient(port);
        person.page("/follow-up");
        Document page = Jsoup.parse(person.post("/follow-up", "reference", "SG-ABCD", "code", "").body());
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly("Enter your secret follow-up code");
        assertThat(page.selectFirst("input#reference").val()).isEqualTo("SG-ABCD");
    }

    // --- the open submission

    @Test
    void messagesRoundTripExactlyBetweenReporterAndStaffAndAreStoredEncrypted() {
        Receipt receipt = submit(TOWER_HAMLETS, false);
        WebClient person = open(receipt);

        HttpResponse<String> sent = person.post("/follow-up/message", "message", EXACT);
        assertThat(WebClient.location(sent)).isEqualTo("/follow-up/submission?sent");
        Document page = person.page("/follow-up/submission?sent");
        assertThat(page.select(".govuk-notification-banner").text()).contains("Your message has been sent");
        assertThat(messageTexts(page)).containsExactly(EXACT);
        assertThat(person.get("/follow-up/submission").body()).contains(EXACT);
        assertThat(audits("intake.message.received", receipt.reference())).isEqualTo(1);

        Map<String, Object> row = jdbc.sql("SELECT m.* FROM intake_message m JOIN intake_submission s ON s.id = m.submission_id"
                + " WHERE s.reference = :r").param("r", receipt.reference()).query().singleRow();
        assertThat(row.get("author")).isEqualTo("REPORTER");
        assertThat(new String((byte[]) row.get("body"), StandardCharsets.UTF_8)).doesNotContain("مرحبا");

        StaffClient staff = signedIn(Role.PRACTITIONER, TOWER_HAMLETS);
        assertThat(unreadInQueue(staff, receipt.reference())).isEqualTo("1");
        Document staffPage = staff.page("/staff/intake/" + receipt.reference());
        assertThat(messageTexts(staffPage)).containsExactly(EXACT);
        assertThat(unreadInQueue(staff, receipt.reference())).as("opened: read").isEqualTo("0");

        String reply = "شكرا لك – we are looking at it 🙏 <b>not bold</b>";
        HttpResponse<String> replied = staff.post("/staff/intake/" + receipt.reference() + "/reply", "reply", reply);
        assertThat(StaffClient.location(replied)).isEqualTo("/staff/intake/" + receipt.reference() + "?done=reply");
        assertThat(audits("intake.message.sent", receipt.reference())).isEqualTo(1);

        Document after = person.page("/follow-up/submission");
        assertThat(messageTexts(after)).containsExactly(EXACT, reply);
        assertThat(after.select("main b")).as("typed markup is shown as text").isEmpty();
        assertThat(after.select("main h3").eachText()).containsExactly("You", "The borough team");
    }

    @Test
    void aTooLongMessageIsRefusedAndKeptAsTyped() {
        Receipt receipt = submit(TOWER_HAMLETS, false);
        WebClient person = open(receipt);
        String tooLong = "é".repeat(IntakeMessages.MAX_LENGTH + 1);
        Document page = Jsoup.parse(person.post("/follow-up/message", "message", tooLong).body());
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Your message must be 5,000 characters or fewer");
        assertThat(page.selectFirst("textarea#message").val()).isEqualTo(tooLong);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_message m JOIN intake_submission s ON s.id = m.submission_id"
                + " WHERE s.reference = :r").param("r", receipt.reference()).query(Long.class).single()).isZero();
    }

    @Test
    void theSessionHoldsOnlyTheSubmissionsIdNeverTheCodeOrAnythingTyped() {
        Receipt receipt = submit(TOWER_HAMLETS, false);
        WebClient person = open(receipt);
        person.post("/follow-up/message", "message", EXACT);
        person.post("/follow-up/message", "message", "x".repeat(IntakeMessages.MAX_LENGTH + 1) + "typed-but-refused");

        Map<String, byte[]> attributes = sessionAttributes(person);
        assertThat(attributes).containsKey(FollowUpController.OPEN_SUBMISSION);
        assertThat(new String(attributes.get(FollowUpController.OPEN_SUBMISSION), StandardCharsets.UTF_8))
                .contains(receipt.id().toString());
        String code = receipt.followUpCode();
        for (Map.Entry<String, byte[]> attribute : attributes.entrySet()) {
            for (String text : List.of(new String(attribute.getValue(), StandardCharsets.UTF_8),
                    new String(attribute.getValue(), StandardCharsets.UTF_16BE),
                    new String(attribute.getValue(), StandardCharsets.ISO_8859_1))) {
                assertThat(text).as(attribute.getKey()).doesNotContain(code).doesNotContain(code.replace("-", ""))
                        .doesNotContain(receipt.reference()).doesNotContain("مرحبا").doesNotContain("typed-but-refused");
            }
        }

        HttpResponse<String> closed = person.post("/follow-up/close");
        assertThat(WebClient.location(closed)).isEqualTo("/follow-up?closed");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session_attributes WHERE attribute_name = :name"
                + " AND session_primary_id IN (SELECT primary_id FROM spring_session WHERE session_id = :id)")
                .param("name", FollowUpController.OPEN_SUBMISSION)
                .param("id", new String(Base64.getDecoder().decode(person.cookie("SAFEGUARD_SESSION")), StandardCharsets.UTF_8))
                .query(Long.class).single()).isZero();
        assertThat(WebClient.location(person.get("/follow-up/submission"))).isEqualTo("/follow-up");
        assertThat(person.page("/follow-up?closed").select(".govuk-notification-banner").text())
                .contains("You have signed out of your concern on this device");
    }

    @Test
    void aStatusChangeByStaffIsAuditedAndShownToTheReporter() {
        Receipt receipt = submit(TOWER_HAMLETS, false);
        WebClient person = open(receipt);
        assertThat(person.page("/follow-up/submission").select("main .govuk-tag").text()).isEqualTo("Received");

        StaffClient staff = signedIn(Role.PRACTITIONER, TOWER_HAMLETS);
        staff.page("/staff/intake/" + receipt.reference());
        HttpResponse<String> changed = staff.post("/staff/intake/" + receipt.reference() + "/status",
                "status", "CLOSED_INFORMED");
        assertThat(StaffClient.location(changed)).isEqualTo("/staff/intake/" + receipt.reference() + "?done=status");
        assertThat(audits("intake.status-changed", receipt.reference())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor FROM intake_status_update u JOIN intake_submission s ON s.id = u.submission_id"
                + " WHERE s.reference = :r AND u.status = 'CLOSED_INFORMED'").param("r", receipt.reference())
                .query(String.class).single()).startsWith("account:");

        Document page = person.page("/follow-up/submission");
        assertThat(page.select("main .govuk-tag").text()).isEqualTo("Closed: the right people have been informed");
        assertThat(page.select("main .govuk-summary-list").last().select(".govuk-summary-list__value").eachText())
                .containsExactly("Received", "Closed: the right people have been informed");
        assertThat(page.select("details summary").text()).contains("What these statuses mean");
    }

    // --- staff: scope, details, routing, queue

    @Test
    void anotherBoroughsSubmissionIsForbiddenAndTheRefusalAudited() {
        Receipt receipt = submit(NEWHAM, false);
        StaffClient staff = signedIn(Role.PRACTITIONER, TOWER_HAMLETS);
        HttpResponse<String> denied = staff.get("/staff/intake/" + receipt.reference());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain("Avery");
        HttpResponse<String> reply = staff.post("/staff/intake/" + receipt.reference() + "/reply", "reply", "hello");
        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(audits("intake.access-denied", receipt.reference())).isEqualTo(2);
        assertThat(audits("intake.viewed", receipt.reference())).isZero();
        assertThat(audits("intake.message.sent", receipt.reference())).isZero();

        StaffClient newham = signedIn(Role.PRACTITIONER, NEWHAM);
        assertThat(newham.get("/staff/intake/" + receipt.reference()).statusCode()).isEqualTo(200);
        assertThat(newham.get("/staff/intake/" + receipt.reference()).statusCode()).isEqualTo(200);
        assertThat(audits("intake.viewed", receipt.reference())).as("every view").isEqualTo(2);
    }

    @Test
    void theDetailsShowEveryFieldOfAnyShapeEscaped() {
        Nested details = new Nested("<script>alert(1)</script> " + EXACT, new Person("Avery Test-Person", "posts"),
                List.of("TikTok", "Telegram"), List.of(new Person("Sam", "a"), new Person("Kim", "b")), true);
        Receipt receipt = submissions.submit(new NewSubmission(SubmissionKind.REFERRAL, Channel.PROFESSIONAL, TOWER_HAMLETS,
                false, false, "en", details, null, false, true));
        StaffClient staff = signedIn(Role.PRACTITIONER, TOWER_HAMLETS);
        HttpResponse<String> response = staff.get("/staff/intake/" + receipt.reference());
        assertThat(response.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        Document page = Jsoup.parse(response.body());
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (Element row : page.select("main .govuk-summary-list").get(1).select(".govuk-summary-list__row")) {
            rows.put(row.selectFirst("dt").text(), row.selectFirst("dd").text());
        }
        assertThat(rows).containsEntry("Summary", "<script>alert(1)</script> " + EXACT)
                .containsEntry("Person › Name", "Avery Test-Person")
                .containsEntry("Platforms", "TikTok, Telegram")
                .containsEntry("Others › 2 › Name", "Kim")
                .containsEntry("Children at risk", "Yes");
    }

    @Test
    void aBoroughLeadSeesTheCityWideQueueAndSendsASubmissionToABorough() {
        Receipt receipt = submit(null, false);
        StaffClient practitioner = signedIn(Role.PRACTITIONER, TOWER_HAMLETS);
        assertThat(practitioner.get("/staff/intake/" + receipt.reference()).statusCode()).isEqualTo(403);
        assertThat(practitioner.page("/staff/intake").text()).doesNotContain(receipt.reference());

        StaffClient lead = signedIn(Role.BOROUGH_LEAD, NEWHAM);
        assertThat(unreadInQueue(lead, receipt.reference())).as("in the lead's queue").isEqualTo("0");
        Document page = lead.page("/staff/intake/" + receipt.reference());
        assertThat(page.select("select#borough")).hasSize(1);
        HttpResponse<String> routed = lead.post("/staff/intake/" + receipt.reference() + "/borough", "borough",
                TOWER_HAMLETS);
        assertThat(StaffClient.location(routed)).isEqualTo("/staff/intake?routed");
        assertThat(jdbc.sql("SELECT borough_code FROM intake_submission WHERE reference = :r")
                .param("r", receipt.reference()).query(String.class).single()).isEqualTo(TOWER_HAMLETS);
        assertThat(jdbc.sql("SELECT details::text FROM audit_entry WHERE action = 'intake.routed' AND record_id = :r")
                .param("r", receipt.reference()).query(String.class).single()).contains(TOWER_HAMLETS);
        assertThat(practitioner.get("/staff/intake/" + receipt.reference()).statusCode()).isEqualTo(200);
        assertThat(lead.get("/staff/intake/" + receipt.reference()).statusCode()).as("now outside Newham").isEqualTo(403);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> TOWER_HAMLETS.equals(
                jdbc.sql("SELECT borough_code FROM casework_inbox WHERE reference = :r").param("r", receipt.reference())
                        .query(String.class).optional().orElse(null)));
    }

    @Test
    void theQueueIsUrgentFirstThenOldestShowsNothingPersonalAndIsPaged() {
        List<NewSubmission> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(concern(BARKING, false));
        }
        List<Receipt> ordinary = submissions.submitAll(batch);
        clock.advance(Duration.ofSeconds(5));
        Receipt urgent = submissions.submit(concern(BARKING, true));
        Receipt hate = submissions.submit(new NewSubmission(SubmissionKind.HATE_REPORT, Channel.PUBLIC, BARKING, false,
                true, "en", new Person("Avery Test-Person", "x"), null, false, true));

        StaffClient staff = signedIn(Role.PRACTITIONER, BARKING);
        Document first = staff.page("/staff/intake");
        List<String> references = first.select("main table tbody tr td:first-child a").eachText();
        assertThat(references).hasSize(50).doesNotContain(hate.reference());
        assertThat(references.get(0)).isEqualTo(urgent.reference());
        assertThat(first.select("main table tbody tr").get(0).select(".govuk-tag").text()).isEqualTo("Urgent");
        assertThat(first.text()).doesNotContain("Avery");
        assertThat(first.select(".govuk-pagination a[href='/staff/intake?page=2']")).isNotEmpty();
        Document second = staff.page("/staff/intake?page=2");
        assertThat(second.select("main table tbody tr td:first-child a").eachText()).hasSize(1)
                .doesNotContainAnyElementsOf(references);
        assertThat(ordinary).extracting(Receipt::reference).contains(references.get(1));
    }

    @Test
    void staffInTheBoroughDownloadASubmissionsFileAuditedAndOthersCannot() throws Exception {
        Drafts.Draft draft = drafts.findOrStart(new org.springframework.mock.web.MockHttpServletRequest(),
                new org.springframework.mock.web.MockHttpServletResponse(), Journey.CONCERN);
        byte[] pdf = AttachmentTestFiles.pdf("a leaflet");
        Attachments.Upload upload = attachments.attach(draft.id(), "leaflet ليف.pdf", pdf);
        assertThat(upload.refusal()).isNull();
        Receipt receipt = submissions.submitDraft(concern(TOWER_HAMLETS, false), draft.id());

        StaffClient practitioner = signedIn(Role.PRACTITIONER, TOWER_HAMLETS);
        Document page = practitioner.page("/staff/intake/" + receipt.reference());
        String href = page.select("main table a").attr("href");
        assertThat(page.select("main table a").text()).isEqualTo("leaflet ليف.pdf");
        HttpResponse<byte[]> download = practitioner.getBytes(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'intake.attachment.downloaded' AND record_id = :r")
                .param("r", receipt.reference()).query(Long.class).single()).isEqualTo(1);

        StaffClient elsewhere = signedIn(Role.PRACTITIONER, NEWHAM);
        assertThat(elsewhere.getBytes(href).statusCode()).isEqualTo(403);
        assertThat(practitioner.getBytes("/staff/intake/" + receipt.reference() + "/attachments/"
                + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(practitioner.getBytes("/staff/intake/" + receipt.reference() + "/attachments/sample").statusCode())
                .isEqualTo(404);
    }

    // --- helpers

    private Receipt submit(String borough, boolean urgent) {
        return submissions.submit(concern(borough, urgent));
    }

    private static NewSubmission concern(String borough, boolean urgent) {
        return new NewSubmission(SubmissionKind.CONCERN, Channel.PUBLIC, borough, urgent, true, "en",
                new Person("Avery Test-Person", "something"), null, false, true);
    }

    private WebClient open(Receipt receipt) {
        WebClient person = new WebClient(port);
        person.page("/follow-up");
        HttpResponse<String> opened = person.post("/follow-up", "reference", receipt.reference(), "code",
                receipt.followUpCode());
        assertThat(WebClient.location(opened)).as(opened.body()).isEqualTo("/follow-up/submission");
        Document page = person.page("/follow-up/submission");
        assertThat(page.text()).doesNotContain("Avery").doesNotContain(receipt.reference());
        return person;
    }

    private StaffClient signedIn(Role role, String borough) {
        TestStaff staff = TestStaff.from(context);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, staff.create(role, List.of(borough)));
        return client;
    }

    private static String errorOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("the form again, with an error").isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.title()).startsWith("Error: ");
        return page.selectFirst(".govuk-error-summary a").text();
    }

    private static List<String> messageTexts(Document page) {
        return page.select("main p[dir=auto]").stream().map(Element::wholeText).toList();
    }

    /** The unread count of {@code reference} in the queue, on whichever page it is (other tests share the queue). */
    private String unreadInQueue(StaffClient staff, String reference) {
        for (int page = 1; page <= 50; page++) {
            Document queue = staff.page("/staff/intake?page=" + page);
            for (Element row : queue.select("main table tbody tr")) {
                if (row.selectFirst("td a").text().equals(reference)) {
                    return row.select("td").last().text();
                }
            }
            if (queue.select(".govuk-pagination__next a").isEmpty()) {
                break;
            }
        }
        throw new AssertionError(reference + " is not in the queue");
    }

    private long audits(String action, String reference) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :a AND record_id = :r")
                .param("a", action).param("r", reference).query(Long.class).single();
    }

    private String unusedReference() {
        while (true) {
            String reference = Codes.newReference();
            if (jdbc.sql("SELECT count(*) FROM intake_submission WHERE reference = :r").param("r", reference)
                    .query(Long.class).single() == 0) {
                return reference;
            }
        }
    }

    private Map<String, byte[]> sessionAttributes(WebClient person) {
        String sessionId = new String(Base64.getDecoder().decode(person.cookie("SAFEGUARD_SESSION")),
                StandardCharsets.UTF_8);
        Map<String, byte[]> attributes = new java.util.HashMap<>();
        jdbc.sql("SELECT a.attribute_name, a.attribute_bytes FROM spring_session_attributes a JOIN spring_session s"
                + " ON s.primary_id = a.session_primary_id WHERE s.session_id = :id").param("id", sessionId)
                .query(rs -> {
                    attributes.put(rs.getString(1), rs.getBytes(2));
                });
        assertThat(attributes).as("the session is in the table").isNotEmpty();
        return attributes;
    }

}
