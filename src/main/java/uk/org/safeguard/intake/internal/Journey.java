package uk.org.safeguard.intake.internal;

import uk.org.safeguard.intake.SubmissionKind;

/** A public journey that keeps a draft: its kind, and the cookie that finds its draft again. */
enum Journey {
    CONCERN(SubmissionKind.CONCERN, "safeguard_concern"),
    REFERRAL(SubmissionKind.REFERRAL, "safeguard_referral"),
    HATE_REPORT(SubmissionKind.HATE_REPORT, "safeguard_report");

    private final SubmissionKind kind;
    private final String cookie;

    Journey(SubmissionKind kind, String cookie) {
        this.kind = kind;
        this.cookie = cookie;
    }

    SubmissionKind kind() {
        return kind;
    }

    String cookie() {
        return cookie;
    }
}
