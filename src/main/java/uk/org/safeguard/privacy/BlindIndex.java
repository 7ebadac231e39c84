package uk.org.safeguard.privacy;

import java.time.LocalDate;
import java.util.Set;

/**
 * Blind index terms for finding records by encrypted names and dates of birth without decrypting them
 * (to link a repeat referral to earlier ones). Each term is a keyed hash (HMAC-SHA-256 under a secret
 * key wrapped by the master key, truncated to 16 bytes, as 32 hex characters) of a typed, normalised
 * value: store a record's terms beside its ciphertexts and look up by the terms of the search.
 *
 * <p>Normalisation: Unicode NFKD with accents stripped, lower case, apostrophes and full stops removed
 * inside words, any other punctuation or space separating words; so "Zoë O'Brien" gives the words
 * {@code zoe} and {@code obrien}.
 *
 * <p>Without the key the terms reveal nothing a dictionary attack on unkeyed hashes would; with it, they
 * still reveal only equality, which is what a look-up needs. Phonetic terms are deliberately coarse, so
 * treat a phonetic match as a candidate for a person to confirm, never as a link.
 */
public interface BlindIndex {

    /**
     * A term for each normalised word ({@code "t:" + word}) and for each word's Double Metaphone primary
     * and alternate codes ({@code "p:" + code}), so two names share a term when they share a word or a
     * word's sound ("Mohammed" and "Muhammad"). Empty for a name with no letters or digits.
     */
    Set<String> nameTerms(String fullName);

    /** The term of the whole normalised name ({@code "x:" + words joined by single spaces}), for exact look-ups. */
    String exactTerm(String fullName);

    /** The term of a date of birth ({@code "d:" + ISO date}). */
    String dateTerm(LocalDate date);

    /**
     * The term of an email address ({@code "e:" + the address trimmed and in lower case}, {@link java.util.Locale#ROOT}),
     * for exact look-ups of accounts by email (a staff member signing in): equal addresses, whatever their case,
     * share a term; an email term never equals a name or date term.
     *
     * @throws IllegalArgumentException for a blank address
     */
    String emailTerm(String email);

    /**
     * The term of a value that must be found again but never stored in clear and is no name, date or
     * email (a sign-in throttle's address bucket, a password reset token, a recovery code):
     * {@code "k:" + purpose + ":" + value}, the value as given. Terms of different purposes never match.
     *
     * @param purpose lower-case letters, digits and hyphens, starting with a letter ({@code identity-reset-token})
     */
    String keyedTerm(String purpose, String value);
}
