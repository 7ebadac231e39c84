package uk.org.safeguard.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.SafeguardProperties;
import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.KeyDestroyedException;
import uk.org.safeguard.privacy.MasterKey;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.RetentionKeyStore;
import uk.org.safeguard.privacy.ShreddableKeys;
import uk.org.safeguard.privacy.WrappedKey;
import uk.org.safeguard.privacy.internal.DataKeyStore.Purpose;
import uk.org.safeguard.privacy.internal.DataKeyStore.StoredDataKey;
import uk.org.safeguard.support.IntegrationTest;

/** The privacy module in the running application, against PostgreSQL and the application's data directory. */
@IntegrationTest
class PrivacyIntegrationTest {

    @Autowired
    FieldEncryption fields;

    @Autowired
    ShreddableKeys shreddable;

    @Autowired
    BlindIndex blindIndex;

    @Autowired
    MasterKey masterKey;

    @Autowired
    DataKeyStore dataKeyStore;

    @Autowired
    RetentionKeyStore retentionKeyStore;

    @Autowired
    RotateMasterKeyCommand rotateMasterKey;

    @Autowired
    SafeguardProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMasterKeyIsAnOwnerOnlyFileUnderTheDataDirectory() throws Exception {
        Path keys = properties.dataDir().resolve("keys");
        assertThat(properties.dataDir().toString()).contains("target/test-data");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("master-keyset.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    }

    @Test
    void dataKeysArePersistedOnlyWrapped() throws Exception {
        RecordFamily family = uniqueFamily("wrapped");
        byte[] ciphertext = fields.encryptString(family, "record-1/name", "Zoë O'Brien");

        StoredRow row = jdbc.sql("SELECT wrapped_keyset, master_key_id, status, version FROM privacy_data_key "
                + "WHERE purpose = 'field-encryption' AND family = :family")
                .param("family", family.name())
                .query((rs, n) -> new StoredRow(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getInt(4))).single();
        assertThat(row.status()).isEqualTo("primary");
        assertThat(row.masterKeyId()).isEqualTo(masterKey.currentKeyId());

        byte[] keysetBytes = masterKey.unwrap(new WrappedKey(row.masterKeyId(), row.wrapped()),
                StoredDataKey.associatedData(Purpose.FIELD_ENCRYPTION, family.name(), row.version()));
        KeysetHandle keyset = Tink.fromBytes(keysetBytes);
        byte[] rawKey = ((AesGcmKey) keyset.getPrimary().getKey()).getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
        // The unwrapped key is the one that encrypted the field ...
        assertThat(Tink.aead(keyset).decrypt(Arrays.copyOfRange(ciphertext, EnvelopeFieldEncryption.HEADER, ciphertext.length),
                EnvelopeFieldEncryption.associatedData(family, "record-1/name")))
                .isEqualTo("Zoë O'Brien".getBytes(StandardCharsets.UTF_8));
        // ... and neither it nor its keyset appear in what the database holds.
        assertThat(rawKey).hasSize(32);
        assertThat(KeyTestSupport.contains(row.wrapped(), rawKey)).isFalse();
        assertThat(KeyTestSupport.contains(row.wrapped(), keysetBytes)).isFalse();
        assertThat(KeyTestSupport.contains(row.wrapped(), Arrays.copyOf(rawKey, 8))).isFalse();
    }

    @Test
    void theBlindIndexKeyIsAWrappedDataKeyAndGivesStableTerms() {
        String term = blindIndex.exactTerm("Zoë O'Brien");

        assertThat(jdbc.sql("SELECT count(*) FROM privacy_data_key WHERE purpose = 'blind-index' AND family = 'people'")
                .query(Long.class).single()).isEqualTo(1);
        KeyedBlindIndex restarted = new KeyedBlindIndex(new DataKeys(dataKeyStore, masterKey));
        assertThat(restarted.exactTerm("ZOE OBRIEN")).isEqualTo(term);
        assertThat(restarted.nameTerms("Muhammad")).containsAnyElementsOf(blindIndex.nameTerms("Mohammed"));
    }

    @Test
    void rotateMasterKeyRewrapsEveryKeyWithoutTouchingCiphertexts() throws Exception {
        RecordFamily family = uniqueFamily("rotate");
        YearMonth period = YearMonth.of(2031, 7);
        byte[] field = fields.encryptString(family, "r-1", "Address line");
        byte[] expiring = shreddable.encryptString(family, period, "r-1", "Narrative");
        String oldId = masterKey.currentKeyId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = rotateMasterKey.run(AdminArguments.parse(List.of()), print(out), print(err));

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String newId = masterKey.currentKeyId();
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(output).contains("Rotated the master key from " + oldId + " to " + newId, "Re-wrapped",
                "No encrypted record was changed", ".retired", "backups");
        long keysInDatabase = jdbc.sql("SELECT count(*) FROM privacy_data_key").query(Long.class).single();
        long retentionKeys = retentionKeyStore.list().size();
        assertThat(output).contains("Re-wrapped " + (keysInDatabase + retentionKeys) + " keys");
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_data_key WHERE master_key_id <> :id").param("id", newId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_data_key WHERE rewrapped_at IS NOT NULL")
                .query(Long.class).single()).isEqualTo(keysInDatabase);
        assertThat(retentionKeyStore.read(new uk.org.safeguard.privacy.RetentionKeyId(family, period)).orElseThrow()
                .masterKeyId()).isEqualTo(newId);
        Path keys = properties.dataDir().resolve("keys");
        try (Stream<Path> files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".retired"));
        }

        // A process started now, with no cached key and only the new master key, reads both.
        LocalKeysetMasterKey newKeyOnly = LocalKeysetMasterKey.open(copyOfCurrentKeyOnly(keys), null);
        assertThat(newKeyOnly.currentKeyId()).isEqualTo(newId);
        assertThat(new EnvelopeFieldEncryption(new DataKeys(dataKeyStore, newKeyOnly)).decryptString(family, "r-1", field))
                .isEqualTo("Address line");
        assertThat(new PeriodKeyEncryption(retentionKeyStore, newKeyOnly).decryptString(family, period, "r-1", expiring))
                .isEqualTo("Narrative");

        assertThat(rotateMasterKey.run(AdminArguments.parse(List.of("now")), print(out), print(err))).isEqualTo(2);
    }

    @Test
    void aDestroyedPeriodKeyMakesABackupCopyUnreadable() throws Exception {
        RecordFamily family = uniqueFamily("backup");
        YearMonth period = YearMonth.of(2029, 3);
        String table = "privacy_test_" + family.name().replace('-', '_');
        jdbc.sql("CREATE TABLE " + table + " (ref TEXT PRIMARY KEY, expires TEXT NOT NULL, narrative BYTEA NOT NULL)").update();
        try {
            jdbc.sql("INSERT INTO " + table + " VALUES ('referral-1', :period, :narrative)")
                    .param("period", period.toString())
                    .param("narrative", shreddable.encryptString(family, period, "referral-1", "Referred by her school"))
                    .update();
            // The backup: a copy of the rows taken before deletion, as pg_dump or a base backup would hold them.
            jdbc.sql("CREATE TABLE " + table + "_backup AS SELECT * FROM " + table).update();
            byte[] inBackup = jdbc.sql("SELECT narrative FROM " + table + "_backup WHERE ref = 'referral-1'")
                    .query(byte[].class).single();
            assertThat(shreddable.decryptString(family, period, "referral-1", inBackup)).as("readable before deletion")
                    .isEqualTo("Referred by her school");

            // Retention: the period ends, the rows are deleted and the period key destroyed.
            jdbc.sql("DELETE FROM " + table + " WHERE expires = :period").param("period", period.toString()).update();
            assertThat(shreddable.destroy(family, period)).isTrue();

            byte[] restored = jdbc.sql("SELECT narrative FROM " + table + "_backup WHERE ref = 'referral-1'")
                    .query(byte[].class).single();
            assertThat(restored).isEqualTo(inBackup);
            assertThatThrownBy(() -> shreddable.decrypt(family, period, "referral-1", restored))
                    .isInstanceOf(KeyDestroyedException.class);
            // Not even a fresh process with the current master key (and so every data key) can read it ...
            PeriodKeyEncryption fresh = new PeriodKeyEncryption(
                    new FileRetentionKeyStore(properties.dataDir().resolve("keys/retention")), masterKey);
            assertThatThrownBy(() -> fresh.decrypt(family, period, "referral-1", restored))
                    .isInstanceOf(KeyDestroyedException.class);
            assertThat(dataKeysCanDecrypt(restored, family, period)).as("no key kept in the database opens it").isFalse();
            // ... nor can a new key for the period be made to take the old one's place.
            assertThatThrownBy(() -> shreddable.encryptString(family, period, "referral-2", "late"))
                    .isInstanceOf(KeyDestroyedException.class);
        } finally {
            jdbc.sql("DROP TABLE IF EXISTS " + table + "_backup").update();
            jdbc.sql("DROP TABLE IF EXISTS " + table).update();
        }
    }

    /** Tries every key the database holds (unwrapped with the current master key) on the ciphertext. */
    private boolean dataKeysCanDecrypt(byte[] ciphertext, RecordFamily family, YearMonth period) {
        byte[] sealed = Arrays.copyOfRange(ciphertext, 1, ciphertext.length);
        byte[] associatedData = PeriodKeyEncryption.associatedData(new uk.org.safeguard.privacy.RetentionKeyId(family, period),
                "referral-1");
        for (StoredDataKey key : dataKeyStore.all()) {
            if (key.purpose() != Purpose.FIELD_ENCRYPTION) {
                continue;
            }
            try {
                Aead aead = Tink.aead(Tink.fromBytes(masterKey.unwrap(key.wrapped(), key.associatedData())));
                aead.decrypt(sealed, associatedData);
                return true;
            } catch (GeneralSecurityException expected) {
                // not this key
            }
        }
        return false;
    }

    /** A key directory holding only the current master keyset, as if the retired one had been deleted. */
    private static Path copyOfCurrentKeyOnly(Path keys) throws Exception {
        Path copy = Files.createTempDirectory("new-key-only");
        Path target = copy.resolve("keys");
        Files.createDirectory(target, PosixFilePermissions.asFileAttribute(KeyFiles.OWNER_ONLY_DIRECTORY));
        Files.copy(keys.resolve("master-keyset.json"), target.resolve("master-keyset.json"));
        Files.setPosixFilePermissions(target.resolve("master-keyset.json"), KeyFiles.OWNER_READ_WRITE);
        return target;
    }

    private static RecordFamily uniqueFamily(String prefix) {
        return new RecordFamily(prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private record StoredRow(byte[] wrapped, String masterKeyId, String status, int version) {
    }
}
