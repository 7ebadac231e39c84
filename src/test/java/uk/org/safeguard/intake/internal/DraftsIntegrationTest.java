package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import uk.org.safeguard.intake.internal.Drafts.Draft;
import uk.org.safeguard.support.AdjustableClock;
import uk.org.safeguard.support.IntegrationTest;

/** Journeys in progress: encrypted, found by their cookie, resumable for 7 days with a code, then gone. */
@IntegrationTest
class DraftsIntegrationTest {

    @Autowired
    Drafts drafts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void answersAreKeptEncryptedAndFoundAgainByTheJourneysCookie() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Draft draft = drafts.findOrStart(new MockHttpServletRequest(), response, Journey.CONCERN);
        String cookie = response.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("safeguard_concern=" + draft.id()).contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Max-Age");
        String typed = "سلام 👩🏽‍💻 Zoe\u0301 <b>not bold</b>";
        draft.answers().put("noticed-other", typed);
        draft.answers().putAll("noticed", List.of("violence", "isolation"));
        drafts.save(draft);

        byte[] stored = jdbc.sql("SELECT answers FROM intake_draft WHERE id = :id").param("id", draft.id())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("not bold").doesNotContain("isolation");

        Draft again = drafts.find(withCookie(Journey.CONCERN.cookie(), draft.id().toString()), Journey.CONCERN).orElseThrow();
        assertThat(again.answers().get("noticed-other")).isEqualTo(typed);
        assertThat(again.answers().getAll("noticed")).containsExactly("violence", "isolation");
        assertThat(drafts.find(withCookie(Journey.HATE_REPORT.cookie(), draft.id().toString()), Journey.HATE_REPORT)).isEmpty();
        assertThat(drafts.find(withCookie(Journey.CONCERN.cookie(), "not-a-uuid"), Journey.CONCERN)).isEmpty();
    }

    @Test
    void aSavedDraftResumesWithItsCodeForSevenDaysAndAnUnsavedOneLastsADay() {
        Draft saved = drafts.findOrStart(new MockHttpServletRequest(), new MockHttpServletResponse(), Journey.CONCERN);
        saved.answers().put("about", "someone-else");
        String code = drafts.saveForLater(saved);
        Draft unsaved = drafts.findOrStart(new MockHttpServletRequest(), new MockHttpServletResponse(), Journey.CONCERN);

        clock.advance(Duration.ofDays(2));
        assertThat(drafts.find(withCookie(Journey.CONCERN.cookie(), unsaved.id().toString()), Journey.CONCERN)).isEmpty();
        MockHttpServletResponse elsewhere = new MockHttpServletResponse();
        Draft resumed = drafts.resume(code.toLowerCase().replace("-", " "), Journey.CONCERN, new MockHttpServletRequest(),
                elsewhere).orElseThrow();
        assertThat(resumed.id()).isEqualTo(saved.id());
        assertThat(resumed.answers().get("about")).isEqualTo("someone-else");
        assertThat(elsewhere.getHeader("Set-Cookie")).startsWith("safeguard_concern=" + saved.id());
        assertThat(drafts.resume("AAAA-BBBB-CCCC-DDDD-EEEE", Journey.CONCERN, new MockHttpServletRequest(),
                new MockHttpServletResponse())).isEmpty();

        clock.advance(Duration.ofDays(6));
        assertThat(drafts.resume(code, Journey.CONCERN, new MockHttpServletRequest(), new MockHttpServletResponse())).isEmpty();
        assertThat(drafts.deleteExpired()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_draft WHERE id IN (:a, :b)").param("a", saved.id())
                .param("b", unsaved.id()).query(Long.class).single()).isZero();
    }

    private static MockHttpServletRequest withCookie(String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(name, value));
        return request;
    }
}
