package uk.org.safeguard.guidance.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A borough's safeguarding/Prevent contact as the help page shows it: the text as published, and link
 * targets only where the text makes a safe one (a {@code tel:} from digits, {@code mailto:} for an
 * address, and only http(s) websites, so a stray {@code javascript:} is never a link).
 *
 * @param example true when the contact is example data shipped with the demo, not a verified fact
 */
public record HelpContact(String team, String phone, String phoneHref, String email, String emailHref,
        String website, String websiteHref, String hours, String notes, boolean example) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static HelpContact of(BoroughContacts.Contact contact) {
        String email = contact.email().strip();
        String website = contact.website().strip();
        String scheme = website.toLowerCase(Locale.ROOT);
        boolean web = scheme.startsWith("https://") || scheme.startsWith("http://");
        return new HelpContact(contact.team().strip(), contact.phone().strip(), HelpLines.tel(contact.phone()),
                email, EMAIL.matcher(email).matches() ? "mailto:" + email : null,
                website, web ? website : null, contact.hours().strip(), contact.notes().strip(), contact.example());
    }

    public boolean hasDetails() {
        return !phone.isEmpty() || !email.isEmpty() || !website.isEmpty() || !hours.isEmpty();
    }
}
