package uk.org.safeguard.casework.internal;

import java.util.List;

/** One case on the DPO's subject access review page. */
public record ReviewCase(String reference, List<ReviewItem> items) {
}
