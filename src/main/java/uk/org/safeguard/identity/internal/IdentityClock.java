package uk.org.safeguard.identity.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The time as identity sees it: lockouts, reset-link expiry, TOTP steps and the absolute session
 * limit all read it, so tests can move it forward instead of waiting hours.
 */
@Component
public class IdentityClock {

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** For tests only: moves identity's clock by {@code amount} (and back with a negative amount). */
    public void advanceForTesting(Duration amount) {
        offset = offset.plus(amount);
    }

    /** For tests only: back to real time. */
    public void resetForTesting() {
        offset = Duration.ZERO;
    }
}
