package uk.org.safeguard.audit.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point of the chain known from outside the database: entry {@code seq} had hash {@code hash} (seq 0
 * with 64 zeros is the empty chain). The daily job logs the head as one; {@code verify-audit --anchor}
 * checks the chain still passes through it.
 */
public record Anchor(long seq, String hash) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})");

    public Anchor {
        if (seq < 0 || hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an anchor is a sequence number and a 64-digit hex hash");
        }
    }

    /** Reads {@code <seq>:<hash>}, as in {@code 57:9f86d08...}. */
    static Anchor parse(String text) {
        Matcher matcher = TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an anchor <seq>:<64 hex digits>: " + text);
        }
        return new Anchor(Long.parseLong(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
