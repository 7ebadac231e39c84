package uk.org.safeguard.audit.internal;

import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the real tables without breaking the chain that other tests in the same Spring context
 * share: the work runs in one transaction that always rolls back. It first takes the chain's lock (so no
 * one appends meanwhile) and switches triggers off for the transaction only, as a superuser could; the
 * verifier, called inside, joins the transaction and sees the tampered rows.
 */
final class Tampering {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Tampering(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    <T> T thenRollBack(Function<JdbcClient, T> work) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            return work.apply(jdbc);
        });
    }

    /** The stored entries numbered {@code from} and after, in order. */
    List<ChainEntry> entriesFrom(long from) {
        return jdbc.sql("""
                SELECT seq, occurred_at, actor, action, record_type, record_id, reason, details::text, previous_hash, hash
                FROM audit_entry WHERE seq >= :from ORDER BY seq""")
                .param("from", from)
                .query((rs, n) -> AuditVerifier.entry(rs))
                .list();
    }

    Anchor head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Anchor(rs.getLong(1), rs.getString(2))).single();
    }

    /** What an attacker without any secret can do: recompute every hash from {@code from} on, and the head. */
    void rehashFrom(long from) {
        String previous = from == 1 ? EntryHash.GENESIS
                : jdbc.sql("SELECT hash FROM audit_entry WHERE seq = :seq").param("seq", from - 1)
                        .query(String.class).single();
        for (ChainEntry stored : entriesFrom(from)) {
            ChainEntry rewritten = new ChainEntry(stored.seq(), stored.occurredAt(), stored.actor(), stored.action(),
                    stored.recordType(), stored.recordId(), stored.reason(), stored.details(), previous, null).sealed();
            jdbc.sql("UPDATE audit_entry SET previous_hash = :previous, hash = :hash WHERE seq = :seq")
                    .param("previous", previous).param("hash", rewritten.hash()).param("seq", stored.seq()).update();
            previous = rewritten.hash();
        }
        jdbc.sql("UPDATE audit_head SET last_seq = (SELECT max(seq) FROM audit_entry), last_hash = :hash WHERE id = 1")
                .param("hash", previous).update();
    }
}
