package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.identity.internal.SignedInStaff;
import uk.org.safeguard.support.IntegrationTest;

/**
 * The learning modules over real HTTP, with a client that keeps its session cookie: a whole module stores
 * one anonymous row, answers survive a change of language and going back, validation, skipping ahead, and
 * the staff report with its small-number suppression.
 */
@IntegrationTest
class LearnIntegrationTest {

    static final String SIGNS = "/learn/spotting-the-signs";
    static final String CONVERSATION = "/learn/starting-a-conversation";
    static final String ONLINE = "/learn/online-radicalisation";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LearnResponses responses;

    @Autowired
    ApplicationContext context;

    @Test
    void theIndexListsTheThreeModulesAndSaysAnswersAreAnonymous() {
        Document page = new LearnClient(port).page("/learn");

        assertThat(page.title()).isEqualTo("Short learning modules – Safeguard");
        assertThat(page.select("#modules h2 a")).extracting(a -> a.attr("href")).containsExactly(SIGNS, CONVERSATION, ONLINE);
        assertThat(page.select("#modules h2 a")).extracting(Element::text).containsExactly("Spotting the signs",
                "Starting a conversation with someone you are worried about",
                "Online radicalisation and what to do about content");
        assertThat(page.select("#modules li").eachText()).allSatisfy(text -> assertThat(text).contains("About 5 minutes"));
        assertThat(page.selectFirst(".govuk-inset-text").text()).startsWith("Your answers are anonymous.");
        assertThat(page.select(".govuk-service-navigation__item--active a").attr("href")).isEqualTo("/learn");
    }

    @Test
    void aWholeModuleStoresExactlyOneAnonymousRowWithTheAnswersGiven() {
        LearnClient client = new LearnClient(port);
        Document before = client.page(SIGNS);
        assertThat(before.selectFirst("h1").text()).isEqualTo(
                "Before you start: how confident do you feel about spotting the signs that someone may be being drawn into extremism?");
        assertThat(before.select("input[name=confidence]")).extracting(e -> e.val()).containsExactly("1", "2", "3", "4", "5");
        assertThat(before.select(".govuk-radios__label")).extracting(Element::text)
                .startsWith("1 – Not at all confident").endsWith("5 – Very confident");
        assertThat(before.selectFirst(".govuk-back-link").attr("href")).isEqualTo("/learn");

        assertRedirect(client.post(SIGNS, "confidence", "2"), SIGNS + "/read");
        Document read = client.page(SIGNS + "/read");
        assertThat(read.selectFirst("h1").text()).isEqualTo("Spotting the signs");
        assertThat(read.text()).contains("Signs are not proof", "0800 011 3764", "0800 789 321", "999");
        assertThat(read.selectFirst("#continue").attr("href")).isEqualTo(SIGNS + "/quiz");
        assertThat(read.selectFirst(".govuk-back-link").attr("href")).isEqualTo(SIGNS);

        Document quiz = client.page(SIGNS + "/quiz");
        assertThat(quiz.select("form fieldset")).hasSize(3);
        assertThat(quiz.select("legend").eachText()).containsExactly(
                "1. Which of these is a good reason to ask for advice?",
                "2. Is one sign on its own proof that someone is being drawn into extremism?",
                "3. Who can be targeted by people who spread extremist ideas?");
        assertRedirect(client.post(SIGNS + "/quiz", "q1", "b", "q2", "b", "q3", "c"), SIGNS + "/after");

        Document after = client.page(SIGNS + "/after");
        assertThat(after.selectFirst("h1").text()).startsWith("Now that you have finished: how confident do you feel");
        assertThat(after.select("input[name=confidence][checked]")).isEmpty();
        assertThat(after.selectFirst(".govuk-back-link").attr("href")).isEqualTo(SIGNS + "/quiz");
        Set<String> existing = ids();

        assertRedirect(client.post(SIGNS + "/after", "confidence", "4"), SIGNS + "/done");

        List<Map<String, Object>> added = rowsExcept(existing);
        assertThat(added).hasSize(1);
        Map<String, Object> row = added.get(0);
        assertThat(row).containsEntry("module", "spotting-the-signs").containsEntry("language", "en")
                .containsEntry("confidence_before", 2).containsEntry("confidence_after", 4)
                .containsEntry("correct", 2).containsEntry("questions", 3)
                .containsEntry("completed_on", Date.valueOf(LocalDate.now(LearnController.LONDON)));

        Document done = client.page(SIGNS + "/done");
        assertThat(done.selectFirst(".govuk-panel__title").text()).isEqualTo("Module complete");
        assertThat(done.selectFirst(".govuk-panel__body").text()).isEqualTo("You got 2 out of 3 questions right");
        assertThat(done.select("#confidence .govuk-summary-list__value").eachText())
                .containsExactly("2 – A little confident", "4 – Confident");
        Element second = done.getElementById("answer-2");
        assertThat(second.selectFirst(".govuk-tag").text()).isEqualTo("Not quite");
        assertThat(second.select(".govuk-summary-list__value").eachText()).containsExactly(
                "Yes: one sign is enough to be sure", "No: signs are not proof, and people change for lots of reasons");
        assertThat(second.select("p.govuk-body").last().text()).startsWith("Signs are not proof");
        assertThat(done.getElementById("answer-1").selectFirst(".govuk-tag").text()).isEqualTo("Right");
        assertThat(done.select("#next a")).extracting(a -> a.attr("href"))
                .containsExactly(CONVERSATION, ONLINE, "/help", "/learn");

        // Reading the result again, in another language, or sending the last answer again stores nothing more.
        assertThat(client.page(SIGNS + "/done?lang=fr").selectFirst(".govuk-panel__body").text()).contains("2");
        assertRedirect(client.post(SIGNS + "/after", "confidence", "5"), SIGNS);
        assertThat(rowsExcept(existing)).hasSize(1);
    }

    @Test
    void theTableHoldsNothingThatCouldLinkARowToAPersonOrAVisit() {
        List<Map<String, Object>> columns = jdbc.sql("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_name = 'guidance_learning_response' ORDER BY ordinal_position").query().listOfRows();
        assertThat(columns).extracting(c -> c.get("column_name")).containsExactly("id", "module", "language",
                "confidence_before", "confidence_after", "correct", "questions", "completed_on");
        assertThat(columns).extracting(c -> c.get("column_name") + " " + c.get("data_type")).contains(
                "id uuid", "completed_on date", "confidence_before smallint", "confidence_after smallint");
    }

    @Test
    void answersSurviveAChangeOfLanguageAndGoingBack() {
        LearnClient client = new LearnClient(port);
        client.page(CONVERSATION);
        assertRedirect(client.post(CONVERSATION, "confidence", "3"), CONVERSATION + "/read");

        Document switched = client.page(CONVERSATION + "?lang=fr");
        assertThat(switched.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(switched.selectFirst("input[name=confidence][checked]").val()).isEqualTo("3");

        client.page(CONVERSATION + "/read?lang=en");
        client.page(CONVERSATION + "/quiz");
        assertRedirect(client.post(CONVERSATION + "/quiz", "q1", "b", "q2", "a", "q3", "c"), CONVERSATION + "/after");
        Document back = client.page(CONVERSATION + "/quiz?lang=pl");
        assertThat(back.select("input[checked]")).extracting(e -> e.attr("name") + "=" + e.val())
                .containsExactly("q1=b", "q2=a", "q3=c");
        assertThat(client.page(CONVERSATION).selectFirst("input[name=confidence][checked]").val()).isEqualTo("3");

        // Changing the first answer keeps the rest: the person goes on from the text.
        assertRedirect(client.post(CONVERSATION, "confidence", "1"), CONVERSATION + "/read");
        assertThat(client.page(CONVERSATION + "/after").select("input[name=confidence]")).hasSize(5);
    }

    @Test
    void aMissingOrMadeUpAnswerIsShownAsAnErrorAndKeepsWhatWasChosen() {
        LearnClient client = new LearnClient(port);
        client.page(ONLINE);
        HttpResponse<String> none = client.post(ONLINE);
        assertThat(none.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(none.body());
        assertThat(page.title()).startsWith("Error: Before you start");
        assertThat(page.select(".govuk-error-summary a")).extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly("#confidence Select how confident you feel");
        assertThat(page.selectFirst("#confidence-error").text()).isEqualTo("Error: Select how confident you feel");
        assertThat(Jsoup.parse(client.post(ONLINE, "confidence", "9").body()).title()).startsWith("Error:");

        assertRedirect(client.post(ONLINE, "confidence", "5"), ONLINE + "/read");
        client.page(ONLINE + "/read");
        client.page(ONLINE + "/quiz");
        HttpResponse<String> partly = client.post(ONLINE + "/quiz", "q1", "c", "q3", "z");
        Document quiz = Jsoup.parse(partly.body());
        assertThat(quiz.title()).startsWith("Error: Check what you have learned");
        assertThat(quiz.select(".govuk-error-summary a")).extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly("#q2 Select an answer to question 2", "#q3 Select an answer to question 3");
        assertThat(quiz.select("input[checked]")).extracting(e -> e.attr("name") + "=" + e.val()).containsExactly("q1=c");
        assertRedirect(client.get(ONLINE + "/after"), ONLINE + "/quiz");

        assertRedirect(client.post(ONLINE + "/quiz", "q1", "c", "q2", "a", "q3", "b"), ONLINE + "/after");
        client.page(ONLINE + "/after");
        Set<String> existing = ids();
        Document after = Jsoup.parse(client.post(ONLINE + "/after").body());
        assertThat(after.title()).startsWith("Error: Now that you have finished");
        assertThat(rowsExcept(existing)).isEmpty();
    }

    @Test
    void skippingAheadGoesToTheFirstUnansweredStep() {
        LearnClient client = new LearnClient(port);
        Set<String> existing = ids();
        assertRedirect(client.get(SIGNS + "/read"), SIGNS);
        assertRedirect(client.get(SIGNS + "/quiz"), SIGNS);
        assertRedirect(client.get(SIGNS + "/after"), SIGNS);
        assertRedirect(client.get(SIGNS + "/done"), SIGNS);
        client.page(SIGNS);
        assertRedirect(client.post(SIGNS + "/quiz", "q1", "a", "q2", "a", "q3", "a"), SIGNS);
        assertRedirect(client.post(SIGNS + "/after", "confidence", "3"), SIGNS);

        client.post(SIGNS, "confidence", "3");
        assertRedirect(client.get(SIGNS + "/quiz"), SIGNS + "/read");
        assertRedirect(client.get(SIGNS + "/done"), SIGNS + "/read");
        client.page(SIGNS + "/read");
        assertRedirect(client.get(SIGNS + "/after"), SIGNS + "/quiz");
        assertThat(client.get(SIGNS + "/quiz").statusCode()).isEqualTo(200);
        assertThat(rowsExcept(existing)).isEmpty();

        assertThat(client.get("/learn/no-such-module").statusCode()).isEqualTo(404);
        assertThat(client.get("/learn/no-such-module/quiz").statusCode()).isEqualTo(404);
    }

    @Test
    void totalsCountTheDaysBetweenTheDatesBothIncluded() {
        insert("starting-a-conversation", 3, 4, 2, LocalDate.of(2003, 1, 1), 1);
        insert("starting-a-conversation", 1, 5, 3, LocalDate.of(2003, 1, 31), 1);
        insert("starting-a-conversation", 5, 5, 3, LocalDate.of(2003, 2, 1), 1);
        insert("starting-a-conversation", 5, 5, 3, LocalDate.of(2002, 12, 31), 1);

        assertThat(responses.totals(LocalDate.of(2003, 1, 1), LocalDate.of(2003, 1, 31))).containsExactly(
                new LearnResponses.Totals("starting-a-conversation", 2, 4, 9, 5, 6));
        assertThat(responses.totals(LocalDate.of(2003, 2, 1), LocalDate.of(2003, 2, 1))).extracting(
                LearnResponses.Totals::completions).containsExactly(1L);
        assertThat(responses.totals(LocalDate.of(1990, 1, 1), LocalDate.of(1990, 12, 31))).isEmpty();
    }

    @Test
    void theStaffReportGivesMeansAndSuppressesSmallNumbers() {
        LocalDate day = LocalDate.of(2001, 6, 1);
        insert("spotting-the-signs", 2, 4, 3, day, 6);
        insert("spotting-the-signs", 3, 4, 2, day.plusDays(1), 6);
        insert("starting-a-conversation", 5, 5, 3, day, 3);
        insert("online-radicalisation", 1, 2, 1, day, 10);
        SignedInStaff analyst = SignedInStaff.signIn(context, port, Role.ANALYST);

        Document report = report(analyst, "from-day=1&from-month=1&from-year=2001&to-day=31&to-month=12&to-year=2001");
        assertThat(report.title()).isEqualTo("Learning modules: confidence and knowledge – Safeguard");
        assertThat(report.getElementById("period").text()).isEqualTo("Completed from 1 January 2001 to 31 December 2001");
        assertThat(table(report)).containsExactly(
                List.of("Spotting the signs", "12", "2.5", "4.0", "+1.5", "83%"),
                List.of("Starting a conversation with someone you are worried about", "fewer than 10", "not shown",
                        "not shown", "not shown", "not shown"),
                List.of("Online radicalisation and what to do about content", "10", "1.0", "2.0", "+1.0", "33%"),
                // All modules less the two shown would give the hidden one away.
                List.of("All modules", "hidden", "not shown", "not shown", "not shown", "not shown"));

        LocalDate later = LocalDate.of(2002, 3, 1);
        insert("spotting-the-signs", 2, 4, 1, later, 5);
        insert("starting-a-conversation", 2, 2, 0, later, 3);
        insert("online-radicalisation", 4, 5, 3, later, 12);
        assertThat(table(report(analyst, "from-day=1&from-month=3&from-year=2002&to-day=1&to-month=3&to-year=2002")))
                .containsExactly(
                        List.of("Spotting the signs", "fewer than 10", "not shown", "not shown", "not shown", "not shown"),
                        List.of("Starting a conversation with someone you are worried about", "fewer than 10",
                                "not shown", "not shown", "not shown", "not shown"),
                        List.of("Online radicalisation and what to do about content", "12", "4.0", "5.0", "+1.0", "100%"),
                        List.of("All modules", "20", "3.2", "4.3", "+1.1", "68%"));

        assertThat(table(report(analyst, "from-day=1&from-month=1&from-year=1990&to-day=31&to-month=12&to-year=1990")))
                .extracting(row -> row.get(1)).containsExactly("fewer than 10", "fewer than 10", "fewer than 10",
                        "fewer than 10");
        assertThat(report(analyst, "").getElementById("period").text()).isEqualTo("All completions");
    }

    @Test
    void theStaffReportChecksItsDates() {
        SignedInStaff analyst = SignedInStaff.signIn(context, port, Role.ANALYST);

        Document wrong = report(analyst, "from-day=40&from-month=1&from-year=2001&to-month=2&to-year=2001");
        assertThat(wrong.title()).startsWith("Error:");
        assertThat(wrong.select(".govuk-error-summary a")).extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly("#from-day The from date must be a real date",
                        "#to-day The to date must include a day, month and year");
        assertThat(wrong.getElementById("from-day").val()).isEqualTo("40");
        assertThat(wrong.getElementById("to-month").val()).isEqualTo("2");
        assertThat(wrong.select("table")).isEmpty();

        Document backwards = report(analyst, "from-day=2&from-month=1&from-year=2001&to-day=1&to-month=1&to-year=2001");
        assertThat(backwards.select(".govuk-error-summary a").eachText())
                .containsExactly("The to date must be the same as or after the from date");
    }

    @Test
    void theStaffReportIsForStaffWhoReadAggregatesOnly() {
        HttpResponse<String> anonymous = new LearnClient(port).get("/staff/learning");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(LearnClient.location(anonymous)).isEqualTo("/sign-in");

        assertThat(SignedInStaff.signIn(context, port, Role.PRACTITIONER).get("/staff/learning").statusCode())
                .isEqualTo(403);
        assertThat(SignedInStaff.signIn(context, port, Role.PROGRAMME).get("/staff/learning").statusCode())
                .isEqualTo(200);
    }

    private static Document report(SignedInStaff staff, String query) {
        HttpResponse<String> response = staff.get("/staff/learning" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static List<List<String>> table(Document page) {
        return page.select("table tbody tr").stream()
                .map(tr -> tr.select("th, td").eachText()).toList();
    }

    private void insert(String module, int before, int after, int correct, LocalDate on, int times) {
        for (int i = 0; i < times; i++) {
            jdbc.sql("INSERT INTO guidance_learning_response (module, language, confidence_before, confidence_after, "
                    + "correct, questions, completed_on) VALUES (:module, 'en', :before, :after, :correct, 3, :on)")
                    .param("module", module).param("before", before).param("after", after).param("correct", correct)
                    .param("on", on).update();
        }
    }

    private Set<String> ids() {
        return jdbc.sql("SELECT id::text FROM guidance_learning_response").query(String.class).set();
    }

    private List<Map<String, Object>> rowsExcept(Set<String> ids) {
        return jdbc.sql("SELECT id::text AS id, module, language, confidence_before, confidence_after, correct, "
                + "questions, completed_on FROM guidance_learning_response").query().listOfRows().stream()
                .filter(row -> !ids.contains((String) row.get("id"))).collect(Collectors.toList());
    }

    private static void assertRedirect(HttpResponse<String> response, String location) {
        assertThat(response.statusCode()).as("status of a step that should redirect").isEqualTo(302);
        assertThat(LearnClient.location(response)).isEqualTo(location);
    }
}
