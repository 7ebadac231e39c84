/**
 * Insights: staff dashboards and public statistics. Volumes, sources, concern types, outcomes and
 * timeliness by borough; public figures with small-count and secondary suppression; referral rates per
 * 100,000 against the population; charts, a borough map, CSV and JSON downloads and an API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
package uk.org.safeguard.insights;
