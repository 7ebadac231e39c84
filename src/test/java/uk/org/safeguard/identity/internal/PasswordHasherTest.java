package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAtOwaspParameters() {
        String hash = hasher.hash("a long pass phrase");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.hash("a long pass phrase")).as("salted").isNotEqualTo(hash);
        assertThat(hasher.matches("a long pass phrase", hash)).isTrue();
        assertThat(hasher.matches("a long pass phrasE", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    @Test
    void checkingAnEmailWithoutAnAccountTakesComparableTime() {
        String hash = hasher.hash("a long pass phrase");
        for (int i = 0; i < 3; i++) { // warm up
            hasher.matches("wrong", hash);
            hasher.matchesNothing("wrong");
        }
        long real = time(() -> hasher.matches("wrong guess here", hash));
        long decoy = time(() -> hasher.matchesNothing("wrong guess here"));
        assertThat(hasher.matchesNothing("a long pass phrase")).isFalse();
        assertThat((double) decoy / real).as("decoy %d ns vs real %d ns", decoy, real).isBetween(0.5, 2.0);
    }

    private static long time(Runnable work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
