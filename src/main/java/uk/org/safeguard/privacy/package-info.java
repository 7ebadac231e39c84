/**
 * Privacy: the keys that encrypt personal data (envelope encryption, master key outside the database),
 * retention rules by outcome with legal holds, deletion that also makes old backups unreadable, and
 * subject access exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package uk.org.safeguard.privacy;
