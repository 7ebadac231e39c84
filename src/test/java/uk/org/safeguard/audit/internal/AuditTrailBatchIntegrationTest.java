package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.support.IntegrationTest;

/** Appending many entries under one lock of the head: the same chain as one by one, and the database still guards it. */
@IntegrationTest
class AuditTrailBatchIntegrationTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final String actor = "api-client:" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);

    @Test
    void entriesAreNumberedLinkedAndHashedInOrderUnderOneHeadUpdate() {
        Anchor before = head();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(AuditEvent.of(actor, "intake.submitted", "submission", "SG-BATC-H00" + i).withDetail("n", "" + i));
        }
        trail.recordAll(events);

        String previous = before.hash();
        for (int i = 0; i < 5; i++) {
            ChainEntry entry = entry(before.seq() + 1 + i);
            assertThat(entry.recordId()).isEqualTo("SG-BATC-H00" + i);
            assertThat(entry.details()).containsEntry("n", "" + i);
            assertThat(entry.previousHash()).isEqualTo(previous);
            assertThat(entry.contentMatchesHash()).isTrue();
            previous = entry.hash();
        }
        assertThat(head()).isEqualTo(new Anchor(before.seq() + 5, previous));
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void batchesAndSingleEntriesFromManyThreadsFormOneIntactChain() throws Exception {
        Anchor before = head();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        if (thread % 2 == 0) {
                            trail.recordAll(List.of(AuditEvent.of(actor, "test.batch"), AuditEvent.of(actor, "test.batch"),
                                    AuditEvent.of(actor, "test.batch")));
                        } else {
                            trail.record(AuditEvent.of(actor, "test.single"));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(head().seq()).isEqualTo(before.seq() + 6 * 5 * 3 + 6 * 5);
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void aRolledBackBatchLeavesNothingAndAnInvalidEventStopsTheWholeBatch() {
        Anchor before = head();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            trail.recordAll(List.of(AuditEvent.of(actor, "test.rolled-back"), AuditEvent.of(actor, "test.rolled-back")));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> trail.recordAll(List.of(AuditEvent.of(actor, "test.fine"),
                AuditEvent.of("has space", "test.invalid")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(head()).isEqualTo(before);
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void theDatabaseStillRefusesEntriesBeyondTheHeadOrNotLinkedToTheEntryBefore() {
        trail.recordAll(List.of(AuditEvent.of(actor, "test.setup"), AuditEvent.of(actor, "test.setup")));
        Anchor head = head();
        String zeros = "0".repeat(64);
        // Beyond the head.
        assertRefused(head.seq() + 1, head.hash());
        assertRefused(head.seq() + 3, head.hash());
        // Within the numbers handed out (a gap left by an advanced head), but not linked to the entry before.
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE audit_head SET last_seq = last_seq + 2 WHERE id = 1").update();
            insert(head.seq() + 1, zeros);
        })).isInstanceOf(DataAccessException.class).satisfies(e -> assertThat(
                ((DataAccessException) e).getMostSpecificCause().getMessage()).contains("does not continue the chain"));
        assertThat(head()).isEqualTo(head);
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    private void assertRefused(long seq, String previousHash) {
        assertThatThrownBy(() -> insert(seq, previousHash)).isInstanceOf(DataAccessException.class).satisfies(e -> assertThat(
                ((DataAccessException) e).getMostSpecificCause().getMessage()).contains("does not continue the chain"));
    }

    private void insert(long seq, String previousHash) {
        jdbc.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, details, previous_hash, hash)
                VALUES (:seq, now(), 'account:1', 'forged', '{}'::jsonb, :previous, :hash)""")
                .param("seq", seq).param("previous", previousHash).param("hash", "1".repeat(64)).update();
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
}
