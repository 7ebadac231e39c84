package uk.org.safeguard.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.identity.Permission;
import uk.org.safeguard.identity.StaffAccess;
import uk.org.safeguard.identity.StaffUser;
import uk.org.safeguard.intake.SubmissionKind;

/**
 * The staff side of intake: the queue of routed concerns and referrals, and one submission's details,
 * statuses and messages. A member of staff reaches a submission routed to one of their boroughs; the
 * city-wide triage queue (no borough) is for borough leads (who may assign) of any borough. Every read of
 * a submission's details is audited ({@code intake.viewed}), every refusal too ({@code intake.access-denied},
 * in its own transaction so that the refusal's rollback keeps it), and so is every change.
 */
@Service
class StaffIntake {

    static final int PAGE_SIZE = 50;

    /** One routed submission as the queue and the submission page show it: no personal data but the encrypted details. */
    record Row(UUID id, String reference, SubmissionKind kind, Channel channel, String boroughCode, boolean urgent,
            boolean anonymous, String language, SubmissionStatus status, Instant submittedAt, byte[] details,
            int unread) {
    }

    record QueuePage(List<Row> rows, int page, int pages, long total) {
    }

    /** A submission opened by a member of staff: its row, its decrypted details, statuses and thread. */
    record Opened(Row row, JsonNode details, List<FollowUp.StatusEntry> history, List<IntakeMessages.Message> thread,
            List<Attachments.AttachmentInfo> files) {
    }

    /** Outside the member of staff's boroughs. */
    static class Denied extends AccessDeniedException {
        Denied() {
            super("Submission outside the account's scope");
        }
    }

    /** No routed concern or referral with that reference: not found, to whoever asked. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class NotFound extends RuntimeException {
        NotFound() {
            super("No such submission");
        }
    }

    /** A submission that is already in a borough cannot be routed from the city-wide queue again. */
    static class AlreadyRouted extends RuntimeException {
        AlreadyRouted() {
            super("Already in a borough");
        }
    }

    private static final String COLUMNS = """
            s.id, s.reference, s.kind, s.channel, s.borough_code, s.urgent, s.anonymous, s.language, s.status,
            s.submitted_at, s.details,
            (SELECT count(*) FROM intake_message m WHERE m.submission_id = s.id AND m.author = 'REPORTER'
                AND m.read_at IS NULL) AS unread""";
    private static final String ROUTED = "s.kind IN ('CONCERN', 'REFERRAL') AND s.routed_at IS NOT NULL";

    private final JdbcClient jdbc;
    private final Submissions submissions;
    private final IntakeMessages messages;
    private final FollowUp followUp;
    private final StaffAccess staff;
    private final Boroughs boroughs;
    private final AuditTrail audit;
    private final TransactionTemplate separately;
    private final Clock clock;
    private final Attachments attachments;

    StaffIntake(JdbcClient jdbc, Submissions submissions, IntakeMessages messages, FollowUp followUp, StaffAccess staff,
            Boroughs boroughs, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
            Attachments attachments) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.submissions = submissions;
        this.messages = messages;
        this.followUp = followUp;
        this.staff = staff;
        this.boroughs = boroughs;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Whether {@code user} may reach a submission in {@code boroughCode} (null: the city-wide queue). */
    static boolean inScope(StaffUser user, String boroughCode) {
        return user.hasPermission(Permission.CASE_READ) && (boroughCode == null
                ? user.hasPermission(Permission.CASE_ASSIGN) : user.canAccessBorough(boroughCode));
    }

    /** One page (from 1) of the current member of staff's queue: urgent first, then oldest. */
    QueuePage queue(int page) {
        StaffUser user = staff.require(Permission.CASE_READ);
        List<String> codes = user.boroughs().isEmpty() ? List.of("-") : user.boroughs();
        boolean cityWide = user.hasPermission(Permission.CASE_ASSIGN);
        String where = ROUTED + " AND s.status NOT IN ('CLOSED_INFORMED', 'CLOSED_NO_ACTION')"
                + " AND (s.borough_code IN (:boroughs) OR (:cityWide AND s.borough_code IS NULL))";
        long total = jdbc.sql("SELECT count(*) FROM intake_submission s WHERE " + where)
                .param("boroughs", codes).param("cityWide", cityWide).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM intake_submission s WHERE " + where
                        + " ORDER BY s.urgent DESC, s.submitted_at, s.reference LIMIT :limit OFFSET :offset")
                .param("boroughs", codes).param("cityWide", cityWide).param("limit", PAGE_SIZE)
                .param("offset", (current - 1) * PAGE_SIZE)
                .query(StaffIntake::row).list();
        return new QueuePage(rows, current, pages, total);
    }

    /** Opens a submission for the current member of staff: audited, and the reporter's messages marked read. */
    @Transactional
    Opened view(String reference) {
        StaffUser user = staff.require(Permission.CASE_READ);
        Row row = reachable(user, reference);
        audit.record(AuditEvent.of(user.reference(), "intake.viewed", "submission", row.reference()));
        JsonNode details = submissions.details(row.id(), row.kind(), row.details(), JsonNode.class);
        List<IntakeMessages.Message> thread = messages.thread(row.id());
        messages.markRead(row.id());
        List<FollowUp.StatusEntry> history = followUp.view(row.id()).map(FollowUp.View::history).orElse(List.of());
        return new Opened(row, details, history, thread, attachments.ofSubmission(row.id()));
    }

    /** One of a submission's files, decrypted for download: audited. */
    @Transactional
    Attachments.StoredFile attachment(String reference, UUID attachmentId) {
        StaffUser user = staff.require(Permission.CASE_READ);
        Row row = reachable(user, reference);
        Attachments.StoredFile file;
        try {
            file = attachments.read(row.id(), attachmentId);
        } catch (java.util.NoSuchElementException noSuchFile) {
            throw new NotFound();
        }
        audit.record(AuditEvent.of(user.reference(), "intake.attachment.downloaded", "submission", row.reference())
                .withDetail("attachment", attachmentId.toString()));
        return file;
    }

    /** Sets the status the reporter sees; false when it already was that status. */
    @Transactional
    boolean changeStatus(String reference, SubmissionStatus status) {
        if (status == SubmissionStatus.AWAITING_CONFIRMATION) {
            throw new IllegalArgumentException("Staff cannot set " + status);
        }
        StaffUser user = staff.require(Permission.CASE_WORK);
        Row row = reachable(user, reference);
        SubmissionStatus previous = jdbc.sql("SELECT status FROM intake_submission WHERE id = :id FOR UPDATE")
                .param("id", row.id()).query((rs, n) -> SubmissionStatus.valueOf(rs.getString(1))).single();
        if (previous == status) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("UPDATE intake_submission SET status = :status WHERE id = :id")
                .param("status", status.name()).param("id", row.id()).update();
        jdbc.sql("INSERT INTO intake_status_update (submission_id, status, at, actor) VALUES (:id, :status, :at, :actor)")
                .param("id", row.id()).param("status", status.name()).param("at", now).param("actor", user.reference())
                .update();
        audit.record(AuditEvent.of(user.reference(), "intake.status-changed", "submission", row.reference())
                .withDetail("from", previous.name()).withDetail("to", status.name()));
        return true;
    }

    /** Sends a reply to the reporter. */
    @Transactional
    void reply(String reference, String body) {
        StaffUser user = staff.require(Permission.CASE_WORK);
        Row row = reachable(user, reference);
        UUID message = messages.add(row.id(), IntakeMessages.Author.STAFF, user.reference(), body);
        audit.record(AuditEvent.of(user.reference(), "intake.message.sent", "submission", row.reference())
                .withDetail("message", message.toString()));
    }

    /** A borough lead sends a submission from the city-wide queue to a London borough. */
    @Transactional
    void route(String reference, String boroughCode) {
        StaffUser user = staff.require(Permission.CASE_ASSIGN);
        if (boroughs.byCode(boroughCode).isEmpty()) {
            throw new IllegalArgumentException("Not a London borough: " + boroughCode);
        }
        Row row = reachable(user, reference);
        int updated = jdbc.sql("UPDATE intake_submission SET borough_code = :borough WHERE id = :id AND borough_code IS NULL")
                .param("borough", boroughCode).param("id", row.id()).update();
        if (updated != 1) {
            throw new AlreadyRouted();
        }
        submissions.announceRouted(row.reference());
        audit.record(AuditEvent.of(user.reference(), "intake.routed", "submission", row.reference())
                .withDetail("borough", boroughCode));
    }

    /** The submission, if routed and in the member's scope; a refusal is audited on its own. */
    private Row reachable(StaffUser user, String reference) {
        String canonical = Codes.normaliseReference(reference);
        if (canonical == null || !canonical.equals(reference)) {
            throw new NotFound();
        }
        Row row = jdbc.sql("SELECT " + COLUMNS + " FROM intake_submission s WHERE s.reference = :reference AND " + ROUTED)
                .param("reference", canonical).query(StaffIntake::row).optional().orElseThrow(NotFound::new);
        if (!inScope(user, row.boroughCode())) {
            separately.executeWithoutResult(status -> audit.record(
                    AuditEvent.of(user.reference(), "intake.access-denied", "submission", row.reference())));
            throw new Denied();
        }
        return row;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("reference"), SubmissionKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")), rs.getString("borough_code"), rs.getBoolean("urgent"),
                rs.getBoolean("anonymous"), rs.getString("language"), SubmissionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(), rs.getBytes("details"), rs.getInt("unread"));
    }

    /** Staff statuses in the order offered. */
    static List<SubmissionStatus> settable() {
        List<SubmissionStatus> all = new ArrayList<>(List.of(SubmissionStatus.values()));
        all.remove(SubmissionStatus.AWAITING_CONFIRMATION);
        return all;
    }

    static Optional<SubmissionStatus> parseStatus(String text) {
        return settable().stream().filter(s -> s.name().equals(text)).findFirst();
    }
}
