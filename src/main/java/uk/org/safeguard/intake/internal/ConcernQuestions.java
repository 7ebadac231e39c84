package uk.org.safeguard.intake.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.geography.PostcodeLookup;
import uk.org.safeguard.geography.PostcodeResult;

/**
 * The questions of {@code /concern}, in order, what each accepts and the error for what it does not. Answers
 * are checked as they are held in the draft, so a page is complete exactly when its stored answers pass,
 * whichever way they got there (typed, resumed with a code, changed from the check-answers page).
 */
@Component
class ConcernQuestions {

    static final String ABOUT = "about";
    static final String MYSELF = "myself";
    static final String SOMEONE_ELSE = "someone-else";
    static final String DANGER = "danger";
    static final String RELATIONSHIP = "relationship";
    static final String RELATIONSHIP_OTHER = "relationship-other";
    static final String AGE = "age";
    static final String POSTCODE = "postcode";
    static final String BOROUGH = "borough";
    static final String WHERE_UNKNOWN = "where-unknown";
    static final String NOTICED = "noticed";
    static final String NOTICED_DETAILS = "noticed-details";
    static final String SINCE = "since";
    static final String ONLINE = "online";
    static final String ONLINE_DETAILS = "online-details";
    static final String CHILDREN = "children";
    static final String OTHERS_KNOW = "others-know";
    static final String NAMED = "named";
    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String BEST_TIME = "best-time";

    static final int LONG_TEXT = 5000;
    static final int SHORT_TEXT = 200;

    static final List<String> ABOUT_VALUES = List.of(SOMEONE_ELSE, MYSELF);
    static final List<String> DANGER_VALUES = List.of("yes", "no");
    static final List<String> RELATIONSHIP_VALUES = List.of("family", "partner", "friend", "neighbour", "community",
            "work", "professional", "online", "other");
    static final List<String> AGE_VALUES = List.of("10-under", "11-15", "16-17", "18-20", "21-39", "40-over", "dont-know");
    /** The signs, in their groups (what is said, what is done, online, changes), in the order shown. */
    static final Map<String, List<String>> NOTICED_GROUPS = groups();
    static final List<String> NOTICED_VALUES = NOTICED_GROUPS.values().stream().flatMap(List::stream).toList();
    static final List<String> SINCE_VALUES = List.of("week", "month", "months", "longer", "dont-know");
    static final List<String> ONLINE_VALUES = List.of("tiktok", "youtube", "instagram", "x", "facebook", "telegram",
            "discord", "snapchat", "whatsapp", "gaming", "other");
    static final String ONLINE_NONE = "none";
    static final List<String> CHILDREN_VALUES = List.of("yes", "no", "dont-know");
    static final List<String> OTHERS_KNOW_VALUES = List.of("school", "family", "friends", "council", "health", "youth",
            "faith", "police", "other");
    static final String NOBODY = "nobody";
    static final List<String> NAMED_VALUES = List.of("no", "yes");

    private static final Pattern EMAIL_FORMAT = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ()\\-]+");

    /** A question page: its path under {@code /concern/}, the names of its answers and its message prefix. */
    enum Step {
        ABOUT_STEP("about", "about", List.of(ABOUT), List.of()),
        DANGER_STEP("danger", "danger", List.of(DANGER), List.of()),
        RELATIONSHIP_STEP("relationship", "relationship", List.of(RELATIONSHIP, RELATIONSHIP_OTHER), List.of()),
        AGE_STEP("age", "age", List.of(AGE), List.of()),
        WHERE_STEP("where", "where", List.of(POSTCODE, BOROUGH), List.of(WHERE_UNKNOWN)),
        NOTICED_STEP("noticed", "noticed", List.of(NOTICED_DETAILS), List.of(NOTICED)),
        SINCE_STEP("since", "since", List.of(SINCE), List.of()),
        ONLINE_STEP("online", "online", List.of(ONLINE_DETAILS), List.of(ONLINE)),
        CHILDREN_STEP("children", "children", List.of(CHILDREN), List.of()),
        OTHERS_KNOW_STEP("others-know", "othersKnow", List.of(), List.of(OTHERS_KNOW)),
        CONTACT_STEP("contact", "contact", List.of(NAMED, NAME, EMAIL, PHONE, BEST_TIME), List.of());

        private final String slug;
        private final String messages;
        private final List<String> single;
        private final List<String> multiple;

        Step(String slug, String messages, List<String> single, List<String> multiple) {
            this.slug = slug;
            this.messages = messages;
            this.single = single;
            this.multiple = multiple;
        }

        String path() {
            return "/concern/" + slug;
        }

        /** The message key prefix of this question's text: {@code intake.concern.<name>.}. */
        String messages() {
            return "intake.concern." + messages + ".";
        }

        /** Answers with one value (radios, text). */
        List<String> single() {
            return single;
        }

        /** Answers with any number of values (checkboxes). */
        List<String> multiple() {
            return multiple;
        }

        static Optional<Step> ofPath(String path) {
            for (Step step : values()) {
                if (step.path().equals(path)) {
                    return Optional.of(step);
                }
            }
            return Optional.empty();
        }
    }

    private final PostcodeLookup postcodes;
    private final Boroughs boroughs;

    ConcernQuestions(PostcodeLookup postcodes, Boroughs boroughs) {
        this.postcodes = postcodes;
        this.boroughs = boroughs;
    }

    static boolean aboutThemselves(Answers answers) {
        return MYSELF.equals(answers.get(ABOUT));
    }

    /** Whether a step is asked at all: how someone knows the person is not asked about themselves. */
    static boolean applies(Step step, Answers answers) {
        return step != Step.RELATIONSHIP_STEP || !aboutThemselves(answers);
    }

    /** The first question still to answer (or answered in a way that does not pass), if any. */
    Optional<Step> firstIncomplete(Answers answers) {
        for (Step step : Step.values()) {
            if (applies(step, answers) && !errors(step, answers).isEmpty()) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** The step after {@code step} that applies, if any. */
    static Optional<Step> next(Step step, Answers answers) {
        Step[] steps = Step.values();
        for (int i = step.ordinal() + 1; i < steps.length; i++) {
            if (applies(steps[i], answers)) {
                return Optional.of(steps[i]);
            }
        }
        return Optional.empty();
    }

    /** The step before {@code step} that applies, if any. */
    static Optional<Step> previous(Step step, Answers answers) {
        Step[] steps = Step.values();
        for (int i = step.ordinal() - 1; i >= 0; i--) {
            if (applies(steps[i], answers)) {
                return Optional.of(steps[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a step's stored answers: element id of the field in error to the message key of
     * its error, in the order the fields appear; empty when the step is complete.
     */
    Map<String, String> errors(Step step, Answers answers) {
        Map<String, String> errors = new LinkedHashMap<>();
        String p = step.messages();
        switch (step) {
            case ABOUT_STEP -> oneOf(errors, answers, ABOUT, ABOUT_VALUES, p + "error");
            case DANGER_STEP -> oneOf(errors, answers, DANGER, DANGER_VALUES, p + "error");
            case RELATIONSHIP_STEP -> {
                oneOf(errors, answers, RELATIONSHIP, RELATIONSHIP_VALUES, p + "error");
                String other = answers.get(RELATIONSHIP_OTHER);
                if ("other".equals(answers.get(RELATIONSHIP)) && other.isBlank()) {
                    errors.put(RELATIONSHIP_OTHER, p + "otherText.error");
                } else if (tooLong(other, SHORT_TEXT)) {
                    errors.put(RELATIONSHIP_OTHER, p + "otherText.tooLong");
                }
            }
            case AGE_STEP -> oneOf(errors, answers, AGE, AGE_VALUES, p + (aboutThemselves(answers) ? "error.self" : "error"));
            case WHERE_STEP -> where(errors, answers, p);
            case NOTICED_STEP -> {
                boolean ticked = answers.getAll(NOTICED).stream().anyMatch(NOTICED_VALUES::contains);
                String details = answers.get(NOTICED_DETAILS);
                if (!ticked && details.isBlank()) {
                    errors.put(NOTICED, p + "error");
                }
                if (tooLong(details, LONG_TEXT)) {
                    errors.put(NOTICED_DETAILS, p + "details.tooLong");
                }
            }
            case SINCE_STEP -> oneOf(errors, answers, SINCE, SINCE_VALUES, p + "error");
            case ONLINE_STEP -> {
                exclusive(errors, answers, ONLINE, ONLINE_VALUES, ONLINE_NONE, p);
                if (tooLong(answers.get(ONLINE_DETAILS), LONG_TEXT)) {
                    errors.put(ONLINE_DETAILS, p + "details.tooLong");
                }
            }
            case CHILDREN_STEP -> oneOf(errors, answers, CHILDREN, CHILDREN_VALUES, p + "error");
            case OTHERS_KNOW_STEP -> exclusive(errors, answers, OTHERS_KNOW, OTHERS_KNOW_VALUES, NOBODY, p);
            case CONTACT_STEP -> contact(errors, answers, p);
        }
        return errors;
    }

    private void where(Map<String, String> errors, Answers answers, String p) {
        String postcode = answers.get(POSTCODE).strip();
        String borough = answers.get(BOROUGH);
        boolean unknown = !answers.getAll(WHERE_UNKNOWN).isEmpty();
        if (unknown && (!postcode.isEmpty() || !borough.isEmpty())) {
            errors.put(POSTCODE, p + "both");
            return;
        }
        if (!unknown && postcode.isEmpty() && borough.isEmpty()) {
            errors.put(POSTCODE, p + "error");
            return;
        }
        if (!postcode.isEmpty() && (postcode.length() > 10 || postcodes.lookup(postcode) instanceof PostcodeResult.Invalid)) {
            errors.put(POSTCODE, p + "postcode.invalid");
        }
        if (!borough.isEmpty() && boroughs.byCode(borough).isEmpty()) {
            errors.put(BOROUGH, p + "borough.invalid");
        }
    }

    private static void contact(Map<String, String> errors, Answers answers, String p) {
        if (!oneOf(errors, answers, NAMED, NAMED_VALUES, p + "error")) {
            return;
        }
        String name = answers.get(NAME);
        String email = answers.get(EMAIL).strip();
        String phone = answers.get(PHONE).strip();
        String bestTime = answers.get(BEST_TIME);
        if ("no".equals(answers.get(NAMED))) {
            if (!name.isBlank() || !email.isEmpty() || !phone.isEmpty() || !bestTime.isBlank()) {
                errors.put(NAMED, p + "anonymousWithDetails");
            }
            return;
        }
        if (name.isBlank()) {
            errors.put(NAME, p + "name.error");
        } else if (tooLong(name, SHORT_TEXT)) {
            errors.put(NAME, p + "name.tooLong");
        }
        if (email.isEmpty() && phone.isEmpty()) {
            errors.put(EMAIL, p + "reach.error");
        }
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL_FORMAT.matcher(email).matches())) {
            errors.put(EMAIL, p + "email.invalid");
        }
        if (!phone.isEmpty() && !validPhone(phone)) {
            errors.put(PHONE, p + "phone.invalid");
        }
        if (tooLong(bestTime, SHORT_TEXT)) {
            errors.put(BEST_TIME, p + "bestTime.tooLong");
        }
    }

    static boolean validPhone(String phone) {
        if (phone.length() > 30 || !PHONE_CHARACTERS.matcher(phone).matches()) {
            return false;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15;
    }

    /** A radio answer: one of {@code allowed}; returns whether it is. */
    private static boolean oneOf(Map<String, String> errors, Answers answers, String name, List<String> allowed,
            String errorKey) {
        if (!allowed.contains(answers.get(name))) {
            errors.put(name, errorKey);
            return false;
        }
        return true;
    }

    /** Checkboxes with a "none of these" choice that cannot go with the others. */
    private static void exclusive(Map<String, String> errors, Answers answers, String name, List<String> allowed,
            String none, String p) {
        List<String> ticked = answers.getAll(name);
        boolean any = ticked.stream().anyMatch(allowed::contains);
        boolean nothing = ticked.contains(none);
        if (!any && !nothing) {
            errors.put(name, p + "error");
        } else if (any && nothing) {
            errors.put(name, p + "exclusive");
        }
    }

    private static boolean tooLong(String text, int max) {
        return text.codePointCount(0, text.length()) > max;
    }

    /** The details to store, from a complete draft. */
    static ConcernDetails details(Answers a) {
        boolean myself = aboutThemselves(a);
        boolean anonymous = !"yes".equals(a.get(NAMED));
        boolean other = !myself && "other".equals(a.get(RELATIONSHIP));
        return new ConcernDetails(a.get(ABOUT), "yes".equals(a.get(DANGER)),
                myself ? null : a.get(RELATIONSHIP), other ? a.get(RELATIONSHIP_OTHER) : null,
                a.get(AGE), blankToNull(a.get(POSTCODE).strip()), blankToNull(a.get(BOROUGH)),
                !a.getAll(WHERE_UNKNOWN).isEmpty(),
                a.getAll(NOTICED).stream().filter(NOTICED_VALUES::contains).toList(), a.get(NOTICED_DETAILS),
                a.get(SINCE), a.getAll(ONLINE), a.get(ONLINE_DETAILS), a.get(CHILDREN), a.getAll(OTHERS_KNOW),
                anonymous, anonymous ? null : a.get(NAME), anonymous ? null : blankToNull(a.get(EMAIL).strip()),
                anonymous ? null : blankToNull(a.get(PHONE).strip()), anonymous ? null : blankToNull(a.get(BEST_TIME)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("says", List.of("violence", "hatred", "slogans", "harm"));
        groups.put("does", List.of("contacts", "weapons", "secretive", "travel"));
        groups.put("online", List.of("content", "groups", "groomed"));
        groups.put("changes", List.of("withdrawn", "sudden", "mood", "stopped"));
        return java.util.Collections.unmodifiableMap(groups);
    }
}
