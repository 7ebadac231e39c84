package uk.org.safeguard.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * NCSC and NIST guidance: long enough (12 to 256 characters), not a commonly used password, not the
 * person's own email or name; no composition rules (no "one capital and one symbol"), no expiry.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;
    static final String DENY_LIST = "identity/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The message key of the first rule {@code password} breaks, or empty when it is acceptable. */
    Optional<String> check(String password, String email, String displayName) {
        if (password == null || password.isEmpty()) {
            return Optional.of("identity.password.error.empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("identity.password.error.tooShort");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("identity.password.error.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || isRepetitive(lower)) {
            return Optional.of("identity.password.error.common");
        }
        if (isPersonal(lower, email, displayName)) {
            return Optional.of("identity.password.error.personal");
        }
        return Optional.empty();
    }

    int denyListSize() {
        return common.size();
    }

    private static boolean isPersonal(String lower, String email, String displayName) {
        String squashed = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        if (email != null && !email.isBlank()) {
            String e = email.trim().toLowerCase(Locale.ROOT);
            String local = e.contains("@") ? e.substring(0, e.indexOf('@')) : e;
            if (lower.equals(e) || lower.contains(e) || squashed.equals(local.replaceAll("[^\\p{L}\\p{N}]", ""))) {
                return true;
            }
        }
        if (displayName != null && !displayName.isBlank()) {
            String name = displayName.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            return !name.isEmpty() && squashed.equals(name);
        }
        return false;
    }

    /** One character repeated, or one short unit repeated ("abcabcabcabc"). */
    private static boolean isRepetitive(String lower) {
        for (int unit = 1; unit <= 4; unit++) {
            if (lower.length() % unit == 0 && lower.substring(0, unit).repeat(lower.length() / unit).equals(lower)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(DENY_LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DENY_LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                String word = line.trim();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
