package uk.org.safeguard.geography;

/**
 * The part of a postcode district or sector that lies in one borough.
 *
 * @param share the borough's live postcode units divided by all live postcode units of the area, from
 *        0 to 1; it counts postcodes, not addresses or people
 */
public record BoroughShare(Borough borough, double share) {
}
