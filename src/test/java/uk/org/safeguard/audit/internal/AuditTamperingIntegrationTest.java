package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.support.IntegrationTest;

/**
 * Editing, deleting or inserting audit rows directly in PostgreSQL (triggers off, as a superuser could)
 * is detected and named. Each case tampers inside a transaction that rolls back, so the shared chain is
 * left whole for the next test (checked after each one).
 */
@IntegrationTest
class AuditTamperingIntegrationTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Tampering tampering;

    /** The first of the six entries this test recorded. */
    long first;

    @BeforeEach
    void recordSixEntries() {
        tampering = new Tampering(jdbc, transactions);
        String actor = "account:" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            trail.record(AuditEvent.of(actor, "case.viewed", "case", "SG-" + i).withDetail("i", Integer.toString(i)));
        }
        first = tampering.head().seq() - 5;
        assertIntact();
    }

    @Test
    void anEditedActionIsNamed() {
        long target = first + 2;
        assertThat(problemAfter(db -> db.sql("UPDATE audit_entry SET action = 'case.exported' WHERE seq = :seq")
                .param("seq", target).update())).isEqualTo("entry " + target + " was altered");
    }

    @Test
    void anEditedDetailOrTimeIsNamed() {
        long target = first + 1;
        assertThat(problemAfter(db -> db.sql("UPDATE audit_entry SET details = '{\"i\": 1}' WHERE seq = :seq")
                .param("seq", target).update())).isEqualTo("entry " + target + " was altered");
        assertThat(problemAfter(db -> db.sql(
                "UPDATE audit_entry SET occurred_at = occurred_at + interval '1 microsecond' WHERE seq = :seq")
                .param("seq", target).update())).isEqualTo("entry " + target + " was altered");
    }

    @Test
    void anEditWithARecomputedHashIsNamed() {
        long target = first + 2;
        assertThat(problemAfter(db -> {
            ChainEntry stored = tampering.entriesFrom(target).get(0);
            ChainEntry forged = new ChainEntry(target, stored.occurredAt(), "account:someone-else", stored.action(),
                    stored.recordType(), stored.recordId(), stored.reason(), stored.details(), stored.previousHash(),
                    null).sealed();
            return db.sql("UPDATE audit_entry SET actor = :actor, hash = :hash WHERE seq = :seq")
                    .param("actor", forged.actor()).param("hash", forged.hash()).param("seq", target).update();
        })).startsWith("entry " + target + " was altered (and its hash recomputed");
    }

    @Test
    void aDeletedMiddleEntryIsNamed() {
        long target = first + 3;
        assertThat(problemAfter(db -> db.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", target).update()))
                .isEqualTo("an entry was removed before " + (target + 1) + " (entry " + target + " is missing)");
    }

    @Test
    void aForgedEntryInsertedByRenumberingIsNamed() {
        long target = first + 2;
        assertThat(problemAfter(db -> {
            // Make room at target (two steps, as the primary key is checked row by row), then insert a forgery
            // whose hash the attacker computed correctly, linked to the entry before it.
            db.sql("UPDATE audit_entry SET seq = seq + 1000000000 WHERE seq >= :seq").param("seq", target).update();
            db.sql("UPDATE audit_entry SET seq = seq - 1000000000 + 1 WHERE seq >= 1000000000").update();
            String previous = db.sql("SELECT hash FROM audit_entry WHERE seq = :seq").param("seq", target - 1)
                    .query(String.class).single();
            ChainEntry forged = new ChainEntry(target, tampering.entriesFrom(target + 1).get(0).occurredAt(),
                    "account:1", "case.viewed", "case", "SG-forged", null, new TreeMap<>(), previous, null).sealed();
            insert(db, forged);
            return db.sql("UPDATE audit_head SET last_seq = last_seq + 1").update();
        })).isEqualTo("entry " + target + " was inserted (later entries were renumbered: entry " + (target + 1)
                + " was " + target + ")");
    }

    @Test
    void aForgedEntryAppendedPastTheHeadIsNamed() {
        assertThat(problemAfter(db -> {
            Anchor head = tampering.head();
            ChainEntry last = tampering.entriesFrom(head.seq()).get(0);
            insert(db, new ChainEntry(head.seq() + 1, last.occurredAt(), "account:1", "case.viewed", "case", "SG-forged",
                    null, new TreeMap<>(), head.hash(), null).sealed());
            return 1;
        })).startsWith("entry " + (tampering.head().seq() + 1) + " was inserted after the head");
    }

    @Test
    void deletingTheLastEntriesIsCaughtByTheHead() {
        long head = tampering.head().seq();
        assertThat(problemAfter(db -> db.sql("DELETE FROM audit_entry WHERE seq > :seq").param("seq", head - 2).update()))
                .isEqualTo("entries after " + (head - 2) + " were removed (the head records entry " + head + ")");
    }

    @Test
    void deletingTheLastEntriesAndMovingTheHeadBackIsCaughtByTheAnchor() {
        Anchor anchor = tampering.head();
        Verification result = tampering.thenRollBack(db -> {
            db.sql("DELETE FROM audit_entry WHERE seq > :seq").param("seq", anchor.seq() - 2).update();
            db.sql("UPDATE audit_head SET last_seq = :seq, last_hash = (SELECT hash FROM audit_entry WHERE seq = :seq)")
                    .param("seq", anchor.seq() - 2).update();
            assertThat(verifier.verify(List.of()).intact()).as("without the anchor nothing shows").isTrue();
            return verifier.verify(List.of(anchor));
        });
        assertThat(result.problem()).isEqualTo("entries after " + (anchor.seq() - 2) + " were removed (the anchor "
                + anchor + " records entry " + anchor.seq() + ")");
        assertIntact();
    }

    @Test
    void aChainRewrittenWithRecomputedHashesIsCaughtByTheAnchor() {
        Anchor anchor = tampering.head();
        long target = first + 1;
        Verification result = tampering.thenRollBack(db -> {
            db.sql("UPDATE audit_entry SET action = 'case.exported' WHERE seq = :seq").param("seq", target).update();
            tampering.rehashFrom(target);
            Verification unanchored = verifier.verify(List.of());
            assertThat(unanchored.intact()).as("a consistent rewrite passes the chain check alone").isTrue();
            assertThat(unanchored.head().hash()).isNotEqualTo(anchor.hash());
            return verifier.verify(List.of(new Anchor(first, tampering.entriesFrom(first).get(0).hash()), anchor));
        });
        assertThat(result.problem()).isEqualTo("entry " + anchor.seq() + " does not match the anchor " + anchor
                + ": the trail was rewritten after entry " + first + " and at or before entry " + anchor.seq());
        assertIntact();
    }

    @Test
    void tamperingIsRolledBackSoTheSharedChainStaysWhole() {
        long target = first;
        assertThat(problemAfter(db -> db.sql("DELETE FROM audit_entry WHERE seq >= :seq").param("seq", target).update()))
                .isNotNull();
        assertThat(tampering.entriesFrom(first)).hasSize(6);
    }

    private String problemAfter(java.util.function.Function<JdbcClient, Integer> tamper) {
        Verification result = tampering.thenRollBack(db -> {
            tamper.apply(db);
            return verifier.verify(List.of());
        });
        assertThat(result.intact()).isFalse();
        assertIntact();
        return result.problem();
    }

    private void assertIntact() {
        Verification result = verifier.verify(List.of());
        assertThat(result.intact()).as(result.problem()).isTrue();
    }

    static void insert(JdbcClient db, ChainEntry entry) {
        db.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, record_type, record_id, reason, details,
                                         previous_hash, hash)
                VALUES (:seq, :at, :actor, :action, :recordType, :recordId, :reason, CAST(:details AS jsonb),
                        :previousHash, :hash)""")
                .param("seq", entry.seq())
                .param("at", java.time.OffsetDateTime.ofInstant(entry.occurredAt(), java.time.ZoneOffset.UTC))
                .param("actor", entry.actor()).param("action", entry.action())
                .param("recordType", entry.recordType()).param("recordId", entry.recordId())
                .param("reason", entry.reason()).param("details", DetailsJson.write(entry.details()))
                .param("previousHash", entry.previousHash()).param("hash", entry.hash())
                .update();
    }
}
