package uk.org.safeguard.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.SafeguardProperties;

/**
 * Identity's HMAC-SHA-256 key for lookup hashes (emails and address buckets in the sign-in throttle,
 * reset tokens, recovery codes), derived from one master secret outside the database, so that a copy of
 * the database alone reveals none of them. Staff personal data (email, name, TOTP secret) is encrypted
 * with the privacy module's {@link uk.org.safeguard.privacy.FieldEncryption} instead, see {@link Accounts}.
 */
@Component
class IdentitySecrets {

    private static final Logger log = LoggerFactory.getLogger(IdentitySecrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec hashKey;

    @org.springframework.beans.factory.annotation.Autowired
    IdentitySecrets(IdentityProperties properties, SafeguardProperties safeguard) {
        this(masterSecret(properties.secret(), safeguard.dataDir().resolve("keys").resolve("identity.secret")));
    }

    IdentitySecrets(byte[] master) {
        this.hashKey = new SecretKeySpec(hmac(master, "identity:lookup-hash"), "HmacSHA256");
    }

    /** A keyed hash of {@code value} for {@code purpose}, hex encoded: equal inputs give equal outputs. */
    String lookupHash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] masterSecret(String configured, Path file) {
        if (!configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("SAFEGUARD_IDENTITY_SECRET must be at least 32 characters");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (Files.isRegularFile(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            boolean posix = Files.getFileStore(Files.createDirectories(file.getParent()))
                    .supportsFileAttributeView("posix");
            if (posix) {
                // Owner-only from the moment they exist: the key directory and the secret file.
                Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
            }
            log.warn("SAFEGUARD_IDENTITY_SECRET is not set: created a random identity secret in {}. "
                    + "Set SAFEGUARD_IDENTITY_SECRET when running more than one instance.", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
