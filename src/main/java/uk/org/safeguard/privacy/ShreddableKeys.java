package uk.org.safeguard.privacy;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/**
 * Crypto-shredding for retention: personal data of records that expire is encrypted (AES-256-GCM) under
 * a key for its record family and the month it is due for deletion, and that key lives outside the
 * database in the {@link RetentionKeyStore}. When the month's records are deleted, {@link #destroy}
 * destroys the key, and every copy of those records, in the live database, its replicas, its WAL
 * archive and any backup taken earlier, becomes unreadable, because no copy of the key was ever in
 * the database.
 *
 * <p><b>How this combines with {@link FieldEncryption}.</b> A field of an expiring record is encrypted
 * with this service <em>instead of</em> {@link FieldEncryption}, not inside it. Both keys are AES-256-GCM
 * keys wrapped by the same master key, so an inner family-key layer would add cost (two decryptions per
 * field) but no protection: whoever holds the master key can unwrap both, and whoever lacks the period
 * key can read neither layer. What matters for shredding is only that the outermost key is one that can
 * be destroyed without touching the database, which the period key is. Records with no deletion date
 * (for example staff accounts while employed) use {@link FieldEncryption}; when such a record gets a
 * deletion date, its fields are re-encrypted under the period key.
 *
 * <p>The associated data is the family, period and {@code recordRef}, so a ciphertext moved to another
 * record, family or period fails to decrypt.
 */
public interface ShreddableKeys {

    /** @throws KeyDestroyedException if the period's key has already been destroyed */
    byte[] encrypt(RecordFamily family, YearMonth period, String recordRef, byte[] plaintext);

    /**
     * @throws KeyDestroyedException if the period's key has been destroyed (or never existed)
     * @throws DecryptionFailedException if the ciphertext was changed or belongs to another record
     */
    byte[] decrypt(RecordFamily family, YearMonth period, String recordRef, byte[] ciphertext);

    /**
     * Destroys the key of {@code family}'s records expiring in {@code period}. Idempotent.
     *
     * @return whether a key was destroyed by this call (false if it was already destroyed or never made)
     */
    boolean destroy(RecordFamily family, YearMonth period);

    /**
     * The retention sweep: destroys the key of every family and period before {@code cutoff} (for
     * example the current month, once that month's deletions have run) and returns the keys it destroyed.
     */
    List<RetentionKeyId> destroyedBefore(YearMonth cutoff);

    boolean isDestroyed(RecordFamily family, YearMonth period);

    default byte[] encryptString(RecordFamily family, YearMonth period, String recordRef, String plaintext) {
        return encrypt(family, period, recordRef, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    default String decryptString(RecordFamily family, YearMonth period, String recordRef, byte[] ciphertext) {
        return new String(decrypt(family, period, recordRef, ciphertext), StandardCharsets.UTF_8);
    }
}
