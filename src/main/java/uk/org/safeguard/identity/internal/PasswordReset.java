package uk.org.safeguard.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;

/**
 * Password reset by emailed link. The token is 256 random bits; only its keyed hash is stored; it works
 * once and for 30 minutes, and asking again cancels earlier links. The email is sent in the background,
 * so the answer takes as long whether or not the address has an account. A token in a URL can leak
 * (history, logs), which is why it is single-use and short-lived and every page sends
 * {@code Referrer-Policy: no-referrer}.
 */
@Service
class PasswordReset implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final IdentitySecrets secrets;
    private final IdentityClock clock;
    private final IdentityProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final Texts texts;
    private final IdentityAudit audit;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final SignOutEverywhere signOutEverywhere;
    private final String publicUrl;
    private final String from;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "password-reset-mail");
        thread.setDaemon(true);
        return thread;
    });

    PasswordReset(JdbcClient jdbc, Accounts accounts, IdentitySecrets secrets, IdentityClock clock,
            IdentityProperties properties, ObjectProvider<JavaMailSender> mail, Texts texts, IdentityAudit audit,
            Passwords passwords, SignOutEverywhere signOutEverywhere, SignInThrottle throttle,
            @Value("${safeguard.public-url:http://localhost:8080}") String publicUrl,
            @Value("${safeguard.mail.from:no-reply@safeguard.invalid}") String from) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.secrets = secrets;
        this.clock = clock;
        this.properties = properties;
        this.mail = mail;
        this.texts = texts;
        this.audit = audit;
        this.passwords = passwords;
        this.throttle = throttle;
        this.signOutEverywhere = signOutEverywhere;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.from = from;
    }

    /**
     * Sends a link if {@code email} belongs to an active account; says nothing either way. Requests are
     * limited per email (whether or not it has an account, so the limit reveals nothing) and per address
     * bucket: beyond the limit no email is sent, and the answer is
     * {@link RequestOutcome#TOO_MANY_FROM_ADDRESS} only for the address limit, which reveals nothing
     * about accounts either.
     */
    @Transactional
    RequestOutcome request(String email, String remoteAddress) {
        String normalised = Accounts.normaliseEmail(email);
        String emailSubject = "reset-" + throttle.emailSubject(normalised);
        String addressSubject = "reset-" + throttle.addressSubject(remoteAddress);
        Optional<Account> found = accounts.byEmail(normalised).filter(a -> !a.disabled());
        if (throttle.isLocked(addressSubject)) {
            audit.record(AuditEvent.of("public", "password-reset.throttled").withDetail("limit", "address"));
            return RequestOutcome.TOO_MANY_FROM_ADDRESS;
        }
        throttle.recordFailure(addressSubject, ThrottlePolicy.RESET_PER_ADDRESS);
        if (throttle.isLocked(emailSubject)) {
            audit.record(AuditEvent.of(found.map(a -> uk.org.safeguard.identity.StaffUser.reference(a.id())).orElse("public"),
                    "password-reset.throttled").withDetail("limit", "email"));
            return RequestOutcome.ACCEPTED;
        }
        throttle.recordFailure(emailSubject, ThrottlePolicy.RESET_PER_EMAIL);
        if (found.isEmpty()) {
            return RequestOutcome.ACCEPTED;
        }
        Account account = found.get();
        Instant now = clock.now();
        jdbc.sql("UPDATE identity_password_reset SET used_at = :now WHERE account_id = :id AND used_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", account.id()).update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO identity_password_reset (token_hash, account_id, created_at, expires_at)
                VALUES (:hash, :id, :now, :expires)""")
                .param("hash", hash(token)).param("id", account.id()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.resetTokenValidity()))).update();
        audit.account(account.id(), "password-reset.requested");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(account.email());
        message.setSubject(texts.t("identity.reset.email.subject"));
        message.setText(texts.t("identity.reset.email.body", publicUrl + "/sign-in/reset-password/" + token));
        sender.execute(() -> send(message));
        return RequestOutcome.ACCEPTED;
    }

    /** What the person is told after asking for a link. */
    enum RequestOutcome {
        /** "If an account exists, we have sent a link" (true or not: sent, no account, or the email's limit reached). */
        ACCEPTED,
        /** Too many requests from this address: try again later. */
        TOO_MANY_FROM_ADDRESS
    }

    /** The account a live token belongs to. */
    Optional<Account> accountFor(String token) {
        return jdbc.sql("""
                SELECT account_id FROM identity_password_reset
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("hash", hash(token)).param("now", Timestamp.from(clock.now())).query(Long.class).optional()
                .flatMap(accounts::byId);
    }

    /** Uses the token to set {@code newPassword} (already checked against the policy); false if the token is no longer live. */
    @Transactional
    boolean reset(String token, String newPassword) {
        Optional<Long> accountId = jdbc.sql("""
                UPDATE identity_password_reset SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                RETURNING account_id""")
                .param("hash", hash(token)).param("now", Timestamp.from(clock.now())).query(Long.class).optional();
        if (accountId.isEmpty()) {
            return false;
        }
        Account account = accounts.byId(accountId.get()).orElseThrow();
        passwords.set(account, newPassword, "password-reset.completed");
        signOutEverywhere.signOut(account.id());
        return true;
    }

    private String hash(String token) {
        return secrets.lookupHash("password-reset", token == null ? "" : token);
    }

    private void send(SimpleMailMessage message) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("A password reset email could not be sent: mail is not configured (set SPRING_MAIL_HOST)");
            return;
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("A password reset email could not be sent: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
