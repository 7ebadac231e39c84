package uk.org.safeguard.guidance.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored answers of the learning modules: one anonymous row per completion (module, language,
 * confidence before and after, knowledge-check score, and the date only), and their totals for the
 * programme's report.
 */
@Repository
class LearnResponses {

    private final JdbcClient jdbc;

    LearnResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(LearnModule module, String language, LearnResult result, LocalDate completedOn) {
        jdbc.sql("INSERT INTO guidance_learning_response (module, language, confidence_before, confidence_after, "
                + "correct, questions, completed_on) VALUES (:module, :language, :before, :after, :correct, :questions, "
                + ":completedOn)")
                .param("module", module.slug()).param("language", language).param("before", result.before())
                .param("after", result.after()).param("correct", result.correct())
                .param("questions", module.questions()).param("completedOn", completedOn).update();
    }

    /**
     * The totals of each module that has answers completed between {@code from} and {@code to} (both
     * included; null for no limit).
     */
    List<Totals> totals(LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder("WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            where.append(" AND completed_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" AND completed_on <= :to");
            params.put("to", to);
        }
        return jdbc.sql("SELECT module, count(*) AS completions, sum(confidence_before) AS before, "
                + "sum(confidence_after) AS after, sum(correct) AS correct, sum(questions) AS questions "
                + "FROM guidance_learning_response " + where + " GROUP BY module ORDER BY module")
                .params(params)
                .query((rs, n) -> new Totals(rs.getString("module"), rs.getLong("completions"), rs.getLong("before"),
                        rs.getLong("after"), rs.getLong("correct"), rs.getLong("questions")))
                .list();
    }

    /**
     * One module's answers added up.
     *
     * @param module the module's slug
     * @param before the sum of the confidence chosen before
     * @param after the sum of the confidence chosen after
     * @param correct knowledge-check answers that were right
     * @param questions knowledge-check questions asked
     */
    record Totals(String module, long completions, long before, long after, long correct, long questions) {

        static Totals none(String module) {
            return new Totals(module, 0, 0, 0, 0, 0);
        }

        Totals plus(Totals other) {
            return new Totals(module, completions + other.completions, before + other.before, after + other.after,
                    correct + other.correct, questions + other.questions);
        }
    }
}
