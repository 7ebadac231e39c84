package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
class PasswordResetIntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(39251, null, ServerSetup.PROTOCOL_SMTP));

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Totp totp;

    @Autowired
    IdentityClock clock;

    @Autowired
    uk.org.safeguard.support.AdjustableClock testClock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestStaff staff;

    @BeforeEach
    void setUp() {
        staff = new TestStaff(administration, totp, clock);
    }

    @AfterEach
    void realTime() {
        testClock.reset();
    }

    @Test
    void theEmailedLinkSetsANewPasswordOnceAndSignsOutOtherSessions() throws Exception {
        TestStaff.Member member = staff.create(Role.ANALYST);
        StaffClient elsewhere = new StaffClient(port);
        staff.signIn(elsewhere, member);

        String link = requestLink(member.email());
        StaffClient client = new StaffClient(port);
        HttpResponse<String> form = client.get(link);
        assertThat(Jsoup.parse(form.body()).selectFirst("h1").text()).isEqualTo("Choose a new password");
        assertThat(form.headers().firstValue("Referrer-Policy")).contains("no-referrer");

        HttpResponse<String> weak = client.post(link, "password", "qwerty123456");
        assertThat(SignInIntegrationTest.errorSummary(weak))
                .containsExactly("Password is too easy to guess. Choose one that is not commonly used");
        HttpResponse<String> done = client.post(link, "password", "a brand new pass phrase");
        assertThat(StaffClient.location(done)).isEqualTo("/sign-in?passwordReset");

        assertThat(Jsoup.parse(client.get(link).body()).selectFirst("h1").text())
                .isEqualTo("This link has expired or has already been used");
        assertThat(StaffClient.location(elsewhere.get("/staff"))).as("other sessions end").startsWith("/sign-in");

        client.get("/sign-in");
        assertThat(StaffClient.location(client.post("/sign-in", "email", member.email(), "password",
                "a brand new pass phrase"))).isEqualTo("/sign-in/two-factor");
    }

    @Test
    void theLinkExpiresAfterThirtyMinutes() throws Exception {
        TestStaff.Member member = staff.create(Role.ANALYST);
        String link = requestLink(member.email());
        testClock.advance(Duration.ofMinutes(31));
        StaffClient client = new StaffClient(port);
        assertThat(Jsoup.parse(client.get(link).body()).selectFirst("h1").text())
                .isEqualTo("This link has expired or has already been used");
        client.get("/sign-in/forgot-password");
        assertThat(StaffClient.location(client.post(link, "password", "a brand new pass phrase"))).isEmpty();
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheEmailHasAnAccount() throws Exception {
        StaffClient client = new StaffClient(port);
        client.get("/sign-in/forgot-password");
        HttpResponse<String> unknown = client.post("/sign-in/forgot-password", "email", "nobody-at-all@example.org");
        TestStaff.Member member = staff.create(Role.ANALYST);
        HttpResponse<String> known = client.post("/sign-in/forgot-password", "email", member.email());
        assertThat(Jsoup.parse(unknown.body()).select("main").text()).isEqualTo(Jsoup.parse(known.body()).select("main").text())
                .contains("If an account exists for that email address");
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(mail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .doesNotContain("nobody-at-all@example.org");
    }

    @Test
    void linksAreLimitedPerEmailAndPerAddressWithoutRevealingAccounts() throws Exception {
        forgetResetLimits();
        try {
            TestStaff.Member member = staff.create(Role.ANALYST);
            mail.purgeEmailFromAllMailboxes();
            StaffClient client = new StaffClient(port);
            client.get("/sign-in/forgot-password");
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> answer = client.post("/sign-in/forgot-password", "email", member.email());
                assertThat(Jsoup.parse(answer.body()).selectFirst("h1").text()).isEqualTo("Check your email");
            }
            assertThat(mail.waitForIncomingEmail(10_000, 3)).isTrue();
            Thread.sleep(500);
            assertThat(mail.getReceivedMessages()).as("the fourth request in a day sends nothing").hasSize(3);

            for (int i = 0; i < 6; i++) {
                client.post("/sign-in/forgot-password", "email", "nobody-" + i + "@example.org");
            }
            HttpResponse<String> limited = client.post("/sign-in/forgot-password", "email", "someone-else@example.org");
            assertThat(Jsoup.parse(limited.body()).selectFirst("h1").text()).isEqualTo("Too many requests");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'password-reset.throttled'")
                    .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        } finally {
            forgetResetLimits();
        }
    }

    private void forgetResetLimits() {
        jdbc.sql("DELETE FROM identity_sign_in_throttle WHERE subject LIKE 'reset-%'").update();
    }

    private String requestLink(String email) throws Exception {
        forgetResetLimits();
        mail.purgeEmailFromAllMailboxes();
        StaffClient client = new StaffClient(port);
        client.get("/sign-in/forgot-password");
        client.post("/sign-in/forgot-password", "email", email);
        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Reset your Safeguard password");
        String body = GreenMailUtil.getBody(message);
        String url = body.replaceAll("(?s).*(http://localhost:8080/sign-in/reset-password/[A-Za-z0-9_-]+).*", "$1");
        assertThat(url).startsWith("http://localhost:8080/sign-in/reset-password/");
        return url.substring("http://localhost:8080".length());
    }
}
