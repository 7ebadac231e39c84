/**
 * Guidance: the public pages most people will ever see. The start page, the signs that someone may be
 * vulnerable to being drawn into extremism, the "is this a concern?" check, finding help near you by
 * postcode or borough, what happens after a concern is shared, the privacy notice, the accessibility
 * statement, cookies, and the short learning modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance")
package uk.org.safeguard.guidance;
