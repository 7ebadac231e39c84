package uk.org.safeguard.geography;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** London's 33 local authorities. */
@Service
public class Boroughs {

    static final String COLUMNS = "b.code, b.name, b.slug, b.inner_outer";

    private final JdbcClient jdbc;

    Boroughs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All 33, in name order. */
    public List<Borough> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM geography_borough b ORDER BY b.name")
                .query((rs, n) -> map(rs)).list();
    }

    /** By GSS code, e.g. {@code E09000033}. */
    public Optional<Borough> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM geography_borough b WHERE b.code = :code")
                .param("code", code).query((rs, n) -> map(rs)).optional();
    }

    /** By URL slug, e.g. {@code tower-hamlets}. */
    public Optional<Borough> bySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM geography_borough b WHERE b.slug = :slug")
                .param("slug", slug).query((rs, n) -> map(rs)).optional();
    }

    /** Maps a row holding {@link #COLUMNS}. */
    static Borough map(ResultSet rs) throws SQLException {
        return new Borough(rs.getString("code"), rs.getString("name"), rs.getString("slug"),
                Borough.InnerOuter.of(rs.getString("inner_outer")));
    }
}
