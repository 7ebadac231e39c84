package uk.org.safeguard.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.intake.ConcernSubmitted;
import uk.org.safeguard.intake.SubmissionKind;

/**
 * Intake's outbox relay: publishes {@link ConcernSubmitted} for every routed concern and referral not yet
 * delivered. Each pass takes up to {@code batch} of them (oldest first, {@code FOR UPDATE SKIP LOCKED}, so
 * several instances share the work without taking the same one), publishes each event to the listeners
 * synchronously in the pass's transaction and marks them delivered in it: a listener that fails rolls the
 * pass back and the next pass tries again (at-least-once; listeners must take a repeat as a no-op). A pass
 * runs as soon as a submission commits, and every {@code poll} in any case (after a restart, or a failure).
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
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    ConcernRelay(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            @Value("${safeguard.intake.relay.batch:500}") int batch,
            @Value("${safeguard.intake.relay.poll-millis:2000}") long pollMillis) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.batch = batch;
        this.pollMillis = pollMillis;
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

    /** One pass: delivers up to a batch; returns how many. */
    int deliver() {
        Integer delivered = transactions.execute(status -> {
            List<Pending> pending = jdbc.sql("""
                    SELECT id, reference, kind, borough_code, urgent, submitted_at FROM intake_submission
                    WHERE routed_at IS NOT NULL AND delivered_at IS NULL AND kind IN ('CONCERN', 'REFERRAL')
                    ORDER BY routed_at LIMIT :batch FOR UPDATE SKIP LOCKED""")
                    .param("batch", batch)
                    .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), new ConcernSubmitted(rs.getString(2),
                            SubmissionKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                            rs.getTimestamp(6).toInstant())))
                    .list();
            if (pending.isEmpty()) {
                return 0;
            }
            pending.forEach(p -> events.publishEvent(p.event()));
            jdbc.sql("UPDATE intake_submission SET delivered_at = :now WHERE id = ANY(:ids)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", pending.stream().map(Pending::id).toArray(UUID[]::new))
                    .update();
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

    private record Pending(UUID id, ConcernSubmitted event) {
    }
}
