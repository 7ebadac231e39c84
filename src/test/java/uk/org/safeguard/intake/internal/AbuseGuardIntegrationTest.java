package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.org.safeguard.intake.internal.AbuseGuard.Verdict;
import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.support.AdjustableClock;
import uk.org.safeguard.support.IntegrationTest;

/** The public forms' defences, each on its own, with the real keyed hash and an adjustable clock. */
@IntegrationTest
class AbuseGuardIntegrationTest {

    @Autowired
    BlindIndex blindIndex;

    @Autowired
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private AbuseGuard guard(int perAddress, int perMinute) {
        return new AbuseGuard(blindIndex, clock, Duration.ofSeconds(2), perAddress, perMinute);
    }

    @Test
    void aSignedTokenOldEnoughPassesAndAFilledHoneypotOrForgedTokenDoesNot() {
        AbuseGuard guard = guard(100, 100);
        String token = guard.issueToken();
        assertThat(guard.check("198.51.100.1", token, "", "", null)).isEqualTo(Verdict.TOO_QUICK);
        clock.advance(Duration.ofSeconds(3));
        assertThat(guard.check("198.51.100.1", token, "", "http://spam.example", null)).isEqualTo(Verdict.TRY_AGAIN);
        assertThat(guard.check("198.51.100.1", token.substring(0, token.length() - 1)
                + (token.endsWith("0") ? "1" : "0"), "", "", null))
                .isIn(Verdict.TRY_AGAIN);
        assertThat(guard.check("198.51.100.1", "1." + token, "", "", null)).isEqualTo(Verdict.TRY_AGAIN);
        assertThat(guard.check("198.51.100.1", null, "", "", null)).isEqualTo(Verdict.TRY_AGAIN);
        assertThat(guard.check("198.51.100.1", token, "", "", null)).isEqualTo(Verdict.ACCEPTED);
        clock.advance(Duration.ofHours(25));
        assertThat(guard.check("198.51.100.1", token, "", "", null)).isEqualTo(Verdict.TRY_AGAIN);
    }

    @Test
    void aProofOfWorkLetsTheFormBeSentAtOnce() {
        AbuseGuard guard = guard(100, 100);
        String token = guard.issueToken();
        String nonce = solve(token);
        assertThat(AbuseGuard.proofOfWork(token, nonce)).isTrue();
        assertThat(AbuseGuard.proofOfWork(token, nonce + "1") && AbuseGuard.proofOfWork(token, "x")).isFalse();
        assertThat(guard.check("198.51.100.2", token, nonce, "", null)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void oneAddressIsLimitedPerHourWithoutAffectingOthers() {
        AbuseGuard guard = guard(3, 1000);
        String token = guard.issueToken();
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThat(guard.check("203.0.113.9", token, "", "", null)).isEqualTo(Verdict.ACCEPTED);
        }
        assertThat(guard.check("203.0.113.9", token, "", "", null)).isEqualTo(Verdict.TOO_MANY);
        assertThat(guard.check("203.0.113.10", token, "", "", null)).isEqualTo(Verdict.ACCEPTED);
        clock.advance(Duration.ofMinutes(61));
        String later = guard.issueToken();
        clock.advance(Duration.ofSeconds(3));
        assertThat(guard.check("203.0.113.9", later, "", "", null)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aFloodOfNewSubmissionsDoesNotStopPeopleWhoStartedBeforeIt() {
        AbuseGuard guard = guard(1000, 10);
        Instant startedBeforeTheFlood = clock.instant().minus(Duration.ofMinutes(5));
        String token = guard.issueToken();
        clock.advance(Duration.ofSeconds(3));
        int accepted = 0;
        for (int i = 0; i < 50; i++) {
            if (guard.check("192.0.2." + i, token, "", "", null) == Verdict.ACCEPTED) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(guard.check("192.0.2.200", token, "", "", null)).isEqualTo(Verdict.BUSY);
        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.check("192.0.2.199", token, "", "", clock.instant())).isEqualTo(Verdict.BUSY);
        assertThat(guard.check("192.0.2.201", token, "", "", startedBeforeTheFlood)).isEqualTo(Verdict.ACCEPTED);
        clock.advance(Duration.ofMinutes(2));
        assertThat(guard.check("192.0.2.202", token, "", "", clock.instant())).isEqualTo(Verdict.ACCEPTED);
    }

    private static String solve(String token) {
        for (int nonce = 0; ; nonce++) {
            if (AbuseGuard.proofOfWork(token, String.valueOf(nonce))) {
                return String.valueOf(nonce);
            }
        }
    }
}
