/**
 * Web (shared): the GOV.UK Frontend layout and the reusable jte components every page is built from,
 * the page context that carries translated text, the CSRF token and the language switcher into
 * templates, the security headers every response carries, and the GOV.UK-styled error pages. Other
 * modules render their pages with it; it knows nothing of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web (shared)", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package uk.org.safeguard.web;
