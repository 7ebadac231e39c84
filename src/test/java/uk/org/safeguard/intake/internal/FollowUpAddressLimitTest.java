package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import uk.org.safeguard.support.AdjustableClock;

/** The in-memory limit on failed follow-up attempts per network address. */
class FollowUpAddressLimitTest {

    @Test
    void anAddressThatFailsTooOftenIsBlockedUntilItsWindowEndsAndOthersAreNot() {
        AdjustableClock clock = new AdjustableClock();
        FollowUpAddressLimit limit = new FollowUpAddressLimit(clock);
        for (int i = 1; i < FollowUpAddressLimit.MAX_FAILURES; i++) {
            limit.failed("203.0.113.7");
        }
        assertThat(limit.blocked("203.0.113.7")).isFalse();
        limit.failed("203.0.113.7");
        assertThat(limit.blocked("203.0.113.7")).isTrue();
        assertThat(limit.blocked("203.0.113.8")).isFalse();

        clock.advance(FollowUpAddressLimit.WINDOW.minus(Duration.ofSeconds(1)));
        assertThat(limit.blocked("203.0.113.7")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.blocked("203.0.113.7")).isFalse();
        limit.failed("203.0.113.7");
        assertThat(limit.blocked("203.0.113.7")).as("a new window starts from one").isFalse();
    }
}
