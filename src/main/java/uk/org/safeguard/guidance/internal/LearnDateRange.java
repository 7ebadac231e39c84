package uk.org.safeguard.guidance.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import uk.org.safeguard.web.DateField;

/**
 * The optional "from" and "to" dates of the staff report of the learning modules, as typed into the query
 * string ({@code from-day}, {@code from-month}, {@code from-year} and the same for {@code to}). Each date
 * is kept as typed, with the key of its error when it is not a whole, real date, or "to" is before "from".
 */
final class LearnDateRange {

    static final String FROM = "from";
    static final String TO = "to";

    /**
     * One date as typed.
     *
     * @param errorKey the message key of its error, or null
     * @param parts the boxes to highlight; empty with an error means all of them
     */
    record Typed(String prefix, String day, String month, String year, String errorKey, Set<DateField.Part> parts) {

        boolean blank() {
            return day == null && month == null && year == null;
        }

        Typed withError(String key) {
            return new Typed(prefix, day, month, year, key, Set.of());
        }
    }

    final Typed from;
    final Typed to;
    private final LocalDate fromDate;
    private final LocalDate toDate;

    private LearnDateRange(Function<String, String> parameters) {
        Typed typedFrom = typed(FROM, parameters);
        Typed typedTo = typed(TO, parameters);
        LocalDate parsedFrom = parse(typedFrom);
        LocalDate parsedTo = parse(typedTo);
        if (parsedFrom != null && parsedTo != null && parsedTo.isBefore(parsedFrom)) {
            typedTo = typedTo.withError("learn.staff.error.to.beforeFrom");
            parsedTo = null;
        }
        this.from = typedFrom;
        this.to = typedTo;
        this.fromDate = parsedFrom;
        this.toDate = parsedTo;
    }

    static LearnDateRange read(Function<String, String> parameters) {
        return new LearnDateRange(parameters);
    }

    boolean valid() {
        return from.errorKey() == null && to.errorKey() == null;
    }

    /** The first day counted, or null for no limit. */
    LocalDate fromDate() {
        return fromDate;
    }

    /** The last day counted, or null for no limit. */
    LocalDate toDate() {
        return toDate;
    }

    private static Typed typed(String prefix, Function<String, String> parameters) {
        String day = trimmed(parameters.apply(prefix + "-day"));
        String month = trimmed(parameters.apply(prefix + "-month"));
        String year = trimmed(parameters.apply(prefix + "-year"));
        if (day == null && month == null && year == null) {
            return new Typed(prefix, null, null, null, null, Set.of());
        }
        EnumSet<DateField.Part> missing = EnumSet.noneOf(DateField.Part.class);
        if (day == null) {
            missing.add(DateField.Part.DAY);
        }
        if (month == null) {
            missing.add(DateField.Part.MONTH);
        }
        if (year == null) {
            missing.add(DateField.Part.YEAR);
        }
        if (!missing.isEmpty()) {
            return new Typed(prefix, day, month, year, "learn.staff.error." + prefix + ".incomplete", missing);
        }
        Typed typed = new Typed(prefix, day, month, year, null, Set.of());
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
            return typed.withError("learn.staff.error." + prefix + ".real");
        }
        try {
            LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return typed;
        } catch (DateTimeException e) {
            return typed.withError("learn.staff.error." + prefix + ".real");
        }
    }

    private static LocalDate parse(Typed date) {
        if (date.blank() || date.errorKey() != null) {
            return null;
        }
        return LocalDate.of(Integer.parseInt(date.year()), Integer.parseInt(date.month()), Integer.parseInt(date.day()));
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
