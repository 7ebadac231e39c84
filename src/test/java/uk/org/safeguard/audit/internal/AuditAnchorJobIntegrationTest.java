package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import uk.org.safeguard.audit.AuditEntry;
import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.support.IntegrationTest;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuditAnchorJobIntegrationTest {

    @Autowired
    AuditAnchorJob job;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void logsTheHeadAndRecordsTheAnchoringAsTheNextEntry(CapturedOutput output) {
        trail.record(AuditEvent.of("account:1", "case.viewed", "case", "SG-anchor"));
        Anchor head = new Tampering(jdbc, transactions).head();

        AuditEntry anchored = job.anchor();

        assertThat(anchored.seq()).isEqualTo(head.seq() + 1);
        assertThat(anchored.actor()).isEqualTo("system");
        assertThat(anchored.action()).isEqualTo("audit.anchored");
        assertThat(anchored.details()).containsEntry("seq", Long.toString(head.seq())).containsEntry("hash", head.hash());
        assertThat(output.getOut()).contains("audit-anchor seq=" + head.seq() + " hash=" + head.hash() + " at="
                + anchored.occurredAt());
        Verification result = verifier.verify(List.of(head));
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.anchorsMatched()).contains(head.seq());
    }

    @Test
    void theScheduledRunTakesTheClusterLockSoOnlyOneInstanceAnchors(CapturedOutput output) {
        long before = anchoredEntries();
        job.anchorDaily();
        assertThat(anchoredEntries()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'audit-anchor' AND lock_until > now()")
                .query(Long.class).single()).as("held for at least five minutes").isEqualTo(1);

        job.anchorDaily(); // another instance's run moments later is skipped
        assertThat(anchoredEntries()).isEqualTo(before + 1);
        assertThat(output.getOut()).containsOnlyOnce("audit-anchor seq=");
    }

    private long anchoredEntries() {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'audit.anchored'").query(Long.class).single();
    }
}
