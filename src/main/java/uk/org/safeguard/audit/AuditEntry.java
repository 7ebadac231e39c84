package uk.org.safeguard.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One recorded entry of the trail, as oversight sees it.
 *
 * @param seq its place in the chain: 1, 2, 3, ... with no gaps
 * @param occurredAt when it was recorded, by the database clock (to the microsecond)
 * @param actor who did it (a reference, see {@link AuditEvent})
 * @param action what was done, such as {@code case.viewed}
 * @param recordType the kind of record touched, or {@code null}
 * @param recordId the record's reference, or {@code null}
 * @param reason the reason given, or {@code null}
 * @param details further references, sorted by key
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String recordType,
        String recordId, String reason, Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
