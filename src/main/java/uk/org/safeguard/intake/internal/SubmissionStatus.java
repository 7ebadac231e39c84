package uk.org.safeguard.intake.internal;

/**
 * What a reporter is told about their submission. Graded so that none of them reveals anything about the
 * person concerned: closed (the right people have been informed) says the same whether that led to
 * support, to the police or to nothing more.
 */
enum SubmissionStatus {
    /** A professional referral whose referrer has not yet confirmed their email address: not routed yet. */
    AWAITING_CONFIRMATION(false),
    RECEIVED(false),
    BEING_LOOKED_AT(false),
    /** Closed: the right people have been informed. */
    CLOSED_INFORMED(true),
    /** Closed: nothing more is needed from the programme. */
    CLOSED_NO_ACTION(true);

    private final boolean closed;

    SubmissionStatus(boolean closed) {
        this.closed = closed;
    }

    boolean closed() {
        return closed;
    }

    /** The message key of the text the reporter sees (bundle {@code intake}). */
    String messageKey() {
        return "intake.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
