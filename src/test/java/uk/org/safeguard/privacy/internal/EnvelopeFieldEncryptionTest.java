package uk.org.safeguard.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.org.safeguard.privacy.DecryptionFailedException;
import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.internal.DataKeyStore.Purpose;

class EnvelopeFieldEncryptionTest {

    @TempDir
    Path dataDir;

    private LocalKeysetMasterKey masterKey;
    private InMemoryDataKeyStore store;
    private FieldEncryption encryption;

    @BeforeEach
    void setUp() {
        masterKey = LocalKeysetMasterKey.open(dataDir.resolve("keys"), null);
        store = new InMemoryDataKeyStore();
        encryption = new EnvelopeFieldEncryption(new DataKeys(store, masterKey));
    }

    @Test
    void roundTrip() {
        byte[] ciphertext = encryption.encryptString(RecordFamily.CONCERN, "concern-1/name", "Zoë O'Brien");

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("O'Brien");
        assertThat(encryption.decryptString(RecordFamily.CONCERN, "concern-1/name", ciphertext)).isEqualTo("Zoë O'Brien");
    }

    @Test
    void theSamePlaintextEncryptsDifferentlyEachTime() {
        assertThat(encryption.encryptString(RecordFamily.CONCERN, "c", "same"))
                .isNotEqualTo(encryption.encryptString(RecordFamily.CONCERN, "c", "same"));
    }

    @Test
    void aCiphertextMovedToAnotherRecordFails() {
        byte[] ciphertext = encryption.encryptString(RecordFamily.CONCERN, "concern-1/name", "Zoë O'Brien");

        assertThatThrownBy(() -> encryption.decrypt(RecordFamily.CONCERN, "concern-2/name", ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> encryption.decrypt(RecordFamily.CONCERN, "concern-1/address", ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void aCiphertextMovedToAnotherFamilyFails() {
        byte[] ciphertext = encryption.encryptString(RecordFamily.CONCERN, "ref-1", "secret");

        assertThatThrownBy(() -> encryption.decrypt(RecordFamily.CASE, "ref-1", ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void aTamperedCiphertextFails() {
        byte[] ciphertext = encryption.encryptString(RecordFamily.MESSAGE, "m-1", "Please call me after 6");
        for (int position : new int[] {EnvelopeFieldEncryption.HEADER + 6, ciphertext.length / 2, ciphertext.length - 1}) {
            byte[] tampered = ciphertext.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> encryption.decrypt(RecordFamily.MESSAGE, "m-1", tampered))
                    .as("bit flipped at %d", position).isInstanceOf(DecryptionFailedException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(ciphertext, ciphertext.length - 1);
        assertThatThrownBy(() -> encryption.decrypt(RecordFamily.MESSAGE, "m-1", truncated))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> encryption.decrypt(RecordFamily.MESSAGE, "m-1", new byte[] {1, 2}))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void ciphertextsStartWithTheFormatAndTheDataKeyVersion() {
        byte[] ciphertext = encryption.encryptString(RecordFamily.CASE, "case-9", "x");

        assertThat(ciphertext[0]).isEqualTo(EnvelopeFieldEncryption.FORMAT);
        assertThat(ByteBuffer.wrap(ciphertext, 1, 4).getInt()).isEqualTo(1);
        byte[] unknownVersion = ciphertext.clone();
        ByteBuffer.wrap(unknownVersion).put(1, (byte) 0).putInt(1, 7);
        assertThatThrownBy(() -> encryption.decrypt(RecordFamily.CASE, "case-9", unknownVersion))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("version 7");
    }

    @Test
    void eachFamilyHasItsOwnDataKeyStoredOnlyWrapped() {
        encryption.encryptString(RecordFamily.CONCERN, "a", "x");
        encryption.encryptString(RecordFamily.CASE, "b", "y");
        encryption.encryptString(RecordFamily.CONCERN, "c", "z");

        assertThat(store.all()).extracting(DataKeyStore.StoredDataKey::family).containsExactlyInAnyOrder("case", "concern");
        assertThat(store.all()).allSatisfy(k -> assertThat(k.wrapped().masterKeyId()).isEqualTo(masterKey.currentKeyId()));
        assertThat(store.all()).allSatisfy(k -> assertThat(k.purpose()).isEqualTo(Purpose.FIELD_ENCRYPTION));
    }

    @Test
    void anotherProcessWithTheSameKeysDecrypts() {
        byte[] ciphertext = encryption.encryptString(RecordFamily.STAFF, "staff-3/email", "a@example.org");

        FieldEncryption elsewhere = new EnvelopeFieldEncryption(
                new DataKeys(store, LocalKeysetMasterKey.open(dataDir.resolve("keys"), null)));

        assertThat(elsewhere.decryptString(RecordFamily.STAFF, "staff-3/email", ciphertext)).isEqualTo("a@example.org");
    }

    @Test
    void withoutTheMasterKeyTheStoredDataKeysDecryptNothing() {
        byte[] ciphertext = encryption.encryptString(RecordFamily.STAFF, "s", "secret");

        FieldEncryption otherMasterKey = new EnvelopeFieldEncryption(
                new DataKeys(store, LocalKeysetMasterKey.open(dataDir.resolve("other-keys"), null)));

        assertThatThrownBy(() -> otherMasterKey.decrypt(RecordFamily.STAFF, "s", ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void recordFamiliesAreOpenButWellFormed() {
        assertThat(new RecordFamily("grant-application").name()).isEqualTo("grant-application");
        assertThatThrownBy(() -> new RecordFamily("Case")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordFamily("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encryption.encryptString(RecordFamily.CASE, "", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
