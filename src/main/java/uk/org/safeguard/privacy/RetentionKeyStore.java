package uk.org.safeguard.privacy;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where retention period keys live: outside the database, so that destroying a key here also makes
 * every database backup's copy of the records it protected unreadable. The store holds keys only in
 * wrapped form (wrapped by the {@link MasterKey}).
 *
 * <p>The built-in store keeps one file per key under {@code <SAFEGUARD_DATA_DIR>/keys/retention/},
 * owner-only. Production with several instances points every instance at the same store: a shared
 * volume, or an implementation of this interface over a vault or KMS whose delete really destroys the
 * key (for example Vault KV with {@code destroy} of every version, or KMS key-version destruction).
 * Whatever the store, it must not be included in the database's backups, and its own backups must
 * expire before the shortest retention period, or shredding is defeated.
 */
public interface RetentionKeyStore {

    /** The wrapped key, if it exists and has not been destroyed. */
    Optional<WrappedKey> read(RetentionKeyId id);

    /**
     * Stores a new key unless one exists already (another instance may have created it a moment ago).
     *
     * @return the key now stored under {@code id}: {@code candidate} or the one that was there first
     * @throws KeyDestroyedException if the key for {@code id} was destroyed: a shredded period never
     *         gets a new key
     */
    WrappedKey createIfAbsent(RetentionKeyId id, WrappedKey candidate);

    /**
     * Replaces an existing key's wrapping (used by master key rotation), atomically with respect to
     * {@link #destroy}: a key destroyed meanwhile stays destroyed. If {@code rewrapping} returns the very
     * key it was given, the stored key is left as it is.
     *
     * @return whether the key still existed and was replaced
     */
    boolean rewrap(RetentionKeyId id, UnaryOperator<WrappedKey> rewrapping);

    /**
     * Irrecoverably destroys the key (overwriting what the medium allows before deleting) and remembers
     * that it was destroyed. Idempotent.
     *
     * @return whether a key was destroyed by this call
     */
    boolean destroy(RetentionKeyId id);

    boolean isDestroyed(RetentionKeyId id);

    /** Every key that exists and has not been destroyed. */
    List<RetentionKeyId> list();
}
