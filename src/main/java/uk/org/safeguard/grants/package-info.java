/**
 * Grants: the programme's community grant rounds. Themes, applications, scoring by assessors who declare
 * conflicts of interest, awards and payments, monitoring returns, and open data in the 360Giving standard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grants")
package uk.org.safeguard.grants;
