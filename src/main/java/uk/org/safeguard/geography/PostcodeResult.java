package uk.org.safeguard.geography;

import java.util.List;

/** What {@link PostcodeLookup#lookup(String)} found: one of four answers. */
public sealed interface PostcodeResult {

    /**
     * A full postcode that is in London.
     *
     * @param postcode the postcode as written, upper case with one space: {@code SW1A 1AA}
     */
    record InLondon(Borough borough, String postcode) implements PostcodeResult {
    }

    /**
     * An area that is wholly or partly in London, with how its postcodes divide between boroughs.
     *
     * @param area the postcode district ({@code SE1}) or sector ({@code SE1 7}) whose shares these are
     * @param shares the London boroughs' shares, largest first
     * @param outsideLondonShare the share of the area's postcodes outside London (or with no local authority)
     * @param unknownUnit true when a full postcode was asked for but is not a live London postcode (it may
     *        be new, terminated, mistyped or outside London), so the answer describes its sector or district
     */
    record Partial(String area, List<BoroughShare> shares, double outsideLondonShare, boolean unknownUnit)
            implements PostcodeResult {

        public Partial {
            shares = List.copyOf(shares);
        }
    }

    /**
     * A well-formed postcode, sector or district with no part in London.
     *
     * @param normalised the input, upper case with one space where a postcode has one: {@code M1 1AE}, {@code EH1}
     */
    record NotInLondon(String normalised) implements PostcodeResult {
    }

    /** Input that is not a postcode, sector or district at all. */
    record Invalid(String reason) implements PostcodeResult {
    }
}
