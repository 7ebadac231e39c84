package uk.org.safeguard.guidance.internal;

import java.time.Instant;
import java.util.Map;

/**
 * One version of an editable item (a page in one language, or a borough's contact).
 *
 * @param fields the item's text fields, by name
 * @param author {@code account:<id>} or {@code system}
 * @param publishedAt when it was published, or {@code null} for a draft or an unpublished older version
 */
record ContentVersion(long id, ContentKind kind, String key, String language, int version, Map<String, String> fields,
        String author, String changeNote, Instant createdAt, Instant publishedAt, String publishedBy, String seedSha256) {

    ContentVersion {
        fields = Map.copyOf(fields);
    }

    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    boolean published() {
        return publishedAt != null;
    }
}
