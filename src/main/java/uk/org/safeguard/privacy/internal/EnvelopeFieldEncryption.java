package uk.org.safeguard.privacy.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import com.google.crypto.tink.Aead;
import org.springframework.stereotype.Service;

import uk.org.safeguard.privacy.DecryptionFailedException;
import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.internal.DataKeyStore.Purpose;

/**
 * Envelope encryption of fields: AES-256-GCM under the family's data key, which is stored wrapped by
 * the master key. A ciphertext is {@code [format 0x01][data key version, 4 bytes big-endian][Tink AEAD
 * ciphertext]}; the version picks the data key, so a family's key can be replaced by a new version
 * while older ciphertexts stay readable.
 */
@Service
class EnvelopeFieldEncryption implements FieldEncryption {

    static final byte FORMAT = 0x01;
    static final int HEADER = 5;

    private final DataKeys dataKeys;

    EnvelopeFieldEncryption(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    @Override
    public byte[] encrypt(RecordFamily family, String recordRef, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        DataKeys.Unwrapped key = dataKeys.primary(Purpose.FIELD_ENCRYPTION, family.name(), Tink.AES256_GCM);
        try {
            byte[] sealed = key.primitive(Aead.class).encrypt(plaintext, associatedData(family, recordRef));
            return ByteBuffer.allocate(HEADER + sealed.length).put(FORMAT).putInt(key.version()).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a " + family + " field", e);
        }
    }

    @Override
    public byte[] decrypt(RecordFamily family, String recordRef, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length <= HEADER || ciphertext[0] != FORMAT) {
            throw new DecryptionFailedException("Not a field ciphertext of this format");
        }
        int version = ByteBuffer.wrap(ciphertext, 1, 4).getInt();
        Aead aead = dataKeys.key(Purpose.FIELD_ENCRYPTION, family.name(), version).primitive(Aead.class);
        try {
            return aead.decrypt(Arrays.copyOfRange(ciphertext, HEADER, ciphertext.length), associatedData(family, recordRef));
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("A " + family + " field failed to decrypt: it was changed, or it "
                    + "belongs to another record or family", e);
        }
    }

    /** {@code safeguard/field/v1 NUL family NUL recordRef}: family names cannot hold NUL, so the parts cannot blur. */
    static byte[] associatedData(RecordFamily family, String recordRef) {
        if (recordRef == null || recordRef.isEmpty()) {
            throw new IllegalArgumentException("A record reference is required: it binds the ciphertext to its record");
        }
        return ("safeguard/field/v1\0" + family.name() + "\0" + recordRef).getBytes(StandardCharsets.UTF_8);
    }
}
