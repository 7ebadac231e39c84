package uk.org.safeguard.privacy;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Names one retention period key: the key for a record family's records that expire in one month.
 *
 * @param family the record family
 * @param period the month in which the records it protects are due to be deleted
 */
public record RetentionKeyId(RecordFamily family, YearMonth period) {

    public RetentionKeyId {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(period, "period");
    }

    @Override
    public String toString() {
        return family + "/" + period;
    }
}
