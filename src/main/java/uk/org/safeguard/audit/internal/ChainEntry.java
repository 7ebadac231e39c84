package uk.org.safeguard.audit.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import uk.org.safeguard.audit.AuditEntry;

/**
 * A row of {@code audit_entry} with its links. {@code details} is {@code null} when the stored details
 * are not a JSON object of strings (which only tampering can produce): such an entry matches no hash.
 */
record ChainEntry(long seq, Instant occurredAt, String actor, String action, String recordType, String recordId,
        String reason, SortedMap<String, String> details, String previousHash, String hash) {

    ChainEntry {
        if (details != null) {
            details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
        }
    }

    /** This entry with its hash computed from its content and {@code previousHash}. */
    ChainEntry sealed() {
        return new ChainEntry(seq, occurredAt, actor, action, recordType, recordId, reason, details, previousHash,
                EntryHash.of(this));
    }

    /** The same content numbered {@code otherSeq}: to recognise an entry that was renumbered. */
    ChainEntry renumbered(long otherSeq) {
        return new ChainEntry(otherSeq, occurredAt, actor, action, recordType, recordId, reason, details, previousHash,
                hash);
    }

    /** Whether the stored hash is the hash of this entry's content and link. */
    boolean contentMatchesHash() {
        return details != null && hash != null && EntryHash.of(this).equals(hash);
    }

    AuditEntry toAuditEntry() {
        return new AuditEntry(seq, occurredAt, actor, action, recordType, recordId, reason, details);
    }
}
