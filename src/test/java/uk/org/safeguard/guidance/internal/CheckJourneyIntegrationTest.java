package uk.org.safeguard.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.support.IntegrationTest;

/** The "is this a concern?" check over plain HTTP, as a browser without JavaScript uses it. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CheckJourneyIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void startPageSaysWhatTheCheckIsAndStartsTheFirstQuestion() {
        Document start = new CheckClient(port).page("/check");

        assertThat(start.title()).isEqualTo("Is this a concern? – Safeguard");
        assertThat(start.selectFirst("h1").text()).isEqualTo("Is this a concern?");
        assertThat(start.text()).contains("about 2 minutes", "Your answers are not sent to anyone",
                "If someone is in immediate danger, call 999.");
        Element button = start.selectFirst("main a.govuk-button--start");
        assertThat(button.attr("href")).isEqualTo("/check/danger");
        assertThat(button.text()).isEqualTo("Start now");
    }

    @Test
    void oneQuestionAPageFromDangerToTheThreeOptions() {
        CheckClient person = new CheckClient(port);

        Document danger = person.page("/check/danger");
        assertQuestion(danger, "Is anyone in immediate danger right now?", "/check", "radio", "danger");
        assertThat(labels(danger)).containsExactly("Yes", "No", "I'm not sure");
        assertRedirect(person.post("/check/danger", "danger", "no"), "/check/who");

        Document who = person.page("/check/who");
        assertQuestion(who, "Who are you worried about?", "/check/danger", "radio", "who");
        assertThat(labels(who)).containsExactly("Someone in my family", "A friend or someone I know",
                "A child or young person I teach or work with", "Someone I only know online", "Myself");
        assertRedirect(person.post("/check/who", "who", "family"), "/check/noticed");

        Document noticed = person.page("/check/noticed");
        assertQuestion(noticed, "What have you noticed?", "/check/who", "checkbox", "noticed");
        assertThat(noticed.select("input[data-behaviour=exclusive]")).extracting(e -> e.attr("value"))
                .as("'nothing clear' unticks the others when JavaScript runs").containsExactly("nothing-clear");
        assertThat(noticed.selectFirst(".govuk-checkboxes__divider").text()).isEqualTo("or");
        assertRedirect(person.post("/check/noticed", "noticed", "extremist-content", "noticed", "pulling-away"),
                "/check/how-long");

        Document howLong = person.page("/check/how-long");
        assertQuestion(howLong, "How long have you noticed this?", "/check/noticed", "radio", "howLong");
        assertRedirect(person.post("/check/how-long", "howLong", "months"), "/check/result");

        Document result = person.page("/check/result");
        assertThat(result.title()).isEqualTo("What you can do next – Safeguard");
        assertThat(result.select("main h2").eachText()).containsExactly("Talk to someone", "Get advice",
                "Share a concern");
        assertThat(result.selectFirst("main").text()).contains("0800 011 3764", "talk to them calmly", "Signs are not proof",
                "You have noticed this for a while").doesNotContain("0800 789 321", "call 999");
        assertThat(result.select("main .govuk-warning-text")).isEmpty();
        assertThat(result.select("main a.govuk-link").eachAttr("href"))
                .contains("/help", "/what-happens-next", "/signs");
        assertThat(result.selectFirst(".govuk-back-link").attr("href")).isEqualTo("/check/how-long");
        assertThat(result.selectFirst("form[action=/check/start-again] button").text()).isEqualTo("Start again");
    }

    @Test
    void aMissingAnswerShowsTheErrorSummaryOnEveryQuestion() {
        CheckClient person = new CheckClient(port);
        person.page("/check/danger");
        assertError(person.post("/check/danger"), "Is anyone in immediate danger right now?", "danger",
                "Select if anyone is in immediate danger right now");
        assertError(person.post("/check/danger", "danger", "maybe"), "Is anyone in immediate danger right now?",
                "danger", "Select if anyone is in immediate danger right now");

        person.post("/check/danger", "danger", "not-sure");
        person.page("/check/who");
        assertError(person.post("/check/who"), "Who are you worried about?", "who", "Select who you are worried about");

        person.post("/check/who", "who", "friend");
        person.page("/check/noticed");
        assertError(person.post("/check/noticed"), "What have you noticed?", "noticed",
                "Select what you have noticed, or select 'Nothing clear, I just feel worried'");

        person.post("/check/noticed", "noticed", "something-else");
        person.page("/check/how-long");
        assertError(person.post("/check/how-long"), "How long have you noticed this?", "howLong",
                "Select how long you have noticed this");
    }

    @Test
    void nothingClearTickedWithASignIsQuestionedAndTheTicksAreKept() {
        CheckClient person = answered("no", "online");
        person.page("/check/noticed");

        HttpResponse<String> response = person.post("/check/noticed", "noticed", "hateful-contacts", "noticed",
                "nothing-clear");

        Document page = assertError(response, "What have you noticed?", "noticed",
                "Select what you have noticed, or select only 'Nothing clear, I just feel worried'");
        assertThat(page.select("input[name=noticed][checked]")).extracting(e -> e.attr("value"))
                .containsExactly("hateful-contacts", "nothing-clear");
        assertRedirect(person.get("/check/how-long"), "/check/noticed");
    }

    @Test
    void immediateDangerGoesStraightToCall999() {
        CheckClient person = new CheckClient(port);
        person.page("/check/danger");

        assertRedirect(person.post("/check/danger", "danger", "yes"), "/check/call-999");

        Document call = person.page("/check/call-999");
        assertThat(call.selectFirst("h1").text()).isEqualTo("Call 999 now");
        assertThat(call.text()).contains("press 55", "If you cannot speak");
        assertThat(call.selectFirst("main a.govuk-button").attr("href")).isEqualTo("/check/who");
        assertThat(call.selectFirst(".govuk-back-link").attr("href")).isEqualTo("/check/danger");
        assertThat(person.get("/check/who").statusCode()).as("carrying on after calling").isEqualTo(200);
    }

    @Test
    void reachingALaterQuestionFirstGoesBackToTheFirstUnansweredOne() {
        CheckClient person = new CheckClient(port);
        for (String path : List.of("/check/who", "/check/noticed", "/check/how-long", "/check/result")) {
            assertRedirect(person.get(path), "/check/danger");
        }
        person.page("/check/danger");
        person.post("/check/danger", "danger", "no");
        assertRedirect(person.get("/check/result"), "/check/who");
        assertRedirect(person.get("/check/how-long"), "/check/who");
        assertRedirect(person.post("/check/how-long", "howLong", "days"), "/check/who");

        person.post("/check/who", "who", "family");
        assertRedirect(person.get("/check/result"), "/check/noticed");
        assertThat(person.get("/check/danger").statusCode()).as("earlier questions stay open").isEqualTo(200);
    }

    @Test
    void plansToHurtPeopleOrGetWeaponsShowTheAntiTerrorismHotline() {
        CheckClient person = answered("no", "friend");
        person.post("/check/noticed", "noticed", "violence-justified", "noticed", "planning-harm");
        person.post("/check/how-long", "howLong", "weeks");

        Document result = person.page("/check/result");

        assertThat(result.selectFirst("main .govuk-warning-text").text())
                .contains("Anti-Terrorism Hotline", "0800 789 321", "call 999");
        assertThat(result.select("main h2").eachText()).as("no advice to go and talk to them")
                .containsExactly("Get advice", "Share a concern");
    }

    @Test
    void notSureAboutDangerRemindsThemOf999OnTheResult() {
        CheckClient person = answered("not-sure", "child-i-work-with");
        person.post("/check/noticed", "noticed", "nothing-clear");
        person.post("/check/how-long", "howLong", "days");

        Document result = person.page("/check/result");

        assertThat(result.selectFirst("main .govuk-warning-text").text()).contains("call 999")
                .doesNotContain("0800 789 321");
        assertThat(result.text()).contains("designated safeguarding lead", "These changes are new");
    }

    @Test
    void worriedAboutThemselvesGetsSupportNotJudgement() {
        CheckClient person = answered("no", "myself");
        person.post("/check/noticed", "noticed", "pulling-away");
        person.post("/check/how-long", "howLong", "not-sure");

        Document result = person.page("/check/result");

        assertThat(result.selectFirst("h1").text()).isEqualTo("Help for you");
        assertThat(result.text()).contains("You are not in trouble", "someone you trust", "0800 011 3764",
                "Samaritans", "116 123");
        assertThat(result.select("main h2").eachText()).doesNotContain("Share a concern");
        assertThat(result.select("main .govuk-warning-text")).isEmpty();
    }

    @Test
    void answersSurviveTheLanguageSwitcherAndBack() {
        CheckClient person = answered("not-sure", "online");
        person.post("/check/noticed", "noticed", "extremist-content", "noticed", "something-else");

        Document danger = person.page("/check/danger?lang=en");
        assertThat(danger.select("input[name=danger][checked]").eachAttr("value")).containsExactly("not-sure");
        Document who = person.page("/check/who?lang=en");
        assertThat(who.select("input[name=who][checked]").eachAttr("value")).containsExactly("online");
        Document noticed = person.page("/check/noticed?lang=pl");
        assertThat(noticed.selectFirst("html").attr("lang")).isEqualTo("pl");
        assertThat(noticed.select("input[name=noticed][checked]").eachAttr("value"))
                .containsExactly("extremist-content", "something-else");
        assertThat(noticed.select(".app-language-switcher a[hreflang=en]").attr("href"))
                .isEqualTo("/check/noticed?lang=en");
    }

    @Test
    void startAgainForgetsEveryAnswerAndDeletesThemFromTheSession() {
        CheckClient person = answered("no", "family");
        person.post("/check/noticed", "noticed", "planning-harm");
        person.post("/check/how-long", "howLong", "weeks");
        person.page("/check/result");
        assertThat(storedAnswers(person)).as("kept in the session while the check is in use").isEqualTo(1);

        assertRedirect(person.post("/check/start-again"), "/check/danger");

        assertThat(storedAnswers(person)).isZero();
        assertThat(person.page("/check/danger").select("input[checked]")).isEmpty();
        assertRedirect(person.get("/check/result"), "/check/danger");
    }

    @Test
    void theCheckWritesNothingOutsideTheSessionAndLogsNothing(CapturedOutput output) {
        long audit = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
        int logged = output.getAll().length();

        CheckClient person = answered("yes", "myself");
        person.post("/check/noticed", "noticed", "planning-harm");
        person.post("/check/how-long", "howLong", "months");
        person.page("/check/result");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single()).isEqualTo(audit);
        assertThat(output.getAll().substring(logged)).doesNotContainIgnoringCase("planning-harm")
                .doesNotContainIgnoringCase("PLANNING_HARM").doesNotContain("myself").doesNotContain("MYSELF");
    }

    /** A person who has answered the first two questions. */
    private CheckClient answered(String danger, String who) {
        CheckClient person = new CheckClient(port);
        person.page("/check/danger");
        person.post("/check/danger", "danger", danger);
        assertRedirect(person.post("/check/who", "who", who), "/check/noticed");
        return person;
    }

    /** How many check answers this person's session holds in the session table. */
    private long storedAnswers(CheckClient person) {
        String sessionId = new String(Base64.getDecoder().decode(person.cookie("SAFEGUARD_SESSION")),
                StandardCharsets.UTF_8);
        return jdbc.sql("SELECT count(*) FROM spring_session_attributes a JOIN spring_session s "
                + "ON s.primary_id = a.session_primary_id WHERE s.session_id = :id AND a.attribute_name = :name")
                .param("id", sessionId).param("name", CheckAnswers.ATTRIBUTE).query(Long.class).single();
    }

    private static void assertQuestion(Document page, String question, String back, String type, String name) {
        assertThat(page.title()).isEqualTo(question + " – Safeguard");
        Element legend = page.selectFirst("main fieldset legend h1.govuk-fieldset__heading");
        assertThat(legend).as("the question is the fieldset legend and the page heading").isNotNull();
        assertThat(legend.text()).isEqualTo(question);
        assertThat(page.select("main h1")).hasSize(1);
        assertThat(page.selectFirst(".govuk-back-link").attr("href")).isEqualTo(back);
        Element form = page.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.select("input[type=" + type + "]")).isNotEmpty().allMatch(e -> e.attr("name").equals(name));
        assertThat(page.select("main .govuk-error-summary")).isEmpty();
    }

    private static Document assertError(HttpResponse<String> response, String question, String fieldId,
            String message) {
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.title()).isEqualTo("Error: " + question + " – Safeguard");
        Element summaryLink = page.selectFirst(".govuk-error-summary__list a");
        assertThat(summaryLink.text()).isEqualTo(message);
        assertThat(summaryLink.attr("href")).isEqualTo("#" + fieldId);
        assertThat(page.getElementById(fieldId)).as("the summary links to the first choice").isNotNull();
        assertThat(page.selectFirst(".govuk-form-group--error .govuk-error-message").text()).endsWith(message);
        return page;
    }

    private static void assertRedirect(HttpResponse<String> response, String to) {
        assertThat(response.statusCode()).as("status of the answer").isEqualTo(302);
        assertThat(CheckClient.location(response)).isEqualTo(to);
    }

    private static List<String> labels(Document page) {
        return page.select("main label").eachText();
    }
}
