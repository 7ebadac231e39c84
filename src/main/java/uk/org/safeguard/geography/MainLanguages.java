package uk.org.safeguard.geography;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Main language of London's residents aged 3 and over (ONS Census 2021, table TS024, 94 categories). */
@Service
public class MainLanguages {

    /** The TS024 category for English; in England it holds English only. */
    static final String ENGLISH = "English (English or Welsh in Wales)";

    private final JdbcClient jdbc;

    MainLanguages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code n} most common main languages in London other than English, most common first. */
    public List<LanguageCount> topLanguages(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("A negative number of languages: " + n);
        }
        return jdbc.sql("""
                SELECT language, sum(population) AS residents FROM geography_language
                WHERE language <> :english GROUP BY language ORDER BY residents DESC, language LIMIT :n""")
                .param("english", ENGLISH).param("n", n)
                .query((rs, row) -> new LanguageCount(rs.getString("language"), rs.getLong("residents"))).list();
    }

    /** London's residents aged 3 and over: 8,482,632. */
    public long londonTotal() {
        return jdbc.sql("SELECT coalesce(sum(population), 0) FROM geography_language").query(Long.class).single();
    }
}
