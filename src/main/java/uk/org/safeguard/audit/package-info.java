/**
 * Audit: the tamper-evident trail of every view and change of personal data, every sign-in and every
 * administrative change, kept as a hash chain that can be verified and searched by oversight.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package uk.org.safeguard.audit;
