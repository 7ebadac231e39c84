package uk.org.safeguard.casework.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.org.safeguard.audit.AuditEvent;
import uk.org.safeguard.audit.AuditTrail;
import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.ShreddableKeys;

/**
 * A case's life as far as the trust core is concerned: opened (details sealed under the case family's
 * key), closed with an outcome (counted in the statistics, given its deletion date by the outcome's
 * retention rule, and re-sealed under that month's retention key), put on legal hold and released.
 * Every change is audited by reference.
 */
@Service
class CaseFiles {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaseRecords records;
    private final CaseCrypto crypto;
    private final RetentionRules rules;
    private final CaseStatistics statistics;
    private final BlindIndex blindIndex;
    private final ShreddableKeys shreddable;
    private final AuditTrail audit;
    private final Clock clock;

    CaseFiles(CaseRecords records, CaseCrypto crypto, RetentionRules rules, CaseStatistics statistics,
            BlindIndex blindIndex, ShreddableKeys shreddable, AuditTrail audit, Clock clock) {
        this.records = records;
        this.crypto = crypto;
        this.rules = rules;
        this.statistics = statistics;
        this.blindIndex = blindIndex;
        this.shreddable = shreddable;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a case and returns its reference. */
    @Transactional
    String open(String boroughCode, String ageBand, LocalDate openedOn, CaseDetails details, String actor) {
        String reference = newReference();
        records.insert(reference, boroughCode, ageBand, openedOn, crypto.seal(reference, null, details),
                personIndex(details.fullName(), details.dateOfBirth()));
        audit.record(AuditEvent.of(actor, "case.opened", "case", reference).withDetail("borough", boroughCode));
        return reference;
    }

    @Transactional
    void reviewed(String reference, LocalDate on, String actor) {
        CaseRecord record = records.lock(reference).orElseThrow();
        records.reviewed(record.id(), on);
        audit.record(AuditEvent.of(actor, "case.reviewed", "case", reference));
        if (record.closed()) {
            plan(records.lock(reference).orElseThrow());
        }
    }

    /** Closes a case: counted in the statistics, and due for deletion under its outcome's rule. */
    @Transactional
    void close(String reference, CaseOutcome outcome, LocalDate closedOn, String actor) {
        CaseRecord record = records.lock(reference).orElseThrow();
        if (record.closed()) {
            throw new IllegalStateException("Already closed: " + reference);
        }
        records.close(record.id(), outcome, closedOn);
        statistics.count(closedOn.getYear(), record.boroughCode(), outcome, record.ageBand());
        audit.record(AuditEvent.of(actor, "case.closed", "case", reference).withDetail("outcome", outcome.name()));
        plan(records.lock(reference).orElseThrow());
    }

    /** Stops the case being deleted; its details move off the retention key, so that key can still be destroyed on time. */
    @Transactional
    void placeLegalHold(String reference, String reason, String actor) {
        CaseRecord record = records.lock(reference).orElseThrow(() -> new NoSuchCase(reference));
        if (record.onLegalHold()) {
            return;
        }
        records.hold(record.id(), Timestamp.from(clock.instant()), reason, crypto.reseal(record, null));
        audit.record(AuditEvent.of(actor, "case.legal-hold-placed", "case", reference).withReason(reason));
    }

    @Transactional
    void releaseLegalHold(String reference, String actor) {
        CaseRecord record = records.lock(reference).orElseThrow(() -> new NoSuchCase(reference));
        if (!record.onLegalHold()) {
            return;
        }
        records.releaseHold(record.id());
        audit.record(AuditEvent.of(actor, "case.legal-hold-released", "case", reference));
        plan(records.lock(reference).orElseThrow());
    }

    /**
     * Gives a closed case without a legal hold its deletion date under the current rule and seals its
     * details under that month's key. A date whose month's key is already destroyed (a rule shortened,
     * or a hold released, after that month ended) becomes the first day of next month instead: the case
     * is then deleted by the daily job within weeks, under a key that still exists.
     */
    void plan(CaseRecord record) {
        if (!record.closed() || record.onLegalHold()) {
            return;
        }
        LocalDate deleteOn = rules.of(record.outcome()).deleteOn(record);
        YearMonth period = YearMonth.from(deleteOn);
        if (shreddable.isDestroyed(RecordFamily.CASE, period)) {
            deleteOn = YearMonth.now(clock.withZone(LONDON)).plusMonths(1).atDay(1);
            period = YearMonth.from(deleteOn);
        }
        if (deleteOn.equals(record.deleteOn()) && period.equals(record.keyPeriod())) {
            return;
        }
        records.reseal(record.id(), deleteOn, period, crypto.reseal(record, period));
    }

    /** The blind index term that finds a person's cases for subject access: name and date of birth, normalised. */
    String personIndex(String fullName, LocalDate dateOfBirth) {
        String name = fullName == null ? "" : fullName.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return blindIndex.keyedTerm("case-person", name + "|" + (dateOfBirth == null ? "" : dateOfBirth));
    }

    private String newReference() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder reference = new StringBuilder("SG-");
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    reference.append('-');
                }
                reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (records.find(reference.toString()).isEmpty()) {
                return reference.toString();
            }
        }
        throw new IllegalStateException("Could not find a free case reference");
    }

    /** No case has that reference: "not found" to whoever asked. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class NoSuchCase extends RuntimeException {
        NoSuchCase(String reference) {
            super("No such case");
        }
    }
}
