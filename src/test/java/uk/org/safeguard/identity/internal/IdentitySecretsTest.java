package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IdentitySecretsTest {

    private final IdentitySecrets secrets = new IdentitySecrets("a master secret of at least 32 chars".getBytes(StandardCharsets.UTF_8));

    @Test
    void lookupHashesAreKeyedAndSeparatedByPurpose() {
        assertThat(secrets.lookupHash("email", "a@example.org")).isEqualTo(secrets.lookupHash("email", "a@example.org"))
                .isNotEqualTo(secrets.lookupHash("address", "a@example.org")).hasSize(64);
        IdentitySecrets other = new IdentitySecrets("another master secret of 32 chars!".getBytes(StandardCharsets.UTF_8));
        assertThat(other.lookupHash("email", "a@example.org")).isNotEqualTo(secrets.lookupHash("email", "a@example.org"));
    }
}
