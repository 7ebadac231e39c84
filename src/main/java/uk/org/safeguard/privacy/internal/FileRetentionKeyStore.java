package uk.org.safeguard.privacy.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import uk.org.safeguard.privacy.KeyDestroyedException;
import uk.org.safeguard.privacy.RecordFamily;
import uk.org.safeguard.privacy.RetentionKeyId;
import uk.org.safeguard.privacy.RetentionKeyStore;
import uk.org.safeguard.privacy.WrappedKey;

/**
 * Retention period keys as files: {@code <root>/<family>/<yyyy-MM>.key}, each a wrapped Tink keyset with
 * the id of the master key that wrapped it, mode 0600 in 0700 directories. Destroying a key first leaves
 * a {@code <yyyy-MM>.destroyed} marker (so the period can never get a new key and a half-finished
 * destruction still counts), then overwrites the key file and deletes it. Changes hold a lock (in this
 * process and, through {@code .lock}, between processes sharing the directory), so a master key rotation
 * cannot bring a key back that was destroyed while it ran.
 */
final class FileRetentionKeyStore implements RetentionKeyStore {

    private static final String KEY_SUFFIX = ".key";
    private static final String DESTROYED_SUFFIX = ".destroyed";
    private static final Map<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    FileRetentionKeyStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path keyFile(RetentionKeyId id) {
        return root.resolve(id.family().name()).resolve(id.period() + KEY_SUFFIX);
    }

    private Path destroyedMarker(RetentionKeyId id) {
        return root.resolve(id.family().name()).resolve(id.period() + DESTROYED_SUFFIX);
    }

    @Override
    public Optional<WrappedKey> read(RetentionKeyId id) {
        Path file = keyFile(id);
        if (!Files.exists(file) || isDestroyed(id)) {
            return Optional.empty();
        }
        KeyFiles.requireOwnerOnly(file);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (java.nio.file.NoSuchFileException destroyedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the retention key " + file, e);
        }
        if (!id.family().name().equals(properties.getProperty("family"))
                || !id.period().toString().equals(properties.getProperty("period"))) {
            throw new IllegalStateException("The retention key file " + file + " belongs to another family or period");
        }
        return Optional.of(new WrappedKey(properties.getProperty("master-key-id"),
                Base64.getDecoder().decode(properties.getProperty("wrapped-keyset"))));
    }

    @Override
    public WrappedKey createIfAbsent(RetentionKeyId id, WrappedKey candidate) {
        return locked(() -> {
            if (isDestroyed(id)) {
                throw new KeyDestroyedException(id.family(), id.period());
            }
            KeyFiles.ensureDirectory(root);
            KeyFiles.ensureDirectory(root.resolve(id.family().name()));
            if (KeyFiles.writeAtomically(keyFile(id), format(id, candidate), false)) {
                return candidate;
            }
            return read(id).orElseThrow(() -> new KeyDestroyedException(id.family(), id.period()));
        });
    }

    @Override
    public boolean rewrap(RetentionKeyId id, UnaryOperator<WrappedKey> rewrapping) {
        return locked(() -> {
            Optional<WrappedKey> current = read(id);
            if (current.isEmpty()) {
                return false;
            }
            WrappedKey rewrapped = rewrapping.apply(current.get());
            if (rewrapped == current.get()) {
                return false;
            }
            KeyFiles.writeAtomically(keyFile(id), format(id, rewrapped), true);
            return true;
        });
    }

    @Override
    public boolean destroy(RetentionKeyId id) {
        return locked(() -> {
            Path file = keyFile(id);
            boolean existed = Files.exists(file) && !isDestroyed(id);
            if (!isDestroyed(id)) {
                KeyFiles.ensureDirectory(root);
                KeyFiles.ensureDirectory(root.resolve(id.family().name()));
                KeyFiles.writeAtomically(destroyedMarker(id),
                        ("destroyed-at=" + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8), false);
            }
            KeyFiles.overwriteAndDelete(file);
            return existed;
        });
    }

    @Override
    public boolean isDestroyed(RetentionKeyId id) {
        return Files.exists(destroyedMarker(id));
    }

    @Override
    public List<RetentionKeyId> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<RetentionKeyId> ids = new ArrayList<>();
        try (Stream<Path> families = Files.list(root)) {
            for (Path familyDir : families.filter(Files::isDirectory).toList()) {
                Optional<RecordFamily> family = family(familyDir.getFileName().toString());
                if (family.isEmpty()) {
                    continue;
                }
                try (Stream<Path> files = Files.list(familyDir)) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(KEY_SUFFIX))
                            .map(n -> period(n.substring(0, n.length() - KEY_SUFFIX.length())))
                            .flatMap(Optional::stream)
                            .map(period -> new RetentionKeyId(family.get(), period))
                            .filter(id -> !isDestroyed(id))
                            .forEach(ids::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the retention keys in " + root, e);
        }
        ids.sort(Comparator.comparing((RetentionKeyId id) -> id.family().name()).thenComparing(RetentionKeyId::period));
        return ids;
    }

    private static byte[] format(RetentionKeyId id, WrappedKey wrapped) {
        return ("# Safeguard retention key for " + id.family() + " records expiring in " + id.period() + ".\n"
                + "# Wrapped by the master key. Destroying it makes those records unreadable for good, backups included.\n"
                + "format=1\n"
                + "family=" + id.family().name() + "\n"
                + "period=" + id.period() + "\n"
                + "master-key-id=" + wrapped.masterKeyId() + "\n"
                + "wrapped-keyset=" + Base64.getEncoder().encodeToString(wrapped.ciphertext()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private <T> T locked(Supplier<T> action) {
        ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
        processLock.lock();
        try {
            KeyFiles.ensureDirectory(root);
            try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the retention key store " + root, e);
        } finally {
            processLock.unlock();
        }
    }

    private static Optional<RecordFamily> family(String name) {
        try {
            return Optional.of(new RecordFamily(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<YearMonth> period(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
