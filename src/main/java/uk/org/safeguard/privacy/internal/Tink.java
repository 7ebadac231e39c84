package uk.org.safeguard.privacy.internal;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

/**
 * The few Tink operations the privacy module uses, in one place. Keysets leave this class in clear only
 * to be wrapped by the master key straight away (or, for the master keyset itself, written to an
 * owner-only file).
 */
final class Tink {

    static final Parameters AES256_GCM = PredefinedAeadParameters.AES256_GCM;
    static final Parameters HMAC_SHA256_PRF = PredefinedPrfParameters.HMAC_SHA256_PRF;

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Tink() {
    }

    static KeysetHandle generate(Parameters parameters) {
        try {
            return KeysetHandle.generateNew(parameters);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate a key", e);
        }
    }

    static Aead aead(KeysetHandle keyset) throws GeneralSecurityException {
        return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    static <P> P primitive(KeysetHandle keyset, Class<P> type) throws GeneralSecurityException {
        return keyset.getPrimitive(RegistryConfiguration.get(), type);
    }

    static PrfSet prf(KeysetHandle keyset) throws GeneralSecurityException {
        return keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
    }

    /** The keyset in Tink's binary format, in clear: wrap it at once and clear the array after. */
    static byte[] toBytes(KeysetHandle keyset) {
        try {
            return TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not serialise a keyset", e);
        }
    }

    static KeysetHandle fromBytes(byte[] keyset) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    static String toJson(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not serialise a keyset", e);
        }
    }

    static KeysetHandle fromJson(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }
}
