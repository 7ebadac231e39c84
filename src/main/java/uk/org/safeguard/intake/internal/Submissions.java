package uk.org.safeguard.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.intake.ConcernSubmitted;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;

/**
 * Stores submissions: the one place where a concern, referral or report becomes a row. Each is given a
 * reference and (for the web forms) a secret follow-up code, its details are encrypted under its
 * family's key (bound to its id), its first status is recorded, its arrival is audited, and (unless it
 * waits for an email confirmation) it is routed and queued for {@link ConcernRelay} in the same
 * transaction, which publishes {@link ConcernSubmitted} for it once it has committed, and again until a
 * pass succeeds. When this returns, the transaction has committed: a reference shown to anyone survives
 * the application being killed the moment after.
 */
@Service
class Submissions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FOLLOW_UP_PURPOSE = "intake-follow-up";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;
    private final ConcernRelay relay;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Submissions(JdbcTemplate jdbcTemplate, JdbcClient jdbc, FieldEncryption encryption, BlindIndex blindIndex,
            AuditTrail audit, ConcernRelay relay, TransactionTemplate transactions, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.relay = relay;
        this.transactions = transactions;
        this.clock = clock;
    }

    Receipt submit(NewSubmission submission) {
        return submitAll(List.of(submission)).get(0);
    }

    /**
     * Stores every submission in one transaction (all or none) and returns their receipts in order, once
     * committed. A reference that happens to be taken already is drawn again.
     */
    List<Receipt> submitAll(List<NewSubmission> submissions) {
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.execute(status -> insert(submissions));
            } catch (DuplicateKeyException clash) {
                if (attempt >= 5) {
                    throw clash;
                }
            }
        }
    }

    /**
     * Stores every submission under the reference given for it (drawn by the caller with
     * {@link Codes#newReference()}), in the caller's transaction, which must exist. A reference that is
     * taken already fails that transaction ({@link DuplicateKeyException}): the caller draws again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Receipt> submitAll(List<NewSubmission> submissions, List<String> references) {
        if (references.size() != submissions.size()) {
            throw new IllegalArgumentException("One reference per submission");
        }
        return insert(submissions, references);
    }

    private List<Receipt> insert(List<NewSubmission> submissions) {
        return insert(submissions, null);
    }

    private List<Receipt> insert(List<NewSubmission> submissions, List<String> references) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Timestamp at = Timestamp.from(now);
        List<Receipt> receipts = new ArrayList<>(submissions.size());
        int n = submissions.size();
        UUID[] ids = new UUID[n];
        String[] theirReferences = new String[n];
        String[] kinds = new String[n];
        String[] channels = new String[n];
        String[] boroughs = new String[n];
        Boolean[] urgent = new Boolean[n];
        Boolean[] anonymous = new Boolean[n];
        String[] languages = new String[n];
        String[] statuses = new String[n];
        Boolean[] routedNow = new Boolean[n];
        Boolean[] queued = new Boolean[n];
        byte[][] details = new byte[n][];
        String[] followUpHashes = new String[n];
        Long[] apiClients = new Long[n];
        String[] actors = new String[n];
        boolean anyQueued = false;
        for (int i = 0; i < n; i++) {
            NewSubmission s = submissions.get(i);
            UUID id = UUID.randomUUID();
            String reference = references == null ? Codes.newReference() : references.get(i);
            String code = s.withFollowUpCode() ? Codes.newFollowUpCode() : null;
            ids[i] = id;
            theirReferences[i] = reference;
            kinds[i] = s.kind().name();
            channels[i] = s.channel().name();
            boroughs[i] = s.boroughCode();
            urgent[i] = s.urgent();
            anonymous[i] = s.anonymous();
            languages[i] = s.language();
            statuses[i] = (s.awaitingConfirmation() ? SubmissionStatus.AWAITING_CONFIRMATION : SubmissionStatus.RECEIVED)
                    .name();
            routedNow[i] = !s.awaitingConfirmation();
            // Routed concerns and referrals go to casework through the outbox; hate reports stay with the programme.
            queued[i] = routedNow[i] && s.kind() != SubmissionKind.HATE_REPORT;
            anyQueued |= queued[i];
            details[i] = encryption.encrypt(family(s.kind()), id.toString(), JSON.writeValueAsBytes(s.details()));
            followUpHashes[i] = code == null ? null : followUpHash(reference, Codes.normaliseFollowUpCode(code));
            apiClients[i] = s.apiClientId();
            actors[i] = actor(s);
            receipts.add(new Receipt(id, reference, code));
        }
        // One statement of fixed text whatever the number (prepared once, unlike a multi-row VALUES list),
        // over one set of arrays: the submissions, their first statuses, and the routed concerns and referrals
        // queued in the outbox for ConcernRelay.
        jdbcTemplate.update(connection -> {
            var insert = connection.prepareStatement("""
                    WITH u AS (
                        SELECT u.*, CAST(? AS timestamptz) AS at
                        FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS u(id, reference, kind, channel,
                            borough_code, urgent, anonymous, language, status, routed, details, follow_up_hash,
                            api_client_id, actor, queued)
                    ), submission AS (
                        INSERT INTO intake_submission (id, reference, kind, channel, borough_code, urgent, anonymous,
                            language, status, submitted_at, routed_at, details, follow_up_hash, api_client_id)
                        SELECT u.id, u.reference, u.kind, u.channel, u.borough_code, u.urgent, u.anonymous, u.language,
                               u.status, u.at, CASE WHEN u.routed THEN u.at END, u.details, u.follow_up_hash,
                               u.api_client_id
                        FROM u
                    ), status AS (
                        INSERT INTO intake_status_update (submission_id, status, at, actor)
                        SELECT u.id, u.status, u.at, u.actor FROM u
                    )
                    INSERT INTO intake_outbox (submission_id, queued_at) SELECT u.id, u.at FROM u WHERE u.queued""");
            int p = 1;
            insert.setTimestamp(p++, at);
            insert.setArray(p++, connection.createArrayOf("uuid", ids));
            insert.setArray(p++, connection.createArrayOf("text", theirReferences));
            insert.setArray(p++, connection.createArrayOf("text", kinds));
            insert.setArray(p++, connection.createArrayOf("text", channels));
            insert.setArray(p++, connection.createArrayOf("text", boroughs));
            insert.setArray(p++, connection.createArrayOf("boolean", urgent));
            insert.setArray(p++, connection.createArrayOf("boolean", anonymous));
            insert.setArray(p++, connection.createArrayOf("text", languages));
            insert.setArray(p++, connection.createArrayOf("text", statuses));
            insert.setArray(p++, connection.createArrayOf("boolean", routedNow));
            insert.setArray(p++, connection.createArrayOf("bytea", details));
            insert.setArray(p++, connection.createArrayOf("text", followUpHashes));
            insert.setArray(p++, connection.createArrayOf("bigint", apiClients));
            insert.setArray(p++, connection.createArrayOf("text", actors));
            insert.setArray(p++, connection.createArrayOf("boolean", queued));
            return insert;
        });
        if (anyQueued) {
            relay.wakeAfterCommit();
        }
        List<AuditEvent> arrivals = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            NewSubmission s = submissions.get(i);
            arrivals.add(AuditEvent.of(actor(s), "intake.submitted", "submission", receipts.get(i).reference())
                    .withDetail("kind", s.kind().name()).withDetail("channel", s.channel().name()));
        }
        // One lock of the chain's head for the whole batch, last in the transaction.
        audit.recordAll(arrivals);
        return receipts;
    }

    /**
     * Submits a journey's draft: stores the submission, hands the draft's attachments over to it and deletes
     * the draft, all in one transaction. The caller then forgets the draft's cookie.
     */
    Receipt submitDraft(NewSubmission submission, UUID draftId) {
        return submitDraft(submission, draftId, receipt -> {
        });
    }

    /**
     * As {@link #submitDraft(NewSubmission, UUID)}, also running {@code alsoInTransaction} with the receipt in
     * the same transaction (a journey's own rows that must exist exactly when the submission does).
     */
    Receipt submitDraft(NewSubmission submission, UUID draftId, Consumer<Receipt> alsoInTransaction) {
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Receipt receipt = insert(List.of(submission)).get(0);
                    alsoInTransaction.accept(receipt);
                    jdbc.sql("UPDATE intake_attachment SET submission_id = :submission, draft_id = NULL WHERE draft_id = :draft")
                            .param("submission", receipt.id()).param("draft", draftId).update();
                    jdbc.sql("DELETE FROM intake_draft WHERE id = :draft").param("draft", draftId).update();
                    return receipt;
                });
            } catch (DuplicateKeyException clash) {
                if (attempt >= 5) {
                    throw clash;
                }
            }
        }
    }

    /**
     * Routes a referral whose referrer has just confirmed their email address: it is received and published.
     *
     * @return false when it was not waiting (already confirmed, or no such submission)
     */
    @Transactional
    boolean confirm(UUID id) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Routed> routed = jdbc.sql("""
                UPDATE intake_submission SET status = 'RECEIVED', routed_at = :now
                WHERE id = :id AND status = 'AWAITING_CONFIRMATION'
                RETURNING reference, kind, borough_code, urgent""")
                .param("now", Timestamp.from(now)).param("id", id)
                .query((rs, n) -> new Routed(rs.getString(1), SubmissionKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4)))
                .optional();
        if (routed.isEmpty()) {
            return false;
        }
        Routed r = routed.get();
        jdbc.sql("INSERT INTO intake_status_update (submission_id, status, at, actor) VALUES (:id, 'RECEIVED', :at, 'public')")
                .param("id", id).param("at", Timestamp.from(now)).update();
        if (r.kind() != SubmissionKind.HATE_REPORT) {
            relay.queue(List.of(id), now);
        }
        audit.record(AuditEvent.of("public", "intake.email-confirmed", "submission", r.reference()));
        return true;
    }

    /** The submission a reference and follow-up code open, if they match (compared by keyed hash). */
    Optional<UUID> open(String reference, String code) {
        String canonicalReference = Codes.normaliseReference(reference);
        String canonicalCode = Codes.normaliseFollowUpCode(code);
        if (canonicalReference == null || canonicalCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM intake_submission WHERE reference = :reference AND follow_up_hash = :hash")
                .param("reference", canonicalReference)
                .param("hash", followUpHash(canonicalReference, canonicalCode))
                .query(UUID.class).optional();
    }

    /** Reads a submission's details back, as the type they were stored from. The caller audits the read. */
    <T> T details(UUID id, SubmissionKind kind, byte[] ciphertext, Class<T> type) {
        return JSON.readValue(encryption.decrypt(family(kind), id.toString(), ciphertext), type);
    }

    /**
     * Has {@link ConcernSubmitted} published again for a submission the city-wide triage team has just given
     * a borough (once the caller's transaction commits), so casework's inbox moves it to that borough's queue.
     */
    void announceRouted(String reference) {
        relay.queueAgain("s.reference = :reference", Map.of("reference", reference));
    }

    private String followUpHash(String reference, String canonicalCode) {
        return blindIndex.keyedTerm(FOLLOW_UP_PURPOSE, reference + ":" + canonicalCode);
    }

    static RecordFamily family(SubmissionKind kind) {
        return kind == SubmissionKind.CONCERN ? RecordFamily.CONCERN
                : kind == SubmissionKind.REFERRAL ? RecordFamily.REFERRAL : new RecordFamily("hate-report");
    }

    private static String actor(NewSubmission s) {
        return s.apiClientId() == null ? "public" : "api-client:" + s.apiClientId();
    }

    private record Routed(String reference, SubmissionKind kind, String boroughCode, boolean urgent) {
    }
}
