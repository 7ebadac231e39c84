package uk.org.safeguard.audit.internal;

import java.util.List;

/**
 * What {@code verify-audit} found.
 *
 * @param entries how many entries were checked and found sound (all of them, when intact)
 * @param head the last sound entry's number and hash (the head, when intact)
 * @param problem the first problem found, or {@code null} if the trail is intact
 * @param anchorsMatched the sequence numbers of the anchors the chain was found to pass through
 */
public record Verification(long entries, Anchor head, String problem, List<Long> anchorsMatched) {

    public Verification {
        anchorsMatched = List.copyOf(anchorsMatched);
    }

    public boolean intact() {
        return problem == null;
    }
}
