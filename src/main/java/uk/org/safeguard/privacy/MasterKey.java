package uk.org.safeguard.privacy;

/**
 * The key-encryption key at the top of Safeguard's key hierarchy. It never encrypts personal data:
 * it only wraps the data keys (in {@code privacy_data_key}) and the retention period keys (in the
 * {@link RetentionKeyStore}), and it is held outside the database so that a copy of the database alone
 * decrypts nothing.
 *
 * <p>This interface is the seam for a key management service. The built-in implementation keeps a Tink
 * AES-256-GCM keyset in {@code <SAFEGUARD_DATA_DIR>/keys/master-keyset.json} (or takes it from
 * {@code SAFEGUARD_PRIVACY_MASTER_KEYSET}). A Cloud KMS implementation (Google Cloud KMS, AWS KMS,
 * Azure Key Vault, HashiCorp Vault transit) would call the service's encrypt and decrypt operations
 * remotely, so the master key never leaves the service: {@link #wrap} sends the material and the
 * associated data and returns the service's ciphertext with the key version's resource name as
 * {@link WrappedKey#masterKeyId()}; {@link #unwrap} sends them back to that key version. Because data keys
 * are cached once unwrapped, such an implementation costs one remote call per data key per process, not
 * one per field.
 *
 * <p>Rotation: {@link #beginRotation()} names the key that {@code admin rotate-master-key} re-wraps every
 * key under. With a KMS the service rotates its key versions itself, so the default simply re-wraps
 * under the current version.
 */
public interface MasterKey {

    /** The id of the master key that {@link #wrap} uses now. */
    String currentKeyId();

    /** Wraps {@code keyMaterial} under the current master key, bound to {@code associatedData}. */
    default WrappedKey wrap(byte[] keyMaterial, byte[] associatedData) {
        return wrapWith(currentKeyId(), keyMaterial, associatedData);
    }

    /**
     * Wraps under the given master key, which must be current or staged by {@link #beginRotation()}.
     *
     * @throws IllegalArgumentException if no such key is available
     */
    WrappedKey wrapWith(String masterKeyId, byte[] keyMaterial, byte[] associatedData);

    /**
     * Unwraps with whichever master key {@link WrappedKey#masterKeyId()} names.
     *
     * @throws DecryptionFailedException if that key is unavailable, or the material or associated data
     *         were changed
     */
    byte[] unwrap(WrappedKey wrapped, byte[] associatedData);

    /**
     * Makes a new master key available for re-wrapping without yet making it current. Calling it again
     * before {@link Rotation#complete()} resumes the same rotation (so an interrupted rotation never
     * strands keys under a master key that was then thrown away).
     */
    default Rotation beginRotation() {
        String current = currentKeyId();
        return new Rotation() {
            @Override
            public String newKeyId() {
                return current;
            }

            @Override
            public boolean resumed() {
                return false;
            }

            @Override
            public String complete() {
                return "The key management service holds the key versions; disable the old version there once "
                        + "no backup you keep still needs it.";
            }
        };
    }

    /** A rotation in progress: re-wrap everything under {@link #newKeyId()}, then {@link #complete()}. */
    interface Rotation {

        String newKeyId();

        /** Whether this continues a rotation that an earlier run began but did not complete. */
        boolean resumed();

        /** Makes the new key current and retires the old one; returns a note for the operator. */
        String complete();
    }
}
