package uk.org.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IdentitySecretsTest {

    private final IdentitySecrets secrets = new IdentitySecrets("a master secret of at least 32 chars".getBytes(StandardCharsets.UTF_8));

    @Test
    void totpSecretsAreEncryptedAndComeBack() {
        String sealed = secrets.encrypt("JBSWY3DPEHPK3PXP");
        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(secrets.encrypt("JBSWY3DPEHPK3PXP")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.decrypt(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void anotherKeyOrATamperedValueCannotBeRead() {
        String sealed = secrets.encrypt("JBSWY3DPEHPK3PXP");
        IdentitySecrets other = new IdentitySecrets("another master secret of 32 chars!".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> secrets.decrypt(new String(chars))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookupHashesAreKeyedAndSeparatedByPurpose() {
        assertThat(secrets.lookupHash("email", "a@example.org")).isEqualTo(secrets.lookupHash("email", "a@example.org"))
                .isNotEqualTo(secrets.lookupHash("address", "a@example.org")).hasSize(64);
    }
}
