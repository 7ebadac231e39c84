package uk.org.safeguard.identity.internal;

import java.util.List;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;

/**
 * The second factor: a TOTP code from the authenticator app or one of the recovery codes; and the
 * first-time set-up, which shows the secret as a QR code and ends with ten recovery codes. Failures
 * count per account and lock like password failures.
 */
@Service
class TwoFactor {

    enum Outcome { ACCEPTED, REFUSED, LOCKED }

    private final Accounts accounts;
    private final Totp totp;
    private final RecoveryCodes recoveryCodes;
    private final SignInThrottle throttle;
    private final IdentityAudit audit;
    private final IdentityClock clock;

    TwoFactor(Accounts accounts, Totp totp, RecoveryCodes recoveryCodes,
            SignInThrottle throttle, IdentityAudit audit, IdentityClock clock) {
        this.accounts = accounts;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a code (or a recovery code) of an enrolled account. */
    @Transactional
    Outcome verify(long accountId, String input) {
        Account account = accounts.byId(accountId).orElseThrow();
        String subject = throttle.accountSubject(accountId);
        if (throttle.isLocked(subject)) {
            audit.account(accountId, "sign-in.throttled");
            return Outcome.LOCKED;
        }
        boolean accepted;
        String factor;
        if (RecoveryCodes.looksLikeRecoveryCode(input)) {
            factor = "recovery-code";
            accepted = recoveryCodes.use(accountId, input);
        } else {
            factor = "totp";
            accepted = checkCode(account, input);
        }
        if (!accepted) {
            throttle.recordFailure(subject, ThrottlePolicy.PER_ACCOUNT);
            audit.record(AuditEvent.of(account.reference(), "sign-in.failed").withDetail("factor", factor));
            return Outcome.REFUSED;
        }
        throttle.clear(subject);
        audit.record(AuditEvent.of(account.reference(), "sign-in.succeeded").withDetail("factor", factor));
        return Outcome.ACCEPTED;
    }

    /** Confirms first-time set-up with a code from the app; returns the new recovery codes, or null if refused. */
    @Transactional
    List<String> confirmEnrolment(long accountId, String code) {
        Account account = accounts.byId(accountId).orElseThrow();
        String subject = throttle.accountSubject(accountId);
        if (throttle.isLocked(subject) || !checkCode(account, code)) {
            throttle.recordFailure(subject, ThrottlePolicy.PER_ACCOUNT);
            audit.record(AuditEvent.of(account.reference(), "two-factor.enrolment-failed"));
            return null;
        }
        throttle.clear(subject);
        accounts.markTotpEnrolled(accountId);
        audit.account(accountId, "two-factor.enrolled");
        audit.record(AuditEvent.of(account.reference(), "sign-in.succeeded").withDetail("factor", "totp"));
        return recoveryCodes.replace(accountId);
    }

    String secretOf(long accountId) {
        return accounts.totpSecret(accounts.byId(accountId).orElseThrow());
    }

    String otpauthUri(Account account) {
        return totp.otpauthUri(accounts.totpSecret(account), account.email());
    }

    String qrCode(Account account) {
        return totp.qrCodeDataUri(accounts.totpSecret(account), account.email());
    }

    private boolean checkCode(Account account, String code) {
        OptionalLong step = totp.verify(accounts.totpSecret(account), code, clock.now(),
                account.totpLastStep());
        return step.isPresent() && accounts.useTotpStep(account.id(), step.getAsLong());
    }
}
