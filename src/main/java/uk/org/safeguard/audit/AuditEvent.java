package uk.org.safeguard.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened, by reference only.
 *
 * @param actor who did it: a staff account reference such as {@code "account:42"}, {@code "system"},
 *     {@code "public"} or {@code "api-client:7"}
 * @param action what was done, a stable dotted name such as {@code "case.viewed"}, {@code "sign-in.failed"}
 * @param recordType the kind of record touched, such as {@code "case"}, or {@code null}
 * @param recordId the record's reference, or {@code null}
 * @param reason why, where the person gave a reason (break-glass, deletion), or {@code null}
 * @param details further references (never personal data), in a stable order
 */
public record AuditEvent(String actor, String action, String recordType, String recordId, String reason,
        Map<String, String> details) {

    /** The longest reason an entry keeps, in characters: a form that asks for one checks it against this. */
    public static final int MAX_REASON = 500;

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEvent of(String actor, String action) {
        return new AuditEvent(actor, action, null, null, null, Map.of());
    }

    public static AuditEvent of(String actor, String action, String recordType, String recordId) {
        return new AuditEvent(actor, action, recordType, recordId, null, Map.of());
    }

    public AuditEvent withReason(String why) {
        return new AuditEvent(actor, action, recordType, recordId, why, details);
    }

    public AuditEvent withDetail(String key, String value) {
        java.util.Map<String, String> more = new java.util.TreeMap<>(details);
        more.put(key, value);
        return new AuditEvent(actor, action, recordType, recordId, reason, more);
    }
}
