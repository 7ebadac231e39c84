package uk.org.safeguard.identity.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The time as identity sees it: lockouts, reset-link expiry, TOTP steps and the absolute session
 * limit all read it. It is the application's {@link Clock}, which tests replace with one they can move.
 */
@Component
public class IdentityClock {

    private final Clock clock;

    IdentityClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }
}
