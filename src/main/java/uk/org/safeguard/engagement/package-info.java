/**
 * Engagement: events and workshops held across the boroughs (audience, attendance, feedback themes) and
 * specialist advisors' recommendations with their follow-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement")
package uk.org.safeguard.engagement;
