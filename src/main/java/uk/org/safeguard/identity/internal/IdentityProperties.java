package uk.org.safeguard.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code safeguard.identity.*}.
 *
 * @param absoluteSessionTimeout how long a sign-in lasts however active the person is
 * @param resetTokenValidity how long a password reset link works
 */
@ConfigurationProperties("safeguard.identity")
record IdentityProperties(Duration absoluteSessionTimeout, Duration resetTokenValidity) {

    IdentityProperties {
        if (absoluteSessionTimeout == null) {
            absoluteSessionTimeout = Duration.ofHours(12);
        }
        if (resetTokenValidity == null) {
            resetTokenValidity = Duration.ofMinutes(30);
        }
    }
}
