package uk.org.safeguard.intake.internal;

import java.util.Objects;

import uk.org.safeguard.intake.SubmissionKind;

/**
 * A submission about to be stored.
 *
 * @param kind concern, referral or hate report
 * @param channel how it arrived
 * @param boroughCode the London borough it goes to ({@link BoroughRouting}), or {@code null} for city-wide triage
 * @param urgent someone is in immediate danger
 * @param anonymous the reporter gave no name or contact details
 * @param language the language the person used ({@code en}, {@code ar}, ...)
 * @param details everything the person gave, as a JSON-serialisable record: stored only encrypted
 * @param apiClientId the partner system that sent it, or {@code null}
 * @param awaitingConfirmation true for a referral that is routed only once its referrer confirms their email
 * @param withFollowUpCode true to issue a secret follow-up code (people using the web forms), false for the API
 */
record NewSubmission(SubmissionKind kind, Channel channel, String boroughCode, boolean urgent, boolean anonymous,
        String language, Object details, Long apiClientId, boolean awaitingConfirmation, boolean withFollowUpCode) {

    NewSubmission {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(details, "details");
    }
}
