package uk.org.safeguard.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.org.safeguard.privacy.DecryptionFailedException;
import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.RetentionKeyId;
import uk.org.safeguard.privacy.ShreddableKeys;

class MasterKeyRotationTest {

    private static final YearMonth PERIOD = YearMonth.of(2029, 3);

    @TempDir
    Path dataDir;

    private Path keysDir;
    private InMemoryDataKeyStore dataKeyStore;
    private FileRetentionKeyStore retentionStore;
    private LocalKeysetMasterKey masterKey;
    private byte[] concernName;
    private byte[] caseNarrative;
    private byte[] referralNarrative;

    @BeforeEach
    void encryptSomeRecords() {
        keysDir = dataDir.resolve("keys");
        dataKeyStore = new InMemoryDataKeyStore();
        retentionStore = new FileRetentionKeyStore(keysDir.resolve("retention"));
        masterKey = LocalKeysetMasterKey.open(keysDir, null);
        FieldEncryption fields = new EnvelopeFieldEncryption(new DataKeys(dataKeyStore, masterKey));
        ShreddableKeys periods = new PeriodKeyEncryption(retentionStore, masterKey);
        concernName = fields.encryptString(RecordFamily.CONCERN, "concern-1/name", "Zoë O'Brien");
        caseNarrative = fields.encryptString(RecordFamily.CASE, "case-1/narrative", "What happened");
        referralNarrative = periods.encryptString(RecordFamily.REFERRAL, PERIOD, "referral-1", "Referred by school");
        new KeyedBlindIndex(new DataKeys(dataKeyStore, masterKey)).exactTerm("Zoë O'Brien");
    }

    @Test
    void rotationRewrapsEveryKeyAndRecordsTheNewMasterKeyId() throws Exception {
        String oldId = masterKey.currentKeyId();
        List<DataKeyStore.StoredDataKey> before = dataKeyStore.all();

        MasterKeyRotation.Result result = rotation(masterKey).rotate();

        assertThat(result.previousKeyId()).isEqualTo(oldId);
        assertThat(result.newKeyId()).isNotEqualTo(oldId).isEqualTo(masterKey.currentKeyId());
        assertThat(result.dataKeys()).as("concern, case and blind index keys").isEqualTo(3);
        assertThat(result.retentionKeys()).isEqualTo(1);
        assertThat(dataKeyStore.all()).allSatisfy(k -> assertThat(k.wrapped().masterKeyId()).isEqualTo(result.newKeyId()));
        assertThat(dataKeyStore.all()).zipSatisfy(before, (after, old) ->
                assertThat(after.wrapped().ciphertext()).isNotEqualTo(old.wrapped().ciphertext()));
        assertThat(retentionStore.read(new RetentionKeyId(RecordFamily.REFERRAL, PERIOD)).orElseThrow().masterKeyId())
                .isEqualTo(result.newKeyId());
        assertThat(decryptAllWith(LocalKeysetMasterKey.open(keysDir, null))).as("with the new master key")
                .containsExactly("Zoë O'Brien", "What happened", "Referred by school");
    }

    @Test
    void afterRotationTheRetiredKeyFileIsNotNeededToDecrypt() throws Exception {
        rotation(masterKey).rotate();
        Path retired = retiredFile();

        Files.delete(retired);

        LocalKeysetMasterKey newKeyOnly = LocalKeysetMasterKey.open(keysDir, null);
        assertThat(decryptAllWith(newKeyOnly)).containsExactly("Zoë O'Brien", "What happened", "Referred by school");
    }

    @Test
    void withoutRotationDeletingTheKeyFileLosesEverything() throws Exception {
        // The control for the test above: the data keys really do depend on the master key file.
        Path other = dataDir.resolve("other-keys");
        assertThatThrownBy(() -> decryptAllWith(LocalKeysetMasterKey.open(other, null)))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void rotatingTwiceKeepsEverythingReadable() {
        rotation(masterKey).rotate();
        MasterKeyRotation.Result second = rotation(masterKey).rotate();

        assertThat(second.total()).isEqualTo(4);
        assertThat(decryptAllWith(LocalKeysetMasterKey.open(keysDir, null)))
                .containsExactly("Zoë O'Brien", "What happened", "Referred by school");
    }

    @Test
    void aRotationInterruptedAfterTheDatabasePassLosesNothingAndResumes() {
        String oldId = masterKey.currentKeyId();
        MasterKeyRotation interrupted = rotation(masterKey);
        String pendingId = masterKey.beginRotation().newKeyId();
        interrupted.rewrapDataKeys(pendingId);
        // Killed here: data keys are under the pending key, the retention key under the old one.

        LocalKeysetMasterKey restarted = LocalKeysetMasterKey.open(keysDir, null);
        assertThat(restarted.currentKeyId()).isEqualTo(oldId);
        assertThat(decryptAllWith(restarted)).containsExactly("Zoë O'Brien", "What happened", "Referred by school");

        MasterKeyRotation.Result resumed = rotation(restarted).rotate();

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.newKeyId()).isEqualTo(pendingId);
        assertThat(resumed.dataKeys()).as("already done").isZero();
        assertThat(resumed.retentionKeys()).isEqualTo(1);
        assertThat(decryptAllWith(LocalKeysetMasterKey.open(keysDir, null)))
                .containsExactly("Zoë O'Brien", "What happened", "Referred by school");
    }

    @Test
    void aConfiguredKeysetRewrapsUnderItsPrimaryWithoutWritingFiles() throws Exception {
        String json = Tink.toJson(Tink.generate(Tink.AES256_GCM));
        LocalKeysetMasterKey configured = LocalKeysetMasterKey.open(keysDir, json);

        MasterKeyRotation.Result result = rotation(configured).rotate();

        assertThat(result.newKeyId()).isEqualTo(configured.currentKeyId());
        assertThat(result.total()).isEqualTo(4);
        assertThat(result.note()).contains("SAFEGUARD_PRIVACY_MASTER_KEYSET");
        assertThat(keysDir.resolve("master-keyset.json.pending")).doesNotExist();
        // Everything now hangs off the configured key alone: the old key file can go.
        try (Stream<Path> files = Files.list(keysDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        assertThat(decryptAllWith(LocalKeysetMasterKey.open(keysDir, json)))
                .containsExactly("Zoë O'Brien", "What happened", "Referred by school");
    }

    @Test
    void aRotationDoesNotBringBackADestroyedRetentionKey() {
        ShreddableKeys periods = new PeriodKeyEncryption(retentionStore, masterKey);
        periods.destroy(RecordFamily.REFERRAL, PERIOD);

        MasterKeyRotation.Result result = rotation(masterKey).rotate();

        assertThat(result.retentionKeys()).isZero();
        assertThat(retentionStore.keyFile(new RetentionKeyId(RecordFamily.REFERRAL, PERIOD))).doesNotExist();
    }

    private MasterKeyRotation rotation(LocalKeysetMasterKey key) {
        return new MasterKeyRotation(key, dataKeyStore, retentionStore);
    }

    /** Decrypts the three records as a freshly started process would: no cached keys. */
    private List<String> decryptAllWith(LocalKeysetMasterKey key) {
        FieldEncryption fields = new EnvelopeFieldEncryption(new DataKeys(dataKeyStore, key));
        ShreddableKeys periods = new PeriodKeyEncryption(new FileRetentionKeyStore(keysDir.resolve("retention")), key);
        return List.of(fields.decryptString(RecordFamily.CONCERN, "concern-1/name", concernName),
                fields.decryptString(RecordFamily.CASE, "case-1/narrative", caseNarrative),
                periods.decryptString(RecordFamily.REFERRAL, PERIOD, "referral-1", referralNarrative));
    }

    private Path retiredFile() throws Exception {
        try (Stream<Path> files = Files.list(keysDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".retired")).findFirst().orElseThrow();
        }
    }
}
