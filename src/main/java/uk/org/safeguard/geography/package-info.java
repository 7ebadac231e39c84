/**
 * Geography: London's 33 local authorities (the 32 boroughs and the City), postcode lookup and the
 * Census 2021 population, main-language and ethnic-group tables that statistics are set against.
 * The data are the city's open data files shipped under {@code src/main/resources/geography/} (see
 * {@code docs/data-provenance.md}); at start-up a loader copies any file whose SHA-256 has changed into
 * the {@code geography_*} tables, so the services here only ever read. {@link uk.org.safeguard.geography.PostcodeLookup}
 * answers "which borough is this postcode in?", including the honest "partly" answer for a postcode
 * district or sector that straddles boroughs or London's edge.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography")
package uk.org.safeguard.geography;
