package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;
import uk.org.safeguard.support.IntegrationTest;

/** {@code admin verify-audit}: its output and exit codes. */
@IntegrationTest
class VerifyAuditCommandIntegrationTest {

    @Autowired
    List<AdminCommand> commands;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    AdminCommand command;
    Tampering tampering;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void findTheCommand() {
        command = commands.stream().filter(c -> c.name().equals("verify-audit")).findFirst().orElseThrow();
        tampering = new Tampering(jdbc, transactions);
        String actor = "account:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            trail.record(AuditEvent.of(actor, "case.viewed", "case", "SG-" + i));
        }
    }

    @Test
    void anIntactTrailExitsZeroAndShowsTheHead() {
        Anchor head = tampering.head();
        assertThat(run()).as(text(err)).isZero();
        assertThat(text(out)).startsWith("Audit trail intact: " + head.seq() + " entries, head " + head.hash() + "\n")
                .contains("Checked in ");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void anAnchorThatMatchesIsReported() {
        Anchor head = tampering.head();
        assertThat(run("--anchor", head.seq() + ":" + head.hash().toUpperCase())).as(text(err)).isZero();
        assertThat(text(out)).contains("Anchors matched: " + head.seq());
    }

    @Test
    void anAlteredEntryExitsOneAndNamesIt() {
        long target = tampering.head().seq() - 1;
        int code = tampering.thenRollBack(db -> {
            db.sql("UPDATE audit_entry SET action = 'case.exported' WHERE seq = :seq").param("seq", target).update();
            return run();
        });
        assertThat(code).isEqualTo(1);
        assertThat(text(err)).startsWith("Audit trail NOT intact: entry " + target + " was altered.\n")
                .contains("Entries before it checked and sound: " + (target - 1) + " (up to entry " + (target - 1) + ")");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void anAnchorTheChainNoLongerReachesExitsOne() {
        Anchor beyond = new Anchor(tampering.head().seq() + 100, "c".repeat(64));
        assertThat(run("--anchor", beyond.toString())).isEqualTo(1);
        assertThat(text(err)).contains("entries after " + tampering.head().seq() + " were removed (the anchor " + beyond);
    }

    @Test
    void aMalformedAnchorIsAUsageError() {
        assertThat(run("--anchor", "57:not-a-hash")).isEqualTo(2);
        assertThat(text(err)).contains("not an anchor", "Usage: admin verify-audit");
        assertThat(run("unexpected")).isEqualTo(2);
    }

    private int run(String... words) {
        return command.run(AdminArguments.parse(List.of(words)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
