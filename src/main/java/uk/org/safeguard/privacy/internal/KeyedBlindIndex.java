package uk.org.safeguard.privacy.internal;

import java.time.LocalDate;
import java.util.Set;

import com.google.crypto.tink.prf.PrfSet;
import org.springframework.stereotype.Service;

import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.privacy.internal.DataKeyStore.Purpose;

/**
 * {@link BlindIndex} under one HMAC-SHA-256 key shared by every record family (a repeat referral is
 * linked across concerns, referrals and cases), kept in {@code privacy_data_key} wrapped by the master
 * key like any data key. Unlike a data key it must never get a new version: every stored term would
 * stop matching. Rotating the master key re-wraps it like the others.
 */
@Service
class KeyedBlindIndex implements BlindIndex {

    static final String KEY_NAME = "people";

    private final DataKeys dataKeys;
    private volatile BlindIndexTerms terms;

    KeyedBlindIndex(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    @Override
    public Set<String> nameTerms(String fullName) {
        return terms().nameTerms(fullName);
    }

    @Override
    public String exactTerm(String fullName) {
        return terms().exactTerm(fullName);
    }

    @Override
    public String dateTerm(LocalDate date) {
        return terms().dateTerm(date);
    }

    @Override
    public String emailTerm(String email) {
        return terms().emailTerm(email);
    }

    @Override
    public String keyedTerm(String purpose, String value) {
        return terms().keyedTerm(purpose, value);
    }

    private BlindIndexTerms terms() {
        BlindIndexTerms current = terms;
        if (current == null) {
            current = new BlindIndexTerms(dataKeys.primary(Purpose.BLIND_INDEX, KEY_NAME, Tink.HMAC_SHA256_PRF)
                    .primitive(PrfSet.class));
            terms = current;
        }
        return current;
    }
}
