package uk.org.safeguard.intake.internal;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.intake.ConcernSubmitted;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/**
 * {@code admin replay-concerns [--since yyyy-mm-dd]}: marks every concern and referral routed since that
 * day (all, without it) undelivered, so the relay publishes {@link ConcernSubmitted} for each again. For a listener added after those
 * concerns arrived (a new module that must see every concern), or after a listener's failure has been
 * put right by hand. Listeners take a reference they already have as a no-op, so replaying is safe.
 */
@Component
class ReplayConcernsCommand implements AdminCommand {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ConcernRelay relay;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    ReplayConcernsCommand(ConcernRelay relay, TransactionTemplate transactions,
            AuditTrail audit) {
        this.relay = relay;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "replay-concerns";
    }

    @Override
    public String summary() {
        return "Publish ConcernSubmitted again for routed concerns and referrals (for a listener added later)";
    }

    @Override
    public String usage() {
        return "replay-concerns [--since yyyy-mm-dd]";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        LocalDate since;
        try {
            since = arguments.option("since").map(LocalDate::parse).orElse(LocalDate.of(2000, 1, 1));
        } catch (DateTimeParseException notADate) {
            err.println("--since takes a date written yyyy-mm-dd");
            return 2;
        }
        Integer replayed = transactions.execute(status -> {
            int count = relay.queueAgain("s.routed_at >= :since",
                    Map.of("since", Timestamp.from(since.atStartOfDay(LONDON).toInstant())));
            audit.record(AuditEvent.of("system", "intake.concerns-replayed").withDetail("since", since.toString())
                    .withDetail("count", String.valueOf(count)));
            return count;
        });
        out.println("Publishing ConcernSubmitted again for " + replayed + " concerns and referrals routed since " + since + ".");
        return 0;
    }
}
