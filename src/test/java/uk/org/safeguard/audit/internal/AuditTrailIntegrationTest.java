package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.support.IntegrationTest;

/** Recording through the public API on a real PostgreSQL: transactions, concurrency, refusal. */
@IntegrationTest
class AuditTrailIntegrationTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final String actor = "account:" + UUID.randomUUID();

    @Test
    void anEntryIsStoredWithItsReferencesAndChainedOn() {
        Anchor before = head();
        trail.record(AuditEvent.of(actor, "case.viewed", "case", "SG-2026-0001").withReason("Triage")
                .withDetail("page", "summary"));
        ChainEntry stored = entry(before.seq() + 1);
        assertThat(stored.actor()).isEqualTo(actor);
        assertThat(stored.action()).isEqualTo("case.viewed");
        assertThat(stored.recordType()).isEqualTo("case");
        assertThat(stored.recordId()).isEqualTo("SG-2026-0001");
        assertThat(stored.reason()).isEqualTo("Triage");
        assertThat(stored.details()).containsExactly(java.util.Map.entry("page", "summary"));
        assertThat(stored.previousHash()).isEqualTo(before.hash());
        assertThat(stored.contentMatchesHash()).isTrue();
        assertThat(head()).isEqualTo(new Anchor(stored.seq(), stored.hash()));
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void anEntryCommitsOrRollsBackWithTheChangeItRecords() {
        Anchor before = head();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            trail.record(AuditEvent.of(actor, "case.updated", "case", "SG-1"));
            trail.record(AuditEvent.of(actor, "case.viewed", "case", "SG-1"));
            status.setRollbackOnly();
        });
        assertThat(head()).isEqualTo(before);
        assertThat(countBy(actor)).isZero();

        trail.record(AuditEvent.of(actor, "case.viewed", "case", "SG-1"));
        assertThat(entry(before.seq() + 1).actor()).as("the next entry takes the number back: no gap").isEqualTo(actor);
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void aFailureLaterInTheTransactionTakesTheEntryWithIt() {
        Anchor before = head();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            trail.record(AuditEvent.of(actor, "case.deleted", "case", "SG-2"));
            throw new IllegalStateException("the deletion failed");
        })).hasMessage("the deletion failed");
        assertThat(head()).isEqualTo(before);
        assertThat(countBy(actor)).isZero();
    }

    @Test
    void concurrentTransactionsFormOneGapFreeChain() throws Exception {
        Anchor before = head();
        int threads = 2;
        int each = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String who = actor + "-" + t;
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    trail.record(AuditEvent.of(who, "case.viewed", "case", "SG-" + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Long> numbers = jdbc.sql("SELECT seq FROM audit_entry WHERE actor LIKE :prefix ORDER BY seq")
                .param("prefix", actor + "-%").query(Long.class).list();
        assertThat(numbers).hasSize(threads * each);
        Anchor after = head();
        assertThat(after.seq()).isGreaterThanOrEqualTo(before.seq() + threads * each);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE seq > :from AND seq <= :to")
                .param("from", before.seq()).param("to", after.seq()).query(Long.class).single())
                .as("no gaps").isEqualTo(after.seq() - before.seq());
        assertThat(jdbc.sql("SELECT count(DISTINCT actor) FROM audit_entry WHERE actor LIKE :prefix")
                .param("prefix", actor + "-%").query(Long.class).single()).isEqualTo(2);
        Verification result = verifier.verify(List.of());
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.head().seq()).isGreaterThanOrEqualTo(after.seq());
    }

    @Test
    void entriesThatAreNotReferencesAreRefusedAndNothingIsRecorded() {
        Anchor before = head();
        assertThatThrownBy(() -> trail.record(AuditEvent.of("Jane Smith", "case.viewed", "case", "SG-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.record(AuditEvent.of(actor, "case.viewed", "case", "jane@example.org")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        trail.record(AuditEvent.of(actor, "case.viewed", "case", "SG-3"));
        long seq = head().seq();
        assertRefused("UPDATE audit_entry SET action = 'case.exported' WHERE seq = " + seq, "append-only");
        assertRefused("DELETE FROM audit_entry WHERE seq = " + seq, "append-only");
        assertRefused("TRUNCATE audit_entry", "append-only");
        assertRefused("INSERT INTO audit_entry (seq, occurred_at, actor, action, details, previous_hash, hash) "
                + "VALUES (" + (seq + 1) + ", now(), 'x', 'case.viewed', '{}', repeat('a', 64), repeat('b', 64))",
                "does not continue the chain");
        assertRefused("UPDATE audit_head SET last_seq = last_seq - 1", "only moves forward");
        assertRefused("DELETE FROM audit_head", "only moves forward");
        assertThat(entry(seq).action()).isEqualTo("case.viewed");
    }

    @Test
    void aDeliberateMaintenanceSettingLetsRowsBeChanged() {
        trail.record(AuditEvent.of(actor, "case.viewed", "case", "SG-4"));
        long seq = head().seq();
        int changed = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("SET LOCAL safeguard.audit_maintenance = 'on'").update();
            return jdbc.sql("UPDATE audit_entry SET action = 'case.exported' WHERE seq = :seq").param("seq", seq).update();
        });
        assertThat(changed).isEqualTo(1);
        assertThat(entry(seq).action()).isEqualTo("case.viewed");
    }

    private void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql(sql).update();
        })).isInstanceOf(DataAccessException.class).satisfies(e -> assertThat(
                ((DataAccessException) e).getMostSpecificCause().getMessage()).contains(message));
    }

    private Anchor head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Anchor(rs.getLong(1), rs.getString(2))).single();
    }

    private ChainEntry entry(long seq) {
        return jdbc.sql("""
                SELECT seq, occurred_at, actor, action, record_type, record_id, reason, details::text, previous_hash, hash
                FROM audit_entry WHERE seq = :seq""").param("seq", seq).query((rs, n) -> AuditVerifier.entry(rs)).single();
    }

    private long countBy(String who) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = :actor").param("actor", who)
                .query(Long.class).single();
    }
}
