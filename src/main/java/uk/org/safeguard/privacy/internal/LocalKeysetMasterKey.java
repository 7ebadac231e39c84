package uk.org.safeguard.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.org.safeguard.privacy.DecryptionFailedException;
import uk.org.safeguard.privacy.MasterKey;
import uk.org.safeguard.privacy.WrappedKey;

/**
 * The master key as a Tink AES-256-GCM keyset held outside the database: in
 * {@code <SAFEGUARD_DATA_DIR>/keys/master-keyset.json} (created on first run, mode 0600, in a 0700
 * directory; a file others may read is refused), or supplied by configuration
 * ({@code SAFEGUARD_PRIVACY_MASTER_KEYSET}, the keyset's JSON from a secret store), in which case no
 * file is written.
 *
 * <p>Each Tink key in a keyset has an id; {@code "tink/" + hex id} is the master key id recorded beside
 * everything it wraps. Besides the current keyset this key also reads, so that it can unwrap what older
 * keys wrapped:
 * <ul>
 * <li>{@code master-keyset.json.pending}: the next master key while {@code admin rotate-master-key}
 *     re-wraps (kept if the rotation is interrupted, and resumed by the next run);</li>
 * <li>{@code master-keyset.json.<UTC time>.retired}: earlier master keys, kept for restoring database
 *     backups taken before their rotation until the operator deletes them.</li>
 * </ul>
 * A configured keyset may hold several keys (Tink's own rotation: add a key, make it primary); the
 * primary wraps and any of them unwraps.
 */
final class LocalKeysetMasterKey implements MasterKey {

    static final String KEYSET_FILE = "master-keyset.json";
    static final String PENDING_FILE = KEYSET_FILE + ".pending";
    private static final String RETIRED_SUFFIX = ".retired";
    private static final DateTimeFormatter RETIRED_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(LocalKeysetMasterKey.class);

    private final Path keysDir;
    private final KeysetHandle configured;
    private final Clock clock;
    private volatile Ring ring;

    /** What this key can use now: the current id, every key it can unwrap with, and the keys it may wrap with. */
    private record Ring(String currentId, Map<String, Aead> unwrappers, Map<String, Aead> wrappers,
            Map<String, Path> files) {
    }

    private LocalKeysetMasterKey(Path keysDir, KeysetHandle configured, Clock clock) {
        this.keysDir = keysDir;
        this.configured = configured;
        this.clock = clock;
        this.ring = load(true);
    }

    /**
     * Opens the master key: the configured keyset if {@code configuredKeysetJson} is not blank, otherwise
     * the keyset file under {@code keysDir}, created if this is the first run.
     *
     * @throws IllegalStateException if a key file is readable by others, the configured keyset is not an
     *         AEAD keyset, or the current keyset file is missing while retired ones remain
     */
    static LocalKeysetMasterKey open(Path keysDir, String configuredKeysetJson, Clock clock) {
        KeysetHandle configured = null;
        if (configuredKeysetJson != null && !configuredKeysetJson.isBlank()) {
            try {
                configured = Tink.fromJson(configuredKeysetJson);
                Tink.aead(configured);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new IllegalStateException("safeguard.privacy.master-keyset (SAFEGUARD_PRIVACY_MASTER_KEYSET) is not a "
                        + "Tink AEAD keyset in JSON form; create one with 'tinkey create-keyset --key-template AES256_GCM'", e);
            }
        }
        return new LocalKeysetMasterKey(keysDir, configured, clock);
    }

    static LocalKeysetMasterKey open(Path keysDir, String configuredKeysetJson) {
        return open(keysDir, configuredKeysetJson, Clock.systemUTC());
    }

    boolean isConfigured() {
        return configured != null;
    }

    Path keysDirectory() {
        return keysDir;
    }

    @Override
    public String currentKeyId() {
        return ring.currentId();
    }

    @Override
    public WrappedKey wrapWith(String masterKeyId, byte[] keyMaterial, byte[] associatedData) {
        Aead aead = ring.wrappers().get(masterKeyId);
        if (aead == null) {
            throw new IllegalArgumentException("The master key " + masterKeyId + " is neither current nor being rotated to");
        }
        try {
            return new WrappedKey(masterKeyId, aead.encrypt(keyMaterial, associatedData));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not wrap a key with the master key " + masterKeyId, e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) {
        Aead aead = ring.unwrappers().get(wrapped.masterKeyId());
        if (aead == null) {
            // Another process (admin rotate-master-key) may have rotated the key since this one loaded it.
            reload();
            aead = ring.unwrappers().get(wrapped.masterKeyId());
        }
        if (aead == null) {
            throw new DecryptionFailedException("The master key " + wrapped.masterKeyId() + " is not available: was a "
                    + "retired master keyset deleted while keys wrapped by it remained?");
        }
        try {
            return aead.decrypt(wrapped.ciphertext(), associatedData);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("A wrapped key failed to unwrap with the master key "
                    + wrapped.masterKeyId() + ": it was changed or belongs to another record", e);
        }
    }

    @Override
    public synchronized Rotation beginRotation() {
        if (configured != null) {
            return new ConfiguredRotation(currentKeyId());
        }
        Path pending = keysDir.resolve(PENDING_FILE);
        boolean resumed = Files.exists(pending);
        if (!resumed) {
            KeysetHandle next;
            do {
                next = Tink.generate(Tink.AES256_GCM);
            } while (ring.unwrappers().containsKey(keyId(next.getPrimary().getId())));
            resumed = !KeyFiles.writeAtomically(pending, Tink.toJson(next).getBytes(StandardCharsets.UTF_8), false);
        }
        ring = load(false);
        String newKeyId = keyId(readKeyset(pending).getPrimary().getId());
        log.info("{} master key rotation to {}", resumed ? "Resuming" : "Beginning", newKeyId);
        return new FileRotation(newKeyId, resumed);
    }

    /** Re-reads the key files, picking up a rotation made by another process. */
    synchronized void reload() {
        ring = load(false);
    }

    private Ring load(boolean createIfMissing) {
        Map<String, Aead> unwrappers = new LinkedHashMap<>();
        Map<String, Aead> wrappers = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        String currentId;
        if (configured != null) {
            currentId = add(configured, null, unwrappers, wrappers, files);
            if (Files.isDirectory(keysDir)) {
                // Keys from the files this installation used before the keyset was configured, so that
                // rotate-master-key can re-wrap what they wrapped under the configured key.
                keyFiles().forEach(file -> add(readKeyset(file), file, unwrappers, new LinkedHashMap<>(), files));
            }
            return new Ring(currentId, Collections.unmodifiableMap(unwrappers), Map.of(currentId, wrappers.get(currentId)),
                    Collections.unmodifiableMap(files));
        }
        Path current = keysDir.resolve(KEYSET_FILE);
        if (!Files.exists(current)) {
            if (!createIfMissing) {
                return ring;
            }
            createFirstKeyset(current);
        }
        currentId = keyId(readKeyset(current).getPrimary().getId());
        for (Path file : keyFiles()) {
            add(readKeyset(file), file, unwrappers, wrappers, files);
        }
        Map<String, Aead> allowedWrappers = new LinkedHashMap<>();
        allowedWrappers.put(currentId, wrappers.get(currentId));
        pendingKeyId(files).ifPresent(id -> allowedWrappers.put(id, wrappers.get(id)));
        return new Ring(currentId, Collections.unmodifiableMap(unwrappers), Collections.unmodifiableMap(allowedWrappers),
                Collections.unmodifiableMap(files));
    }

    private void createFirstKeyset(Path current) {
        KeyFiles.ensureDirectory(keysDir);
        List<Path> others = keyFiles();
        if (!others.isEmpty()) {
            throw new IllegalStateException("The master keyset " + current.toAbsolutePath() + " is missing, but "
                    + others.size() + " pending or retired master keysets remain beside it, so this is not a first run. "
                    + "Restore " + KEYSET_FILE + " from your key backup; creating a new one would leave every "
                    + "encrypted record unreadable.");
        }
        KeysetHandle fresh = Tink.generate(Tink.AES256_GCM);
        if (KeyFiles.writeAtomically(current, Tink.toJson(fresh).getBytes(StandardCharsets.UTF_8), false)) {
            log.info("Created a new master key in {} (owner-only). Back it up apart from the database: without it "
                    + "no encrypted record can be read.", current.toAbsolutePath());
        }
    }

    private static Optional<String> pendingKeyId(Map<String, Path> files) {
        return files.entrySet().stream().filter(e -> e.getValue().getFileName().toString().equals(PENDING_FILE))
                .map(Map.Entry::getKey).findFirst();
    }

    private static String add(KeysetHandle keyset, Path file, Map<String, Aead> unwrappers, Map<String, Aead> wrappers,
            Map<String, Path> files) {
        Aead aead;
        try {
            aead = Tink.aead(keyset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset " + (file == null ? "from configuration" : file)
                    + " is not an AEAD keyset", e);
        }
        for (int i = 0; i < keyset.size(); i++) {
            String id = keyId(keyset.getAt(i).getId());
            unwrappers.putIfAbsent(id, aead);
            if (file != null) {
                files.putIfAbsent(id, file);
            }
        }
        String primary = keyId(keyset.getPrimary().getId());
        wrappers.putIfAbsent(primary, aead);
        return primary;
    }

    /** The current, pending and retired keyset files, current first. */
    private List<Path> keyFiles() {
        try (Stream<Path> entries = Files.list(keysDir)) {
            return entries.filter(Files::isRegularFile).filter(p -> isKeysetFileName(p.getFileName().toString()))
                    .sorted((a, b) -> rank(a) != rank(b) ? Integer.compare(rank(a), rank(b)) : b.compareTo(a))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the key directory " + keysDir, e);
        }
    }

    private static boolean isKeysetFileName(String name) {
        return name.equals(KEYSET_FILE) || name.equals(PENDING_FILE)
                || (name.startsWith(KEYSET_FILE + ".") && name.endsWith(RETIRED_SUFFIX));
    }

    private static int rank(Path file) {
        String name = file.getFileName().toString();
        return name.equals(KEYSET_FILE) ? 0 : name.equals(PENDING_FILE) ? 1 : 2;
    }

    private static KeysetHandle readKeyset(Path file) {
        KeyFiles.requireOwnerOnly(file);
        try {
            return Tink.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the master keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset " + file + " is not a valid Tink keyset", e);
        }
    }

    static String keyId(int tinkKeyId) {
        return String.format(Locale.ROOT, "tink/%08x", tinkKeyId);
    }

    /** A rotation between files: the new key waits in the pending file until {@link #complete()}. */
    private final class FileRotation implements Rotation {

        private final String newKeyId;
        private final boolean resumed;

        FileRotation(String newKeyId, boolean resumed) {
            this.newKeyId = newKeyId;
            this.resumed = resumed;
        }

        @Override
        public String newKeyId() {
            return newKeyId;
        }

        @Override
        public boolean resumed() {
            return resumed;
        }

        @Override
        public String complete() {
            synchronized (LocalKeysetMasterKey.this) {
                Path current = keysDir.resolve(KEYSET_FILE);
                Path pending = keysDir.resolve(PENDING_FILE);
                if (!Files.exists(pending)) {
                    ring = load(false);
                    if (ring.currentId().equals(newKeyId)) {
                        return "Another run completed this rotation.";
                    }
                    throw new IllegalStateException("The pending master keyset " + pending + " disappeared before the "
                            + "rotation to " + newKeyId + " completed");
                }
                String oldId = keyId(readKeyset(current).getPrimary().getId());
                Path retired = retire(current, oldId);
                try {
                    // The one step that switches keys: an atomic rename, made durable by syncing the directory.
                    Files.move(pending, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not make the new master key current", e);
                }
                KeyFiles.syncDirectory(keysDir);
                ring = load(false);
                return "The previous master key " + oldId + " is kept as " + retired.toAbsolutePath() + ".\n"
                        + "Nothing in the database needs it any more, but database backups taken before this rotation "
                        + "hold data keys wrapped by it: keep that file (safely, apart from those backups) for as long "
                        + "as you keep such backups, then delete it. Restart any other running instance so that it "
                        + "wraps new keys with the new master key, and back up the new " + KEYSET_FILE + " now.";
            }
        }

        private Path retire(Path current, String oldId) {
            for (Path file : keyFiles()) {
                if (rank(file) == 2 && keyId(readKeyset(file).getPrimary().getId()).equals(oldId)) {
                    return file; // an interrupted run retired it already
                }
            }
            Path retired = keysDir.resolve(KEYSET_FILE + "." + RETIRED_STAMP.format(clock.instant()) + RETIRED_SUFFIX);
            try {
                KeyFiles.writeAtomically(retired, Files.readAllBytes(current), false);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not keep the previous master key as " + retired, e);
            }
            return retired;
        }
    }

    /** A configured keyset is rotated in the secret store; this run only re-wraps under its primary key. */
    private record ConfiguredRotation(String newKeyId) implements Rotation {

        @Override
        public boolean resumed() {
            return false;
        }

        @Override
        public String complete() {
            return "The master key comes from configuration (SAFEGUARD_PRIVACY_MASTER_KEYSET), so this command only "
                    + "re-wraps keys under that keyset's primary key " + newKeyId + ". To rotate it, add a new key to the "
                    + "keyset in your secret store and make it primary (tinkey add-key, then promote-key), restart "
                    + "Safeguard and run this command again. Keep the old key in the keyset for as long as you keep "
                    + "database backups taken before the rotation.";
        }
    }
}
