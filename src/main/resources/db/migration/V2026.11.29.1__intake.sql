-- Intake: how concerns reach Safeguard. One row per submission (a public concern, a professional
-- referral, a hate-incident report), whose personal details are one encrypted JSON document. No IP
-- address, device identifier or session is stored with a submission.

CREATE TABLE intake_submission (
    id              UUID        NOT NULL,
    reference       TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    -- Null: nobody could tell which London borough, so the city-wide triage queue takes it.
    borough_code    TEXT,
    urgent          BOOLEAN     NOT NULL,
    anonymous       BOOLEAN     NOT NULL,
    language        TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    submitted_at    TIMESTAMPTZ NOT NULL,
    -- Set once the submission has been passed on (ConcernSubmitted published); a professional referral
    -- waits for its referrer to confirm their email address first.
    routed_at       TIMESTAMPTZ,
    details         BYTEA       NOT NULL,
    -- Keyed hash of the reference and the secret follow-up code; the code itself is never stored.
    follow_up_hash  TEXT,
    api_client_id   BIGINT,
    CONSTRAINT intake_submission_pk PRIMARY KEY (id),
    CONSTRAINT intake_submission_reference_uk UNIQUE (reference),
    CONSTRAINT intake_submission_reference_ck CHECK (reference ~ '^SG-[2-9A-Z]{4}-[2-9A-Z]{4}$'),
    CONSTRAINT intake_submission_kind_ck CHECK (kind IN ('CONCERN', 'REFERRAL', 'HATE_REPORT')),
    CONSTRAINT intake_submission_channel_ck CHECK (channel IN ('PUBLIC', 'PROFESSIONAL', 'PARTNER_API')),
    CONSTRAINT intake_submission_borough_ck CHECK (borough_code IS NULL OR borough_code ~ '^E09[0-9]{6}$'),
    CONSTRAINT intake_submission_status_ck CHECK (status IN ('AWAITING_CONFIRMATION', 'RECEIVED', 'BEING_LOOKED_AT',
        'CLOSED_INFORMED', 'CLOSED_NO_ACTION')),
    CONSTRAINT intake_submission_language_ck CHECK (language ~ '^[a-z]{2,3}$')
);
CREATE INDEX intake_submission_queue_ix ON intake_submission (kind, borough_code, submitted_at);
CREATE INDEX intake_submission_client_ix ON intake_submission (api_client_id) WHERE api_client_id IS NOT NULL;

-- What the reporter is told, newest last: graded outcomes that say nothing about the person concerned.
CREATE TABLE intake_status_update (
    id             BIGINT      GENERATED ALWAYS AS IDENTITY,
    submission_id  UUID        NOT NULL,
    status         TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    CONSTRAINT intake_status_update_pk PRIMARY KEY (id),
    CONSTRAINT intake_status_update_submission_fk FOREIGN KEY (submission_id)
        REFERENCES intake_submission (id) ON DELETE CASCADE
);
CREATE INDEX intake_status_update_submission_ix ON intake_status_update (submission_id, at);
