/**
 * Intake: how concerns reach Safeguard. The public concern journey (named or anonymous, with save and
 * return), the reference and secret follow-up code a reporter uses to read status updates and exchange
 * messages without an account, the professional referral form, hate-incident and extremist-content
 * reports, attachments, and the partner API. Each accepted concern is published as {@code ConcernSubmitted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package uk.org.safeguard.intake;
