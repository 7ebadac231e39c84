package uk.org.safeguard.guidance.internal;

import java.util.List;

import uk.org.safeguard.geography.Borough;

/**
 * What the "Choose your borough" page shows for a postcode area that does not point to one borough.
 *
 * @param area the postcode district ({@code SE1}) or sector ({@code SE1 7})
 * @param boroughs the London boroughs the area's postcodes are in, largest share first
 * @param postcode for a full postcode that we could not find, that postcode (upper case, one space); else null
 * @param outside how much of the area is outside London: none, part of it or most of it
 */
public record HelpChoice(String area, List<Borough> boroughs, String postcode, Outside outside) {

    public HelpChoice {
        boroughs = List.copyOf(boroughs);
    }

    public boolean unknownPostcode() {
        return postcode != null;
    }

    public boolean severalBoroughs() {
        return boroughs.size() > 1;
    }

    /** How much of a postcode area lies outside London. */
    public enum Outside {
        NONE, PART, MOST
    }
}
