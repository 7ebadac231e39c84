package uk.org.safeguard.privacy;

import java.nio.charset.StandardCharsets;

/**
 * Encrypts personal data fields (names, dates of birth, addresses, contact details, narratives,
 * messages, attachments) with AES-256-GCM under their record family's data key.
 *
 * <p>The associated data of every ciphertext is the family and {@code recordRef} (the owning record's
 * stable id, e.g. a concern's UUID, optionally with the field: {@code "3f2c…/name"}), so a ciphertext
 * copied into another record, field or family fails to decrypt instead of showing the wrong person's
 * data. Ciphertexts start with a format byte and the data key's version, so data keys can be rotated
 * while older ciphertexts stay readable.
 *
 * <p>Records that expire under a retention rule use {@link ShreddableKeys} instead: see its
 * documentation for why the two are not layered.
 */
public interface FieldEncryption {

    byte[] encrypt(RecordFamily family, String recordRef, byte[] plaintext);

    /**
     * @throws DecryptionFailedException if the ciphertext was changed, belongs to another record or
     *         family, or its data key is not available
     */
    byte[] decrypt(RecordFamily family, String recordRef, byte[] ciphertext);

    default byte[] encryptString(RecordFamily family, String recordRef, String plaintext) {
        return encrypt(family, recordRef, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    default String decryptString(RecordFamily family, String recordRef, byte[] ciphertext) {
        return new String(decrypt(family, recordRef, ciphertext), StandardCharsets.UTF_8);
    }
}
