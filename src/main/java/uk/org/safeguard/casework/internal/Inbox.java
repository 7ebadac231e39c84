package uk.org.safeguard.casework.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.org.safeguard.intake.ConcernSubmitted;

/**
 * Takes each concern and referral intake routes into casework's inbox, for triage by its borough team (or
 * the city-wide team). Runs in the transaction of intake's relay, which counts the concern delivered only if
 * that transaction commits, and otherwise tries again. Taking the same reference twice changes nothing, so a
 * redelivery is harmless, except that a concern waiting in the city-wide queue moves to the borough it has
 * since been routed to.
 *
 * <p>The concerns a transaction delivers are written together just before it commits, in one batch (the
 * relay delivers hundreds in a pass; a statement each cost PostgreSQL more than storing them did). A failed
 * write fails the commit, so the relay's pass rolls back and is tried again. Outside a transaction each is
 * written at once.
 */
@Component
class Inbox {

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConcernSubmitted concern) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(concern));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        // The last delivery of a reference in the transaction is the one that counts (one row per reference).
        pending.concerns.remove(concern.reference());
        pending.concerns.put(concern.reference(), concern);
    }

    private void write(List<ConcernSubmitted> concerns) {
        List<Object[]> rows = new ArrayList<>(concerns.size());
        for (ConcernSubmitted c : concerns) {
            rows.add(new Object[] {c.reference(), c.kind().name(), c.boroughCode(), c.urgent(),
                    Timestamp.from(c.submittedAt())});
        }
        jdbc.batchUpdate("""
                INSERT INTO casework_inbox (reference, kind, borough_code, urgent, submitted_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (reference) DO UPDATE SET borough_code = EXCLUDED.borough_code
                    WHERE casework_inbox.borough_code IS NULL AND EXCLUDED.borough_code IS NOT NULL""", rows);
    }

    /** The concerns delivered in one transaction, written before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, ConcernSubmitted> concerns = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!concerns.isEmpty()) {
                write(List.copyOf(concerns.values()));
                concerns.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Inbox.this);
        }
    }
}
