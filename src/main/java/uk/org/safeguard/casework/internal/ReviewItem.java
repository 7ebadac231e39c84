package uk.org.safeguard.casework.internal;

import uk.org.safeguard.web.Field;

/**
 * One item on the DPO's review page, with the decision fields as typed.
 *
 * @param thirdParty always redacted: another person's details
 */
public record ReviewItem(String label, String value, boolean thirdParty, Field disclosure, Field exemption, Field reason) {
}
