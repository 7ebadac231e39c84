package uk.org.safeguard.audit.internal;

import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.audit.AuditEntry;
import uk.org.safeguard.audit.AuditEvent;

/**
 * Once a day (cron {@code safeguard.audit.anchor-cron}, 02:00 by default; once across all instances),
 * writes the chain's head to the log as {@code audit-anchor seq=<n> hash=<hex> at=<time>}, for log
 * shipping to keep outside the database, and records the anchoring itself as {@code audit.anchored}.
 * Checked later with {@code admin verify-audit --anchor <n>:<hex>}, an anchor reveals a chain rewritten
 * with recomputed hashes, or cut short with its head moved back.
 */
@Component
public class AuditAnchorJob {

    static final String ACTION = "audit.anchored";

    private static final Logger log = LoggerFactory.getLogger(AuditAnchorJob.class);

    private final JdbcAuditTrail trail;
    private final TransactionTemplate transaction;

    AuditAnchorJob(JdbcAuditTrail trail, PlatformTransactionManager transactions) {
        this.trail = trail;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${safeguard.audit.anchor-cron:0 0 2 * * *}")
    @SchedulerLock(name = "audit-anchor", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
    public void anchorDaily() {
        anchor();
    }

    /**
     * Logs the current head and records {@code audit.anchored} (with the head's {@code seq} and {@code hash}
     * in its details) as the very next entry: the head is locked in between.
     *
     * @return the {@code audit.anchored} entry
     */
    public AuditEntry anchor() {
        AuditEntry anchored = transaction.execute(status -> {
            Anchor head = trail.lockHead();
            return trail.append(new AuditEvent("system", ACTION, null, null, null,
                    Map.of("seq", Long.toString(head.seq()), "hash", head.hash())));
        });
        log.info("audit-anchor seq={} hash={} at={}", anchored.details().get("seq"), anchored.details().get("hash"),
                anchored.occurredAt());
        return anchored;
    }
}
