package uk.org.safeguard.intake.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * References and follow-up codes, drawn from an alphabet without look-alikes (no 0/O, 1/I/L, U) so they
 * can be read aloud, copied by hand and typed on a phone.
 *
 * <p>A reference ({@code SG-7K4M-Q2XD}) names a submission and is not secret. A follow-up code is the
 * reporter's secret: 20 symbols of a 30-symbol alphabet, 98 bits, shown in five groups of four
 * ({@code 7K4M-Q2XD-…}). Typed input is forgiven its case, spaces and hyphens.
 */
final class Codes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern REFERENCE = Pattern.compile("SG-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
    private static final int CODE_SYMBOLS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    static String newReference() {
        return "SG-" + symbols(4) + "-" + symbols(4);
    }

    static String newFollowUpCode() {
        String raw = symbols(CODE_SYMBOLS);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < raw.length(); i += 4) {
            if (i > 0) {
                grouped.append('-');
            }
            grouped.append(raw, i, i + 4);
        }
        return grouped.toString();
    }

    /** The reference as typed, in its canonical form, or {@code null} when it cannot be one. */
    static String normaliseReference(String typed) {
        if (typed == null) {
            return null;
        }
        String compact = forgive(typed);
        if (compact.startsWith("SG")) {
            compact = compact.substring(2);
        }
        if (compact.length() != 8) {
            return null;
        }
        String reference = "SG-" + compact.substring(0, 4) + "-" + compact.substring(4);
        return REFERENCE.matcher(reference).matches() ? reference : null;
    }

    /** The follow-up code as typed, without grouping, or {@code null} when it cannot be one. */
    static String normaliseFollowUpCode(String typed) {
        if (typed == null) {
            return null;
        }
        String compact = forgive(typed);
        if (compact.length() != CODE_SYMBOLS) {
            return null;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return null;
            }
        }
        return compact;
    }

    private static String forgive(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-‐‑–—_.]", "");
    }

    private static String symbols(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
