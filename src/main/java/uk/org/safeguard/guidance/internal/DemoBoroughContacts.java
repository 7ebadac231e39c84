package uk.org.safeguard.guidance.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.platform.DemoDataSet;

/**
 * An example safeguarding/Prevent contact for every borough, so the help pages show what a real one will
 * look like. None of it is real: the numbers are from Ofcom's range kept for drama (020 7946 0000 to
 * 020 7946 0999), the addresses are at example.org, and each is published with {@code example=true},
 * which the page turns into a plain "Example contact: not a real number" warning.
 */
@Component
class DemoBoroughContacts implements DemoDataSet {

    static final String HOURS = "Monday to Friday, 9am to 5pm";

    private final Boroughs boroughs;
    private final ContentVersions versions;
    private final BoroughContacts contacts;

    DemoBoroughContacts(Boroughs boroughs, ContentVersions versions, BoroughContacts contacts) {
        this.boroughs = boroughs;
        this.versions = versions;
        this.contacts = contacts;
    }

    @Override
    public String name() {
        return "guidance.borough-contacts";
    }

    @Override
    public void load() {
        for (Borough borough : boroughs.all()) {
            versions.append(ContentKind.CONTACT, borough.code(), BoroughContacts.LANGUAGE, fields(borough), "system",
                    "Example contact for the demo", true, null);
            contacts.evict(borough.code());
        }
    }

    /** The example contact of one borough; its phone number is 020 7946 0 and the GSS code's last three digits. */
    static Map<String, String> fields(Borough borough) {
        String number = borough.code().substring(borough.code().length() - 3);
        Map<String, String> fields = new LinkedHashMap<>();
        // The City of London is governed by the City of London Corporation, not a council.
        String authority = HelpController.CITY_OF_LONDON.equals(borough.code()) ? " Corporation" : " Council";
        fields.put(BoroughContacts.TEAM, borough.name() + authority + " Prevent team (example)");
        fields.put(BoroughContacts.PHONE, "020 7946 0" + number);
        fields.put(BoroughContacts.EMAIL, "prevent." + borough.slug() + "@example.org");
        fields.put(BoroughContacts.WEBSITE, "https://www.example.org/" + borough.slug() + "/prevent");
        fields.put(BoroughContacts.HOURS, HOURS);
        fields.put(BoroughContacts.EXAMPLE, "true");
        return fields;
    }
}
