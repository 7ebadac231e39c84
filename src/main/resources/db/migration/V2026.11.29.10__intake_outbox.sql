-- Intake's outbox: a routed concern or referral is passed on (ConcernSubmitted) by a relay that takes
-- undelivered ones in batches, hands each to the listeners in the relay's transaction and marks it
-- delivered there, so a listener's failure leaves it undelivered for the next pass. Setting delivered_at
-- back to null delivers it again (a re-routed concern; admin replay-concerns).
ALTER TABLE intake_submission ADD COLUMN delivered_at TIMESTAMPTZ;
CREATE INDEX intake_submission_undelivered_ix ON intake_submission (routed_at)
    WHERE routed_at IS NOT NULL AND delivered_at IS NULL AND kind IN ('CONCERN', 'REFERRAL');
