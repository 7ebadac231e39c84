package uk.org.safeguard.privacy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code safeguard.privacy.*}.
 *
 * @param masterKeyset the master key as a Tink AEAD keyset in JSON ({@code SAFEGUARD_PRIVACY_MASTER_KEYSET},
 *        for example from a secret store); blank to keep it in {@code <SAFEGUARD_DATA_DIR>/keys/master-keyset.json}
 */
@ConfigurationProperties("safeguard.privacy")
record PrivacyProperties(String masterKeyset) {
}
