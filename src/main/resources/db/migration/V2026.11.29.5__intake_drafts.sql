-- A journey in progress (a concern, a referral, a hate report): the answers given so far, encrypted, found
-- again by a random id held in a cookie of its own (not the server session, so a session that times out
-- loses nothing) or, for 7 days, by a save-and-return code of which only a keyed hash is kept.

CREATE TABLE intake_draft (
    id           UUID        NOT NULL,
    journey      TEXT        NOT NULL,
    answers      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    resume_hash  TEXT,
    CONSTRAINT intake_draft_pk PRIMARY KEY (id),
    CONSTRAINT intake_draft_resume_uk UNIQUE (resume_hash),
    CONSTRAINT intake_draft_journey_ck CHECK (journey IN ('CONCERN', 'REFERRAL', 'HATE_REPORT'))
);
CREATE INDEX intake_draft_expires_ix ON intake_draft (expires_at);
