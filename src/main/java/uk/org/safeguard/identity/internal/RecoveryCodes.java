package uk.org.safeguard.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ten single-use recovery codes per account, for when the authenticator is lost: shown once, stored as
 * keyed hashes. Each is 12 characters from an alphabet without look-alikes (about 60 bits).
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final IdentitySecrets secrets;
    private final IdentityClock clock;

    RecoveryCodes(JdbcClient jdbc, IdentitySecrets secrets, IdentityClock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Removes all of the account's codes. */
    void clear(long accountId) {
        jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = :id").param("id", accountId).update();
    }

    /** Replaces the account's codes with ten new ones and returns them, formatted {@code xxxx-xxxx-xxxx}. */
    List<String> replace(long accountId) {
        jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = :id").param("id", accountId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
            jdbc.sql("INSERT INTO identity_recovery_code (account_id, code_hash) VALUES (:id, :hash)")
                    .param("id", accountId).param("hash", hash(code.toString())).update();
        }
        return codes;
    }

    /** Uses {@code code} if it is one of the account's unused codes; true if it was. */
    boolean use(long accountId, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return jdbc.sql("""
                UPDATE identity_recovery_code SET used_at = :now
                WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL""")
                .param("now", Timestamp.from(clock.now())).param("id", accountId).param("hash", hash(code))
                .update() == 1;
    }

    int remaining(long accountId) {
        return jdbc.sql("SELECT count(*) FROM identity_recovery_code WHERE account_id = :id AND used_at IS NULL")
                .param("id", accountId).query(Integer.class).single();
    }

    static boolean looksLikeRecoveryCode(String input) {
        return input != null && normalise(input).length() == 12 && !input.trim().matches("[\\d\\s]+");
    }

    private String hash(String code) {
        return secrets.lookupHash("recovery-code", normalise(code));
    }

    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
