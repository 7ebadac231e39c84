package uk.org.safeguard.identity.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;

/**
 * The first factor: email and password. Whatever the reason for refusing (no such account, wrong
 * password, disabled account) the answer is the same {@link Outcome#REFUSED}, after the same Argon2
 * work; lockouts apply to emails with and without accounts alike.
 */
@Service
class SignIn {

    enum Outcome { ACCEPTED, REFUSED, LOCKED }

    record Result(Outcome outcome, Optional<Account> account) {
    }

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final IdentityAudit audit;

    SignIn(Accounts accounts, PasswordHasher hasher, SignInThrottle throttle, IdentityAudit audit) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Transactional
    Result checkPassword(String email, String password, String remoteAddress) {
        String normalised = Accounts.normaliseEmail(email);
        String emailSubject = throttle.emailSubject(normalised);
        String addressSubject = throttle.addressSubject(remoteAddress);
        Optional<Account> account = accounts.byEmail(normalised);
        if (throttle.isLocked(emailSubject) || throttle.isLocked(addressSubject)) {
            hasher.matchesNothing(password);
            audit.record(AuditEvent.of(actor(account), "sign-in.throttled"));
            return new Result(Outcome.LOCKED, Optional.empty());
        }
        boolean accepted = account.map(a -> hasher.matches(password, a.passwordHash()) && !a.disabled())
                .orElseGet(() -> hasher.matchesNothing(password));
        if (!accepted) {
            throttle.recordFailure(emailSubject, ThrottlePolicy.PER_ACCOUNT);
            throttle.recordFailure(addressSubject, ThrottlePolicy.PER_ADDRESS);
            audit.record(AuditEvent.of(actor(account), "sign-in.failed").withDetail("factor", "password"));
            return new Result(Outcome.REFUSED, Optional.empty());
        }
        throttle.clear(emailSubject);
        audit.record(AuditEvent.of(actor(account), "sign-in.password-accepted"));
        return new Result(Outcome.ACCEPTED, account);
    }

    /** Who failed, by reference: the account if the email has one, otherwise just "public". */
    private static String actor(Optional<Account> account) {
        return account.map(Account::reference).orElse("public");
    }
}
