/**
 * Identity: staff accounts and the organisations they belong to, roles with explicit permissions,
 * borough scope, two-factor sign-in and time-limited break-glass access with a reason.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package uk.org.safeguard.identity;
