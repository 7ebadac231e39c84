package uk.org.safeguard.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A case as stored: everything but the details is a reference, a code or a date.
 *
 * @param keyPeriod the retention period whose key encrypts the details, or {@code null} when the case
 *     family's key does (open cases and cases on legal hold)
 * @param details the encrypted {@link CaseDetails}
 */
record CaseRecord(long id, String reference, String boroughCode, String status, CaseOutcome outcome, String ageBand,
        LocalDate openedOn, LocalDate closedOn, LocalDate lastReviewedOn, LocalDate deleteOn, YearMonth keyPeriod,
        byte[] details, Instant legalHoldSince, String legalHoldReason) {

    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";

    boolean closed() {
        return CLOSED.equals(status);
    }

    boolean onLegalHold() {
        return legalHoldSince != null;
    }
}
