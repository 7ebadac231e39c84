package uk.org.safeguard.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbcTemplate;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
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
     * Appends all of {@code events} under one lock of the head: the head is locked and read, the entries
     * are numbered, timed (one database time for all) and hashed one after another, the head is moved to
     * the last of them in one update, and the entries are inserted in order by one statement. The insert
     * check in the database accepts an entry within the numbers the head has handed out when it links to
     * the entry before it, so the chain is exactly what appending them one by one would have made.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<AuditEvent> events) {
        appendAll(events);
    }

    /** Records {@code events} in order and returns the entries as stored. */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<AuditEntry> appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (events.size() == 1) {
            return List.of(append(events.get(0)));
        }
        events.forEach(AuditEventRules::check);
        // Locks the head and reads it with the time in one statement: an UPDATE's RETURNING list is computed
        // once the row is locked (a locking SELECT may compute its columns before it waits).
        Next head = jdbc.sql("""
                UPDATE audit_head SET last_seq = last_seq WHERE id = 1
                RETURNING last_seq, last_hash, clock_timestamp()""")
                .query((rs, n) -> new Next(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MICROS)))
                .single();
        int n = events.size();
        List<ChainEntry> entries = new ArrayList<>(n);
        Long[] seqs = new Long[n];
        String[] actors = new String[n];
        String[] actions = new String[n];
        String[] types = new String[n];
        String[] ids = new String[n];
        String[] reasons = new String[n];
        String[] details = new String[n];
        String[] previous = new String[n];
        String[] hashes = new String[n];
        String previousHash = head.previousHash();
        for (int i = 0; i < n; i++) {
            AuditEvent event = events.get(i);
            ChainEntry entry = new ChainEntry(head.seq() + i + 1, head.at(), event.actor(), event.action(),
                    event.recordType(), event.recordId(), event.reason(), new TreeMap<>(event.details()),
                    previousHash, null).sealed();
            entries.add(entry);
            seqs[i] = entry.seq();
            actors[i] = entry.actor();
            actions[i] = entry.action();
            types[i] = entry.recordType();
            ids[i] = entry.recordId();
            reasons[i] = entry.reason();
            details[i] = DetailsJson.write(entry.details());
            previous[i] = entry.previousHash();
            hashes[i] = entry.hash();
            previousHash = entry.hash();
        }
        ChainEntry last = entries.get(n - 1);
        OffsetDateTime at = OffsetDateTime.ofInstant(head.at(), ZoneOffset.UTC);
        // Two statements sent together (one round trip), run in order: the head moves to the last entry,
        // then the entries are inserted in order (the insert check accepts numbers the head has handed out).
        jdbcTemplate.update(connection -> {
            var statements = connection.prepareStatement("""
                    UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1;
                    INSERT INTO audit_entry (seq, occurred_at, actor, action, record_type, record_id, reason, details,
                                             previous_hash, hash)
                    SELECT e.seq, ?, e.actor, e.action, e.record_type, e.record_id, e.reason, CAST(e.details AS jsonb),
                           e.previous_hash, e.hash
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)
                        AS e(seq, actor, action, record_type, record_id, reason, details, previous_hash, hash)
                    ORDER BY e.seq""");
            statements.setLong(1, last.seq());
            statements.setString(2, last.hash());
            statements.setObject(3, at);
            statements.setArray(4, connection.createArrayOf("bigint", seqs));
            Object[][] texts = {actors, actions, types, ids, reasons, details, previous, hashes};
            for (int i = 0; i < texts.length; i++) {
                statements.setArray(5 + i, connection.createArrayOf("text", texts[i]));
            }
            return statements;
        });
        return entries.stream().map(ChainEntry::toAuditEntry).toList();
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
