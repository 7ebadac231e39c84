package uk.org.safeguard.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash of an audit entry: lowercase hex SHA-256 of the UTF-8 bytes of its canonical form, version 1.
 *
 * <pre>
 * canonical = F("safeguard-audit-1") F(previous_hash) F(seq) F(occurred_at)
 *             F(actor) F(action) F(record_type) F(record_id) F(reason)
 *             F(n) F(key_1) F(value_1) ... F(key_n) F(value_n)
 *
 * F(null) = "~"
 * F(s)    = decimal length of s in UTF-8 bytes, ":", s          e.g. F("case") = "4:case"
 *
 * previous_hash  the previous entry's hash, 64 lowercase hex digits; 64 zeros for entry 1
 * seq            decimal, no sign or leading zeros
 * occurred_at    UTC, always six fractional digits (the column's microseconds): 2026-11-28T10:15:30.123456Z
 * n, key, value  the number of details in decimal, then each detail in ascending key order (keys are
 *                ASCII, so Java's String order is byte order)
 * </pre>
 *
 * <p>Why this form: it is unambiguous, because every field is either {@code ~} or starts with the length
 * that says exactly where it ends, and the only variable-length part (the details) is preceded by its
 * count; so no two different entries share a canonical form, and it can be recomputed from the columns
 * in any language without a JSON library. The version prefix leaves room for a different form later.
 * Covering {@code previous_hash} chains each entry to the one before; covering {@code seq} means an entry
 * moved to another position no longer matches its hash.
 */
final class EntryHash {

    /** The previous hash of entry 1. */
    static final String GENESIS = "0".repeat(64);

    static final String VERSION = "safeguard-audit-1";

    private static final DateTimeFormatter OCCURRED_AT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    /** Verification hashes millions of entries: one digest and buffer per thread, not one per entry. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(EntryHash::newSha256);
    private static final ThreadLocal<Canonical> BUFFER = ThreadLocal.withInitial(Canonical::new);

    private EntryHash() {
    }

    /** The hash of {@code entry}'s content and previous hash (its own {@code hash} is ignored). */
    static String of(ChainEntry entry) {
        Canonical out = BUFFER.get();
        out.reset();
        write(entry, out);
        MessageDigest sha256 = SHA256.get();
        sha256.update(out.bytes(), 0, out.size());
        return HEX.formatHex(sha256.digest());
    }

    /** The canonical form of {@code entry}; its details must not be {@code null}. */
    static byte[] canonical(ChainEntry entry) {
        Canonical out = new Canonical();
        write(entry, out);
        return out.toByteArray();
    }

    private static void write(ChainEntry entry, Canonical out) {
        out.field(VERSION);
        out.field(entry.previousHash());
        out.field(Long.toString(entry.seq()));
        out.field(formatInstant(entry.occurredAt()));
        out.field(entry.actor());
        out.field(entry.action());
        out.field(entry.recordType());
        out.field(entry.recordId());
        out.field(entry.reason());
        out.field(Integer.toString(entry.details().size()));
        for (Map.Entry<String, String> detail : entry.details().entrySet()) {
            out.field(detail.getKey());
            out.field(detail.getValue());
        }
    }

    static String formatInstant(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return OCCURRED_AT.format(instant.truncatedTo(ChronoUnit.MICROS));
        }
        // The same as OCCURRED_AT, written by hand: the formatter is a large share of verification time.
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(text, 0, 4, utc.getYear());
        digits(text, 5, 2, utc.getMonthValue());
        digits(text, 8, 2, utc.getDayOfMonth());
        digits(text, 11, 2, utc.getHour());
        digits(text, 14, 2, utc.getMinute());
        digits(text, 17, 2, utc.getSecond());
        digits(text, 20, 6, instant.getNano() / 1000);
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class Canonical extends ByteArrayOutputStream {

        Canonical() {
            super(512);
        }

        byte[] bytes() {
            return buf;
        }

        void field(String value) {
            if (value == null) {
                write('~');
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            write(':');
            writeBytes(bytes);
        }
    }
}
