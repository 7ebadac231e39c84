package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.org.safeguard.audit.AuditEntry;
import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditPage;
import uk.org.safeguard.audit.AuditQueries;
import uk.org.safeguard.audit.AuditSearch;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.identity.Role;
import uk.org.safeguard.support.IntegrationTest;

/** Oversight searching the audit trail at /staff/audit, over HTTP; each test seeds its own entries. */
@IntegrationTest
class AuditSearchIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Totp totp;

    @Autowired
    IdentityClock clock;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditQueries queries;

    TestStaff staff;

    @BeforeEach
    void setUp() {
        staff = new TestStaff(administration, totp, clock);
    }

    @Test
    void oversightFindsEntriesByRecord() {
        String record = unique("SG-R");
        trail.record(AuditEvent.of("account:1", "case.viewed", "case", record));
        trail.record(AuditEvent.of("account:2", "case.updated", "case", record).withReason("corrected a date"));
        trail.record(AuditEvent.of("account:1", "case.viewed", "case", unique("SG-OTHER")));

        Document page = search(signedIn(Role.OVERSIGHT), "recordType=case&recordId=" + record);

        assertThat(page.title()).isEqualTo("Search the audit trail – Safeguard");
        assertThat(rows(page)).containsExactly(
                List.of("account:2", "case.updated", "case " + record, "corrected a date"),
                List.of("account:1", "case.viewed", "case " + record, ""));
        assertThat(page.getElementById("total").text()).startsWith("2 entries match");
        assertThat(page.getElementById("recordId").val()).isEqualTo(record);
    }

    @Test
    void oversightFindsEntriesByActorAndAction() {
        String actor = unique("api-client:");
        trail.record(AuditEvent.of(actor, "case.viewed", "case", unique("SG-A")));
        trail.record(AuditEvent.of(actor, "case.exported", "case", unique("SG-A")));
        trail.record(AuditEvent.of(unique("api-client:"), "case.viewed", "case", unique("SG-A")));

        StaffClient client = signedIn(Role.OVERSIGHT);
        assertThat(rows(search(client, "actor=" + actor))).extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly(actor + " case.exported", actor + " case.viewed");
        assertThat(rows(search(client, "actor=" + actor + "&action=case.viewed"))).hasSize(1);
    }

    @Test
    void oversightFindsEntriesByDateRangeWithTheToDateIncluded() {
        String record = unique("SG-D");
        trail.record(AuditEvent.of("system", "case.viewed", "case", record));
        LocalDate today = LocalDate.now(AuditSearchForm.LONDON);
        StaffClient client = signedIn(Role.OVERSIGHT);
        String byRecord = "recordType=case&recordId=" + record;

        assertThat(rows(search(client, byRecord + dates("from", today) + dates("to", today)))).hasSize(1);
        assertThat(rows(search(client, byRecord + dates("from", today.minusDays(7)) + dates("to", today.minusDays(1)))))
                .isEmpty();
        Document later = search(client, byRecord + dates("from", today.plusDays(1)));
        assertThat(rows(later)).isEmpty();
        assertThat(later.getElementById("no-results").text()).isEqualTo("No entries match");
    }

    @Test
    void resultsComeFiftyToAPageNewestFirstAndThePagesKeepTheFilters() {
        String record = unique("SG-P");
        for (int i = 1; i <= 55; i++) {
            trail.record(AuditEvent.of("system", "case.viewed", "case", record).withReason("view " + i));
        }
        StaffClient client = signedIn(Role.OVERSIGHT);

        Document first = search(client, "recordType=case&recordId=" + record);
        assertThat(rows(first)).hasSize(50);
        assertThat(rows(first).get(0).get(3)).isEqualTo("view 55");
        assertThat(first.getElementById("total").text()).startsWith("55 entries match");
        Element next = first.selectFirst(".govuk-pagination__next a");
        assertThat(next).isNotNull();
        assertThat(next.attr("href")).isEqualTo("/staff/audit?recordType=case&recordId=" + record + "&page=2");
        assertThat(first.select(".govuk-pagination__item a")).extracting(Element::text).containsExactly("1", "2");

        Document second = Jsoup.parse(client.get(next.attr("href")).body());
        assertThat(rows(second)).extracting(r -> r.get(3))
                .containsExactly("view 5", "view 4", "view 3", "view 2", "view 1");
        assertThat(second.selectFirst(".govuk-pagination__next")).isNull();
        assertThat(second.selectFirst(".govuk-pagination__prev a").attr("href")).endsWith("&page=1");
    }

    @Test
    void invalidDatesAreShownInTheErrorSummaryWithTheInputKept() {
        StaffClient client = signedIn(Role.OVERSIGHT);
        Document page = search(client, "recordId=SG-1&from-day=31&from-month=2&from-year=2026"
                + "&to-day=1&to-month=&to-year=2026");

        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select(".govuk-error-summary__list a")).extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly("#recordType Enter the record type of the record reference",
                        "#from-day From date must be a real date",
                        "#to-month To date must include a day, month and year");
        assertThat(page.getElementById("recordId").val()).isEqualTo("SG-1");
        assertThat(page.getElementById("from-day").val()).isEqualTo("31");
        assertThat(page.getElementById("from-month").val()).isEqualTo("2");
        assertThat(page.getElementById("to-year").val()).isEqualTo("2026");
        assertThat(page.getElementById("to-month").hasClass("govuk-input--error")).isTrue();
        assertThat(page.getElementById("to-day").hasClass("govuk-input--error")).isFalse();
        assertThat(page.select(".govuk-table")).isEmpty();
    }

    @Test
    void aToDateBeforeTheFromDateIsAnError() {
        Document page = search(signedIn(Role.OVERSIGHT),
                "from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026");

        assertThat(page.select(".govuk-error-summary__list a")).extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly("#to-day To date must be the same as or after the from date");
        assertThat(page.getElementById("to-day").val()).isEqualTo("1");
    }

    @Test
    void theSearchItselfIsAudited() {
        String record = unique("SG-S");
        TestStaff.Member member = staff.create(Role.OVERSIGHT);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, member);
        LocalDate today = LocalDate.now(AuditSearchForm.LONDON);

        search(client, "recordType=case&recordId=" + record + "&actor=account:7" + dates("to", today));

        AuditPage searches = queries.search(AuditSearch.all().byActor("account:" + member.id()).withAction("audit.searched"),
                0, 10);
        assertThat(searches.entries()).hasSize(1);
        AuditEntry entry = searches.entries().get(0);
        assertThat(entry.details()).containsEntry("recordType", "case").containsEntry("recordId", record)
                .containsEntry("actor", "account:7").containsEntry("to", today.toString()).containsEntry("page", "1")
                .doesNotContainKey("from");
    }

    @Test
    void aSearchWithErrorsIsNotRun() {
        TestStaff.Member member = staff.create(Role.OVERSIGHT);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, member);

        search(client, "from-day=99&from-month=1&from-year=2026");

        assertThat(queries.search(AuditSearch.all().byActor("account:" + member.id()).withAction("audit.searched"), 0, 10)
                .total()).isZero();
    }

    @Test
    void onlyStaffWithTheAuditPermissionMaySearch() {
        StaffClient practitioner = signedIn(Role.PRACTITIONER);
        assertThat(practitioner.get("/staff/audit").statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(practitioner.get("/staff").body()).select("a[href=/staff/audit]")).isEmpty();

        HttpResponse<String> anonymous = new StaffClient(port).get("/staff/audit?actor=account:1");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(StaffClient.location(anonymous)).isEqualTo("/sign-in");
    }

    @Test
    void theStaffHomeLinksOversightToTheSearch() {
        Element link = Jsoup.parse(signedIn(Role.OVERSIGHT).get("/staff").body()).selectFirst("a[href=/staff/audit]");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("Search the audit trail");
    }

    private StaffClient signedIn(Role role) {
        StaffClient client = new StaffClient(port);
        staff.signIn(client, staff.create(role));
        return client;
    }

    private static Document search(StaffClient client, String query) {
        HttpResponse<String> response = client.get("/staff/audit?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** The cells after the time of each result row. */
    private static List<List<String>> rows(Document page) {
        return page.select(".govuk-table__body .govuk-table__row").stream()
                .map(row -> row.select("td").stream().skip(1).map(Element::text).toList()).toList();
    }

    private static String dates(String prefix, LocalDate date) {
        return "&" + prefix + "-day=" + date.getDayOfMonth() + "&" + prefix + "-month=" + date.getMonthValue() + "&"
                + prefix + "-year=" + date.getYear();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID();
    }
}
