package uk.org.safeguard.audit;

import java.time.Instant;

/**
 * One line of a record's "who has seen this".
 *
 * @param actor who viewed it (a reference such as {@code account:42})
 * @param lastViewedAt when they last viewed it
 * @param views how many times they viewed it
 */
public record RecordViewer(String actor, Instant lastViewedAt, long views) {
}
