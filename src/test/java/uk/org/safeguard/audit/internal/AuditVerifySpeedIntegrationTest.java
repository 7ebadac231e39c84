package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import uk.org.safeguard.support.IntegrationTest;

/**
 * Verifying 100,000 entries takes seconds: they are streamed through a cursor, hashed and dropped.
 * The entries are loaded with COPY in a transaction that rolls back, so they do not slow other tests.
 */
@IntegrationTest
class AuditVerifySpeedIntegrationTest {

    static final int ENTRIES = 100_000;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void verifiesAHundredThousandEntriesInSeconds() {
        Tampering tampering = new Tampering(jdbc, transactions);
        long[] took = new long[2];
        Verification result = tampering.thenRollBack(db -> {
            Anchor head = tampering.head();
            Anchor last = append(head, ENTRIES);
            db.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                    .param("seq", last.seq()).param("hash", last.hash()).update();
            long started = System.nanoTime();
            Verification verification = verifier.verify(List.of(last));
            took[0] = System.nanoTime() - started;
            started = System.nanoTime();
            verifier.verify(List.of(last)); // again, with the code compiled: as a long verification runs
            took[1] = System.nanoTime() - started;
            return verification;
        });
        System.out.printf("verify-audit: %d entries in %.2f s (first run), %.2f s (second run)%n", result.entries(),
                took[0] / 1e9, took[1] / 1e9);
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isGreaterThanOrEqualTo(ENTRIES);
        assertThat(took[0] / 1e9).as("seconds to verify").isLessThan(60);
    }

    /** Appends {@code n} chained entries after {@code head} with COPY; returns the new head. */
    private Anchor append(Anchor head, int n) {
        StringBuilder rows = new StringBuilder(n * 300);
        String previous = head.hash();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 1; i <= n; i++) {
            TreeMap<String, String> details = new TreeMap<>();
            details.put("page", "summary");
            ChainEntry entry = new ChainEntry(head.seq() + i, at.plusMillis(i), "account:" + (i % 500), "case.viewed",
                    "case", "SG-2026-" + i, null, details, previous, null).sealed();
            rows.append(entry.seq()).append('\t').append(EntryHash.formatInstant(entry.occurredAt())).append('\t')
                    .append(entry.actor()).append('\t').append(entry.action()).append('\t').append(entry.recordType())
                    .append('\t').append(entry.recordId()).append("\t\\N\t").append(DetailsJson.write(details))
                    .append('\t').append(previous).append('\t').append(entry.hash()).append('\n');
            previous = entry.hash();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY audit_entry (seq, occurred_at, actor, action, "
                    + "record_type, record_id, reason, details, previous_hash, hash) FROM STDIN", new StringReader(rows.toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return new Anchor(head.seq() + n, previous);
    }
}
