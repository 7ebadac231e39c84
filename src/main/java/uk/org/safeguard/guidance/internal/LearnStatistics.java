package uk.org.safeguard.guidance.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The programme's report of the learning modules: for each module and for all of them together, how many
 * people finished, their mean confidence before and after, and the share of knowledge-check answers that
 * were right. Small numbers are suppressed: a count below {@link #SMALLEST_SHOWN} is shown only as
 * "fewer than 10", without its means; and when exactly one module is suppressed, the all-modules row is
 * withheld too, since it minus the others would give that module away.
 */
final class LearnStatistics {

    static final int SMALLEST_SHOWN = 10;

    /** How much of a row may be shown. */
    enum Visibility {
        /** Everything. */
        SHOWN,
        /** "Fewer than 10", and no means. */
        FEWER_THAN_TEN,
        /** Nothing: it would give a suppressed row away. */
        WITHHELD
    }

    /**
     * One line of the report.
     *
     * @param module the module, or null for all of them
     */
    record Row(LearnModule module, LearnResponses.Totals totals, Visibility visibility) {

        boolean shown() {
            return visibility == Visibility.SHOWN;
        }

        double meanBefore() {
            return (double) totals.before() / totals.completions();
        }

        double meanAfter() {
            return (double) totals.after() / totals.completions();
        }

        double change() {
            return meanAfter() - meanBefore();
        }

        /** Right answers as a percentage of all answers, 0 to 100. */
        double percentCorrect() {
            return 100.0 * totals.correct() / totals.questions();
        }
    }

    private LearnStatistics() {
    }

    /** A row for every module (in their usual order, with none for a module nobody finished), then all of them. */
    static List<Row> rows(List<LearnResponses.Totals> totals) {
        Map<String, LearnResponses.Totals> bySlug = new HashMap<>();
        totals.forEach(t -> bySlug.put(t.module(), t));
        List<Row> rows = new ArrayList<>();
        LearnResponses.Totals all = LearnResponses.Totals.none("all");
        int suppressed = 0;
        for (LearnModule module : LearnModule.values()) {
            LearnResponses.Totals moduleTotals = bySlug.getOrDefault(module.slug(),
                    LearnResponses.Totals.none(module.slug()));
            Visibility visibility = visibility(moduleTotals);
            if (visibility != Visibility.SHOWN) {
                suppressed++;
            }
            rows.add(new Row(module, moduleTotals, visibility));
            all = all.plus(moduleTotals);
        }
        Visibility allVisibility = visibility(all);
        if (allVisibility == Visibility.SHOWN && suppressed == 1) {
            allVisibility = Visibility.WITHHELD;
        }
        rows.add(new Row(null, all, allVisibility));
        return rows;
    }

    private static Visibility visibility(LearnResponses.Totals totals) {
        return totals.completions() < SMALLEST_SHOWN ? Visibility.FEWER_THAN_TEN : Visibility.SHOWN;
    }
}
