package uk.org.safeguard.geography;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Usual residents on Census Day, 21 March 2021 (ONS Census 2021). Totals and age come from table TS009,
 * ethnic groups from TS021; the two differ by a few people per borough because ONS perturbs its cells.
 */
@Service
public class Population {

    private final JdbcClient jdbc;

    Population(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All usual residents of London (TS009): 8,799,697. */
    public long londonTotal() {
        return jdbc.sql("SELECT coalesce(sum(population), 0) FROM geography_population_age_sex").query(Long.class).single();
    }

    /** All usual residents of one borough (TS009). */
    public long total(String boroughCode) {
        return byAgeBand(boroughCode, List.of(AgeBand.atLeast(0))).values().iterator().next();
    }

    /** Residents of one borough in each band, in the order given (TS009, both sexes). */
    public Map<AgeBand, Long> byAgeBand(String boroughCode, List<AgeBand> bands) {
        return byAgeBand(boroughCode, null, bands);
    }

    /** Residents of one borough of one sex ({@code null} for both) in each band, in the order given (TS009). */
    public Map<AgeBand, Long> byAgeBand(String boroughCode, Sex sex, List<AgeBand> bands) {
        List<AgeCount> ages = jdbc.sql("""
                SELECT CASE WHEN age = '90+' THEN 90 ELSE age::int END AS age, sum(population) AS population
                FROM geography_population_age_sex
                WHERE code = :code AND sex IN (:sexes)
                GROUP BY 1""")
                .param("code", boroughCode)
                .param("sexes", (sex == null ? Arrays.stream(Sex.values()) : Stream.of(sex)).map(Sex::censusLabel).toList())
                .query((rs, n) -> new AgeCount(rs.getInt("age"), rs.getLong("population"))).list();
        requireBorough(boroughCode, !ages.isEmpty());
        Map<AgeBand, Long> result = new LinkedHashMap<>();
        for (AgeBand band : bands) {
            result.put(band, ages.stream().filter(a -> band.contains(a.age())).mapToLong(AgeCount::population).sum());
        }
        return result;
    }

    /** Residents of one borough in each of the five broad ethnic groups (TS021); every group is present. */
    public Map<BroadEthnicGroup, Long> byBroadEthnicGroup(String boroughCode) {
        Map<BroadEthnicGroup, Long> result = new EnumMap<>(BroadEthnicGroup.class);
        for (BroadEthnicGroup group : BroadEthnicGroup.values()) {
            result.put(group, 0L);
        }
        List<Map.Entry<String, Long>> rows = jdbc.sql("""
                SELECT broad_group, sum(population) AS population FROM geography_population_ethnicity
                WHERE code = :code GROUP BY broad_group""")
                .param("code", boroughCode)
                .query((rs, n) -> Map.entry(rs.getString("broad_group"), rs.getLong("population"))).list();
        requireBorough(boroughCode, !rows.isEmpty());
        for (Map.Entry<String, Long> row : rows) {
            result.put(BroadEthnicGroup.valueOf(row.getKey().toUpperCase(Locale.ROOT)), row.getValue());
        }
        return result;
    }

    private static void requireBorough(String boroughCode, boolean found) {
        if (!found) {
            throw new IllegalArgumentException("No population for borough code " + boroughCode);
        }
    }

    private record AgeCount(int age, long population) {
    }
}
