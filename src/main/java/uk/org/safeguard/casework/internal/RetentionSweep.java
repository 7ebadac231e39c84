package uk.org.safeguard.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.RetentionKeyId;
import uk.org.safeguard.privacy.RetentionKeyStore;
import uk.org.safeguard.privacy.ShreddableKeys;

/**
 * The daily retention job, once across all instances: deletes every case whose deletion date has come
 * (unless on legal hold), each in its own transaction with its audit entry (by reference only), then
 * destroys the retention key of every past month that no remaining case is sealed under. Destroying the
 * key is what makes the deleted cases unreadable in older backups too. Statistics are not touched: they
 * were counted when the cases closed.
 */
@Component
class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final CaseRecords records;
    private final RetentionRules rules;
    private final RetentionKeyStore keyStore;
    private final ShreddableKeys shreddable;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetentionSweep(CaseRecords records, RetentionRules rules, RetentionKeyStore keyStore, ShreddableKeys shreddable,
            AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.records = records;
        this.rules = rules;
        this.keyStore = keyStore;
        this.shreddable = shreddable;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Result(List<String> deleted, List<YearMonth> keysDestroyed) {
    }

    @Scheduled(cron = "${safeguard.retention.cron:0 30 3 * * *}", zone = "Europe/London")
    @SchedulerLock(name = "casework-retention", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    public void daily() {
        Result result = run(LocalDate.now(clock.withZone(CaseFiles.LONDON)));
        log.info("Retention: {} cases deleted, {} retention keys destroyed", result.deleted().size(),
                result.keysDestroyed().size());
    }

    Result run(LocalDate today) {
        List<String> deleted = new ArrayList<>();
        for (String reference : records.due(today)) {
            Boolean done = transactions.execute(status -> deleteIfStillDue(reference, today));
            if (Boolean.TRUE.equals(done)) {
                deleted.add(reference);
            }
        }
        List<YearMonth> destroyed = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (RetentionKeyId key : keyStore.list()) {
            if (key.family().equals(RecordFamily.CASE) && key.period().isBefore(current)) {
                Boolean done = transactions.execute(status -> destroyIfUnused(key.period()));
                if (Boolean.TRUE.equals(done)) {
                    destroyed.add(key.period());
                }
            }
        }
        return new Result(deleted, destroyed);
    }

    private boolean deleteIfStillDue(String reference, LocalDate today) {
        CaseRecord record = records.lock(reference).orElse(null);
        if (record == null || record.onLegalHold() || record.deleteOn() == null || record.deleteOn().isAfter(today)) {
            return false;
        }
        RetentionRules.Rule rule = rules.of(record.outcome());
        records.delete(record.id());
        audit.record(AuditEvent.of("system", "case.deleted", "case", reference)
                .withReason("Retention rule: " + rule.outcome() + ", " + rule.years() + " years after "
                        + rule.countedFrom().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .withDetail("key-period", String.valueOf(record.keyPeriod())));
        return true;
    }

    private boolean destroyIfUnused(YearMonth period) {
        if (records.periodInUse(period)) {
            log.warn("Retention key case/{} kept: a case is still sealed under it", period);
            return false;
        }
        boolean destroyed = shreddable.destroy(RecordFamily.CASE, period);
        if (destroyed) {
            audit.record(AuditEvent.of("system", "retention-key.destroyed", "retention-key", "case/" + period));
        }
        return destroyed;
    }
}
