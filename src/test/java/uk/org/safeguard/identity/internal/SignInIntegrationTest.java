package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.identity.OrganisationType;
import uk.org.safeguard.identity.Role;
import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
class SignInIntegrationTest {

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
    JdbcClient jdbc;

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
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        TestStaff.Member member = staff.create(Role.PRACTITIONER);
        StaffClient client = new StaffClient(port);
        client.get("/sign-in");
        HttpResponse<String> wrongPassword = client.post("/sign-in", "email", member.email(), "password",
                "not the password at all");
        HttpResponse<String> unknownEmail = client.post("/sign-in", "email", "nobody-" + member.email(), "password",
                "not the password at all");

        assertThat(wrongPassword.statusCode()).isEqualTo(200).isEqualTo(unknownEmail.statusCode());
        assertThat(errorSummary(wrongPassword)).isEqualTo(List.of("Enter a correct email address and password"))
                .isEqualTo(errorSummary(unknownEmail));
        assertThat(Jsoup.parse(wrongPassword.body()).title()).isEqualTo(Jsoup.parse(unknownEmail.body()).title())
                .startsWith("Error:");
        assertThat(client.get("/staff").statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedFailuresLockTheEmailWhetherOrNotItHasAnAccount() {
        TestStaff.Member member = staff.create(Role.ANALYST);
        String unknown = "nobody-" + member.email();
        for (String email : List.of(member.email(), unknown)) {
            StaffClient client = new StaffClient(port);
            client.get("/sign-in");
            for (int i = 0; i < ThrottlePolicy.PER_ACCOUNT.threshold(); i++) {
                assertThat(errorSummary(client.post("/sign-in", "email", email, "password", "wrong password " + i)))
                        .containsExactly("Enter a correct email address and password");
            }
            HttpResponse<String> locked = client.post("/sign-in", "email", email, "password", TestStaff.PASSWORD);
            assertThat(errorSummary(locked)).as(email).containsExactly(
                    "There have been too many attempts to sign in. Wait 15 minutes and try again.");
        }

        testClock.advance(ThrottlePolicy.PER_ACCOUNT.firstLockout().plusSeconds(1));
        staff.signIn(new StaffClient(port), member);
    }

    @Test
    void aNewAuthenticatorNeedsThePasswordThenEndsSessionsAndIsSetUpAtTheNextSignIn() {
        TestStaff.Member member = staff.create(Role.ANALYST);
        StaffClient elsewhere = new StaffClient(port);
        staff.signIn(elsewhere, member);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, member, 1);

        client.get("/staff/account/authenticator");
        HttpResponse<String> wrong = client.post("/staff/account/authenticator", "current", "not my password");
        assertThat(errorSummary(wrong)).containsExactly("Enter your correct current password");
        assertThat(elsewhere.get("/staff").statusCode()).as("nothing changed yet").isEqualTo(200);

        HttpResponse<String> reset = client.post("/staff/account/authenticator", "current", TestStaff.PASSWORD);
        assertThat(StaffClient.location(reset)).isEqualTo("/sign-in?authenticatorReset");
        assertThat(StaffClient.location(elsewhere.get("/staff"))).as("every session ended").startsWith("/sign-in");

        StaffClient again = new StaffClient(port);
        again.get("/sign-in");
        HttpResponse<String> password = again.post("/sign-in", "email", member.email(), "password", TestStaff.PASSWORD);
        assertThat(StaffClient.location(password)).as("the old authenticator no longer counts")
                .isEqualTo("/sign-in/set-up-two-factor");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_recovery_code WHERE account_id = :id")
                .param("id", member.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'two-factor.reset' AND record_id = :id")
                .param("id", String.valueOf(member.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theStaffPagesNeedTheSecondFactor() {
        TestStaff.Member member = staff.create(Role.PRACTITIONER);
        StaffClient client = new StaffClient(port);
        assertThat(StaffClient.location(client.get("/staff"))).isEqualTo("/sign-in");

        client.get("/sign-in");
        client.post("/sign-in", "email", member.email(), "password", TestStaff.PASSWORD);
        HttpResponse<String> halfWay = client.get("/staff");
        assertThat(StaffClient.location(halfWay)).as("password alone is not enough").isEqualTo("/sign-in/two-factor");

        client.get("/sign-in/two-factor");
        assertThat(errorSummary(client.post("/sign-in/two-factor", "code", "000000")))
                .containsExactly("Enter a correct security code or recovery code");
        HttpResponse<String> accepted = client.post("/sign-in/two-factor", "code", staff.currentCode());
        assertThat(StaffClient.location(accepted)).isEqualTo("/staff");

        HttpResponse<String> home = client.get("/staff");
        assertThat(home.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(home.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Signed in as Test PRACTITIONER");
        assertThat(page.select(".govuk-summary-list__value").eachText())
                .contains("Borough practitioner", "Tower Hamlets");
    }

    @Test
    void aCodeCannotBeUsedTwice() {
        TestStaff.Member member = staff.create(Role.ANALYST);
        String code = staff.currentCode();
        StaffClient first = new StaffClient(port);
        first.get("/sign-in");
        first.post("/sign-in", "email", member.email(), "password", TestStaff.PASSWORD);
        first.get("/sign-in/two-factor");
        assertThat(StaffClient.location(first.post("/sign-in/two-factor", "code", code))).isEqualTo("/staff");

        StaffClient second = new StaffClient(port);
        second.get("/sign-in");
        second.post("/sign-in", "email", member.email(), "password", TestStaff.PASSWORD);
        second.get("/sign-in/two-factor");
        assertThat(second.post("/sign-in/two-factor", "code", code).statusCode()).isEqualTo(200);
    }

    @Test
    void firstSignInSetsUpTheAuthenticatorShowsRecoveryCodesOnceAndForcesANewPassword() {
        String email = "new-" + System.nanoTime() + "@example.org";
        AccountAdministration.Created created = administration.create(new AccountAdministration.NewAccount(
                email, "New Person", java.util.Set.of(Role.PRACTITIONER),
                List.of("E09000001"), "Test organisation", OrganisationType.BOROUGH_COUNCIL), "test");
        String secret = created.otpauthUri().replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1");
        StaffClient client = new StaffClient(port);
        client.get("/sign-in");
        HttpResponse<String> password = client.post("/sign-in", "email", email, "password", created.initialPassword());
        assertThat(StaffClient.location(password)).isEqualTo("/sign-in/set-up-two-factor");

        Document setUp = Jsoup.parse(client.get("/sign-in/set-up-two-factor").body());
        assertThat(setUp.selectFirst("img.app-qr-code").attr("src")).startsWith("data:image/png;base64,");
        assertThat(setUp.text()).contains(secret);

        HttpResponse<String> confirmed = client.post("/sign-in/set-up-two-factor", "code",
                totp.codeAt(secret, clock.now()));
        List<String> codes = Jsoup.parse(confirmed.body()).select(".app-recovery-codes code").eachText();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();

        assertThat(StaffClient.location(client.get("/staff"))).as("the initial password must go first")
                .isEqualTo("/staff/account/password");
        client.get("/staff/account/password");
        assertThat(errorSummary(client.post("/staff/account/password", "current", created.initialPassword(),
                "password", "password1234"))).containsExactly(
                        "Password is too easy to guess. Choose one that is not commonly used");
        HttpResponse<String> changed = client.post("/staff/account/password", "current", created.initialPassword(),
                "password", "my own long pass phrase");
        assertThat(StaffClient.location(changed)).isEqualTo("/staff?passwordChanged");
        assertThat(client.get("/staff").statusCode()).isEqualTo(200);

        // A recovery code stands in for the authenticator, once.
        for (int attempt = 0; attempt < 2; attempt++) {
            StaffClient other = new StaffClient(port);
            other.get("/sign-in");
            other.post("/sign-in", "email", email, "password", "my own long pass phrase");
            other.get("/sign-in/two-factor");
            HttpResponse<String> recovery = other.post("/sign-in/two-factor", "code", codes.get(3));
            if (attempt == 0) {
                assertThat(StaffClient.location(recovery)).isEqualTo("/staff");
            } else {
                assertThat(errorSummary(recovery)).containsExactly("Enter a correct security code or recovery code");
            }
        }
    }

    @Test
    void signingOutEverywhereEndsTheOtherSessions() {
        TestStaff.Member member = staff.create(Role.OVERSIGHT);
        StaffClient laptop = new StaffClient(port);
        StaffClient phone = new StaffClient(port);
        staff.signIn(laptop, member, 0);
        staff.signIn(phone, member, 1);
        assertThat(laptop.get("/staff").statusCode()).isEqualTo(200);
        assertThat(phone.get("/staff").statusCode()).isEqualTo(200);

        HttpResponse<String> everywhere = phone.post("/staff/sign-out-everywhere");
        assertThat(StaffClient.location(everywhere)).isEqualTo("/sign-in?signedOut");
        assertThat(StaffClient.location(laptop.get("/staff"))).startsWith("/sign-in");
        assertThat(StaffClient.location(phone.get("/staff"))).startsWith("/sign-in");
    }

    @Test
    void signingOutEndsTheSession() {
        TestStaff.Member member = staff.create(Role.DPO);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, member);
        client.get("/staff");
        assertThat(StaffClient.location(client.post("/sign-out"))).isEqualTo("/sign-in?signedOut");
        assertThat(StaffClient.location(client.get("/staff"))).isEqualTo("/sign-in");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActive() {
        TestStaff.Member member = staff.create(Role.ANALYST);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, member);
        testClock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(client.get("/staff").statusCode()).isEqualTo(200);
        testClock.advance(Duration.ofMinutes(2));
        assertThat(StaffClient.location(client.get("/staff"))).isEqualTo("/sign-in?ended");
        assertThat(StaffClient.location(client.get("/staff"))).isEqualTo("/sign-in");
    }

    @Test
    void signInsAndFailuresAreInTheAuditTrailByReferenceOnly() {
        TestStaff.Member member = staff.create(Role.PANEL_MEMBER);
        StaffClient client = new StaffClient(port);
        client.get("/sign-in");
        client.post("/sign-in", "email", member.email(), "password", "a wrong password");
        client.post("/sign-in", "email", "unknown-" + member.email(), "password", "a wrong password");
        staff.signIn(client, member);

        String actor = "account:" + member.id();
        assertThat(jdbc.sql("SELECT action || ' ' || details::text FROM audit_entry WHERE actor = :actor ORDER BY seq")
                .param("actor", actor).query(String.class).list()).containsSubsequence(
                        "sign-in.failed {\"factor\": \"password\"}", "sign-in.password-accepted {}",
                        "sign-in.succeeded {\"factor\": \"totp\"}");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = 'public' AND action = 'sign-in.failed'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE concat_ws(' ', actor, record_id, reason, details::text) LIKE '%@%'")
                .query(Long.class).single()).as("no email in the audit trail").isZero();
    }

    static List<String> errorSummary(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select(".govuk-error-summary__list a").eachText();
    }
}
