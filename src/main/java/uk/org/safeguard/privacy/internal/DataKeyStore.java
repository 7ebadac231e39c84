package uk.org.safeguard.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import uk.org.safeguard.privacy.WrappedKey;

/** The data keys, each held only wrapped by the master key ({@code privacy_data_key}). */
interface DataKeyStore {

    /** What a data key is for; part of its identity and of its wrapping's associated data. */
    enum Purpose {
        /** An AES-256-GCM keyset that encrypts one record family's fields. */
        FIELD_ENCRYPTION("field-encryption"),
        /** An HMAC-SHA-256 PRF keyset that computes blind index terms. */
        BLIND_INDEX("blind-index");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static Purpose of(String code) {
            for (Purpose purpose : values()) {
                if (purpose.code.equals(code)) {
                    return purpose;
                }
            }
            throw new IllegalArgumentException("Unknown data key purpose " + code);
        }
    }

    record StoredDataKey(Purpose purpose, String family, int version, WrappedKey wrapped) {

        /**
         * Binds the wrapped keyset to its row: a wrapped key copied into another family's, version's or
         * purpose's row fails to unwrap.
         */
        byte[] associatedData() {
            return associatedData(purpose, family, version);
        }

        static byte[] associatedData(Purpose purpose, String family, int version) {
            return ("safeguard/privacy_data_key/" + purpose.code() + "/" + family + "/" + version)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The key that encrypts new data for this purpose and family, if one was made. */
    Optional<StoredDataKey> primary(Purpose purpose, String family);

    Optional<StoredDataKey> find(Purpose purpose, String family, int version);

    /**
     * Stores version 1 as the primary key unless a primary key exists (another instance may have made
     * one a moment ago), committing at once whatever transaction the caller is in, so that no ciphertext
     * is ever made with a key that a rollback would lose.
     *
     * @param wrapper wraps the new keyset's material, given the associated data of the row it goes in
     * @return the primary key now stored
     */
    StoredDataKey createFirstIfAbsent(Purpose purpose, String family, Function<byte[], WrappedKey> wrapper);

    /**
     * Re-wraps every key not yet wrapped by {@code targetMasterKeyId}, all in one transaction that keeps
     * new keys from being added meanwhile: either every key is re-wrapped or none is.
     *
     * @return how many keys were re-wrapped
     */
    int rewrapAll(String targetMasterKeyId, Function<StoredDataKey, WrappedKey> rewrapping);

    List<StoredDataKey> all();
}
