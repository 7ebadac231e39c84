package uk.org.safeguard.intake.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
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
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.privacy.BlindIndex;

/**
 * A professional referral is routed only once its referrer has confirmed their email address, by following
 * a link emailed to them. The link's token is 256 random bits, kept only as a keyed hash; it works once and
 * for 72 hours. The email names nothing but the referral's reference, and is sent in the background after
 * the referral has been stored.
 */
@Service
class ReferralConfirmations implements DisposableBean {

    static final Duration VALIDITY = Duration.ofHours(72);
    private static final String PURPOSE = "intake-referral-confirmation";
    private static final Logger log = LoggerFactory.getLogger(ReferralConfirmations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final Submissions submissions;
    private final AuditTrail audit;
    private final ObjectProvider<JavaMailSender> mail;
    private final ReportForms forms;
    private final Clock clock;
    private final String publicUrl;
    private final String from;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "referral-confirmation-mail");
        thread.setDaemon(true);
        return thread;
    });

    ReferralConfirmations(JdbcClient jdbc, BlindIndex blindIndex, Submissions submissions, AuditTrail audit,
            ObjectProvider<JavaMailSender> mail, ReportForms forms, Clock clock,
            @Value("${safeguard.public-url:http://localhost:8080}") String publicUrl,
            @Value("${safeguard.mail.from:no-reply@safeguard.invalid}") String from) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.submissions = submissions;
        this.audit = audit;
        this.mail = mail;
        this.forms = forms;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.from = from;
    }

    /** A new token for a link: 256 random bits. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Records the token of a referral's link; called in the transaction that stores the referral. */
    void store(UUID submissionId, String token) {
        Instant now = now();
        jdbc.sql("""
                INSERT INTO intake_referral_confirmation (token_hash, submission_id, created_at, expires_at)
                VALUES (:hash, :submission, :now, :expires)""")
                .param("hash", hash(token)).param("submission", submissionId).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(VALIDITY))).update();
    }

    /** Emails the link, in the background. The email carries the reference and nothing else about the referral. */
    void send(String email, String reference, String token) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(email.strip());
        message.setSubject(forms.t("referral.email.subject", reference));
        message.setText(forms.t("referral.email.body", reference, publicUrl + "/refer/confirm/" + token));
        sender.execute(() -> {
            JavaMailSender sender = mail.getIfAvailable();
            if (sender == null) {
                log.warn("A referral confirmation email could not be sent: mail is not configured (set SPRING_MAIL_HOST)");
                return;
            }
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("A referral confirmation email could not be sent: {}", e.getClass().getSimpleName());
            }
        });
    }

    /**
     * Uses a link: when its token is live, marks it used and routes the referral (once).
     *
     * @return the referral's reference, or empty when the link is unknown, used or expired
     */
    @Transactional
    Optional<String> use(String token) {
        Instant now = now();
        Optional<UUID> submission = jdbc.sql("""
                UPDATE intake_referral_confirmation SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                RETURNING submission_id""")
                .param("now", Timestamp.from(now)).param("hash", hash(token)).query(UUID.class).optional();
        if (submission.isEmpty()) {
            audit.record(AuditEvent.of("public", "intake.confirmation-link.refused"));
            return Optional.empty();
        }
        String reference = jdbc.sql("SELECT reference FROM intake_submission WHERE id = :id")
                .param("id", submission.get()).query(String.class).single();
        submissions.confirm(submission.get());
        audit.record(AuditEvent.of("public", "intake.confirmation-link.used", "submission", reference));
        return Optional.of(reference);
    }

    private String hash(String token) {
        return blindIndex.keyedTerm(PURPOSE, token == null ? "" : token);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
