package uk.org.safeguard.intake.internal;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import uk.org.safeguard.web.DateField;

/**
 * What the referral and hate-report journeys share: text in the page's language, reading posted values,
 * dates typed as day, month and year boxes, and when a draft was begun (for {@link AbuseGuard}).
 */
@Component
class ReportForms {

    private final MessageSource messages;
    private final JdbcClient jdbc;

    private final AbuseGuard abuseGuard;

    ReportForms(MessageSource messages, JdbcClient jdbc, AbuseGuard abuseGuard) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.abuseGuard = abuseGuard;
    }

    /**
     * What the check-answers page shows when a submission cannot go yet: the errors (empty when it may go)
     * and the form token to put on the page again.
     */
    record Gate(List<uk.org.safeguard.web.ErrorItem> errors, String token) {

        boolean passed() {
            return errors.isEmpty();
        }
    }

    /**
     * The gate every report passes before it is submitted: each step's answers valid (an error links to the
     * step's field, to change it), then {@link AbuseGuard}'s checks (a refusal keeps the same token when the
     * form was only sent too quickly, and issues a new one otherwise).
     */
    <S> Gate gate(List<S> steps, java.util.function.Function<S, java.util.Map<String, String>> problems,
            java.util.function.Function<S, String> path, java.util.function.UnaryOperator<String> anchor,
            String clientAddress, UUID draftId, String token, String nonce, String honeypot) {
        List<uk.org.safeguard.web.ErrorItem> errors = new java.util.ArrayList<>();
        for (S step : steps) {
            problems.apply(step).forEach((field, message) -> errors.add(
                    new uk.org.safeguard.web.ErrorItem(path.apply(step) + "?change#" + anchor.apply(field), message)));
        }
        if (!errors.isEmpty()) {
            return new Gate(errors, abuseGuard.issueToken());
        }
        AbuseGuard.Verdict verdict = abuseGuard.check(clientAddress, token, nonce, honeypot, draftStartedAt(draftId));
        if (!verdict.accepted()) {
            return new Gate(List.of(new uk.org.safeguard.web.ErrorItem("#send", t(verdict.messageKey()))),
                    verdict == AbuseGuard.Verdict.TOO_QUICK ? token : abuseGuard.issueToken());
        }
        return new Gate(List.of(), token);
    }

    /** The text in the page's language, numbers in Western digits as on every page. */
    String t(String key, Object... args) {
        return messages.getMessage(key, args, new java.util.Locale.Builder().setLocale(LocaleContextHolder.getLocale())
                .setUnicodeLocaleKeyword("nu", "latn").build());
    }

    /** The language of the page, as stored with a submission. */
    static String language() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return language == null || !language.matches("[a-z]{2,3}") ? "en" : language;
    }

    /** When the draft was begun, or null. */
    Instant draftStartedAt(UUID draftId) {
        return jdbc.sql("SELECT created_at FROM intake_draft WHERE id = :id").param("id", draftId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }

    /** A posted single value, exactly as typed ({@code ""} when absent). */
    static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    /** Posted checkbox values, without the empty marker some forms send. */
    static List<String> values(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values.stream().filter(v -> !v.isEmpty()).toList();
    }

    /**
     * Keeps a step's posted fields in its draft's answers, exactly as typed: a date field as its three boxes
     * ({@code name-day}, {@code name-month}, {@code name-year}), a checkbox field as all its values, any
     * other as its single value.
     */
    static void read(MultiValueMap<String, String> form, Answers answers, List<String> fields, Set<String> dates,
            Set<String> checkboxes) {
        for (String name : fields) {
            if (dates.contains(name)) {
                for (String part : List.of("-day", "-month", "-year")) {
                    answers.put(name + part, value(form, name + part));
                }
            } else if (checkboxes.contains(name)) {
                answers.putAll(name, values(form, name));
            } else {
                answers.put(name, value(form, name));
            }
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A date typed as three boxes, read the GOV.UK way.
     *
     * @param date the date, when it is one
     * @param problem {@code missing} (nothing typed), {@code incomplete}, {@code real} (not a real date) or null
     * @param parts the boxes to highlight
     */
    record TypedDate(LocalDate date, String problem, Set<DateField.Part> parts) {

        boolean empty() {
            return "missing".equals(problem);
        }
    }

    static TypedDate readDate(String day, String month, String year) {
        String d = day == null ? "" : day.strip();
        String m = month == null ? "" : month.strip();
        String y = year == null ? "" : year.strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return new TypedDate(null, "missing", Set.of());
        }
        EnumSet<DateField.Part> missing = EnumSet.noneOf(DateField.Part.class);
        if (d.isEmpty()) {
            missing.add(DateField.Part.DAY);
        }
        if (m.isEmpty()) {
            missing.add(DateField.Part.MONTH);
        }
        if (y.isEmpty()) {
            missing.add(DateField.Part.YEAR);
        }
        if (!missing.isEmpty()) {
            return new TypedDate(null, "incomplete", missing);
        }
        if (!d.matches("[0-9]{1,2}") || !m.matches("[0-9]{1,2}") || !y.matches("[0-9]{4}")) {
            return new TypedDate(null, "real", Set.of());
        }
        try {
            return new TypedDate(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)), null,
                    Set.of());
        } catch (DateTimeException notADate) {
            return new TypedDate(null, "real", Set.of());
        }
    }

    /** A date formatted for a check-answers page, like 7 March 2026. */
    static String format(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                Optional.ofNullable(LocaleContextHolder.getLocale()).orElse(Locale.UK)));
    }
}
