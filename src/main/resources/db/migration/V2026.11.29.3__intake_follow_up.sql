-- Intake follow-up: a reporter opens their submission with its reference and secret follow-up code,
-- reads its status updates and exchanges messages with the borough team.

-- Wrong follow-up codes, counted per reference (no IP address, no device identifier, nothing typed but
-- a well-formed reference). References that name no submission are counted and locked too, so that a
-- lock says nothing about whether a reference exists. A successful opening removes the row.
CREATE TABLE intake_follow_up_failure (
    reference          TEXT        NOT NULL,
    -- Failures since window_started_at; five within the window lock the reference.
    failures           INTEGER     NOT NULL,
    window_started_at  TIMESTAMPTZ NOT NULL,
    locked_until       TIMESTAMPTZ,
    CONSTRAINT intake_follow_up_failure_pk PRIMARY KEY (reference),
    CONSTRAINT intake_follow_up_failure_reference_ck CHECK (reference ~ '^SG-[2-9A-Z]{4}-[2-9A-Z]{4}$'),
    CONSTRAINT intake_follow_up_failure_failures_ck CHECK (failures >= 0)
);
CREATE INDEX intake_follow_up_failure_window_ix ON intake_follow_up_failure (window_started_at);

-- The two-way thread between a reporter and the borough team. The body is encrypted under the message
-- record family, bound to the message's id.
CREATE TABLE intake_message (
    id             UUID        NOT NULL,
    submission_id  UUID        NOT NULL,
    author         TEXT        NOT NULL,
    -- The member of staff who wrote a STAFF message (account:<id>); null for the reporter.
    staff_account  TEXT,
    at             TIMESTAMPTZ NOT NULL,
    body           BYTEA       NOT NULL,
    -- When a member of staff first opened the submission after a reporter's message arrived.
    read_at        TIMESTAMPTZ,
    CONSTRAINT intake_message_pk PRIMARY KEY (id),
    CONSTRAINT intake_message_submission_fk FOREIGN KEY (submission_id)
        REFERENCES intake_submission (id) ON DELETE CASCADE,
    CONSTRAINT intake_message_author_ck CHECK (author IN ('REPORTER', 'STAFF')),
    CONSTRAINT intake_message_staff_account_ck CHECK (
        (author = 'STAFF' AND staff_account ~ '^account:[0-9]+$') OR (author = 'REPORTER' AND staff_account IS NULL))
);
CREATE INDEX intake_message_submission_ix ON intake_message (submission_id, at);
CREATE INDEX intake_message_unread_ix ON intake_message (submission_id) WHERE author = 'REPORTER' AND read_at IS NULL;
