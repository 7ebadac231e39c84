package uk.org.safeguard.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;

/**
 * The message thread of a submission, between its reporter and the borough team. Bodies are stored
 * encrypted under the message family, bound to each message's id, and come back exactly as written
 * (right-to-left text, emoji and combining characters included). Callers audit.
 */
@Component
class IntakeMessages {

    /** The longest message, in UTF-16 units as the character count component counts them. */
    static final int MAX_LENGTH = 5000;

    enum Author { REPORTER, STAFF }

    /**
     * One message of a thread.
     *
     * @param staffAccount the member of staff who wrote it ({@code account:<id>}), or null for the reporter
     * @param unread a reporter's message no member of staff has opened yet
     */
    record Message(UUID id, Author author, String staffAccount, Instant at, String body, boolean unread) {
    }

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final Clock clock;

    IntakeMessages(JdbcClient jdbc, FieldEncryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** A message typed in a browser, with its line breaks as one character each (browsers send CR LF). */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n").replace('\r', '\n');
    }

    UUID add(UUID submissionId, Author author, String staffAccount, String body) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO intake_message (id, submission_id, author, staff_account, at, body)
                VALUES (:id, :submission, :author, :staff, :at, :body)""")
                .param("id", id).param("submission", submissionId).param("author", author.name())
                .param("staff", staffAccount)
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("body", encryption.encryptString(RecordFamily.MESSAGE, id.toString(), body))
                .update();
        return id;
    }

    /** The thread, oldest first. */
    List<Message> thread(UUID submissionId) {
        return jdbc.sql("""
                SELECT id, author, staff_account, at, body, read_at FROM intake_message
                WHERE submission_id = :submission ORDER BY at, id""")
                .param("submission", submissionId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Author author = Author.valueOf(rs.getString("author"));
                    return new Message(id, author, rs.getString("staff_account"), rs.getTimestamp("at").toInstant(),
                            encryption.decryptString(RecordFamily.MESSAGE, id.toString(), rs.getBytes("body")),
                            author == Author.REPORTER && rs.getTimestamp("read_at") == null);
                })
                .list();
    }

    /** Marks the reporter's messages as read by staff. */
    void markRead(UUID submissionId) {
        jdbc.sql("""
                UPDATE intake_message SET read_at = :now
                WHERE submission_id = :submission AND author = 'REPORTER' AND read_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("submission", submissionId).update();
    }
}
