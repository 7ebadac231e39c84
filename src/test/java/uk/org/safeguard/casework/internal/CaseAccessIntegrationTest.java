package uk.org.safeguard.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.identity.internal.StaffClient;
import uk.org.safeguard.identity.internal.TestStaff;
import uk.org.safeguard.support.AdjustableClock;
import uk.org.safeguard.support.IntegrationTest;

/**
 * Who may read a case: a practitioner in the case's borough; anyone else gets a 403 that is audited,
 * and may open it through break-glass with a reason, for one hour, under a banner, on oversight's dashboard.
 */
@IntegrationTest
class CaseAccessIntegrationTest {

    static final String TOWER_HAMLETS = "E09000030";
    static final String NEWHAM = "E09000025";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseFiles files;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPractitionerReadsTheirBoroughsCaseAndItsViewIsAuditedAndShownInWhoHasSeenThis() {
        String reference = newCase(TOWER_HAMLETS, "Avery Testcase-Person");
        TestStaff staff = TestStaff.from(context);
        TestStaff.Member practitioner = staff.create(Role.PRACTITIONER, List.of(TOWER_HAMLETS));
        StaffClient client = new StaffClient(port);
        staff.signIn(client, practitioner);

        HttpResponse<String> page = client.get("/staff/cases/" + reference);
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("main").text()).contains("Avery Testcase-Person", "Tower Hamlets")
                .doesNotContain("break-glass access until");
        assertThat(html.select("table").text()).as("who has seen this").contains("account:" + practitioner.id());
        assertThat(auditCount("case.viewed", reference)).isEqualTo(1);
        assertThat(Jsoup.parse(client.get("/staff/cases").body()).select("main a").eachText()).contains(reference);
    }

    @Test
    void anotherBoroughsCaseIs403AuditedThenReadableThroughBreakGlassForOneHour() {
        String reference = newCase(NEWHAM, "Blake Otherborough-Person");
        TestStaff staff = TestStaff.from(context);
        TestStaff.Member practitioner = staff.create(Role.PRACTITIONER, List.of(TOWER_HAMLETS));
        StaffClient client = new StaffClient(port);
        staff.signIn(client, practitioner);

        HttpResponse<String> denied = client.get("/staff/cases/" + reference);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain("Blake Otherborough-Person").contains("Use break-glass access");
        assertThat(auditCount("case.access-denied", reference)).isEqualTo(1);
        assertThat(auditCount("case.viewed", reference)).isZero();

        String breakGlassPath = "/staff/break-glass/cases/" + reference;
        assertThat(client.get(breakGlassPath).body()).contains("Why do you need to open this case now?")
                .doesNotContain("Blake Otherborough-Person");
        HttpResponse<String> tooShort = client.post(breakGlassPath, "reason", "urgent");
        assertThat(Jsoup.parse(tooShort.body()).select(".govuk-error-summary").text())
                .contains("The reason must be 10 characters or more");
        assertThat(Jsoup.parse(tooShort.body()).select("textarea").text()).as("what was typed is kept").isEqualTo("urgent");
        HttpResponse<String> opened = client.post(breakGlassPath, "reason", "Police asked for urgent information today");
        assertThat(StaffClient.location(opened)).isEqualTo(breakGlassPath);

        HttpResponse<String> viewed = client.get(breakGlassPath);
        assertThat(viewed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(viewed.body()).select(".govuk-notification-banner").text())
                .contains("break-glass access until", "Police asked for urgent information today");
        assertThat(viewed.body()).contains("Blake Otherborough-Person");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'case.viewed' AND record_id = :r "
                + "AND details::text LIKE '%break-glass%'").param("r", reference).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT reason FROM audit_entry WHERE action = 'break-glass.opened' AND record_id = :r")
                .param("r", reference).query(String.class).single()).isEqualTo("Police asked for urgent information today");

        clock.advance(Duration.ofMinutes(61));
        assertThat(client.get(breakGlassPath).body()).as("an hour later the grant has ended")
                .doesNotContain("Blake Otherborough-Person").contains("Why do you need to open this case now?");
        assertThat(client.get("/staff/cases/" + reference).statusCode()).isEqualTo(403);

        TestStaff.Member oversight = staff.create(Role.OVERSIGHT);
        StaffClient overseer = new StaffClient(port);
        staff.signIn(overseer, oversight, 1);
        Document dashboard = Jsoup.parse(overseer.get("/staff/oversight/break-glass").body());
        assertThat(dashboard.select("table").text()).contains(reference, "account:" + practitioner.id(),
                "Police asked for urgent information today", "Not reviewed");
        String grant = dashboard.select("input[name=grant]").stream()
                .filter(i -> dashboard.select("label[for=" + i.id() + "]").text().contains(reference))
                .findFirst().orElseThrow().val();
        assertThat(StaffClient.location(overseer.post("/staff/oversight/break-glass", "grant", grant)))
                .isEqualTo("/staff/oversight/break-glass?reviewed");
        assertThat(Jsoup.parse(overseer.get("/staff/oversight/break-glass").body()).select("table tr:contains("
                + reference + ")").text()).contains("Reviewed by account:" + oversight.id());
    }

    @Test
    void rolesWithoutCaseAccessOrBreakGlassCannotReadCases() {
        String reference = newCase(TOWER_HAMLETS, "Casey Noaccess-Person");
        TestStaff staff = TestStaff.from(context);
        for (Role role : List.of(Role.ANALYST, Role.PROGRAMME, Role.ADMIN, Role.DPO)) {
            StaffClient client = new StaffClient(port);
            staff.signIn(client, staff.create(role));
            assertThat(client.get("/staff/cases/" + reference).statusCode()).as(role.name()).isEqualTo(403);
            assertThat(client.get("/staff/break-glass/cases/" + reference).statusCode()).as(role.name()).isEqualTo(403);
        }
    }

    private String newCase(String borough, String name) {
        return files.open(borough, "16_17", LocalDate.now(), new CaseDetails(name, LocalDate.of(2009, 1, 1),
                "1 Test Street", "Test concern", "", ""), "system");
    }

    private int auditCount(String action, String reference) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :action AND record_id = :r")
                .param("action", action).param("r", reference).query(Integer.class).single();
    }
}
