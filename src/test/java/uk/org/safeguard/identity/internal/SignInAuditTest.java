package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.identity.Role;

/** Every sign-in outcome leaves an audit entry that names the account by reference, never by email. */
class SignInAuditTest {

    private final List<AuditEvent> recorded = new ArrayList<>();
    private final Accounts accounts = mock(Accounts.class);
    private final SignInThrottle throttle = mock(SignInThrottle.class);
    private final PasswordHasher hasher = new PasswordHasher();
    private final SignIn signIn;
    private final String hash = hasher.hash("the right password");

    SignInAuditTest() {
        AuditTrail trail = recorded::add;
        when(throttle.emailSubject(anyString())).thenReturn("email:x");
        when(throttle.addressSubject(any())).thenReturn("address:y");
        Account account = new Account(42, "jo@example.org", "Jo", 1, "Org", hash, false, new byte[0], true, 0, 0, false,
                false, Set.of(Role.ANALYST), List.of());
        when(accounts.byEmail("jo@example.org")).thenReturn(Optional.of(account));
        when(accounts.byEmail("nobody@example.org")).thenReturn(Optional.empty());
        signIn = new SignIn(accounts, hasher, throttle, new IdentityAudit(trail));
    }

    @Test
    void successAndFailureAreAuditedByReference() {
        assertThat(signIn.checkPassword("Jo@Example.org", "the right password", "192.0.2.1").outcome())
                .isEqualTo(SignIn.Outcome.ACCEPTED);
        assertThat(signIn.checkPassword("jo@example.org", "wrong", "192.0.2.1").outcome())
                .isEqualTo(SignIn.Outcome.REFUSED);
        assertThat(signIn.checkPassword("nobody@example.org", "wrong", "192.0.2.1").outcome())
                .isEqualTo(SignIn.Outcome.REFUSED);
        when(throttle.isLocked("email:x")).thenReturn(true);
        assertThat(signIn.checkPassword("jo@example.org", "the right password", "192.0.2.1").outcome())
                .isEqualTo(SignIn.Outcome.LOCKED);

        assertThat(recorded).extracting(e -> e.actor() + " " + e.action()).containsExactly(
                "account:42 sign-in.password-accepted", "account:42 sign-in.failed", "public sign-in.failed",
                "account:42 sign-in.throttled");
        assertThat(recorded.toString()).doesNotContain("example.org", "192.0.2.1", "Jo");
    }
}
