package uk.org.safeguard.intake;

/** What reached Safeguard through intake. */
public enum SubmissionKind {
    /** A concern shared by a member of the public through {@code /concern}. */
    CONCERN,
    /** A professional referral, from {@code /refer} or a partner's system through the API. */
    REFERRAL,
    /** A hate incident or extremist content report: the programme's queue, not casework. */
    HATE_REPORT
}
