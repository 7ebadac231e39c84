package uk.org.safeguard.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code safeguard.identity.*}.
 *
 * @param secret the master secret (env {@code SAFEGUARD_IDENTITY_SECRET}, at least 32 characters) from
 *     which the keyed-hash key (throttle, reset tokens, recovery codes) is derived; when empty, a random one is
 *     created once under the data directory (fine for one instance; set it when running several)
 * @param absoluteSessionTimeout how long a sign-in lasts however active the person is
 * @param resetTokenValidity how long a password reset link works
 */
@ConfigurationProperties("safeguard.identity")
record IdentityProperties(String secret, Duration absoluteSessionTimeout, Duration resetTokenValidity) {

    IdentityProperties {
        if (secret == null) {
            secret = "";
        }
        if (absoluteSessionTimeout == null) {
            absoluteSessionTimeout = Duration.ofHours(12);
        }
        if (resetTokenValidity == null) {
            resetTokenValidity = Duration.ofMinutes(30);
        }
    }
}
