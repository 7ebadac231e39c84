package uk.org.safeguard.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.crypto.tink.prf.PrfSet;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The blind index terms of {@link uk.org.safeguard.privacy.BlindIndex} under one secret PRF key
 * (HMAC-SHA-256). Each value is typed before hashing ({@code t:} word, {@code p:} phonetic code,
 * {@code x:} whole name, {@code d:} date, {@code e:} email address, {@code k:} keyed value of a purpose), so a word and a phonetic code that happen to be spelt alike
 * do not share a term.
 */
final class BlindIndexTerms {

    static final int TERM_BYTES = 16;
    private static final Pattern LATIN = Pattern.compile(".*[a-z].*");
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]*");

    private final PrfSet prf;
    private final DoubleMetaphone metaphone = new DoubleMetaphone();

    BlindIndexTerms(PrfSet prf) {
        this.prf = prf;
    }

    Set<String> nameTerms(String fullName) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : NameNormaliser.words(fullName)) {
            terms.add(term("t:" + word));
            if (LATIN.matcher(word).matches()) {
                // Double Metaphone is defined for Latin spellings; other scripts get word terms only.
                addPhonetic(terms, metaphone.doubleMetaphone(word, false));
                addPhonetic(terms, metaphone.doubleMetaphone(word, true));
            }
        }
        return Collections.unmodifiableSet(terms);
    }

    String exactTerm(String fullName) {
        List<String> words = NameNormaliser.words(fullName);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("A name with no letters or digits has no exact term");
        }
        return term("x:" + String.join(" ", words));
    }

    String dateTerm(LocalDate date) {
        return term("d:" + date);
    }

    String emailTerm(String email) {
        String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("A blank email address has no term");
        }
        return term("e:" + normalised);
    }

    String keyedTerm(String purpose, String value) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("A purpose is named in lower-case kebab case: " + purpose);
        }
        return term("k:" + purpose + ":" + (value == null ? "" : value));
    }

    private void addPhonetic(Set<String> terms, String code) {
        if (code != null && !code.isEmpty()) {
            terms.add(term("p:" + code));
        }
    }

    private String term(String typedValue) {
        try {
            return HexFormat.of().formatHex(prf.computePrimary(typedValue.getBytes(StandardCharsets.UTF_8), TERM_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not compute a blind index term", e);
        }
    }
}
