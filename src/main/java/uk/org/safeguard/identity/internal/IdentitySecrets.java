package uk.org.safeguard.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.org.safeguard.platform.SafeguardProperties;

/**
 * Identity's key material, derived from one master secret: an AES-256-GCM key that encrypts TOTP
 * secrets at rest, and an HMAC-SHA-256 key for lookup hashes (emails and address buckets in the
 * throttle, reset tokens, recovery codes), so that a copy of the database alone reveals none of them.
 * To be replaced by the privacy module's envelope encryption when it exists.
 */
@Component
class IdentitySecrets {

    private static final Logger log = LoggerFactory.getLogger(IdentitySecrets.class);
    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;

    @org.springframework.beans.factory.annotation.Autowired
    IdentitySecrets(IdentityProperties properties, SafeguardProperties safeguard) {
        this(masterSecret(properties.secret(), safeguard.dataDir().resolve("keys").resolve("identity.secret")));
    }

    IdentitySecrets(byte[] master) {
        this.encryptionKey = new SecretKeySpec(hmac(master, "identity:totp-secret-encryption"), "AES");
        this.hashKey = new SecretKeySpec(hmac(master, "identity:lookup-hash"), "HmacSHA256");
    }

    /** Encrypts {@code plain} (a TOTP secret): {@code v1:} then base64 of nonce and ciphertext. */
    String encrypt(String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    String decrypt(String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown encryption version");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a TOTP secret: was SAFEGUARD_IDENTITY_SECRET changed?", e);
        }
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
