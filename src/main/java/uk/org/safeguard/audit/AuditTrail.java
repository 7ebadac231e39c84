package uk.org.safeguard.audit;

/**
 * The tamper-evident audit trail. Every view, export, download or change of personal data, every
 * sign-in and failure, role change, break-glass, configuration change and deletion is recorded here,
 * in the caller's transaction, so that the change and its record commit or roll back together.
 *
 * <p>Entries hold references only (account ids, record ids, reference numbers), never personal data
 * in clear.
 *
 * <p>Appending takes the chain's one lock (a row lock on its head), held until the caller's transaction
 * ends: every instance's entries form a single numbered chain, so record as late in a transaction as
 * you can and keep such transactions short.
 */
public interface AuditTrail {

    /**
     * Appends {@code event} to the chain within the current transaction (or its own, if none).
     *
     * @throws IllegalArgumentException if a part of the event is not a reference: too long, containing
     *     control characters, or (for the actor, record id and detail keys) containing spaces or an
     *     {@code @}
     */
    void record(AuditEvent event);

    /**
     * Appends {@code events}, in order, within the current transaction (or its own, if none): the same as
     * recording each in turn, but an implementation may take the chain's lock once for all of them.
     *
     * @throws IllegalArgumentException as {@link #record}, before anything is appended
     */
    default void recordAll(java.util.List<AuditEvent> events) {
        events.forEach(this::record);
    }
}
