package uk.org.safeguard.privacy.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.org.safeguard.platform.SafeguardProperties;
import uk.org.safeguard.privacy.MasterKey;
import uk.org.safeguard.privacy.RetentionKeyStore;

/**
 * The key hierarchy's two roots outside the database, both under {@code <SAFEGUARD_DATA_DIR>/keys/}
 * by default. A KMS or vault replaces either bean with its own implementation of the interface.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    static Path keysDirectory(SafeguardProperties properties) {
        return properties.dataDir().resolve("keys");
    }

    /** Opened at start-up, so a missing or exposed master key stops the application before it serves anyone. */
    @Bean
    MasterKey masterKey(SafeguardProperties safeguard, PrivacyProperties privacy) {
        return LocalKeysetMasterKey.open(keysDirectory(safeguard), privacy.masterKeyset());
    }

    @Bean
    RetentionKeyStore retentionKeyStore(SafeguardProperties safeguard) {
        return new FileRetentionKeyStore(keysDirectory(safeguard).resolve("retention"));
    }
}
