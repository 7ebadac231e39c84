package uk.org.safeguard.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.identity.internal.StaffClient;
import uk.org.safeguard.identity.internal.TestStaff;
import uk.org.safeguard.support.IntegrationTest;

/** The DPO's subject access: found by name and date of birth, third parties redacted, exemptions recorded, PDF and JSON. */
@IntegrationTest
class SubjectAccessIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseFiles files;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDpoExportsEverythingHeldWithThirdPartiesRedactedAndExemptionsRecorded() throws Exception {
        String name = "Harper Subject-Access" + System.nanoTime();
        LocalDate dob = LocalDate.of(2008, 4, 9);
        String first = files.open("E09000030", "16_17", LocalDate.now(), new CaseDetails(name, dob, "4 Export Lane",
                "Worrying posts seen online", "Jamie Thirdparty-Reporter", "07700 900456"), "system");
        String second = files.open("E09000025", "16_17", LocalDate.now(), new CaseDetails(name.toUpperCase() + " ", dob,
                "4 Export Lane", "A second concern, from school", "", ""), "system");
        files.open("E09000030", "16_17", LocalDate.now(), new CaseDetails(name, LocalDate.of(2008, 4, 10), "Elsewhere",
                "Someone else with the same name", "", ""), "system");

        TestStaff staff = TestStaff.from(context);
        TestStaff.Member dpo = staff.create(Role.DPO);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, dpo);

        client.get("/staff/subject-access");
        HttpResponse<String> invalid = client.post("/staff/subject-access", "requestRef", "SAR 1!", "fullName", name,
                "dob-day", "31", "dob-month", "2", "dob-year", "2008");
        assertThat(Jsoup.parse(invalid.body()).select(".govuk-error-summary li").eachText()).containsExactly(
                "Enter a request reference using only letters, numbers and hyphens, like SAR-2026-014",
                "Enter a real date of birth");
        assertThat(Jsoup.parse(invalid.body()).select("#fullName").val()).as("what was typed is kept").isEqualTo(name);

        HttpResponse<String> found = client.post("/staff/subject-access", "requestRef", "SAR-2026-001", "fullName",
                "  " + name.toLowerCase() + " ", "dob-day", "9", "dob-month", "4", "dob-year", "2008");
        assertThat(StaffClient.location(found)).as("no name or date in the address").isEqualTo("/staff/subject-access/review");

        String review = client.get("/staff/subject-access/review").body();
        assertThat(Jsoup.parse(review).select("h2").eachText()).contains("Case " + first, "Case " + second)
                .noneMatch(h -> h.contains("Someone else"));
        assertThat(review).contains("Redacted: this is about another person");

        String summaryKey = first + "-SUMMARY";
        HttpResponse<String> noReason = client.post("/staff/subject-access/review", "d-" + summaryKey, "WITHHELD",
                "e-" + summaryKey, "CRIME", "r-" + summaryKey, "");
        assertThat(Jsoup.parse(noReason.body()).select(".govuk-error-summary li").eachText())
                .containsExactly("Enter the reason for withholding What the concern was about in case " + first);
        assertThat(Jsoup.parse(noReason.body()).select("#e-" + summaryKey + " option[selected]").val()).isEqualTo("CRIME");

        HttpResponse<String> prepared = client.post("/staff/subject-access/review", "d-" + summaryKey, "WITHHELD",
                "e-" + summaryKey, "CRIME", "r-" + summaryKey, "Police investigation under way");
        String exportPath = StaffClient.location(prepared);
        assertThat(exportPath).matches("/staff/subject-access/exports/\\d+");
        assertThat(Jsoup.parse(client.get(exportPath).body()).select("table").text())
                .contains("Withhold under an exemption", "Police investigation under way", "Redacted: third party");

        byte[] pdf = download(client, exportPath + "/pdf", "application/pdf");
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains(name, "4 Export Lane", "A second concern, from school", "Police investigation under way")
                .doesNotContain("Worrying posts seen online").doesNotContain("Jamie Thirdparty-Reporter")
                .doesNotContain("07700 900456").doesNotContain("Someone else");

        JsonNode json = JsonMapper.builder().build().readTree(download(client, exportPath + "/json", "application/json"));
        assertThat(json.get("request").asString()).isEqualTo("SAR-2026-001");
        assertThat(json.get("cases")).hasSize(2);
        JsonNode firstCase = json.get("cases").get(0);
        assertThat(firstCase.get("reference").asString()).isEqualTo(first);
        JsonNode summary = item(firstCase, "summary");
        assertThat(summary.get("disclosure").asString()).isEqualTo("withheld");
        assertThat(summary.has("value")).isFalse();
        assertThat(summary.get("exemption").asString()).isEqualTo("crime");
        assertThat(item(firstCase, "reporter_name").get("disclosure").asString()).isEqualTo("redacted_third_party");
        assertThat(item(firstCase, "reporter_name").has("value")).isFalse();
        assertThat(item(firstCase, "name").get("value").asString()).isEqualTo(name);

        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor = :a AND action LIKE 'subject-access.%' ORDER BY seq")
                .param("a", "account:" + dpo.id()).query(String.class).list()).containsExactly("subject-access.searched",
                "subject-access.reviewed", "subject-access.reviewed", "subject-access.prepared",
                "subject-access.downloaded", "subject-access.downloaded");
    }

    @Test
    void onlyTheDpoMayExport() {
        TestStaff staff = TestStaff.from(context);
        for (Role role : List.of(Role.PRACTITIONER, Role.OVERSIGHT, Role.ADMIN)) {
            StaffClient client = new StaffClient(port);
            staff.signIn(client, staff.create(role));
            assertThat(client.get("/staff/subject-access").statusCode()).as(role.name()).isEqualTo(403);
        }
    }

    private static JsonNode item(JsonNode caseNode, String item) {
        for (JsonNode node : caseNode.get("items")) {
            if (node.get("item").asString().equals(item)) {
                return node;
            }
        }
        throw new AssertionError("No item " + item + " in " + caseNode);
    }

    private byte[] download(StaffClient client, String path, String type) {
        HttpResponse<byte[]> response = client.getBytes(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("subject-access-SAR-2026-001");
        return response.body();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
