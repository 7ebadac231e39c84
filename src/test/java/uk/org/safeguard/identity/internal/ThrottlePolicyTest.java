package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    @Test
    void noDelayBelowTheThresholdThenDoublingUpToTheCeiling() {
        ThrottlePolicy policy = ThrottlePolicy.PER_ACCOUNT;
        assertThat(policy.lockoutAfter(1)).isZero();
        assertThat(policy.lockoutAfter(4)).isZero();
        assertThat(policy.lockoutAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.lockoutAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.lockoutAfter(7)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.lockoutAfter(11)).isEqualTo(Duration.ofMinutes(60)); // 64 capped
        assertThat(policy.lockoutAfter(1_000)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.lockoutAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void addressesGetMoreTriesBecauseOfficesShareThem() {
        assertThat(ThrottlePolicy.PER_ADDRESS.lockoutAfter(19)).isZero();
        assertThat(ThrottlePolicy.PER_ADDRESS.lockoutAfter(20)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ThrottlePolicy.PER_ADDRESS.lockoutAfter(40)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void addressBuckets() {
        assertThat(SignInThrottle.bucket("192.0.2.7")).isEqualTo("v4:192.0.2.7");
        assertThat(SignInThrottle.bucket("2001:db8:1:2:3:4:5:6")).isEqualTo(SignInThrottle.bucket("2001:db8:1:2:ffff::1"))
                .as("one /64").isNotEqualTo(SignInThrottle.bucket("2001:db8:1:3::1"));
        assertThat(SignInThrottle.bucket(null)).isEqualTo("unknown");
    }
}
