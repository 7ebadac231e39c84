package uk.org.safeguard.privacy;

import java.time.YearMonth;

/**
 * The retention period key for a family and period has been destroyed (crypto-shredded): whatever it
 * encrypted, in the database or in any backup of it, can no longer be read, and nothing new may be
 * encrypted under it.
 */
public class KeyDestroyedException extends DecryptionFailedException {

    private final RecordFamily family;
    private final YearMonth period;

    public KeyDestroyedException(RecordFamily family, YearMonth period) {
        super("The retention key for " + family + " records of " + period
                + " has been destroyed; records encrypted under it are permanently unreadable");
        this.family = family;
        this.period = period;
    }

    public RecordFamily family() {
        return family;
    }

    public YearMonth period() {
        return period;
    }
}
