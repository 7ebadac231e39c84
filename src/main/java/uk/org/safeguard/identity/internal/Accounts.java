package uk.org.safeguard.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.org.safeguard.identity.Role;

/** Staff accounts, their roles and borough scope: explicit SQL over the {@code identity_account*} tables. */
@Repository
class Accounts {

    private static final String SELECT = """
            SELECT a.id, a.email, a.display_name, a.organisation_id, o.name AS organisation_name, a.password_hash,
                   a.must_change_password, a.totp_secret, a.totp_enrolled, a.totp_last_step, a.session_generation,
                   a.demo, a.disabled
            FROM identity_account a JOIN identity_organisation o ON o.id = a.organisation_id
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql(SELECT + " WHERE a.email = :email").param("email", normaliseEmail(email))
                .query((rs, n) -> map(rs)).optional().map(this::withScope);
    }

    Optional<Account> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .map(this::withScope);
    }

    List<Account> all() {
        return jdbc.sql(SELECT + " ORDER BY a.email").query((rs, n) -> map(rs)).list().stream().map(this::withScope)
                .toList();
    }

    long create(String email, String displayName, long organisationId, String passwordHash, boolean mustChangePassword,
            String encryptedTotpSecret, boolean totpEnrolled, boolean demo, Set<Role> roles, List<String> boroughs) {
        long id = jdbc.sql("""
                INSERT INTO identity_account (email, display_name, organisation_id, password_hash, must_change_password,
                                              totp_secret, totp_enrolled, demo)
                VALUES (:email, :name, :organisation, :hash, :mustChange, :totp, :enrolled, :demo)
                RETURNING id""")
                .param("email", normaliseEmail(email)).param("name", displayName).param("organisation", organisationId)
                .param("hash", passwordHash).param("mustChange", mustChangePassword).param("totp", encryptedTotpSecret)
                .param("enrolled", totpEnrolled).param("demo", demo).query(Long.class).single();
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
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE email = :email")
                .param("email", normaliseEmail(email)).query(Long.class).single() > 0;
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("UPDATE identity_account SET password_hash = :hash, must_change_password = :mustChange WHERE id = :id")
                .param("hash", hash).param("mustChange", mustChange).param("id", id).update();
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

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("password_hash"),
                rs.getBoolean("must_change_password"), rs.getString("totp_secret"), rs.getBoolean("totp_enrolled"),
                rs.getLong("totp_last_step"), rs.getInt("session_generation"), rs.getBoolean("demo"),
                rs.getBoolean("disabled"), Set.of(), List.of());
    }
}
