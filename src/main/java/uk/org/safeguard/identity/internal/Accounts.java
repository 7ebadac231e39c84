package uk.org.safeguard.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.org.safeguard.identity.Role;
import uk.org.safeguard.privacy.BlindIndex;
import uk.org.safeguard.privacy.FieldEncryption;
import uk.org.safeguard.privacy.RecordFamily;

/**
 * Staff accounts, their roles and borough scope: explicit SQL over the {@code identity_account*} tables.
 * Email address, name and TOTP secret are stored encrypted under {@link RecordFamily#STAFF} with the
 * account id as record reference ({@code "<id>:totp"} for the TOTP secret), so the id is taken from the
 * sequence before the insert; look-ups by email go through the blind index term in {@code email_index}.
 */
@Repository
class Accounts {

    private static final String SELECT = """
            SELECT a.id, a.email, a.display_name, a.organisation_id, o.name AS organisation_name, a.password_hash,
                   a.must_change_password, a.totp_secret, a.totp_enrolled, a.totp_last_step, a.session_generation,
                   a.demo, a.disabled
            FROM identity_account a JOIN identity_organisation o ON o.id = a.organisation_id
            """;

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final BlindIndex blindIndex;

    Accounts(JdbcClient jdbc, FieldEncryption encryption, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.blindIndex = blindIndex;
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    Optional<Account> byEmail(String email) {
        String normalised = normaliseEmail(email);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE a.email_index = :term").param("term", blindIndex.emailTerm(normalised))
                .query((rs, n) -> map(rs)).optional().map(this::withScope);
    }

    Optional<Account> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .map(this::withScope);
    }

    List<Account> all() {
        // Sorted after decryption: the database cannot order ciphertexts.
        return jdbc.sql(SELECT).query((rs, n) -> map(rs)).list().stream().map(this::withScope)
                .sorted(Comparator.comparing(Account::email)).toList();
    }

    long create(String email, String displayName, long organisationId, String passwordHash, boolean mustChangePassword,
            String totpSecret, boolean totpEnrolled, boolean demo, Set<Role> roles, List<String> boroughs) {
        String normalised = normaliseEmail(email);
        // The id first: it is the record reference bound into every ciphertext of the account.
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('identity_account', 'id'))").query(Long.class)
                .single();
        String ref = String.valueOf(id);
        jdbc.sql("""
                INSERT INTO identity_account (id, email, email_index, display_name, organisation_id, password_hash,
                                              must_change_password, totp_secret, totp_enrolled, demo)
                VALUES (:id, :email, :emailIndex, :name, :organisation, :hash, :mustChange, :totp, :enrolled, :demo)""")
                .param("id", id)
                .param("email", encryption.encryptString(RecordFamily.STAFF, ref, normalised))
                .param("emailIndex", blindIndex.emailTerm(normalised))
                .param("name", encryption.encryptString(RecordFamily.STAFF, ref, displayName))
                .param("organisation", organisationId)
                .param("hash", passwordHash).param("mustChange", mustChangePassword)
                .param("totp", encryption.encryptString(RecordFamily.STAFF, totpRef(id), totpSecret))
                .param("enrolled", totpEnrolled).param("demo", demo).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO identity_account_role (account_id, role) VALUES (:id, :role)").param("id", id)
                    .param("role", role.name()).update();
        }
        for (String borough : boroughs) {
            jdbc.sql("INSERT INTO identity_account_borough (account_id, borough_code) VALUES (:id, :code)")
                    .param("id", id).param("code", borough).update();
        }
        return id;
    }

    void replaceScope(long id, Set<Role> roles, List<String> boroughs) {
        jdbc.sql("DELETE FROM identity_account_role WHERE account_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM identity_account_borough WHERE account_id = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO identity_account_role (account_id, role) VALUES (:id, :role)").param("id", id)
                    .param("role", role.name()).update();
        }
        for (String borough : new java.util.LinkedHashSet<>(boroughs)) {
            jdbc.sql("INSERT INTO identity_account_borough (account_id, borough_code) VALUES (:id, :code)")
                    .param("id", id).param("code", borough).update();
        }
    }

    boolean emailTaken(String email) {
        String normalised = normaliseEmail(email);
        return !normalised.isEmpty() && jdbc.sql("SELECT count(*) FROM identity_account WHERE email_index = :term")
                .param("term", blindIndex.emailTerm(normalised)).query(Long.class).single() > 0;
    }

    /** The account's TOTP secret, decrypted. */
    String totpSecret(Account account) {
        return encryption.decryptString(RecordFamily.STAFF, totpRef(account.id()), account.encryptedTotpSecret());
    }

    private static String totpRef(long id) {
        return id + ":totp";
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("UPDATE identity_account SET password_hash = :hash, must_change_password = :mustChange WHERE id = :id")
                .param("hash", hash).param("mustChange", mustChange).param("id", id).update();
    }

    /** A new, not yet enrolled TOTP secret: the next sign-in sets up the authenticator again. */
    void replaceTotpSecret(long id, String secret) {
        jdbc.sql("UPDATE identity_account SET totp_secret = :totp, totp_enrolled = FALSE, totp_last_step = 0 WHERE id = :id")
                .param("totp", encryption.encryptString(RecordFamily.STAFF, totpRef(id), secret)).param("id", id).update();
    }

    void markTotpEnrolled(long id) {
        jdbc.sql("UPDATE identity_account SET totp_enrolled = TRUE WHERE id = :id").param("id", id).update();
    }

    /** Records the step of an accepted code, unless a later one was already used (a concurrent replay). */
    boolean useTotpStep(long id, long step) {
        return jdbc.sql("UPDATE identity_account SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                .param("step", step).param("id", id).update() == 1;
    }

    int incrementSessionGeneration(long id) {
        return jdbc.sql("UPDATE identity_account SET session_generation = session_generation + 1 WHERE id = :id "
                + "RETURNING session_generation").param("id", id).query(Integer.class).single();
    }

    /** What every staff request checks: the generation, whether the account is disabled, whether it must change its password. */
    Optional<SessionState> sessionState(long id) {
        return jdbc.sql("SELECT session_generation, disabled, must_change_password FROM identity_account WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new SessionState(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3))).optional();
    }

    record SessionState(int generation, boolean disabled, boolean mustChangePassword) {
    }

    private Account withScope(Account a) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM identity_account_role WHERE account_id = :id ORDER BY role").param("id", a.id())
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        List<String> boroughs = jdbc.sql(
                "SELECT borough_code FROM identity_account_borough WHERE account_id = :id ORDER BY borough_code")
                .param("id", a.id()).query(String.class).list();
        return new Account(a.id(), a.email(), a.displayName(), a.organisationId(), a.organisationName(),
                a.passwordHash(), a.mustChangePassword(), a.encryptedTotpSecret(), a.totpEnrolled(), a.totpLastStep(),
                a.sessionGeneration(), a.demo(), a.disabled(), roles, boroughs);
    }

    private Account map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String ref = String.valueOf(id);
        return new Account(id, encryption.decryptString(RecordFamily.STAFF, ref, rs.getBytes("email")),
                encryption.decryptString(RecordFamily.STAFF, ref, rs.getBytes("display_name")),
                rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("password_hash"),
                rs.getBoolean("must_change_password"), rs.getBytes("totp_secret"), rs.getBoolean("totp_enrolled"),
                rs.getLong("totp_last_step"), rs.getInt("session_generation"), rs.getBoolean("demo"),
                rs.getBoolean("disabled"), Set.of(), List.of());
    }
}
