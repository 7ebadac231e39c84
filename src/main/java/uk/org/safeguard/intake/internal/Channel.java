package uk.org.safeguard.intake.internal;

/** How a submission arrived. */
enum Channel {
    /** A member of the public, through the web forms. */
    PUBLIC,
    /** A professional, through {@code /refer}. */
    PROFESSIONAL,
    /** A partner's safeguarding system, through {@code POST /api/v1/referrals}. */
    PARTNER_API
}
