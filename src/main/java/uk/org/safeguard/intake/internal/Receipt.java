package uk.org.safeguard.intake.internal;

import java.util.UUID;

/**
 * What a stored submission gives back, once its transaction has committed.
 *
 * @param id the submission's internal id (never shown)
 * @param reference shown to the person and used in every conversation about it
 * @param followUpCode the secret code, shown once and never stored, or {@code null} when none was issued
 */
record Receipt(UUID id, String reference, String followUpCode) {
}
