package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;
import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
class AdminCommandsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    List<AdminCommand> commands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Totp totp;

    @Autowired
    IdentityClock clock;

    @Autowired
    AccountAdministration administration;

    @Autowired
    Accounts accounts;

    @Autowired
    BlindIndex blindIndex;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void createUserPrintsAOneTimePasswordAndAnOtpauthUriThatSignIn() {
        String email = "Created." + System.nanoTime() + "@Example.org";
        int code = run("create-user", "--email", email, "--name", "Cat Created", "--role", "borough-lead",
                "--borough", "E09000030", "--borough", "E09000025", "--organisation", "Newham and Tower Hamlets team",
                "--organisation-type", "BOROUGH_COUNCIL");
        assertThat(code).as(text(err)).isZero();
        String printed = text(out);
        String password = printed.replaceAll("(?s).*One-time password \\(to be changed at first sign-in\\): (\\S+).*", "$1");
        String uri = printed.lines().filter(l -> l.startsWith("otpauth://totp/")).findFirst().orElseThrow();
        assertThat(uri).contains("issuer=Safeguard");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        String normalised = email.toLowerCase();
        String term = blindIndex.emailTerm(normalised);
        assertThat(jdbc.sql("SELECT must_change_password AND NOT totp_enrolled "
                + "FROM identity_account WHERE email_index = :e").param("e", term).query(Boolean.class).single())
                .as("found by the blind index term, must change password").isTrue();
        Account stored = accounts.byEmail(email).orElseThrow();
        assertThat(stored.email()).as("stored lower-case").isEqualTo(normalised);
        assertThat(stored.displayName()).isEqualTo("Cat Created");
        assertThat(uri).contains("secret=" + accounts.totpSecret(stored));
        String row = jdbc.sql("SELECT encode(email, 'escape') || encode(display_name, 'escape') || encode(totp_secret, 'escape') "
                + "FROM identity_account WHERE id = :id").param("id", stored.id()).query(String.class).single();
        assertThat(row).as("email, name and TOTP secret encrypted").doesNotContainIgnoringCase(normalised)
                .doesNotContain("Cat Created").doesNotContain(accounts.totpSecret(stored));
        assertThat(jdbc.sql("SELECT string_agg(borough_code, ',' ORDER BY borough_code) FROM identity_account_borough b "
                + "JOIN identity_account a ON a.id = b.account_id WHERE a.email_index = :e").param("e", term)
                .query(String.class).single()).isEqualTo("E09000025,E09000030");

        StaffClient client = new StaffClient(port);
        client.get("/sign-in");
        assertThat(StaffClient.location(client.post("/sign-in", "email", email, "password", password)))
                .isEqualTo("/sign-in/set-up-two-factor");
        client.get("/sign-in/set-up-two-factor");
        String secret = uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1");
        assertThat(client.post("/sign-in/set-up-two-factor", "code", totp.codeAt(secret, clock.now())).body())
                .contains("Save your recovery codes");

        out.reset();
        assertThat(run("list-users")).isZero();
        assertThat(text(out)).contains(normalised + "\tCat Created\tBOROUGH_LEAD\tE09000025,E09000030\t"
                + "Newham and Tower Hamlets team\tactive,must-change-password");
        assertThat(text(out)).contains("admin@example.org").containsPattern("\\d+ accounts");
    }

    @Test
    void setRolesReplacesRolesAndEndsTheAccountsSessions() {
        TestStaff staff = new TestStaff(administration, totp, clock);
        TestStaff.Member member = staff.create(Role.ANALYST);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, member);
        assertThat(client.get("/staff/admin/accounts").statusCode()).isEqualTo(403);

        assertThat(run("set-roles", "--email", member.email(), "--role", "admin", "--role", "analyst")).as(text(err))
                .isZero();
        assertThat(StaffClient.location(client.get("/staff"))).as("signed out by the change").startsWith("/sign-in");
        StaffClient again = new StaffClient(port);
        staff.signIn(again, member, 1);
        assertThat(again.get("/staff/admin/accounts").statusCode()).isEqualTo(200);

        assertThat(run("set-roles", "--email", member.email(), "--role", "practitioner")).isEqualTo(1);
        assertThat(run("set-roles", "--email", "nobody@example.org", "--role", "admin")).isEqualTo(1);
    }

    @Test
    void resetTwoFactorMakesTheAccountEnrolAgainAndEndsItsSessions() {
        TestStaff staff = new TestStaff(administration, totp, clock);
        TestStaff.Member member = staff.create(Role.ANALYST);
        StaffClient client = new StaffClient(port);
        staff.signIn(client, member);

        assertThat(run("reset-two-factor", "--email", member.email())).as("a reason is required").isEqualTo(2);
        assertThat(run("reset-two-factor", "--email", member.email(), "--reason", "Lost phone, ticket 123"))
                .as(text(err)).isZero();
        assertThat(StaffClient.location(client.get("/staff"))).startsWith("/sign-in");
        StaffClient again = new StaffClient(port);
        again.get("/sign-in");
        assertThat(StaffClient.location(again.post("/sign-in", "email", member.email(), "password",
                TestStaff.PASSWORD))).isEqualTo("/sign-in/set-up-two-factor");
        assertThat(jdbc.sql("SELECT reason FROM audit_entry WHERE action = 'two-factor.reset' AND record_id = :id")
                .param("id", String.valueOf(member.id())).query(String.class).single())
                .isEqualTo("Lost phone, ticket 123");
        assertThat(run("reset-two-factor", "--email", "nobody@example.org", "--reason", "x")).isEqualTo(1);
    }

    @Test
    void createUserRefusesWhatItCannotCreate() {
        assertThat(run("create-user", "--email", "x@example.org", "--name", "X")).isEqualTo(2);
        assertThat(text(err)).contains("--role");
        assertThat(run("create-user", "--email", "x@example.org", "--name", "X", "--role", "superuser")).isEqualTo(2);
        assertThat(text(err)).contains("Unknown role: superuser");

        err.reset();
        assertThat(run("create-user", "--email", "x@example.org", "--name", "X", "--role", "PRACTITIONER",
                "--borough", "E09000099")).isEqualTo(1);
        assertThat(text(err)).contains("Unknown borough code: E09000099");
        err.reset();
        assertThat(run("create-user", "--email", "x@example.org", "--name", "X", "--role", "PRACTITIONER")).isEqualTo(1);
        assertThat(text(err)).contains("need at least one --borough");
        err.reset();
        assertThat(run("create-user", "--email", "x@example.org", "--name", "X", "--role", "ANALYST",
                "--organisation", "No Such Organisation")).isEqualTo(1);
        assertThat(text(err)).contains("No organisation called \"No Such Organisation\"");
        err.reset();
        assertThat(run("create-user", "--email", "ADMIN@example.org", "--name", "X", "--role", "ANALYST")).isEqualTo(1);
        assertThat(text(err)).contains("already exists");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_account WHERE email_index = :e")
                .param("e", blindIndex.emailTerm("x@example.org")).query(Long.class).single()).isZero();
    }

    private int run(String name, String... words) {
        AdminCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        return command.run(AdminArguments.parse(Arrays.asList(words)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
