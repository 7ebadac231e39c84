package uk.org.safeguard.casework.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/** {@code admin run-retention}: runs the daily retention job now (it is safe to run twice). */
@Component
class RunRetentionCommand implements AdminCommand {

    private final RetentionSweep sweep;
    private final Clock clock;

    RunRetentionCommand(RetentionSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "run-retention";
    }

    @Override
    public String summary() {
        return "Delete the cases whose retention has ended and destroy their retention keys, now";
    }

    @Override
    public String usage() {
        return "run-retention";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        RetentionSweep.Result result = sweep.run(LocalDate.now(clock.withZone(CaseFiles.LONDON)));
        out.println("Deleted " + result.deleted().size() + " cases; destroyed retention keys for "
                + (result.keysDestroyed().isEmpty() ? "no month" : result.keysDestroyed()) + ".");
        return 0;
    }
}
