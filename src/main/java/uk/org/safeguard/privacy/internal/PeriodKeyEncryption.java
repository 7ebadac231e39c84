package uk.org.safeguard.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;
import org.springframework.stereotype.Service;

import uk.org.safeguard.privacy.DecryptionFailedException;
import uk.org.safeguard.privacy.KeyDestroyedException;
import uk.org.safeguard.privacy.MasterKey;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.RetentionKeyId;
import uk.org.safeguard.privacy.RetentionKeyStore;
import uk.org.safeguard.privacy.ShreddableKeys;
import uk.org.safeguard.privacy.WrappedKey;

/**
 * {@link ShreddableKeys} over a {@link RetentionKeyStore}: one AES-256-GCM keyset per family and month,
 * made on first use, wrapped by the master key. A ciphertext is {@code [format 0x02][Tink AEAD
 * ciphertext]}. Unwrapped keys are cached in memory, but every use first checks that the key has not
 * been destroyed (by this process or another), so a destroyed key is never used again.
 */
@Service
class PeriodKeyEncryption implements ShreddableKeys {

    static final byte FORMAT = 0x02;

    private final RetentionKeyStore store;
    private final MasterKey masterKey;
    private final Map<RetentionKeyId, Aead> unwrapped = new ConcurrentHashMap<>();

    PeriodKeyEncryption(RetentionKeyStore store, MasterKey masterKey) {
        this.store = store;
        this.masterKey = masterKey;
    }

    @Override
    public byte[] encrypt(RecordFamily family, YearMonth period, String recordRef, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        RetentionKeyId id = new RetentionKeyId(family, period);
        Aead aead = usable(id, true);
        try {
            byte[] sealed = aead.encrypt(plaintext, associatedData(id, recordRef));
            byte[] out = new byte[sealed.length + 1];
            out[0] = FORMAT;
            System.arraycopy(sealed, 0, out, 1, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a " + family + " field", e);
        }
    }

    @Override
    public byte[] decrypt(RecordFamily family, YearMonth period, String recordRef, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length <= 1 || ciphertext[0] != FORMAT) {
            throw new DecryptionFailedException("Not a retention ciphertext of this format");
        }
        RetentionKeyId id = new RetentionKeyId(family, period);
        Aead aead = usable(id, false);
        try {
            return aead.decrypt(Arrays.copyOfRange(ciphertext, 1, ciphertext.length), associatedData(id, recordRef));
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("A " + family + " field failed to decrypt: it was changed, or it "
                    + "belongs to another record, family or period", e);
        }
    }

    @Override
    public boolean destroy(RecordFamily family, YearMonth period) {
        RetentionKeyId id = new RetentionKeyId(family, period);
        unwrapped.remove(id);
        boolean destroyed = store.destroy(id);
        unwrapped.remove(id);
        return destroyed;
    }

    @Override
    public List<RetentionKeyId> destroyedBefore(YearMonth cutoff) {
        List<RetentionKeyId> destroyed = new ArrayList<>();
        for (RetentionKeyId id : store.list()) {
            if (id.period().isBefore(cutoff) && destroy(id.family(), id.period())) {
                destroyed.add(id);
            }
        }
        return destroyed;
    }

    @Override
    public boolean isDestroyed(RecordFamily family, YearMonth period) {
        return store.isDestroyed(new RetentionKeyId(family, period));
    }

    private Aead usable(RetentionKeyId id, boolean createIfMissing) {
        if (store.isDestroyed(id)) {
            unwrapped.remove(id);
            throw new KeyDestroyedException(id.family(), id.period());
        }
        Aead cached = unwrapped.get(id);
        if (cached != null) {
            return cached;
        }
        WrappedKey wrapped = store.read(id).orElseGet(() -> {
            if (!createIfMissing) {
                // No key, so nothing was ever encrypted under one that survives: treat as destroyed.
                throw new KeyDestroyedException(id.family(), id.period());
            }
            return store.createIfAbsent(id, wrapNewKey(id));
        });
        Aead aead = unwrap(id, wrapped);
        unwrapped.put(id, aead);
        return aead;
    }

    private WrappedKey wrapNewKey(RetentionKeyId id) {
        byte[] material = Tink.toBytes(Tink.generate(Tink.AES256_GCM));
        try {
            return masterKey.wrap(material, keyAssociatedData(id));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private Aead unwrap(RetentionKeyId id, WrappedKey wrapped) {
        byte[] material = masterKey.unwrap(wrapped, keyAssociatedData(id));
        try {
            return Tink.aead(Tink.fromBytes(material));
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("The retention key " + id + " is not a valid keyset", e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Binds a wrapped period key to its family and period, so a key file renamed to another period fails. */
    static byte[] keyAssociatedData(RetentionKeyId id) {
        return ("safeguard/retention-key/" + id.family().name() + "/" + id.period()).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] associatedData(RetentionKeyId id, String recordRef) {
        if (recordRef == null || recordRef.isEmpty()) {
            throw new IllegalArgumentException("A record reference is required: it binds the ciphertext to its record");
        }
        return ("safeguard/retention/v1\0" + id.family().name() + "\0" + id.period() + "\0" + recordRef)
                .getBytes(StandardCharsets.UTF_8);
    }
}
