package uk.org.safeguard.privacy;

import java.util.Arrays;
import java.util.Objects;

/**
 * Key material encrypted ("wrapped") by a master key, with the id of the master key that wrapped it,
 * so that after a rotation each record still names the key that can unwrap it.
 *
 * @param masterKeyId the id returned by {@link MasterKey#currentKeyId()} when the material was wrapped
 * @param ciphertext the wrapped material
 */
public record WrappedKey(String masterKeyId, byte[] ciphertext) {

    public WrappedKey {
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey that && masterKeyId.equals(that.masterKeyId)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * masterKeyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + masterKeyId + ", " + ciphertext.length + " bytes]";
    }
}
