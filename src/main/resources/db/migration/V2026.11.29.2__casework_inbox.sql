-- Casework's inbox: every concern and referral intake has routed (ConcernSubmitted), waiting for triage by
-- its borough team, or by the city-wide triage team when no borough could be told (borough_code null).
-- References only: the details stay with intake, which audits every read.

CREATE TABLE casework_inbox (
    reference     TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    borough_code  TEXT,
    urgent        BOOLEAN     NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT casework_inbox_pk PRIMARY KEY (reference),
    CONSTRAINT casework_inbox_kind_ck CHECK (kind IN ('CONCERN', 'REFERRAL')),
    CONSTRAINT casework_inbox_borough_ck CHECK (borough_code IS NULL OR borough_code ~ '^E09[0-9]{6}$')
);
CREATE INDEX casework_inbox_queue_ix ON casework_inbox (borough_code, urgent DESC, submitted_at);
