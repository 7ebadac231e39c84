package uk.org.safeguard.identity.internal;

import org.springframework.stereotype.Component;

import uk.org.safeguard.privacy.BlindIndex;

/**
 * Lookup hashes for values identity finds again but never stores in clear (emails and address buckets
 * in the sign-in throttle, reset tokens, recovery codes): the privacy module's keyed
 * {@link BlindIndex#keyedTerm} (its key wrapped by the master key outside the database), so a copy of
 * the database alone reveals none of them. Identity holds no key of its own.
 */
@Component
class IdentitySecrets {

    private final BlindIndex blindIndex;

    IdentitySecrets(BlindIndex blindIndex) {
        this.blindIndex = blindIndex;
    }

    /** A keyed hash of {@code value} for {@code purpose} (kebab case), hex encoded: equal inputs give equal outputs. */
    String lookupHash(String purpose, String value) {
        return blindIndex.keyedTerm("identity-" + purpose, value);
    }
}
