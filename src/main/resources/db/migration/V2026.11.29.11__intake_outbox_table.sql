-- Intake's outbox becomes a table of its own: a row here means a routed concern or referral that
-- ConcernSubmitted has not yet been delivered for. The relay deletes the rows it delivers, in the pass's
-- transaction (a listener's failure rolls the deletion back). Marking the submission itself delivered
-- (intake_submission.delivered_at) rewrote the whole row, encrypted details included, with its index
-- entries: under the partner API's load PostgreSQL spent more time on that than on storing the referral
-- (docs/performance.md). Queueing a submission again (a re-routed concern, admin replay-concerns) inserts
-- its row again.
CREATE TABLE intake_outbox (
    submission_id UUID        NOT NULL,
    queued_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT intake_outbox_pk PRIMARY KEY (submission_id),
    CONSTRAINT intake_outbox_submission_fk FOREIGN KEY (submission_id)
        REFERENCES intake_submission (id) ON DELETE CASCADE
);
CREATE INDEX intake_outbox_queued_ix ON intake_outbox (queued_at);

INSERT INTO intake_outbox (submission_id, queued_at)
SELECT id, routed_at FROM intake_submission
WHERE routed_at IS NOT NULL AND delivered_at IS NULL AND kind IN ('CONCERN', 'REFERRAL');

DROP INDEX intake_submission_undelivered_ix;
ALTER TABLE intake_submission DROP COLUMN delivered_at;
