/**
 * Identity: staff accounts and the organisations they belong to, roles with explicit permissions,
 * borough scope, and two-factor sign-in (Argon2id password, then TOTP or a single-use recovery code;
 * set up at first sign-in with a QR code). Other modules ask {@link uk.org.safeguard.identity.StaffAccess}
 * who is signed in ({@link uk.org.safeguard.identity.StaffUser}) and check
 * {@link uk.org.safeguard.identity.Permission}s and boroughs, never roles; they declare the access rule
 * of each of their routes as a {@link uk.org.safeguard.web.RouteRule} bean, from which the staff filter
 * chain is built. Sessions end after 30 idle minutes, 12 hours after sign-in, or on "sign out everywhere".
 * Identity also serves oversight's search of the audit trail ({@code /staff/audit}, for
 * {@link uk.org.safeguard.identity.Permission#AUDIT_READ}) through audit's public
 * {@link uk.org.safeguard.audit.AuditQueries}: identity already records its events in the trail, so the
 * page living in audit would make audit and identity depend on each other.
 * A staff member's email address, name and TOTP secret are encrypted with the privacy module's
 * {@link uk.org.safeguard.privacy.FieldEncryption} (record family {@code staff}) and found by the
 * {@link uk.org.safeguard.privacy.BlindIndex} term of the email; throttle subjects, reset tokens and
 * recovery codes are stored as its keyed terms. Identity holds no key of its own.
 * Time-limited break-glass access is still to come.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package uk.org.safeguard.identity;
