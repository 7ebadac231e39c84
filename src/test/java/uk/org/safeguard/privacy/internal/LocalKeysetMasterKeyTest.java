package uk.org.safeguard.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.org.safeguard.privacy.DecryptionFailedException;
import uk.org.safeguard.privacy.MasterKey;
import uk.org.safeguard.privacy.WrappedKey;

class LocalKeysetMasterKeyTest {

    private static final byte[] MATERIAL = "a data key's bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "row 1".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void theFirstRunCreatesAnOwnerOnlyKeysetInAnOwnerOnlyDirectory() throws Exception {
        Path keys = dataDir.resolve("keys");
        LocalKeysetMasterKey key = LocalKeysetMasterKey.open(keys, null);

        Path file = keys.resolve("master-keyset.json");
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(KeyTestSupport.permissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(KeyTestSupport.permissions(keys))).isEqualTo("rwx------");
        assertThat(key.currentKeyId()).matches("tink/[0-9a-f]{8}");
        assertThat(Files.readString(file)).contains("AesGcmKey");
    }

    @Test
    void aLaterRunUsesTheSameKey() {
        Path keys = dataDir.resolve("keys");
        WrappedKey wrapped = LocalKeysetMasterKey.open(keys, null).wrap(MATERIAL, AD);

        LocalKeysetMasterKey again = LocalKeysetMasterKey.open(keys, null);

        assertThat(again.currentKeyId()).isEqualTo(wrapped.masterKeyId());
        assertThat(again.unwrap(wrapped, AD)).isEqualTo(MATERIAL);
    }

    @Test
    void refusesAKeysetFileThatOthersCanRead() throws Exception {
        Path keys = dataDir.resolve("keys");
        LocalKeysetMasterKey.open(keys, null);
        Path file = keys.resolve("master-keyset.json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LocalKeysetMasterKey.open(keys, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aConfiguredKeysetIsUsedInsteadOfAFile() {
        String json = Tink.toJson(Tink.generate(Tink.AES256_GCM));
        Path keys = dataDir.resolve("keys");

        LocalKeysetMasterKey configured = LocalKeysetMasterKey.open(keys, json);
        WrappedKey wrapped = configured.wrap(MATERIAL, AD);

        assertThat(keys.resolve("master-keyset.json")).doesNotExist();
        assertThat(configured.isConfigured()).isTrue();
        assertThat(LocalKeysetMasterKey.open(dataDir.resolve("other"), json).unwrap(wrapped, AD))
                .as("the same configured keyset unwraps it in another process").isEqualTo(MATERIAL);
        MasterKey fileKey = LocalKeysetMasterKey.open(dataDir.resolve("file-keys"), null);
        assertThatThrownBy(() -> fileKey.unwrap(wrapped, AD)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void aConfiguredValueThatIsNotAKeysetIsRefused() {
        assertThatThrownBy(() -> LocalKeysetMasterKey.open(dataDir.resolve("keys"), "{\"not\": \"a keyset\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SAFEGUARD_PRIVACY_MASTER_KEYSET");
    }

    @Test
    void unwrappingChecksTheAssociatedDataAndTheBytes() {
        MasterKey key = LocalKeysetMasterKey.open(dataDir.resolve("keys"), null);
        WrappedKey wrapped = key.wrap(MATERIAL, AD);
        byte[] tampered = wrapped.ciphertext();
        tampered[tampered.length - 1] ^= 1;

        assertThat(wrapped.ciphertext()).as("wrapped, not in clear").isNotEqualTo(MATERIAL);
        assertThat(KeyTestSupport.contains(wrapped.ciphertext(), MATERIAL)).isFalse();
        assertThatThrownBy(() -> key.unwrap(wrapped, "row 2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> key.unwrap(new WrappedKey(wrapped.masterKeyId(), tampered), AD))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> key.unwrap(new WrappedKey("tink/00000000", wrapped.ciphertext()), AD))
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("not available");
    }

    @Test
    void rotationKeepsTheNewKeyPendingUntilCompleteThenRetiresTheOldOne() throws Exception {
        Path keys = dataDir.resolve("keys");
        LocalKeysetMasterKey key = LocalKeysetMasterKey.open(keys, null);
        String oldId = key.currentKeyId();
        WrappedKey underOld = key.wrap(MATERIAL, AD);

        MasterKey.Rotation rotation = key.beginRotation();

        assertThat(rotation.newKeyId()).isNotEqualTo(oldId);
        assertThat(key.currentKeyId()).as("not current until complete").isEqualTo(oldId);
        assertThat(keys.resolve("master-keyset.json.pending")).isRegularFile();
        assertThat(PosixFilePermissions.toString(KeyTestSupport.permissions(keys.resolve("master-keyset.json.pending"))))
                .isEqualTo("rw-------");
        WrappedKey underNew = key.wrapWith(rotation.newKeyId(), MATERIAL, AD);

        String note = rotation.complete();

        assertThat(key.currentKeyId()).isEqualTo(rotation.newKeyId());
        assertThat(keys.resolve("master-keyset.json.pending")).doesNotExist();
        Path retired;
        try (Stream<Path> files = Files.list(keys)) {
            retired = files.filter(p -> p.getFileName().toString().matches("master-keyset\\.json\\.\\d{8}T\\d{6}Z\\.retired"))
                    .findFirst().orElseThrow();
        }
        assertThat(PosixFilePermissions.toString(KeyTestSupport.permissions(retired))).isEqualTo("rw-------");
        assertThat(note).contains(retired.getFileName().toString(), "backups");
        LocalKeysetMasterKey restarted = LocalKeysetMasterKey.open(keys, null);
        assertThat(restarted.currentKeyId()).isEqualTo(rotation.newKeyId());
        assertThat(restarted.unwrap(underNew, AD)).isEqualTo(MATERIAL);
        assertThat(restarted.unwrap(underOld, AD)).as("old wrappings readable while the retired file is kept")
                .isEqualTo(MATERIAL);
        assertThatThrownBy(() -> key.wrapWith(oldId, MATERIAL, AD)).as("a retired key no longer wraps")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterruptedRotationIsResumedWithTheSameNewKey() {
        Path keys = dataDir.resolve("keys");
        LocalKeysetMasterKey key = LocalKeysetMasterKey.open(keys, null);
        MasterKey.Rotation first = key.beginRotation();
        WrappedKey wrappedBeforeTheCrash = key.wrapWith(first.newKeyId(), MATERIAL, AD);

        // The process dies here; the next one loads the pending key too, so nothing is stranded.
        LocalKeysetMasterKey restarted = LocalKeysetMasterKey.open(keys, null);
        assertThat(restarted.unwrap(wrappedBeforeTheCrash, AD)).isEqualTo(MATERIAL);
        MasterKey.Rotation resumed = restarted.beginRotation();

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.newKeyId()).isEqualTo(first.newKeyId());
        resumed.complete();
        assertThat(restarted.currentKeyId()).isEqualTo(first.newKeyId());
    }

    @Test
    void aRunningProcessPicksUpARotationMadeByAnother() {
        Path keys = dataDir.resolve("keys");
        LocalKeysetMasterKey server = LocalKeysetMasterKey.open(keys, null);
        LocalKeysetMasterKey admin = LocalKeysetMasterKey.open(keys, null);
        MasterKey.Rotation rotation = admin.beginRotation();
        WrappedKey underNew = admin.wrapWith(rotation.newKeyId(), MATERIAL, AD);
        rotation.complete();

        assertThat(server.unwrap(underNew, AD)).isEqualTo(MATERIAL);
        assertThat(server.currentKeyId()).isEqualTo(rotation.newKeyId());
    }

    @Test
    void refusesToCreateAFreshKeyWhenTheCurrentOneIsMissingButRetiredOnesRemain() throws Exception {
        Path keys = dataDir.resolve("keys");
        LocalKeysetMasterKey key = LocalKeysetMasterKey.open(keys, null);
        key.beginRotation().complete();
        Files.delete(keys.resolve("master-keyset.json"));

        assertThatThrownBy(() -> LocalKeysetMasterKey.open(keys, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Restore master-keyset.json");
    }
}
