package uk.org.safeguard.casework.internal;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;

/**
 * The DPO's decisions: the retention rule of each outcome (a change re-plans every closed case with that
 * outcome, moving its details under the key of its new deletion month) and legal holds.
 */
@Service
class RetentionPolicy {

    record Change(int years, RetentionRules.CountedFrom countedFrom) {
    }

    private final RetentionRules rules;
    private final CaseRecords records;
    private final CaseFiles files;
    private final AuditTrail audit;

    RetentionPolicy(RetentionRules rules, CaseRecords records, CaseFiles files, AuditTrail audit) {
        this.rules = rules;
        this.records = records;
        this.files = files;
        this.audit = audit;
    }

    @Transactional
    void change(Map<CaseOutcome, Change> changes, String actor) {
        changes.forEach((outcome, change) -> {
            RetentionRules.Rule current = rules.of(outcome);
            if (current.years() == change.years() && current.countedFrom() == change.countedFrom()) {
                return;
            }
            rules.update(outcome, change.years(), change.countedFrom(), actor);
            audit.record(AuditEvent.of(actor, "retention-rule.changed", "retention-rule", outcome.name())
                    .withDetail("from", current.years() + "y " + current.countedFrom())
                    .withDetail("to", change.years() + "y " + change.countedFrom()));
            records.closedWithOutcome(outcome).forEach(files::plan);
        });
    }

    void placeHold(String reference, String reason, String actor) {
        files.placeLegalHold(reference, reason, actor);
    }

    void releaseHold(String reference, String actor) {
        files.releaseLegalHold(reference, actor);
    }
}
