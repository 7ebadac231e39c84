package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import uk.org.safeguard.identity.OrganisationType;
import uk.org.safeguard.identity.Role;

/** Makes test accounts with a known password and TOTP secret, and signs them in over HTTP. */
public class TestStaff {

    static final String PASSWORD = "a test password nobody guesses";
    static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public record Member(long id, String email) {
    }

    private final AccountAdministration administration;
    private final Totp totp;
    private final IdentityClock clock;

    TestStaff(AccountAdministration administration, Totp totp, IdentityClock clock) {
        this.administration = administration;
        this.totp = totp;
        this.clock = clock;
    }

    /** Test staff for tests of other modules, from the application context. */
    public static TestStaff from(org.springframework.context.ApplicationContext context) {
        return new TestStaff(context.getBean(AccountAdministration.class), context.getBean(Totp.class),
                context.getBean(IdentityClock.class));
    }

    /** An enrolled account that need not change its password (in Tower Hamlets if the role needs a borough). */
    public Member create(Role role) {
        return create(role, role.needsBorough() ? List.of("E09000030") : List.of());
    }

    /** An enrolled account covering {@code boroughs}. */
    public Member create(Role role, List<String> boroughs) {
        String email = "t-" + UUID.randomUUID() + "@example.org";
        long id = administration.createDemo(new AccountAdministration.NewAccount(email, "Test " + role, Set.of(role),
                boroughs, "Test organisation", OrganisationType.PROGRAMME_TEAM), PASSWORD, SECRET);
        return new Member(id, email);
    }

    String codeAt(Instant time) {
        return totp.codeAt(SECRET, time);
    }

    String currentCode() {
        return codeAt(clock.now());
    }

    /** Signs {@code member} in on {@code client} with both factors, using the code of {@code stepsAhead} steps from now. */
    public void signIn(StaffClient client, Member member, int stepsAhead) {
        client.get("/sign-in");
        HttpResponse<String> password = client.post("/sign-in", "email", member.email(), "password", PASSWORD);
        assertThat(StaffClient.location(password)).as(password.body()).isEqualTo("/sign-in/two-factor");
        client.get("/sign-in/two-factor");
        HttpResponse<String> code = client.post("/sign-in/two-factor", "code",
                codeAt(clock.now().plusSeconds(30L * stepsAhead)));
        assertThat(StaffClient.location(code)).as(code.body()).isEqualTo("/staff");
    }

    public void signIn(StaffClient client, Member member) {
        signIn(client, member, 0);
    }
}
