package uk.org.safeguard.audit.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/**
 * {@code admin verify-audit [--anchor <seq>:<hash> ...]}: walks the audit chain and names the first entry
 * that was altered, inserted or removed; exits 1 if there is one. Anchors are head hashes logged by the
 * daily {@code audit-anchor} line and kept outside the database: they catch a chain rewritten with
 * recomputed hashes, which the chain alone cannot.
 */
@Component
class VerifyAuditCommand implements AdminCommand {

    private final AuditVerifier verifier;

    VerifyAuditCommand(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return "verify-audit";
    }

    @Override
    public String summary() {
        return "Check the audit trail's hash chain and name the first entry altered, inserted or removed (exit 1 if any)";
    }

    @Override
    public String usage() {
        return "verify-audit [--anchor <seq>:<hash> ...]   (anchors from the daily 'audit-anchor seq=... hash=...' log line)";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        List<Anchor> anchors = new ArrayList<>();
        try {
            for (String text : arguments.options("anchor")) {
                anchors.add(Anchor.parse(text));
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: admin " + usage());
            return 2;
        }
        if (!arguments.positional().isEmpty()) {
            err.println("Usage: admin " + usage());
            return 2;
        }
        long started = System.nanoTime();
        Verification result = verifier.verify(anchors);
        String took = String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - started) / 1e9);
        if (!result.intact()) {
            err.println("Audit trail NOT intact: " + result.problem() + ".");
            err.println("Entries before it checked and sound: " + result.entries() + " (up to entry "
                    + result.head().seq() + "), in " + took + ".");
            return 1;
        }
        out.println("Audit trail intact: " + result.entries() + " entries, head " + result.head().hash());
        if (!result.anchorsMatched().isEmpty()) {
            out.println("Anchors matched: " + result.anchorsMatched().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        out.println("Checked in " + took + ".");
        return 0;
    }
}
