package uk.org.safeguard.intake.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.org.safeguard.geography.Boroughs;
import uk.org.safeguard.geography.PostcodeLookup;
import uk.org.safeguard.geography.PostcodeResult;

/**
 * Which borough team a submission goes to: the borough of a full London postcode, or of an area that lies
 * wholly in one borough, or the borough the person chose. Anything else (no answer, an area shared
 * between boroughs, outside London, not a postcode) goes to the city-wide triage queue ({@code null}),
 * where a person decides.
 */
@Component
class BoroughRouting {

    private final PostcodeLookup postcodes;
    private final Boroughs boroughs;

    BoroughRouting(PostcodeLookup postcodes, Boroughs boroughs) {
        this.postcodes = postcodes;
        this.boroughs = boroughs;
    }

    /**
     * @param postcode as typed, or null/blank
     * @param chosenBoroughCode a borough code the person picked, or null
     * @return the borough code, or {@code null} for the city-wide triage queue
     */
    String route(String postcode, String chosenBoroughCode) {
        if (chosenBoroughCode != null && boroughs.byCode(chosenBoroughCode).isPresent()) {
            return chosenBoroughCode;
        }
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        return boroughOf(postcode).orElse(null);
    }

    /** The single London borough a postcode (or area) is in, if there is exactly one. */
    Optional<String> boroughOf(String postcode) {
        PostcodeResult result = postcodes.lookup(postcode);
        if (result instanceof PostcodeResult.InLondon inLondon) {
            return Optional.of(inLondon.borough().code());
        }
        if (result instanceof PostcodeResult.Partial partial && partial.outsideLondonShare() == 0
                && partial.shares().size() == 1) {
            return Optional.of(partial.shares().get(0).borough().code());
        }
        return Optional.empty();
    }
}
