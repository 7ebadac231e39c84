package uk.org.safeguard.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;

/**
 * Files attached to a journey's draft, which go with it to the submission ({@link Submissions#submitDraft}).
 * At most {@value #MAX_FILES} files of at most 10 MB each, JPEG, PNG, WebP or PDF recognised by their
 * content alone (never by their name or the type the browser declared), pictures cleaned of everything but
 * their pixels ({@link AttachmentContent}). The person's file name (without any folder) and the content are
 * encrypted under the attachment family's key, bound to the attachment's id. Staff reads of a submission's
 * files ({@link #ofSubmission}, {@link #read}) are for the staff pages, which audit them.
 */
@Service
class Attachments {

    static final int MAX_FILES = 5;
    static final int MAX_MEGABYTES = 10;
    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;
    static final int MAX_NAME_LENGTH = 150;

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Attachments(JdbcClient jdbc, FieldEncryption encryption, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Why a file was refused; each has a message of its own in {@code messages/attachments}. */
    enum Refusal {
        /** No file was chosen. */
        NO_FILE,
        EMPTY,
        /** Larger than {@value Attachments#MAX_MEGABYTES} MB. */
        TOO_LARGE,
        /** Not a JPEG, PNG, WebP or PDF, whatever its name says. */
        WRONG_TYPE,
        /** Looks like one of them but cannot be opened. */
        DAMAGED,
        /** A PDF that needs a password (or is encrypted). */
        PASSWORD_PROTECTED,
        /** More than {@value AttachmentContent#MAX_PIXELS} pixels. */
        TOO_MANY_PIXELS,
        /** The draft already has {@value Attachments#MAX_FILES} files. */
        TOO_MANY_FILES,
        /** A picture that, once cleaned, would be larger than the limit. */
        TOO_LARGE_CLEANED;

        String messageKey() {
            return "attachments.error." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The numbers the message names, if any. */
        Object[] messageArguments() {
            return switch (this) {
                case TOO_LARGE -> new Object[] {MAX_MEGABYTES};
                case TOO_MANY_FILES -> new Object[] {MAX_FILES};
                case TOO_MANY_PIXELS -> new Object[] {AttachmentContent.MAX_PIXELS / 1_000_000};
                default -> new Object[0];
            };
        }
    }

    /**
     * A stored file, without its content.
     *
     * @param name the person's file name, without any folder
     * @param mediaType what is stored: {@code image/jpeg}, {@code image/png} (also for WebP pictures) or {@code application/pdf}
     * @param sizeBytes the size of what is stored
     */
    record AttachmentInfo(UUID id, String name, String mediaType, int sizeBytes, Instant attachedAt) {
    }

    /** A stored file with its decrypted content. */
    record StoredFile(UUID id, String name, String mediaType, byte[] content) {

        /** The name with the extension of what is stored (a WebP picture is kept as a PNG). */
        String downloadName() {
            String extension = switch (mediaType) {
                case AttachmentContent.JPEG -> ".jpg";
                case AttachmentContent.PNG -> ".png";
                default -> ".pdf";
            };
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"))) {
                return name;
            }
            int dot = name.lastIndexOf('.');
            return (dot > 0 ? name.substring(0, dot) : name) + extension;
        }
    }

    /** What became of an upload: the file attached, or why it was refused. */
    record Upload(AttachmentInfo attached, Refusal refusal) {

        static Upload refused(Refusal refusal) {
            return new Upload(null, refusal);
        }

        boolean accepted() {
            return attached != null;
        }
    }

    /** The draft's files, oldest first. */
    List<AttachmentInfo> ofDraft(UUID draftId) {
        return list("draft_id", draftId);
    }

    /** A submission's files, oldest first (for the staff pages, which audit the read). */
    List<AttachmentInfo> ofSubmission(UUID submissionId) {
        return list("submission_id", submissionId);
    }

    /**
     * One of a submission's files, decrypted (for the staff pages, which audit the read).
     *
     * @throws NoSuchElementException when the submission has no such file
     */
    StoredFile read(UUID submissionId, UUID attachmentId) {
        return jdbc.sql("SELECT name, media_type, content FROM intake_attachment WHERE id = :id AND submission_id = :submission")
                .param("id", attachmentId).param("submission", submissionId)
                .query((rs, n) -> new StoredFile(attachmentId,
                        encryption.decryptString(RecordFamily.ATTACHMENT, nameRef(attachmentId), rs.getBytes("name")),
                        rs.getString("media_type"),
                        encryption.decrypt(RecordFamily.ATTACHMENT, attachmentId.toString(), rs.getBytes("content"))))
                .optional().orElseThrow(() -> new NoSuchElementException("No such attachment"));
    }

    /**
     * Checks, cleans and attaches an uploaded file to the draft, reading at most one byte more than the
     * limit from {@code content}.
     *
     * @param name the file name the browser sent (only its last part is kept)
     * @param declaredSize the size the upload declared, or -1 when unknown (checked again while reading)
     */
    Upload attach(UUID draftId, String name, long declaredSize, InputStream content) throws IOException {
        if (count(draftId) >= MAX_FILES) {
            return Upload.refused(Refusal.TOO_MANY_FILES);
        }
        if (declaredSize > MAX_BYTES) {
            return Upload.refused(Refusal.TOO_LARGE);
        }
        byte[] bytes = content.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return Upload.refused(Refusal.TOO_LARGE);
        }
        return attach(draftId, name, bytes);
    }

    /** Checks, cleans and attaches a file to the draft. */
    Upload attach(UUID draftId, String name, byte[] content) {
        if (count(draftId) >= MAX_FILES) {
            return Upload.refused(Refusal.TOO_MANY_FILES);
        }
        if (content.length == 0) {
            return Upload.refused(Refusal.EMPTY);
        }
        if (content.length > MAX_BYTES) {
            return Upload.refused(Refusal.TOO_LARGE);
        }
        AttachmentContent.Cleaned cleaned;
        try {
            cleaned = AttachmentContent.clean(content);
        } catch (AttachmentContent.Refused refused) {
            return Upload.refused(refused.reason());
        }
        if (cleaned.content().length > MAX_BYTES) {
            return Upload.refused(Refusal.TOO_LARGE_CLEANED);
        }
        UUID id = UUID.randomUUID();
        String safeName = sanitiseName(name);
        byte[] sealedName = encryption.encryptString(RecordFamily.ATTACHMENT, nameRef(id), safeName);
        byte[] sealedContent = encryption.encrypt(RecordFamily.ATTACHMENT, id.toString(), cleaned.content());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return transactions.execute(status -> {
                // The draft's row is locked so that two uploads at once cannot both take the last place.
                Optional<UUID> draft = jdbc.sql("SELECT id FROM intake_draft WHERE id = :id FOR UPDATE")
                        .param("id", draftId).query(UUID.class).optional();
                if (draft.isEmpty()) {
                    throw new NoSuchElementException("No such draft");
                }
                if (count(draftId) >= MAX_FILES) {
                    return Upload.refused(Refusal.TOO_MANY_FILES);
                }
                jdbc.sql("""
                        INSERT INTO intake_attachment (id, draft_id, media_type, size_bytes, name, content, created_at)
                        VALUES (:id, :draft, :type, :size, :name, :content, :at)""")
                        .param("id", id).param("draft", draftId).param("type", cleaned.mediaType())
                        .param("size", cleaned.content().length).param("name", sealedName)
                        .param("content", sealedContent).param("at", Timestamp.from(now)).update();
                return new Upload(new AttachmentInfo(id, safeName, cleaned.mediaType(), cleaned.content().length, now),
                        null);
            });
        } catch (DataIntegrityViolationException draftGone) {
            throw new NoSuchElementException("No such draft");
        }
    }

    /** Removes one of the draft's files; false when the draft has no such file. */
    boolean remove(UUID draftId, UUID attachmentId) {
        return jdbc.sql("DELETE FROM intake_attachment WHERE id = :id AND draft_id = :draft")
                .param("id", attachmentId).param("draft", draftId).update() == 1;
    }

    int count(UUID draftId) {
        return jdbc.sql("SELECT count(*) FROM intake_attachment WHERE draft_id = :draft").param("draft", draftId)
                .query(Integer.class).single();
    }

    /**
     * The last part of a file name as a browser sent it (some send the whole path), without control or
     * direction-override characters (otherwise exactly as typed), at most {@value #MAX_NAME_LENGTH} characters; {@code file} when nothing is left.
     */
    static String sanitiseName(String name) {
        if (name == null) {
            return "file";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        last.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean control = type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (!control) {
                clean.appendCodePoint(c);
            }
        });
        String trimmed = clean.toString().strip();
        while (trimmed.startsWith(".")) {
            trimmed = trimmed.substring(1).strip();
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            int dot = trimmed.lastIndexOf('.');
            String extension = dot > 0 && trimmed.length() - dot <= 6 ? trimmed.substring(dot) : "";
            int keep = trimmed.offsetByCodePoints(0, MAX_NAME_LENGTH - extension.length());
            trimmed = trimmed.substring(0, keep) + extension;
        }
        return trimmed.isEmpty() ? "file" : trimmed;
    }

    private List<AttachmentInfo> list(String ownerColumn, UUID ownerId) {
        return jdbc.sql("SELECT id, name, media_type, size_bytes, created_at FROM intake_attachment WHERE " + ownerColumn
                + " = :owner ORDER BY created_at, id")
                .param("owner", ownerId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new AttachmentInfo(id,
                            encryption.decryptString(RecordFamily.ATTACHMENT, nameRef(id), rs.getBytes("name")),
                            rs.getString("media_type"), rs.getInt("size_bytes"), rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    private static String nameRef(UUID id) {
        return id + "/name";
    }
}
