package uk.org.safeguard.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.intake.ConcernSubmitted;
import uk.org.safeguard.intake.SubmissionKind;

/**
 * Intake's outbox relay: publishes {@link ConcernSubmitted} for every routed concern and referral queued
 * in {@code intake_outbox}, in the transaction that routes it (by {@link #queue}, or for a batch of new
 * submissions by the statement that stores them in {@link Submissions}). Each pass takes up to
 * {@code batch} of them (oldest first, {@code FOR UPDATE SKIP LOCKED}, so several instances share the work
 * without taking the same one), deletes their rows and publishes each event to the listeners synchronously,
 * all in the pass's transaction: a listener that fails rolls the pass back and the next pass tries again
 * (at-least-once; listeners must take a repeat as a no-op). A pass runs once a submission commits (at most
 * one every {@code gather-millis}, so that a pass takes many commits' submissions together) and every
 * {@code poll} in any case (after a restart, or a failure).
 *
 * <p>Why an outbox of intake's own rather than the event publication registry: the registry writes and
 * commits each event three more times (stored, processing, completed) in its own transactions, which
 * capped the partner API at tens of referrals a second (see docs/performance.md); here a whole batch is
 * delivered with one commit. And a routed concern stays recorded as undelivered even when no listener
 * exists yet: {@code admin replay-concerns} delivers past ones again to a listener added later.
 */
@Component
class ConcernRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConcernRelay.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batch;
    private final long pollMillis;
    private final long gatherMillis;
    private final JdbcTemplate jdbcTemplate;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    ConcernRelay(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            @Value("${safeguard.intake.relay.batch:500}") int batch,
            @Value("${safeguard.intake.relay.poll-millis:2000}") long pollMillis,
            @Value("${safeguard.intake.relay.gather-millis:100}") long gatherMillis, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.batch = batch;
        this.pollMillis = pollMillis;
        this.gatherMillis = gatherMillis;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Runs a pass once the current transaction commits (at once, when there is none). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release();
                }
            });
        } else {
            wake.release();
        }
    }

    /**
     * Queues the submissions (routed concerns and referrals) for delivery, in the caller's transaction, and
     * runs a pass once it commits.
     */
    void queue(List<UUID> submissionIds, Instant at) {
        if (submissionIds.isEmpty()) {
            return;
        }
        UUID[] ids = submissionIds.toArray(UUID[]::new);
        jdbcTemplate.update(connection -> {
            var insert = connection.prepareStatement(
                    "INSERT INTO intake_outbox (submission_id, queued_at) SELECT id, ? FROM unnest(?) AS u(id)");
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setArray(2, connection.createArrayOf("uuid", ids));
            return insert;
        });
        wakeAfterCommit();
    }

    /**
     * Queues again every routed concern and referral that {@code where} (a condition on
     * {@code intake_submission s}, with named parameters) selects and that is not queued already.
     *
     * @return how many were queued
     */
    int queueAgain(String where, Map<String, ?> parameters) {
        int queued = jdbc.sql("""
                INSERT INTO intake_outbox (submission_id, queued_at)
                SELECT s.id, :now FROM intake_submission s
                WHERE s.routed_at IS NOT NULL AND s.kind IN ('CONCERN', 'REFERRAL') AND (%s)
                ON CONFLICT ON CONSTRAINT intake_outbox_pk DO NOTHING""".formatted(where))
                .params(parameters).param("now", Timestamp.from(clock.instant()))
                .update();
        wakeAfterCommit();
        return queued;
    }

    /** One pass: delivers up to a batch; returns how many. */
    int deliver() {
        Integer delivered = transactions.execute(status -> {
            List<Pending> pending = jdbc.sql("""
                    DELETE FROM intake_outbox o USING intake_submission s
                    WHERE s.id = o.submission_id AND o.submission_id IN (
                        SELECT submission_id FROM intake_outbox ORDER BY queued_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                    RETURNING o.queued_at, s.reference, s.kind, s.borough_code, s.urgent, s.submitted_at""")
                    .param("batch", batch)
                    .query((rs, n) -> new Pending(rs.getTimestamp(1).toInstant(), new ConcernSubmitted(rs.getString(2),
                            SubmissionKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                            rs.getTimestamp(6).toInstant())))
                    .list();
            pending.stream().sorted(Comparator.comparing(Pending::queuedAt)).forEach(p -> events.publishEvent(p.event()));
            return pending.size();
        });
        return delivered == null ? 0 : delivered;
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && deliver() == batch) {
                    // a full batch: there may be more
                }
                // Let the next pass gather what arrives meanwhile rather than take each commit's few.
                Thread.sleep(gatherMillis);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                // Left undelivered: the next pass tries again. No personal data is in the exception's class name.
                log.warn("Delivering routed concerns failed ({}); trying again in {} ms", failed.getClass().getName(),
                        pollMillis);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "intake-concern-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(Instant queuedAt, ConcernSubmitted event) {
    }
}
