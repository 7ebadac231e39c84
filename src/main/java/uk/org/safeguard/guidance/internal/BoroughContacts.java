package uk.org.safeguard.guidance.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Each borough's published safeguarding/Prevent contact, kept in memory like {@link PageContents}.
 * Contacts are versioned content ({@link ContentKind#CONTACT}, item key the borough's GSS code,
 * language {@link #LANGUAGE}): names, numbers and addresses are the same in every language.
 */
@Service
class BoroughContacts {

    /** Contacts are not translated: one version history per borough. */
    static final String LANGUAGE = "en";

    static final String TEAM = "team";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String WEBSITE = "website";
    static final String HOURS = "hours";
    static final String NOTES = "notes";
    /** "true" when the contact is an example shipped with demo data, not a verified fact. */
    static final String EXAMPLE = "example";

    private final PublishedCache<Contact> cache;

    BoroughContacts(ContentVersions versions, @Value("${safeguard.guidance.cache-ttl:30s}") Duration ttl,
            org.springframework.beans.factory.ObjectProvider<uk.org.safeguard.web.PublicPageCache> pageCache) {
        this.cache = new PublishedCache<>(
                code -> versions.published(ContentKind.CONTACT, code, LANGUAGE).map(Contact::of), ttl, pageCache);
    }

    /** The published contact of the borough with GSS code {@code boroughCode}, if it has one. */
    Optional<Contact> published(String boroughCode) {
        return cache.get(boroughCode);
    }

    /** Forgets this instance's copy, after a publish here. */
    void evict(String boroughCode) {
        cache.evict(boroughCode);
    }

    /** A borough's contact as the public sees it; empty strings for what it does not have. */
    public record Contact(String team, String phone, String email, String website, String hours, String notes,
            boolean example, int version) {

        static Contact of(ContentVersion version) {
            return new Contact(version.field(TEAM), version.field(PHONE), version.field(EMAIL), version.field(WEBSITE),
                    version.field(HOURS), version.field(NOTES), Boolean.parseBoolean(version.field(EXAMPLE)),
                    version.version());
        }
    }

}
