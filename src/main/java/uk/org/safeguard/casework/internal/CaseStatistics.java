package uk.org.safeguard.casework.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts of closed cases by year, borough, outcome and age band: what statistics keep after the cases are deleted. */
@Repository
class CaseStatistics {

    record Count(int year, String boroughCode, CaseOutcome outcome, String ageBand, int cases) {
    }

    private final JdbcClient jdbc;

    CaseStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void count(int year, String boroughCode, CaseOutcome outcome, String ageBand) {
        jdbc.sql("INSERT INTO casework_statistic (year, borough_code, outcome, age_band, cases) "
                + "VALUES (:year, :borough, :outcome, :ageBand, 1) ON CONFLICT ON CONSTRAINT casework_statistic_pk "
                + "DO UPDATE SET cases = casework_statistic.cases + 1")
                .param("year", year).param("borough", boroughCode).param("outcome", outcome.name())
                .param("ageBand", ageBand).update();
    }

    List<Count> all() {
        return jdbc.sql("SELECT year, borough_code, outcome, age_band, cases FROM casework_statistic "
                + "ORDER BY year, borough_code, outcome, age_band")
                .query((rs, n) -> new Count(rs.getInt(1), rs.getString(2), CaseOutcome.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5))).list();
    }
}
