package uk.org.safeguard.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per email and per address bucket, under keyed hashes (no email or IP address
 * is stored), and says whether a subject is locked out. An email without an account is counted and
 * locked exactly like one with, so the lockout tells nothing about which emails have accounts.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final IdentitySecrets secrets;
    private final IdentityClock clock;

    SignInThrottle(JdbcClient jdbc, IdentitySecrets secrets, IdentityClock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    String emailSubject(String normalisedEmail) {
        return "email:" + secrets.lookupHash("throttle-email", normalisedEmail);
    }

    String accountSubject(long accountId) {
        return "second-factor:" + accountId;
    }

    /** IPv4 addresses count one by one; IPv6 by their /64, since one device can hold a whole /64. */
    String addressSubject(String remoteAddress) {
        return "address:" + secrets.lookupHash("throttle-address", bucket(remoteAddress));
    }

    static String bucket(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        try {
            InetAddress address = InetAddress.getByName(remoteAddress.contains(":") || remoteAddress.matches("[0-9.]+")
                    ? remoteAddress : "invalid.invalid");
            byte[] bytes = address.getAddress();
            if (bytes.length == 16) {
                return "v6:" + java.util.HexFormat.of().formatHex(bytes, 0, 8);
            }
            return "v4:" + address.getHostAddress();
        } catch (UnknownHostException e) {
            return "other:" + remoteAddress.toLowerCase(Locale.ROOT);
        }
    }

    boolean isLocked(String subject) {
        Instant now = clock.now();
        return jdbc.sql("SELECT locked_until FROM identity_sign_in_throttle WHERE subject = :subject")
                .param("subject", subject).query(Timestamp.class).optional()
                .map(t -> t != null && t.toInstant().isAfter(now)).orElse(false);
    }

    /** Records a failure and returns the subject's count of recent failures. */
    int recordFailure(String subject, ThrottlePolicy policy) {
        Instant now = clock.now();
        Timestamp forgetBefore = Timestamp.from(now.minus(policy.forgetAfter()));
        int failures = jdbc.sql("""
                INSERT INTO identity_sign_in_throttle (subject, failures, last_failure_at, locked_until)
                VALUES (:subject, 1, :now, NULL)
                ON CONFLICT (subject) DO UPDATE SET
                    failures = CASE WHEN identity_sign_in_throttle.last_failure_at < :forgetBefore THEN 1
                                    ELSE identity_sign_in_throttle.failures + 1 END,
                    last_failure_at = :now
                RETURNING failures""")
                .param("subject", subject).param("now", Timestamp.from(now)).param("forgetBefore", forgetBefore)
                .query(Integer.class).single();
        java.time.Duration lockout = policy.lockoutAfter(failures);
        if (!lockout.isZero()) {
            jdbc.sql("UPDATE identity_sign_in_throttle SET locked_until = :until WHERE subject = :subject")
                    .param("until", Timestamp.from(now.plus(lockout))).param("subject", subject).update();
        }
        return failures;
    }

    void clear(String subject) {
        jdbc.sql("DELETE FROM identity_sign_in_throttle WHERE subject = :subject").param("subject", subject).update();
    }
}
