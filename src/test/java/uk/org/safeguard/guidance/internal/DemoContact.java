package uk.org.safeguard.guidance.internal;

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.Boroughs;

/** Tests that change a borough's contact publish its demo example contact again when they end. */
final class DemoContact {

    private DemoContact() {
    }

    static void restore(ContentVersions versions, BoroughContacts contacts, Boroughs boroughs, String code) {
        Borough borough = boroughs.byCode(code).orElseThrow();
        versions.append(ContentKind.CONTACT, code, BoroughContacts.LANGUAGE, DemoBoroughContacts.fields(borough),
                "system", "Example contact for the demo", true, null);
        contacts.evict(code);
    }
}
