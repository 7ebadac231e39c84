package uk.org.safeguard.audit;

import java.time.Instant;

/**
 * What oversight is looking for in the trail; every part left {@code null} matches anything.
 *
 * <pre>{@code AuditSearch.all().forRecord("case", "SG-2026-0042").between(from, to)}</pre>
 *
 * @param recordType entries about this kind of record
 * @param recordId entries about this record (needs {@code recordType})
 * @param actor entries by this person or system
 * @param action entries of this action, such as {@code case.viewed}
 * @param from entries recorded at or after this instant
 * @param to entries recorded before this instant
 */
public record AuditSearch(String recordType, String recordId, String actor, String action, Instant from,
        Instant to) {

    public AuditSearch {
        if (recordId != null && recordType == null) {
            throw new IllegalArgumentException("a record id needs its record type");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("'to' is before 'from'");
        }
    }

    /** The whole trail. */
    public static AuditSearch all() {
        return new AuditSearch(null, null, null, null, null, null);
    }

    public AuditSearch forRecord(String type, String id) {
        return new AuditSearch(type, id, actor, action, from, to);
    }

    public AuditSearch byActor(String who) {
        return new AuditSearch(recordType, recordId, who, action, from, to);
    }

    public AuditSearch withAction(String what) {
        return new AuditSearch(recordType, recordId, actor, what, from, to);
    }

    /** Entries recorded at or after {@code start} and before {@code end}; either may be {@code null}. */
    public AuditSearch between(Instant start, Instant end) {
        return new AuditSearch(recordType, recordId, actor, action, start, end);
    }
}
