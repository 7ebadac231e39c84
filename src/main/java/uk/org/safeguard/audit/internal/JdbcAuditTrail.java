package uk.org.safeguard.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEntry;
import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;

/**
 * Appends to the chain in the caller's transaction. The head row is the chain's lock: advancing it
 * ({@code UPDATE ... RETURNING}) locks it until the transaction ends, so concurrent transactions on any
 * instance append one after another, and a transaction that rolls back takes its number back with it
 * (numbers stay gap-free). The time is the database's clock, read after the lock is held, so times
 * follow the chain's order.
 *
 * <p>The price is that auditing transactions queue for the head until each commits: callers should
 * record last (which also avoids deadlocks against rows locked later) and keep read-committed isolation
 * (under repeatable read, a transaction that waited for the head fails with a serialization error).
 */
@Component
public class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        append(event);
    }

    /** Records {@code event} and returns the entry as stored. */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry append(AuditEvent event) {
        AuditEventRules.check(event);
        Next next = jdbc.sql("""
                UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1
                RETURNING last_seq, last_hash, clock_timestamp()""")
                .query((rs, n) -> new Next(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MICROS)))
                .single();
        ChainEntry entry = new ChainEntry(next.seq(), next.at(), event.actor(), event.action(), event.recordType(),
                event.recordId(), event.reason(), new TreeMap<>(event.details()), next.previousHash(), null).sealed();
        jdbc.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, record_type, record_id, reason, details,
                                         previous_hash, hash)
                VALUES (:seq, :occurredAt, :actor, :action, :recordType, :recordId, :reason, CAST(:details AS jsonb),
                        :previousHash, :hash)""")
                .param("seq", entry.seq())
                .param("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("recordType", entry.recordType())
                .param("recordId", entry.recordId())
                .param("reason", entry.reason())
                .param("details", DetailsJson.write(entry.details()))
                .param("previousHash", entry.previousHash())
                .param("hash", entry.hash())
                .update();
        // A separate statement: the insert trigger checks the entry against the head as it was before this.
        jdbc.sql("UPDATE audit_head SET last_hash = :hash WHERE id = 1").param("hash", entry.hash()).update();
        return entry.toAuditEntry();
    }

    /**
     * Locks the head for the rest of the current transaction (which must exist) and returns it: nothing
     * can be appended by anyone else until the transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Anchor lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Anchor(rs.getLong(1), rs.getString(2)))
                .single();
    }

    private record Next(long seq, String previousHash, Instant at) {
    }
}
