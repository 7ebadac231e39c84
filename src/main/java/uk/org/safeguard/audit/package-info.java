/**
 * Audit: the tamper-evident trail of every view and change of personal data, every sign-in and every
 * administrative change. Other modules call {@link uk.org.safeguard.audit.AuditTrail#record} inside the
 * transaction of the change it records (so both commit or neither does) and read the trail through
 * {@link uk.org.safeguard.audit.AuditQueries}. Entries hold references only, are numbered without gaps
 * and form a SHA-256 hash chain whose head is kept in {@code audit_head}; {@code admin verify-audit}
 * walks the chain and names the first entry altered, inserted or removed, and a daily job writes the
 * head to the log ({@code audit-anchor seq=... hash=...}) so that it can be anchored outside the database
 * and checked with {@code verify-audit --anchor seq:hash}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "platform")
package uk.org.safeguard.audit;
