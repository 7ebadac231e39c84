package uk.org.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.org.safeguard.SafeguardApplication;
import uk.org.safeguard.platform.AdminCommandLine;

/** {@code java -jar safeguard.jar admin verify-audit} end to end: a fresh database's empty chain is intact. */
class VerifyAuditCommandLineTest {

    @Test
    void runsFromTheAdminCommandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdminCommandLine.run(SafeguardApplication.class, new String[] {"admin", "verify-audit"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Audit trail intact: ").contains(" entries, head ");
    }
}
