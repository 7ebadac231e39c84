package uk.org.safeguard.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * A concern or referral has been accepted and routed. Intake records it as routed in the transaction that
 * stores it, and its outbox relay publishes this event afterwards, synchronously, in a transaction that
 * marks it delivered only if every listener succeeded: listeners run in that transaction, must be quick,
 * and must take a repeat as a no-op (delivery is at least once). Carries references only; whoever needs
 * the details asks intake for them, which is audited. Published again, with its borough, when the
 * city-wide triage team routes a concern that had none.
 *
 * @param reference the submission's reference ({@code SG-7K4M-Q2XD})
 * @param kind a concern or a referral (hate reports are not casework's and are not published)
 * @param boroughCode the London borough it was routed to, or {@code null} for the city-wide triage queue
 * @param urgent true when the reporter said someone was in immediate danger and still went on
 * @param submittedAt when it was submitted
 */
public record ConcernSubmitted(String reference, SubmissionKind kind, String boroughCode, boolean urgent,
        Instant submittedAt) {

    public ConcernSubmitted {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
