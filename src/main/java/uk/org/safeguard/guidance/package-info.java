/**
 * Guidance: the public pages most people will ever see. The start page, the signs that someone may be
 * vulnerable to being drawn into extremism, the "is this a concern?" check, finding help near you by
 * postcode or borough, what happens after a concern is shared, the privacy notice, the accessibility
 * statement, cookies, and the short learning modules. Their text, in every language, and each borough's
 * contact are versioned data that staff with {@link uk.org.safeguard.identity.Permission#CONTENT_MANAGE}
 * edit, preview, save as drafts and publish under {@code /staff/content}; saving and publishing are audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance")
package uk.org.safeguard.guidance;
