package uk.org.safeguard.identity.internal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane), a 16-byte salt and a
 * 32-byte hash. {@link #matchesNothing(String)} spends the same time on an email that has no account,
 * so the response time does not tell whether it has one.
 */
@Component
class PasswordHasher {

    static final int SALT_LENGTH = 16;
    static final int HASH_LENGTH = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM,
            MEMORY_KIB, ITERATIONS);
    /** Made on first use, not at start-up, where it would cost a third of a second of a busy CPU. */
    private volatile String decoy;

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    /** Does the work of a check against a hash that never matches. */
    boolean matchesNothing(String password) {
        encoder.matches(password == null ? "" : password, decoy());
        return false;
    }

    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = encoder.encode("decoy password that no one has");
            decoy = made;
        }
        return made;
    }
}
