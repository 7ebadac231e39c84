package uk.org.safeguard.guidance.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The edit form of a borough's contact, as typed, and what is wrong with it. Every field but the team's
 * name is optional; what is given must be usable as it is shown (a UK phone number, an email address, a
 * secure web address).
 *
 * @param example whether this is an example, not a verified contact
 * @param note the change note
 */
record ContentAdminContactForm(String team, String phone, String email, String website, String hours, String notes,
        boolean example, String note) {

    static final int TEAM_MAX = 120;
    static final int HOURS_MAX = 120;
    static final int NOTES_MAX = 500;
    static final int NOTE_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int WEBSITE_MAX = 300;

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ]+");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@.]{2,}");

    ContentAdminContactForm {
        team = ContentAdminSupport.typed(team);
        phone = ContentAdminSupport.typed(phone).replaceAll("\\s+", " ");
        email = ContentAdminSupport.typed(email);
        website = ContentAdminSupport.typed(website);
        hours = ContentAdminSupport.typed(hours);
        notes = ContentAdminSupport.typed(notes);
        note = ContentAdminSupport.typed(note);
    }

    /** The form filled from a stored version, with no change note yet. */
    static ContentAdminContactForm of(ContentVersion version) {
        return new ContentAdminContactForm(version.field(BoroughContacts.TEAM), version.field(BoroughContacts.PHONE),
                version.field(BoroughContacts.EMAIL), version.field(BoroughContacts.WEBSITE),
                version.field(BoroughContacts.HOURS), version.field(BoroughContacts.NOTES),
                Boolean.parseBoolean(version.field(BoroughContacts.EXAMPLE)), "");
    }

    static ContentAdminContactForm blank() {
        return new ContentAdminContactForm("", "", "", "", "", "", false, "");
    }

    /** The message key of each field in error, by field name; a preview needs no change note, a save does. */
    Map<String, String> errors(boolean saving) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (team.isEmpty()) {
            errors.put("team", "content.contact.error.teamEmpty");
        } else if (team.length() > TEAM_MAX) {
            errors.put("team", "content.contact.error.teamLong");
        }
        if (!phone.isEmpty() && !validPhone(phone)) {
            errors.put("phone", "content.contact.error.phone");
        }
        if (!email.isEmpty() && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            errors.put("email", "content.contact.error.email");
        }
        if (!website.isEmpty() && !validWebsite(website)) {
            errors.put("website", "content.contact.error.website");
        }
        if (hours.length() > HOURS_MAX) {
            errors.put("hours", "content.contact.error.hoursLong");
        }
        if (notes.length() > NOTES_MAX) {
            errors.put("notes", "content.contact.error.notesLong");
        }
        if (saving) {
            if (note.isEmpty()) {
                errors.put("note", "content.error.noteEmpty");
            } else if (note.length() > NOTE_MAX) {
                errors.put("note", "content.error.noteLong");
            }
        }
        return errors;
    }

    /** A UK number as people write it: digits and spaces, perhaps a leading +, 10 to 13 digits in all. */
    static boolean validPhone(String phone) {
        if (!PHONE.matcher(phone).matches()) {
            return false;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        return digits >= 10 && digits <= 13;
    }

    /** An https address of a named host, nothing else (no http, no javascript:, no spaces). */
    static boolean validWebsite(String website) {
        if (website.length() > WEBSITE_MAX || !website.startsWith("https://") || website.chars().anyMatch(
                c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(website);
            String host = uri.getHost();
            return "https".equals(uri.getScheme()) && host != null && host.contains(".") && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The version's fields as {@link BoroughContacts} reads them. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(BoroughContacts.TEAM, team);
        fields.put(BoroughContacts.PHONE, phone);
        fields.put(BoroughContacts.EMAIL, email);
        fields.put(BoroughContacts.WEBSITE, website);
        fields.put(BoroughContacts.HOURS, hours);
        fields.put(BoroughContacts.NOTES, notes);
        fields.put(BoroughContacts.EXAMPLE, String.valueOf(example));
        return fields;
    }
}
