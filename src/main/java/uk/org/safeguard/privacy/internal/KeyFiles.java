package uk.org.safeguard.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Owner-only key files: created with mode 0600 in directories with mode 0700, written atomically
 * (temporary file, fsync, rename, fsync of the directory) so that a crash leaves either the old file or
 * the new one, never half of one. On a file system without POSIX permissions (Windows) the modes are
 * left to the operating system's ACLs.
 */
final class KeyFiles {

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /** Creates the directory (and its parents) if need be, and makes sure it is owner-only. */
    static void ensureDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                if (isPosix(dir)) {
                    // Another part of Safeguard may have created it with the default mode.
                    Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
                }
                return;
            }
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                if (isPosix(dir.toAbsolutePath().getParent())) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                    Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException raced) {
                // Another instance or thread created it a moment ago.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the key directory " + dir, e);
        }
    }

    /**
     * Refuses a key file that its group or others may read or write, naming the file and the fix.
     *
     * @throws IllegalStateException if the file is not owner-only
     */
    static void requireOwnerOnly(Path file) {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the permissions of " + file, e);
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new IllegalStateException("Refusing to use the key file " + file.toAbsolutePath() + ": its permissions are "
                    + PosixFilePermissions.toString(permissions) + ", so users other than its owner may read it. "
                    + "Restrict it with 'chmod 600 " + file.toAbsolutePath() + "' (and consider the key compromised "
                    + "if anyone else could have read it), then start Safeguard again.");
        }
    }

    static boolean isOwnerOnly(Path file) throws IOException {
        return !isPosix(file) || Files.getPosixFilePermissions(file).stream().noneMatch(GROUP_OR_OTHERS::contains);
    }

    /**
     * Writes {@code content} to {@code target} atomically, mode 0600.
     *
     * @param replace whether an existing {@code target} is replaced; if not, and it exists, nothing is
     *        written and {@code false} is returned (the link that publishes the file fails atomically)
     * @return whether the file was written
     */
    static boolean writeAtomically(Path target, byte[] content, boolean replace) {
        Path dir = target.toAbsolutePath().getParent();
        Path temporary = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes(6)) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnlyFileAttributes(dir))) {
                if (isPosix(dir)) {
                    Files.setPosixFilePermissions(temporary, OWNER_READ_WRITE);
                }
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (replace) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    // A hard link is created atomically and fails if the name is taken: no check-then-act race.
                    Files.createLink(target, temporary);
                } catch (FileAlreadyExistsException exists) {
                    return false;
                } catch (UnsupportedOperationException noLinks) {
                    try {
                        Files.move(temporary, target);
                    } catch (FileAlreadyExistsException exists) {
                        return false;
                    }
                }
            }
            syncDirectory(dir);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the key file " + target, e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // A stray temporary file holds nothing a reader would use; it is overwritten by nobody.
            }
        }
    }

    /**
     * Overwrites the file's bytes with random data, flushes that to the device and deletes the file.
     * On flash storage and copy-on-write file systems the old blocks may survive the overwrite; they
     * hold the key only in wrapped form, so retiring and deleting the master key that wrapped it
     * finishes the job.
     */
    static boolean overwriteAndDelete(Path file) {
        try {
            if (!Files.exists(file)) {
                return false;
            }
            long size = Files.size(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer noise = ByteBuffer.wrap(randomBytes((int) Math.min(size, 1 << 20)));
                long written = 0;
                while (written < size) {
                    noise.rewind();
                    noise.limit((int) Math.min(noise.capacity(), size - written));
                    written += channel.write(noise, written);
                }
                channel.force(true);
            }
            boolean deleted = Files.deleteIfExists(file);
            syncDirectory(file.toAbsolutePath().getParent());
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not destroy the key file " + file, e);
        }
    }

    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a directory; the rename is still atomic there, only not yet durable.
        }
    }

    private static FileAttribute<?>[] ownerOnlyFileAttributes(Path dir) {
        return isPosix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        try {
            Path existing = Files.exists(path) ? path : path.toAbsolutePath().getParent();
            return Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
