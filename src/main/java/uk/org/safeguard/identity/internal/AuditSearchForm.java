package uk.org.safeguard.identity.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import uk.org.safeguard.audit.AuditSearch;
import uk.org.safeguard.web.DateField;

/**
 * The audit trail search as typed into the query string: record type and id, actor, action and an
 * inclusive date range (days in Europe/London). Parses it into an {@link AuditSearch}, or into the error
 * keys to show beside each field, keeping every value as it was typed.
 */
final class AuditSearchForm {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int MAX_LENGTH = 200;

    static final String RECORD_TYPE = "recordType";
    static final String RECORD_ID = "recordId";
    static final String ACTOR = "actor";
    static final String ACTION = "action";
    static final String FROM = "from";
    static final String TO = "to";

    /** A date as typed, and the key of its error (with the parts to highlight) if it is not a real date. */
    record TypedDate(String prefix, String day, String month, String year, String errorKey, Set<DateField.Part> parts) {

        boolean blank() {
            return day == null && month == null && year == null;
        }
    }

    final Map<String, String> text = new LinkedHashMap<>();
    final Map<String, String> textErrors = new LinkedHashMap<>();
    final TypedDate from;
    final TypedDate to;
    private final LocalDate fromDate;
    private final LocalDate toDate;

    private AuditSearchForm(Function<String, String> parameters) {
        for (String name : List.of(RECORD_TYPE, RECORD_ID, ACTOR, ACTION)) {
            String value = trimmed(parameters.apply(name));
            text.put(name, value);
            if (value != null && (value.length() > MAX_LENGTH || hasControlCharacter(value))) {
                textErrors.put(name, "audit.search.error." + name + ".invalid");
            }
        }
        if (text.get(RECORD_ID) != null && text.get(RECORD_TYPE) == null && !textErrors.containsKey(RECORD_TYPE)) {
            textErrors.put(RECORD_TYPE, "audit.search.error.recordType.needed");
        }
        TypedDate typedFrom = date(FROM, parameters);
        TypedDate typedTo = date(TO, parameters);
        LocalDate parsedFrom = parse(typedFrom);
        LocalDate parsedTo = parse(typedTo);
        if (parsedFrom != null && parsedTo != null && parsedTo.isBefore(parsedFrom)) {
            typedTo = new TypedDate(TO, typedTo.day(), typedTo.month(), typedTo.year(), "audit.search.error.to.beforeFrom",
                    EnumSet.noneOf(DateField.Part.class));
            parsedTo = null;
        }
        this.from = typedFrom;
        this.to = typedTo;
        this.fromDate = typedFrom.errorKey() == null ? parsedFrom : null;
        this.toDate = typedTo.errorKey() == null ? parsedTo : null;
    }

    static AuditSearchForm read(Function<String, String> parameters) {
        return new AuditSearchForm(parameters);
    }

    boolean valid() {
        return textErrors.isEmpty() && from.errorKey() == null && to.errorKey() == null;
    }

    /** The search; only for a valid form. The to date is inclusive: entries before the next day began in London. */
    AuditSearch search() {
        if (!valid()) {
            throw new IllegalStateException("the search has errors");
        }
        return new AuditSearch(text.get(RECORD_TYPE), text.get(RECORD_ID), text.get(ACTOR), text.get(ACTION),
                fromDate == null ? null : fromDate.atStartOfDay(LONDON).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(LONDON).toInstant());
    }

    /** The filters used, for the audit entry that records this search: references and dates only. */
    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        text.forEach((name, value) -> {
            if (value != null) {
                filters.put(name, value);
            }
        });
        if (fromDate != null) {
            filters.put(FROM, fromDate.toString());
        }
        if (toDate != null) {
            filters.put(TO, toDate.toString());
        }
        return filters;
    }

    /** The query string that repeats this search (without the page), each value as typed. */
    List<String[]> queryParameters() {
        List<String[]> query = new ArrayList<>();
        text.forEach((name, value) -> {
            if (value != null) {
                query.add(new String[] {name, value});
            }
        });
        for (TypedDate date : List.of(from, to)) {
            addIfPresent(query, date.prefix() + "-day", date.day());
            addIfPresent(query, date.prefix() + "-month", date.month());
            addIfPresent(query, date.prefix() + "-year", date.year());
        }
        return query;
    }

    private static void addIfPresent(List<String[]> query, String name, String value) {
        if (value != null) {
            query.add(new String[] {name, value});
        }
    }

    private static TypedDate date(String prefix, Function<String, String> parameters) {
        String day = trimmed(parameters.apply(prefix + "-day"));
        String month = trimmed(parameters.apply(prefix + "-month"));
        String year = trimmed(parameters.apply(prefix + "-year"));
        if (day == null && month == null && year == null) {
            return new TypedDate(prefix, null, null, null, null, Set.of());
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
            return new TypedDate(prefix, day, month, year, "audit.search.error." + prefix + ".incomplete", missing);
        }
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
            return new TypedDate(prefix, day, month, year, "audit.search.error." + prefix + ".real", Set.of());
        }
        try {
            LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return new TypedDate(prefix, day, month, year, null, Set.of());
        } catch (DateTimeException e) {
            return new TypedDate(prefix, day, month, year, "audit.search.error." + prefix + ".real", Set.of());
        }
    }

    private static LocalDate parse(TypedDate date) {
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

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
