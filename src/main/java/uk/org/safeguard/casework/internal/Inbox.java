package uk.org.safeguard.casework.internal;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.org.safeguard.intake.ConcernSubmitted;

/**
 * Takes each concern and referral intake routes into casework's inbox, for triage by its borough team (or
 * the city-wide team). Runs in the transaction of intake's relay, which marks the concern delivered only if
 * this succeeds, and otherwise tries again. Taking the same reference twice changes nothing, so a
 * redelivery is harmless, except that a concern waiting in the city-wide queue moves to the borough it has
 * since been routed to.
 */
@Component
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConcernSubmitted concern) {
        jdbc.sql("""
                INSERT INTO casework_inbox (reference, kind, borough_code, urgent, submitted_at)
                VALUES (:reference, :kind, :borough, :urgent, :submittedAt)
                ON CONFLICT (reference) DO UPDATE SET borough_code = EXCLUDED.borough_code
                    WHERE casework_inbox.borough_code IS NULL AND EXCLUDED.borough_code IS NOT NULL""")
                .param("reference", concern.reference())
                .param("kind", concern.kind().name())
                .param("borough", concern.boroughCode())
                .param("urgent", concern.urgent())
                .param("submittedAt", Timestamp.from(concern.submittedAt()))
                .update();
    }
}
