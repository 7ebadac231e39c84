package uk.org.safeguard.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.org.safeguard.privacy.DecryptionFailedException;
import uk.org.safeguard.privacy.KeyDestroyedException;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.RetentionKeyId;
import uk.org.safeguard.privacy.ShreddableKeys;

class PeriodKeyEncryptionTest {

    private static final YearMonth MARCH_2029 = YearMonth.of(2029, 3);

    @TempDir
    Path dataDir;

    private LocalKeysetMasterKey masterKey;
    private FileRetentionKeyStore store;
    private ShreddableKeys keys;

    @BeforeEach
    void setUp() {
        masterKey = LocalKeysetMasterKey.open(dataDir.resolve("keys"), null);
        store = new FileRetentionKeyStore(dataDir.resolve("keys/retention"));
        keys = new PeriodKeyEncryption(store, masterKey);
    }

    @Test
    void roundTripUnderAPeriodKeyKeptOutsideTheDatabaseInAnOwnerOnlyFile() throws Exception {
        byte[] ciphertext = keys.encryptString(RecordFamily.CASE, MARCH_2029, "case-1/narrative", "What happened");

        assertThat(keys.decryptString(RecordFamily.CASE, MARCH_2029, "case-1/narrative", ciphertext))
                .isEqualTo("What happened");
        Path file = store.keyFile(new RetentionKeyId(RecordFamily.CASE, MARCH_2029));
        assertThat(file).isEqualTo(dataDir.resolve("keys/retention/case/2029-03.key").toAbsolutePath());
        assertThat(PosixFilePermissions.toString(KeyTestSupport.permissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(KeyTestSupport.permissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("master-key-id=" + masterKey.currentKeyId(), "wrapped-keyset=");
    }

    @Test
    void aCiphertextMovedToAnotherRecordOrPeriodFails() {
        byte[] ciphertext = keys.encryptString(RecordFamily.CASE, MARCH_2029, "case-1", "x");
        keys.encryptString(RecordFamily.CASE, MARCH_2029.plusMonths(1), "case-1", "y");

        assertThatThrownBy(() -> keys.decrypt(RecordFamily.CASE, MARCH_2029, "case-2", ciphertext))
                .isInstanceOf(DecryptionFailedException.class).isNotInstanceOf(KeyDestroyedException.class);
        assertThatThrownBy(() -> keys.decrypt(RecordFamily.CASE, MARCH_2029.plusMonths(1), "case-1", ciphertext))
                .isInstanceOf(DecryptionFailedException.class).isNotInstanceOf(KeyDestroyedException.class);
        byte[] tampered = ciphertext.clone();
        tampered[tampered.length - 2] ^= 4;
        assertThatThrownBy(() -> keys.decrypt(RecordFamily.CASE, MARCH_2029, "case-1", tampered))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void destroyMakesDecryptFailWithKeyDestroyedAndRemovesTheFile() {
        byte[] ciphertext = keys.encryptString(RecordFamily.REFERRAL, MARCH_2029, "referral-7", "Ada Lovelace");
        Path file = store.keyFile(new RetentionKeyId(RecordFamily.REFERRAL, MARCH_2029));
        assertThat(file).exists();

        assertThat(keys.destroy(RecordFamily.REFERRAL, MARCH_2029)).isTrue();

        assertThat(file).doesNotExist();
        assertThat(keys.isDestroyed(RecordFamily.REFERRAL, MARCH_2029)).isTrue();
        assertThatThrownBy(() -> keys.decrypt(RecordFamily.REFERRAL, MARCH_2029, "referral-7", ciphertext))
                .isInstanceOf(KeyDestroyedException.class)
                .satisfies(e -> assertThat(((KeyDestroyedException) e).period()).isEqualTo(MARCH_2029));
        assertThat(keys.destroy(RecordFamily.REFERRAL, MARCH_2029)).as("idempotent").isFalse();
        assertThatThrownBy(() -> keys.encryptString(RecordFamily.REFERRAL, MARCH_2029, "referral-8", "new"))
                .as("a shredded period never gets a new key").isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void aDestructionByAnotherProcessIsSeenDespiteTheCache() {
        byte[] ciphertext = keys.encryptString(RecordFamily.MESSAGE, MARCH_2029, "m-1", "hello");
        assertThat(keys.decryptString(RecordFamily.MESSAGE, MARCH_2029, "m-1", ciphertext)).isEqualTo("hello");

        new PeriodKeyEncryption(new FileRetentionKeyStore(dataDir.resolve("keys/retention")), masterKey)
                .destroy(RecordFamily.MESSAGE, MARCH_2029);

        assertThatThrownBy(() -> keys.decrypt(RecordFamily.MESSAGE, MARCH_2029, "m-1", ciphertext))
                .isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void destroyOverwritesTheKeyBeforeDeletingIt() throws Exception {
        keys.encryptString(RecordFamily.ATTACHMENT, MARCH_2029, "a-1", "scan");
        Path file = store.keyFile(new RetentionKeyId(RecordFamily.ATTACHMENT, MARCH_2029));
        Path link = dataDir.resolve("second-name-of-the-key-file");
        Files.createLink(link, file);
        String before = Files.readString(link);

        keys.destroy(RecordFamily.ATTACHMENT, MARCH_2029);

        assertThat(file).doesNotExist();
        // A second hard link keeps the inode readable: it shows the bytes were overwritten, not just unlinked.
        assertThat(Files.readAllBytes(link)).hasSize(before.length());
        assertThat(new String(Files.readAllBytes(link), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("wrapped-keyset", "master-key-id");
    }

    @Test
    void aKeyNeverMadeCountsAsDestroyedForDecryption() {
        byte[] someCiphertext = {PeriodKeyEncryption.FORMAT, 1, 2, 3};
        assertThatThrownBy(() -> keys.decrypt(RecordFamily.CASE, YearMonth.of(2030, 1), "x", someCiphertext))
                .isInstanceOf(KeyDestroyedException.class);
    }

    @Test
    void destroyedBeforeShredsEveryEarlierPeriodOfEveryFamilyAndNothingLater() {
        byte[] feb = keys.encryptString(RecordFamily.CASE, YearMonth.of(2029, 2), "c", "feb");
        byte[] concernFeb = keys.encryptString(RecordFamily.CONCERN, YearMonth.of(2029, 2), "c", "feb");
        byte[] march = keys.encryptString(RecordFamily.CASE, MARCH_2029, "c", "march");

        assertThat(keys.destroyedBefore(MARCH_2029)).containsExactlyInAnyOrder(
                new RetentionKeyId(RecordFamily.CASE, YearMonth.of(2029, 2)),
                new RetentionKeyId(RecordFamily.CONCERN, YearMonth.of(2029, 2)));

        assertThatThrownBy(() -> keys.decrypt(RecordFamily.CASE, YearMonth.of(2029, 2), "c", feb))
                .isInstanceOf(KeyDestroyedException.class);
        assertThatThrownBy(() -> keys.decrypt(RecordFamily.CONCERN, YearMonth.of(2029, 2), "c", concernFeb))
                .isInstanceOf(KeyDestroyedException.class);
        assertThat(keys.decryptString(RecordFamily.CASE, MARCH_2029, "c", march)).isEqualTo("march");
        assertThat(keys.destroyedBefore(MARCH_2029)).as("nothing left to destroy").isEmpty();
    }

    @Test
    void refusesAKeyFileThatOthersCanRead() throws Exception {
        byte[] ciphertext = keys.encryptString(RecordFamily.CASE, MARCH_2029, "c", "x");
        Path file = store.keyFile(new RetentionKeyId(RecordFamily.CASE, MARCH_2029));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ShreddableKeys fresh = new PeriodKeyEncryption(store, masterKey);

        assertThatThrownBy(() -> fresh.decrypt(RecordFamily.CASE, MARCH_2029, "c", ciphertext))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chmod 600");
    }
}
