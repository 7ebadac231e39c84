package uk.org.safeguard.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a professional referral complete and well formed, the same for the {@code /refer} form and
 * the partner API. Each problem names the field (as a dotted path into {@link ReferralDetails}, which is
 * also the API's JSON path) and the message key of the GOV.UK-style error text in the {@code referral}
 * bundle.
 */
final class ReferralRules {

    /** What the referrer may have seen or heard; the form shows them as checkboxes, the API takes the codes. */
    static final List<String> INDICATORS = List.of("expressed-support-for-violence", "extremist-material",
            "changed-behaviour", "isolation", "contact-with-extremists", "online-activity", "hateful-language",
            "talked-about-harming-others", "travel-to-conflict-zone", "other");

    static final int SHORT = 200;
    static final int LONG = 5000;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{7,20}");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ReferralRules() {
    }

    /** One thing wrong with a field. */
    record Problem(String field, String messageKey) {
    }

    static List<Problem> check(ReferralDetails referral, Clock clock) {
        List<Problem> problems = new ArrayList<>();
        if (referral == null) {
            problems.add(new Problem("person", "referral.error.missing"));
            return problems;
        }
        ReferralDetails.Person person = referral.person();
        if (person == null) {
            problems.add(new Problem("person.fullName", "referral.error.person-name"));
        } else {
            required(problems, "person.fullName", person.fullName(), SHORT, "referral.error.person-name");
            LocalDate born = person.dateOfBirth();
            LocalDate today = LocalDate.now(clock.withZone(LONDON));
            if (born != null && born.isAfter(today)) {
                problems.add(new Problem("person.dateOfBirth", "referral.error.date-of-birth-future"));
            } else if (born != null && born.isBefore(today.minusYears(120))) {
                problems.add(new Problem("person.dateOfBirth", "referral.error.date-of-birth-past"));
            }
            optional(problems, "person.address", person.address(), 500);
            optional(problems, "person.postcode", person.postcode(), 10);
            optional(problems, "person.gender", person.gender(), SHORT);
            optional(problems, "person.schoolOrWorkplace", person.schoolOrWorkplace(), SHORT);
        }
        ReferralDetails.Referrer referrer = referral.referrer();
        if (referrer == null) {
            problems.add(new Problem("referrer.fullName", "referral.error.referrer-name"));
            problems.add(new Problem("referrer.email", "referral.error.email"));
        } else {
            required(problems, "referrer.fullName", referrer.fullName(), SHORT, "referral.error.referrer-name");
            required(problems, "referrer.organisation", referrer.organisation(), SHORT, "referral.error.organisation");
            required(problems, "referrer.role", referrer.role(), SHORT, "referral.error.role");
            if (blank(referrer.email())) {
                problems.add(new Problem("referrer.email", "referral.error.email"));
            } else if (referrer.email().length() > 254 || !EMAIL.matcher(referrer.email().strip()).matches()) {
                problems.add(new Problem("referrer.email", "referral.error.email-format"));
            }
            if (blank(referrer.phone())) {
                problems.add(new Problem("referrer.phone", "referral.error.phone"));
            } else if (!PHONE.matcher(referrer.phone().strip()).matches()) {
                problems.add(new Problem("referrer.phone", "referral.error.phone-format"));
            }
        }
        required(problems, "relationship", referral.relationship(), SHORT, "referral.error.relationship");
        required(problems, "howConcernArose", referral.howConcernArose(), LONG, "referral.error.how-concern-arose");
        if (referral.indicators().isEmpty()) {
            problems.add(new Problem("indicators", "referral.error.indicators"));
        } else if (!Set.copyOf(INDICATORS).containsAll(referral.indicators())) {
            problems.add(new Problem("indicators", "referral.error.indicators-unknown"));
        }
        optional(problems, "ideologyOrGroup", referral.ideologyOrGroup(), SHORT);
        optional(problems, "onlineActivity", referral.onlineActivity(), LONG);
        optional(problems, "worryingContacts", referral.worryingContacts(), LONG);
        optional(problems, "threats", referral.threats(), LONG);
        optional(problems, "sendOrDisability", referral.sendOrDisability(), LONG);
        optional(problems, "otherSafeguardingConcerns", referral.otherSafeguardingConcerns(), LONG);
        optional(problems, "discussedWithPerson", referral.discussedWithPerson(), LONG);
        optional(problems, "discussedWithParents", referral.discussedWithParents(), LONG);
        optional(problems, "otherAgencies", referral.otherAgencies(), LONG);
        required(problems, "fears", referral.fears(), LONG, "referral.error.fears");
        return problems;
    }

    private static void required(List<Problem> problems, String field, String value, int max, String key) {
        if (blank(value)) {
            problems.add(new Problem(field, key));
        } else {
            optional(problems, field, value, max);
        }
    }

    private static void optional(List<Problem> problems, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(new Problem(field, max == SHORT ? "referral.error.too-long-short"
                    : max == LONG ? "referral.error.too-long" : "referral.error.too-long-" + max));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
