package uk.org.safeguard.privacy.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Service;

import uk.org.safeguard.privacy.MasterKey;
import uk.org.safeguard.privacy.RetentionKeyId;
import uk.org.safeguard.privacy.RetentionKeyStore;
import uk.org.safeguard.privacy.WrappedKey;

/**
 * Rotates the master key by re-wrapping keys, never by re-encrypting data: every data key row and every
 * retention key is unwrapped with the master key it names and wrapped again under the new one.
 *
 * <p>Safe to interrupt at any point, because nothing becomes unreadable before the last step:
 * <ol>
 * <li>the new master key is written to a pending file (atomically) but not yet made current; a rerun
 *     finds it and resumes with the same key rather than making another;</li>
 * <li>all data keys are re-wrapped in one database transaction (all or none);</li>
 * <li>each retention key file is replaced atomically, one by one; between files some name the old key
 *     and some the new, and both are readable because each names its master key and both key files
 *     are loaded;</li>
 * <li>only then the old keyset is copied to a {@code .retired} file and the pending one renamed over the
 *     current one (an atomic rename);</li>
 * <li>a last pass re-wraps anything another instance wrapped under the old key meanwhile.</li>
 * </ol>
 */
@Service
class MasterKeyRotation {

    /** What a rotation did, for the operator. */
    record Result(String previousKeyId, String newKeyId, boolean resumed, int dataKeys, int retentionKeys, String note) {

        int total() {
            return dataKeys + retentionKeys;
        }
    }

    private final MasterKey masterKey;
    private final DataKeyStore dataKeys;
    private final RetentionKeyStore retentionKeys;

    MasterKeyRotation(MasterKey masterKey, DataKeyStore dataKeys, RetentionKeyStore retentionKeys) {
        this.masterKey = masterKey;
        this.dataKeys = dataKeys;
        this.retentionKeys = retentionKeys;
    }

    Result rotate() {
        String previous = masterKey.currentKeyId();
        MasterKey.Rotation rotation = masterKey.beginRotation();
        String target = rotation.newKeyId();
        int data = rewrapDataKeys(target);
        int retention = rewrapRetentionKeys(target);
        String note = rotation.complete();
        data += rewrapDataKeys(target);
        retention += rewrapRetentionKeys(target);
        return new Result(previous, target, rotation.resumed(), data, retention, note);
    }

    /** Re-wraps the data keys only: the step a test interrupts a rotation after. */
    int rewrapDataKeys(String target) {
        return dataKeys.rewrapAll(target, key -> rewrap(key.wrapped(), key.associatedData(), target));
    }

    int rewrapRetentionKeys(String target) {
        AtomicInteger count = new AtomicInteger();
        for (RetentionKeyId id : retentionKeys.list()) {
            retentionKeys.rewrap(id, wrapped -> {
                if (wrapped.masterKeyId().equals(target)) {
                    return wrapped;
                }
                count.incrementAndGet();
                return rewrap(wrapped, PeriodKeyEncryption.keyAssociatedData(id), target);
            });
        }
        return count.get();
    }

    private WrappedKey rewrap(WrappedKey wrapped, byte[] associatedData, String target) {
        byte[] material = masterKey.unwrap(wrapped, associatedData);
        try {
            return masterKey.wrapWith(target, material, associatedData);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
