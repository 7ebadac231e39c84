package uk.org.safeguard.audit;

/**
 * The tamper-evident audit trail. Every view, export, download or change of personal data, every
 * sign-in and failure, role change, break-glass, configuration change and deletion is recorded here,
 * in the caller's transaction, so that the change and its record commit or roll back together.
 *
 * <p>Entries hold references only (account ids, record ids, reference numbers), never personal data
 * in clear.
 */
public interface AuditTrail {

    /** Appends {@code event} to the chain within the current transaction (or its own, if none). */
    void record(AuditEvent event);
}
