package uk.org.safeguard.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.intake.ConcernSubmitted;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.support.IntegrationTest;

/**
 * Casework's inbox takes the concerns a transaction delivers together, just before it commits: nothing
 * of a transaction that rolls back, and a reference delivered twice in one transaction once, with the
 * borough it was routed to last.
 */
@IntegrationTest
class InboxIntegrationTest {

    static final String TOWER_HAMLETS = "E09000030";
    static final String NEWHAM = "E09000025";

    @Autowired
    Inbox inbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theConcernsOfATransactionAreWrittenWhenItCommits() {
        String first = reference("A");
        String second = reference("B");
        transactions.executeWithoutResult(status -> {
            inbox.on(concern(first, null));
            inbox.on(concern(second, NEWHAM));
            inbox.on(concern(first, TOWER_HAMLETS));
            assertThat(count(first) + count(second)).as("not written before the commit").isZero();
        });
        assertThat(borough(first)).isEqualTo(TOWER_HAMLETS);
        assertThat(borough(second)).isEqualTo(NEWHAM);
    }

    @Test
    void nothingIsWrittenForATransactionThatRollsBack() {
        String reference = reference("C");
        transactions.executeWithoutResult(status -> {
            inbox.on(concern(reference, NEWHAM));
            status.setRollbackOnly();
        });
        assertThat(count(reference)).isZero();
        // Outside a transaction it is written at once.
        inbox.on(concern(reference, NEWHAM));
        assertThat(borough(reference)).isEqualTo(NEWHAM);
    }

    @Test
    void aConcernWaitingForTheCityWideTeamMovesToItsBoroughButNeverBack() {
        String reference = reference("D");
        inbox.on(concern(reference, null));
        assertThat(borough(reference)).isNull();
        inbox.on(concern(reference, NEWHAM));
        assertThat(borough(reference)).isEqualTo(NEWHAM);
        transactions.executeWithoutResult(status -> inbox.on(concern(reference, null)));
        assertThat(borough(reference)).isEqualTo(NEWHAM);
        assertThat(count(reference)).isEqualTo(1);
    }

    private static String reference(String tag) {
        String letters = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
        StringBuilder code = new StringBuilder(tag);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (code.length() < 8) {
            code.append(letters.charAt(random.nextInt(letters.length())));
        }
        return "SG-" + code.substring(0, 4) + "-" + code.substring(4);
    }

    private static ConcernSubmitted concern(String reference, String borough) {
        return new ConcernSubmitted(reference, SubmissionKind.CONCERN, borough, false,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private long count(String reference) {
        return jdbc.sql("SELECT count(*) FROM casework_inbox WHERE reference = :r").param("r", reference)
                .query(Long.class).single();
    }

    private String borough(String reference) {
        return jdbc.sql("SELECT borough_code FROM casework_inbox WHERE reference = :r").param("r", reference)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }
}
