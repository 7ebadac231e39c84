package uk.org.safeguard.privacy.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import org.springframework.stereotype.Component;

import uk.org.safeguard.privacy.DecryptionFailedException;
import uk.org.safeguard.privacy.MasterKey;
import uk.org.safeguard.privacy.WrappedKey;
import uk.org.safeguard.privacy.internal.DataKeyStore.Purpose;
import uk.org.safeguard.privacy.internal.DataKeyStore.StoredDataKey;

/**
 * Unwrapped data keys, kept in memory only (never written anywhere in clear), made on first use. A data
 * key never changes once made (a master key rotation changes only its wrapping), so a cached key stays
 * valid for the life of the process.
 */
@Component
class DataKeys {

    /** An unwrapped data key, its version (which ciphertexts record) and its primitives, built once. */
    static final class Unwrapped {

        private final int version;
        private final KeysetHandle keyset;
        private final Map<Class<?>, Object> primitives = new ConcurrentHashMap<>();

        Unwrapped(int version, KeysetHandle keyset) {
            this.version = version;
            this.keyset = keyset;
        }

        int version() {
            return version;
        }

        KeysetHandle keyset() {
            return keyset;
        }

        <P> P primitive(Class<P> type) {
            return type.cast(primitives.computeIfAbsent(type, t -> {
                try {
                    return Tink.primitive(keyset, t);
                } catch (GeneralSecurityException e) {
                    throw new DecryptionFailedException("The data key v" + version + " is not a " + t.getSimpleName()
                            + " key", e);
                }
            }));
        }
    }

    private record Id(Purpose purpose, String family, int version) {
    }

    private final DataKeyStore store;
    private final MasterKey masterKey;
    private final Map<Id, Unwrapped> unwrapped = new ConcurrentHashMap<>();
    private final Map<String, Integer> primaryVersions = new ConcurrentHashMap<>();

    DataKeys(DataKeyStore store, MasterKey masterKey) {
        this.store = store;
        this.masterKey = masterKey;
    }

    /** The key that encrypts new data, made (with {@code parameters}) if this family has none yet. */
    Unwrapped primary(Purpose purpose, String family, Parameters parameters) {
        String slot = purpose.code() + "/" + family;
        Integer version = primaryVersions.get(slot);
        if (version != null) {
            return key(purpose, family, version);
        }
        StoredDataKey stored = store.primary(purpose, family).orElseGet(() -> store.createFirstIfAbsent(purpose, family,
                associatedData -> wrapNew(parameters, associatedData)));
        Unwrapped key = unwrapped.computeIfAbsent(new Id(purpose, family, stored.version()), id -> unwrap(stored));
        primaryVersions.put(slot, stored.version());
        return key;
    }

    /**
     * @throws DecryptionFailedException if no such key exists or it cannot be unwrapped
     */
    Unwrapped key(Purpose purpose, String family, int version) {
        return unwrapped.computeIfAbsent(new Id(purpose, family, version), id -> unwrap(store.find(purpose, family, version)
                .orElseThrow(() -> new DecryptionFailedException("No " + purpose.code() + " data key version " + version
                        + " exists for " + family))));
    }

    private Unwrapped unwrap(StoredDataKey stored) {
        byte[] material = masterKey.unwrap(stored.wrapped(), stored.associatedData());
        try {
            return new Unwrapped(stored.version(), Tink.fromBytes(material));
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("The data key " + stored.family() + " v" + stored.version()
                    + " is not a valid keyset", e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private WrappedKey wrapNew(Parameters parameters, byte[] associatedData) {
        byte[] material = Tink.toBytes(Tink.generate(parameters));
        try {
            return masterKey.wrap(material, associatedData);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
