package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.safeguard.intake.internal.ReportPages.assertRedirect;
import static uk.org.safeguard.intake.internal.ReportPages.doc;
import static uk.org.safeguard.intake.internal.ReportPages.errorSummary;
import static uk.org.safeguard.intake.internal.ReportPages.h1;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.identity.internal.StaffClient;
import uk.org.safeguard.identity.internal.TestStaff;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.support.IntegrationTest;
import uk.org.safeguard.support.WebClient;

/**
 * Hate-incident reports over HTTP: validation that keeps what was typed, an anonymous report stored
 * encrypted and counted without anything personal, kept out of casework, and the programme's queue:
 * only the programme team reaches it, counts under 10 are not shown exactly, and opening a report is audited.
 */
@IntegrationTest
class HateReportIntegrationTest {

    static final String DESCRIPTION = "رسم على الجدار <script>alert(1)</script> 🏳️‍🌈 and a cafe\u0301 sign";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Submissions submissions;

    @Autowired
    ApplicationContext context;

    @Test
    void eachPageShowsGovukErrorsAndKeepsWhatWasTyped() {
        WebClient client = new WebClient(port);
        client.get("/report-hate/what");
        HttpResponse<String> what = client.post("/report-hate/what", "onlineAddress", "javascript:alert(1)");
        assertThat(errorSummary(what)).containsExactly("Select what the incident was aimed at, or select I'm not sure",
                "Select the kind of incident",
                "Enter a web address that starts with http:// or https://, like https://www.example.com/post/123");
        assertThat(doc(what).title()).startsWith("Error:");
        assertThat(doc(what).selectFirst("input#onlineAddress").attr("value")).isEqualTo("javascript:alert(1)");
        HttpResponse<String> madeUp = client.post("/report-hate/what", "strands", "weather", "incidentType", "picnic",
                "onlineAddress", "ftp://example.org/x");
        assertThat(errorSummary(madeUp)).hasSize(3);

        client.get("/report-hate/where");
        assertThat(errorSummary(client.post("/report-hate/where"))).containsExactly(
                "Select where it happened, or select I don't know");
        assertThat(errorSummary(client.post("/report-hate/where", "where", "postcode", "postcode", "")))
                .containsExactly("Enter the postcode");
        HttpResponse<String> badPostcode = client.post("/report-hate/where", "where", "postcode", "postcode", "QQ9 9QQX");
        assertThat(errorSummary(badPostcode)).containsExactly("Enter a real postcode, like E1 6AN");
        assertThat(doc(badPostcode).selectFirst("input#postcode").attr("value")).isEqualTo("QQ9 9QQX");
        assertThat(errorSummary(client.post("/report-hate/where", "where", "borough", "borough", "E09999999")))
                .containsExactly("Select the borough");

        client.get("/report-hate/when");
        assertThat(errorSummary(client.post("/report-hate/when"))).containsExactly(
                "Enter the date it happened, or select I'm not sure of the date");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        HttpResponse<String> future = client.post("/report-hate/when", "when-day", String.valueOf(tomorrow.getDayOfMonth()),
                "when-month", String.valueOf(tomorrow.getMonthValue()), "when-year", String.valueOf(tomorrow.getYear()));
        assertThat(errorSummary(future)).containsExactly("Date must be today or in the past");
        assertThat(errorSummary(client.post("/report-hate/when", "when-day", "30", "when-month", "2", "when-year",
                "2024"))).containsExactly("Date must be a real date");
        assertRedirect(client.post("/report-hate/when", "when-day", "", "when-month", "", "when-year", "",
                "whenNotSure", "yes"), "/report-hate/contact");

        Document contactPage = client.page("/report-hate/contact");
        assertThat(contactPage.selectFirst("input[name=contactWanted][value=no]").hasAttr("checked"))
                .as("anonymous by default").isTrue();
        assertThat(errorSummary(client.post("/report-hate/contact", "contactWanted", "yes")))
                .containsExactly("Enter an email address or a telephone number, or choose to stay anonymous");
        HttpResponse<String> badContact = client.post("/report-hate/contact", "contactWanted", "yes", "contactName",
                "Ünal", "contactEmail", "nope", "contactPhone", "phone me");
        assertThat(errorSummary(badContact)).containsExactly(
                "Enter an email address in the correct format, like name@example.org",
                "Enter a telephone number, like 020 7946 0000 or +44 20 7946 0000");
        assertThat(doc(badContact).selectFirst("input#contactName").attr("value")).isEqualTo("Ünal");

        client.get("/report-hate/description");
        assertThat(errorSummary(client.post("/report-hate/description", "description", " ")))
                .containsExactly("Describe what happened");
        String tooLong = "😀".repeat(5001);
        HttpResponse<String> longOne = client.post("/report-hate/description", "description", tooLong);
        assertThat(errorSummary(longOne)).containsExactly("Description must be 5,000 characters or fewer");
        assertThat(doc(longOne).selectFirst("textarea#description").wholeText()).isEqualTo(tooLong);
        assertRedirect(client.post("/report-hate/description", "description", "😀".repeat(5000)),
                "/report-hate/attachments");
    }

    @Test
    void anAnonymousReportIsStoredCountedAndKeptFromCasework() throws Exception {
        WebClient client = new WebClient(port);
        String reference = report(client);
        Map<String, Object> row = jdbc.sql("SELECT * FROM intake_submission WHERE reference = :r").param("r", reference)
                .query().singleRow();
        assertThat(row).containsEntry("kind", "HATE_REPORT").containsEntry("channel", "PUBLIC")
                .containsEntry("anonymous", true).containsEntry("borough_code", "E09000030")
                .containsEntry("status", "RECEIVED");
        assertThat(new String((byte[]) row.get("details"), StandardCharsets.UTF_8)).doesNotContain("cafe");
        HateReportDetails details = submissions.details((UUID) row.get("id"), SubmissionKind.HATE_REPORT,
                (byte[]) row.get("details"), HateReportDetails.class);
        assertThat(details.description()).isEqualTo(DESCRIPTION);
        assertThat(details.contact()).isNull();
        assertThat(details.onlineAddress()).isEqualTo("https://example.org/post/1?x=é");
        Map<String, Object> counted = jdbc.sql("""
                SELECT array_to_string(strands, ',') AS strands, incident_type, occurred_month
                FROM intake_hate_statistic WHERE submission_id = :id""").param("id", row.get("id")).query().singleRow();
        assertThat(counted).containsEntry("strands", "religion,race").containsEntry("incident_type", "graffiti")
                .containsEntry("occurred_month", Date.valueOf("2025-11-01"));
        Thread.sleep(500);
        assertThat(jdbc.sql("SELECT count(*) FROM casework_inbox WHERE reference = :r").param("r", reference)
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheProgrammeTeamReachesTheQueueAndOpeningAReportIsAudited() {
        String reference = report(new WebClient(port));
        TestStaff staff = TestStaff.from(context);
        for (Role role : List.of(Role.PRACTITIONER, Role.ANALYST, Role.OVERSIGHT, Role.ADMIN)) {
            StaffClient other = new StaffClient(port);
            staff.signIn(other, staff.create(role));
            assertThat(other.get("/staff/hate-reports").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(other.get("/staff/hate-reports/" + reference).statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(WebClient.location(new WebClient(port).get("/staff/hate-reports"))).isEqualTo("/sign-in");

        TestStaff.Member member = staff.create(Role.PROGRAMME);
        StaffClient programme = new StaffClient(port);
        staff.signIn(programme, member);
        HttpResponse<String> queue = programme.get("/staff/hate-reports");
        assertThat(queue.statusCode()).isEqualTo(200);
        Document list = doc(queue);
        assertThat(list.select("a[href=/staff/hate-reports/" + reference + "]")).hasSize(1);
        assertThat(list.text()).contains("Religion or belief, Race or ethnicity", "Graffiti, posters or stickers",
                "Tower Hamlets", "fewer than 10").doesNotContain("cafe");
        assertThat(audits(reference)).isZero();

        HttpResponse<String> opened = programme.get("/staff/hate-reports/" + reference.toLowerCase());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(doc(opened).select(".govuk-summary-list__value").stream().map(e -> e.wholeText().strip()).toList())
                .contains(DESCRIPTION);
        assertThat(opened.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE action = 'intake.viewed' AND record_id = :r AND actor = :a""")
                .param("r", reference).param("a", "account:" + member.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(programme.get("/staff/hate-reports/SG-2222-2222").statusCode()).isEqualTo(404);
    }

    @Test
    void aCountOfTenOrMoreIsShownAndFewerIsNot() {
        for (int i = 0; i < 10; i++) {
            Receipt receipt = submissions.submit(new NewSubmission(SubmissionKind.HATE_REPORT, Channel.PUBLIC, null,
                    false, true, "en", Map.of("description", "x"), null, false, true));
            jdbc.sql("""
                    INSERT INTO intake_hate_statistic (submission_id, strands, incident_type, occurred_month)
                    VALUES (:id, ARRAY['disability'], 'verbal-abuse', DATE '2001-01-01')""")
                    .param("id", receipt.id()).update();
        }
        TestStaff staff = TestStaff.from(context);
        StaffClient programme = new StaffClient(port);
        staff.signIn(programme, staff.create(Role.PROGRAMME));
        Document list = programme.page("/staff/hate-reports");
        String disability = list.select("tr").stream().filter(tr -> tr.text().startsWith("Disability"))
                .findFirst().orElseThrow().select("td").text();
        assertThat(disability).matches("[0-9,]+");
        assertThat(Integer.parseInt(disability.replace(",", ""))).isGreaterThanOrEqualTo(10);
        String january = list.select("tr").stream().filter(tr -> tr.text().startsWith("January 2001"))
                .findFirst().orElseThrow().select("td").text();
        assertThat(january).isEqualTo("10");
    }

    /** A complete anonymous report; returns its reference. */
    String report(WebClient client) {
        client.get("/report-hate/what");
        assertRedirect(client.post("/report-hate/what", "strands", "religion", "strands", "race", "incidentType",
                "graffiti", "onlineAddress", "https://example.org/post/1?x=é"), "/report-hate/where");
        assertRedirect(client.post("/report-hate/where", "where", "borough", "borough", "E09000030", "postcode", ""),
                "/report-hate/when");
        assertRedirect(client.post("/report-hate/when", "when-day", "14", "when-month", "11", "when-year", "2025"),
                "/report-hate/contact");
        assertRedirect(client.post("/report-hate/contact", "contactWanted", "no"), "/report-hate/description");
        assertRedirect(client.post("/report-hate/description", "description", DESCRIPTION), "/report-hate/attachments");
        Document check = client.page("/report-hate/check-answers");
        assertThat(check.select(".govuk-summary-list__value").stream().map(e -> e.wholeText().strip()).toList())
                .contains(DESCRIPTION, "Tower Hamlets", "14 November 2025", "No, stay anonymous");
        HttpResponse<String> sent = ReportPages.send(client, "/report-hate/check-answers");
        assertRedirect(sent, "/report-hate/confirmation");
        Document confirmation = client.page("/report-hate/confirmation");
        assertThat(confirmation.text()).contains("True Vision", "101", "999");
        assertThat(confirmation.select("a[href=https://www.report-it.org.uk/]")).hasSize(1);
        String reference = confirmation.selectFirst(".govuk-panel__body").text().replace("Your reference is ", "");
        assertThat(submissions.open(reference, confirmation.selectFirst("#follow-up-code").text())).isPresent();
        assertThat(h1(client.get("/report-hate/confirmation"))).isEqualTo("Your reference and follow-up code were shown once");
        return reference;
    }

    private long audits(String reference) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'intake.viewed' AND record_id = :r")
                .param("r", reference).query(Long.class).single();
    }
}
