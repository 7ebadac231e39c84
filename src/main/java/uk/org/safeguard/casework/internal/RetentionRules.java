package uk.org.safeguard.casework.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retention rule of each outcome: how many years, counted from closure or from the last review. */
@Repository
class RetentionRules {

    enum CountedFrom { CLOSURE, LAST_REVIEW }

    record Rule(CaseOutcome outcome, int years, CountedFrom countedFrom, String changedBy) {

        /** When a closed case with this outcome is due for deletion. */
        LocalDate deleteOn(CaseRecord record) {
            LocalDate from = countedFrom == CountedFrom.LAST_REVIEW && record.lastReviewedOn() != null
                    ? record.lastReviewedOn() : record.closedOn();
            return from.plusYears(years);
        }
    }

    private final JdbcClient jdbc;

    RetentionRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Rule> all() {
        return jdbc.sql("SELECT outcome, years, counted_from, changed_by FROM casework_retention_rule ORDER BY years, outcome")
                .query((rs, n) -> map(rs)).list();
    }

    private static Rule map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Rule(CaseOutcome.valueOf(rs.getString(1)), rs.getInt(2), CountedFrom.valueOf(rs.getString(3)),
                rs.getString(4));
    }

    Rule of(CaseOutcome outcome) {
        return find(outcome).orElseThrow(() -> new IllegalStateException("No retention rule for " + outcome));
    }

    Optional<Rule> find(CaseOutcome outcome) {
        return jdbc.sql("SELECT outcome, years, counted_from, changed_by FROM casework_retention_rule WHERE outcome = :outcome")
                .param("outcome", outcome.name()).query((rs, n) -> map(rs)).optional();
    }

    void update(CaseOutcome outcome, int years, CountedFrom countedFrom, String actor) {
        jdbc.sql("UPDATE casework_retention_rule SET years = :years, counted_from = :from, changed_by = :actor, "
                + "changed_at = now() WHERE outcome = :outcome")
                .param("years", years).param("from", countedFrom.name()).param("actor", actor)
                .param("outcome", outcome.name()).update();
    }
}
