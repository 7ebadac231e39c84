package uk.org.safeguard.intake.internal;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.intake.ConcernSubmitted;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/**
 * {@code admin replay-concerns [--since yyyy-mm-dd]}: publishes {@link ConcernSubmitted} again for every
 * concern and referral routed since that day (all, without it). For a listener added after those
 * concerns arrived (a new module that must see every concern), or after a listener's failure has been
 * put right by hand. Listeners take a reference they already have as a no-op, so replaying is safe.
 */
@Component
class ReplayConcernsCommand implements AdminCommand {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    ReplayConcernsCommand(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.events = events;
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
            List<ConcernSubmitted> routed = jdbc.sql("""
                    SELECT reference, kind, borough_code, urgent, submitted_at FROM intake_submission
                    WHERE routed_at IS NOT NULL AND kind IN ('CONCERN', 'REFERRAL') AND routed_at >= :since
                    ORDER BY routed_at""")
                    .param("since", Timestamp.from(since.atStartOfDay(LONDON).toInstant()))
                    .query((rs, n) -> new ConcernSubmitted(rs.getString(1), SubmissionKind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getBoolean(4), rs.getTimestamp(5).toInstant()))
                    .list();
            routed.forEach(events::publishEvent);
            audit.record(AuditEvent.of("system", "intake.concerns-replayed").withDetail("since", since.toString())
                    .withDetail("count", String.valueOf(routed.size())));
            return routed.size();
        });
        out.println("Published ConcernSubmitted again for " + replayed + " concerns and referrals routed since " + since + ".");
        return 0;
    }
}
