package uk.org.safeguard.identity.internal;

import java.util.List;
import java.util.Set;

import uk.org.safeguard.identity.Role;

/** A stored staff account, as identity's internals see it (email and name decrypted, the TOTP secret still encrypted: {@link Accounts#totpSecret}). */
record Account(long id, String email, String displayName, long organisationId, String organisationName,
        String passwordHash, boolean mustChangePassword, byte[] encryptedTotpSecret, boolean totpEnrolled,
        long totpLastStep, int sessionGeneration, boolean demo, boolean disabled, Set<Role> roles,
        List<String> boroughs) {

    String reference() {
        return "account:" + id;
    }
}
