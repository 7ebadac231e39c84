package uk.org.safeguard.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.org.safeguard.identity.OrganisationType;

/** The organisations staff accounts belong to. */
@Repository
class Organisations {

    record Organisation(long id, String name, OrganisationType type) {
    }

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> byName(String name) {
        return jdbc.sql("SELECT id, name, type FROM identity_organisation WHERE lower(name) = lower(:name)")
                .param("name", name.trim())
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), OrganisationType.valueOf(rs.getString(3))))
                .optional();
    }

    List<Organisation> all() {
        return jdbc.sql("SELECT id, name, type FROM identity_organisation ORDER BY name")
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), OrganisationType.valueOf(rs.getString(3))))
                .list();
    }

    /** The organisation called {@code name}, created with {@code type} if it does not exist yet. */
    Organisation findOrCreate(String name, OrganisationType type) {
        return byName(name).orElseGet(() -> new Organisation(jdbc.sql(
                "INSERT INTO identity_organisation (name, type) VALUES (:name, :type) RETURNING id")
                .param("name", name.trim()).param("type", type.name()).query(Long.class).single(), name.trim(), type));
    }
}
