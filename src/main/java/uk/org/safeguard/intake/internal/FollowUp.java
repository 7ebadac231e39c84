package uk.org.safeguard.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;

/**
 * A reporter's follow-up, without an account: the reference and secret code open the submission, whose
 * status updates and message thread they can then read and add to.
 *
 * <p>Wrong codes are counted per reference: {@value #MAX_FAILURES} within {@link #FAILURE_WINDOW} lock
 * the reference for {@link #LOCK} (the right code is refused too while it lasts). References that name no
 * submission are counted and locked in exactly the same way, and the person is told the same thing, so
 * nothing here says whether a reference exists. A network address that fails too often is refused as
 * well ({@link FollowUpAddressLimit}, in memory only).
 */
@Service
class FollowUp {

    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(30);

    enum Outcome { OPENED, NO_MATCH, LOCKED, TOO_MANY_FROM_ADDRESS }

    /** The result of an attempt: the submission's id only when opened. */
    record Attempt(Outcome outcome, UUID submissionId) {
    }

    record StatusEntry(SubmissionStatus status, Instant at) {
    }

    /** What the reporter sees: nothing about the person concerned. */
    record View(SubmissionStatus current, List<StatusEntry> history, List<IntakeMessages.Message> thread) {
    }

    private final Submissions submissions;
    private final IntakeMessages messages;
    private final FollowUpAddressLimit addresses;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    FollowUp(Submissions submissions, IntakeMessages messages, FollowUpAddressLimit addresses, JdbcClient jdbc,
            TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.submissions = submissions;
        this.messages = messages;
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a reference and code as typed, from {@code address} (kept only as a keyed hash, in memory). */
    Attempt open(String typedReference, String typedCode, String address) {
        if (addresses.blocked(address)) {
            return new Attempt(Outcome.TOO_MANY_FROM_ADDRESS, null);
        }
        String reference = Codes.normaliseReference(typedReference);
        if (reference == null) {
            // Cannot be anyone's reference: nothing to count it against, and nothing typed is recorded.
            addresses.failed(address);
            audit.record(AuditEvent.of("public", "intake.follow-up.failed").withDetail("reason", "not-a-reference"));
            return new Attempt(Outcome.NO_MATCH, null);
        }
        Attempt attempt = transactions.execute(status -> check(reference, typedCode));
        if (attempt.outcome() != Outcome.OPENED) {
            addresses.failed(address);
        }
        return attempt;
    }

    private Attempt check(String reference, String typedCode) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                INSERT INTO intake_follow_up_failure (reference, failures, window_started_at)
                VALUES (:reference, 0, :now) ON CONFLICT (reference) DO NOTHING""")
                .param("reference", reference).param("now", Timestamp.from(now)).update();
        Counter counter = jdbc.sql("""
                SELECT failures, window_started_at, locked_until FROM intake_follow_up_failure
                WHERE reference = :reference FOR UPDATE""")
                .param("reference", reference)
                .query((rs, n) -> new Counter(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
        if (counter.lockedUntil() != null && counter.lockedUntil().isAfter(now)) {
            audit.record(AuditEvent.of("public", "intake.follow-up.failed", "submission", reference)
                    .withDetail("reason", "locked"));
            return new Attempt(Outcome.LOCKED, null);
        }
        Optional<UUID> opened = submissions.open(reference, typedCode);
        if (opened.isPresent()) {
            jdbc.sql("DELETE FROM intake_follow_up_failure WHERE reference = :reference")
                    .param("reference", reference).update();
            audit.record(AuditEvent.of("public", "intake.follow-up.opened", "submission", reference));
            return new Attempt(Outcome.OPENED, opened.get());
        }
        boolean newWindow = !counter.windowStartedAt().plus(FAILURE_WINDOW).isAfter(now);
        int failures = newWindow ? 1 : counter.failures() + 1;
        Instant windowStartedAt = newWindow ? now : counter.windowStartedAt();
        Instant lockedUntil = null;
        if (failures >= MAX_FAILURES) {
            lockedUntil = now.plus(LOCK);
            failures = 0;
            windowStartedAt = now;
        }
        jdbc.sql("""
                UPDATE intake_follow_up_failure SET failures = :failures, window_started_at = :window,
                    locked_until = :locked WHERE reference = :reference""")
                .param("failures", failures).param("window", Timestamp.from(windowStartedAt))
                .param("locked", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .param("reference", reference).update();
        audit.record(AuditEvent.of("public", "intake.follow-up.failed", "submission", reference)
                .withDetail("reason", "no-match"));
        if (lockedUntil != null) {
            audit.record(AuditEvent.of("public", "intake.follow-up.locked", "submission", reference)
                    .withDetail("minutes", String.valueOf(LOCK.toMinutes())));
            return new Attempt(Outcome.LOCKED, null);
        }
        return new Attempt(Outcome.NO_MATCH, null);
    }

    /** The submission's statuses and thread, or empty if it no longer exists. */
    Optional<View> view(UUID submissionId) {
        Optional<SubmissionStatus> current = jdbc.sql("SELECT status FROM intake_submission WHERE id = :id")
                .param("id", submissionId).query((rs, n) -> SubmissionStatus.valueOf(rs.getString(1))).optional();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<StatusEntry> history = jdbc.sql("""
                SELECT status, at FROM intake_status_update WHERE submission_id = :id ORDER BY at, id""")
                .param("id", submissionId)
                .query((rs, n) -> new StatusEntry(SubmissionStatus.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                .list();
        return Optional.of(new View(current.get(), history, messages.thread(submissionId)));
    }

    /** Adds the reporter's message to the thread, audited; false if the submission no longer exists. */
    boolean send(UUID submissionId, String body) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<String> reference = jdbc.sql("SELECT reference FROM intake_submission WHERE id = :id FOR SHARE")
                    .param("id", submissionId).query(String.class).optional();
            if (reference.isEmpty()) {
                return false;
            }
            UUID message = messages.add(submissionId, IntakeMessages.Author.REPORTER, null, body);
            audit.record(AuditEvent.of("public", "intake.message.received", "submission", reference.get())
                    .withDetail("message", message.toString()));
            return true;
        }));
    }

    private record Counter(int failures, Instant windowStartedAt, Instant lockedUntil) {
    }
}
