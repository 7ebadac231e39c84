/**
 * Research: multilingual survey questionnaires, responses collected by link or imported, weighting to
 * population margins by raking, estimates with confidence intervals, crosstabs, and the programme's six
 * headline indicators tracked wave by wave.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Research")
package uk.org.safeguard.research;
