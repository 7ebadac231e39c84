package uk.org.safeguard.casework.internal;

import java.sql.Timestamp;
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
        int n = concerns.size();
        String[] references = new String[n];
        String[] kinds = new String[n];
        String[] boroughs = new String[n];
        Boolean[] urgent = new Boolean[n];
        Timestamp[] submitted = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            ConcernSubmitted c = concerns.get(i);
            references[i] = c.reference();
            kinds[i] = c.kind().name();
            boroughs[i] = c.boroughCode();
            urgent[i] = c.urgent();
            submitted[i] = Timestamp.from(c.submittedAt());
        }
        // One statement of fixed text whatever the number (prepared once, unlike a multi-row VALUES list).
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO casework_inbox (reference, kind, borough_code, urgent, submitted_at)
                    SELECT * FROM unnest(?, ?, ?, ?, CAST(? AS timestamptz[]))
                    ON CONFLICT (reference) DO UPDATE SET borough_code = EXCLUDED.borough_code
                        WHERE casework_inbox.borough_code IS NULL AND EXCLUDED.borough_code IS NOT NULL""");
            insert.setArray(1, connection.createArrayOf("text", references));
            insert.setArray(2, connection.createArrayOf("text", kinds));
            insert.setArray(3, connection.createArrayOf("text", boroughs));
            insert.setArray(4, connection.createArrayOf("boolean", urgent));
            insert.setArray(5, connection.createArrayOf("timestamptz", submitted));
            return insert;
        });
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
