-- Casework: the case record at the heart of a borough team's work, with what the trust core needs:
-- personal details encrypted (under the case family's key while open or on legal hold, under the
-- retention period key of the month the case is due for deletion once closed, so that destroying that
-- key crypto-shreds every copy), retention rules per outcome set by the DPO, legal holds, aggregate
-- statistics that survive deletion, and break-glass grants.

CREATE TABLE casework_case (
    id                BIGINT      GENERATED ALWAYS AS IDENTITY,
    reference         TEXT        NOT NULL,
    borough_code      TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    outcome           TEXT,
    age_band          TEXT        NOT NULL,
    opened_on         DATE        NOT NULL,
    closed_on         DATE,
    last_reviewed_on  DATE,
    delete_on         DATE,
    key_period        TEXT,
    details           BYTEA       NOT NULL,
    person_index      TEXT        NOT NULL,
    legal_hold_since  TIMESTAMPTZ,
    legal_hold_reason TEXT,
    CONSTRAINT casework_case_pk PRIMARY KEY (id),
    CONSTRAINT casework_case_reference_uk UNIQUE (reference),
    -- No foreign key to geography_borough: reference data is reloaded wholesale when its files change.
    CONSTRAINT casework_case_borough_ck CHECK (borough_code ~ '^E09[0-9]{6}$'),
    CONSTRAINT casework_case_status_ck CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT casework_case_outcome_ck CHECK (outcome IS NULL
        OR outcome IN ('NO_FURTHER_ACTION', 'SIGNPOSTED', 'POLICE_LED', 'SUPPORT_ADOPTED')),
    CONSTRAINT casework_case_closed_ck CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL AND outcome IS NOT NULL)),
    CONSTRAINT casework_case_key_period_ck CHECK (key_period IS NULL OR key_period ~ '^[0-9]{4}-[0-9]{2}$'),
    CONSTRAINT casework_case_hold_ck CHECK ((legal_hold_since IS NULL) = (legal_hold_reason IS NULL)),
    CONSTRAINT casework_case_held_key_ck CHECK (legal_hold_since IS NULL OR key_period IS NULL)
);
CREATE INDEX casework_case_borough_ix ON casework_case (borough_code, status);
CREATE INDEX casework_case_delete_on_ix ON casework_case (delete_on) WHERE delete_on IS NOT NULL;
CREATE INDEX casework_case_person_ix ON casework_case (person_index);

-- How long a closed case is kept, per outcome; the DPO changes these (audited).
CREATE TABLE casework_retention_rule (
    outcome      TEXT        NOT NULL,
    years        INT         NOT NULL,
    counted_from TEXT        NOT NULL,
    changed_by   TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT casework_retention_rule_pk PRIMARY KEY (outcome),
    CONSTRAINT casework_retention_rule_outcome_ck CHECK (outcome IN ('NO_FURTHER_ACTION', 'SIGNPOSTED', 'POLICE_LED', 'SUPPORT_ADOPTED')),
    CONSTRAINT casework_retention_rule_years_ck CHECK (years BETWEEN 1 AND 100),
    CONSTRAINT casework_retention_rule_from_ck CHECK (counted_from IN ('CLOSURE', 'LAST_REVIEW'))
);
INSERT INTO casework_retention_rule (outcome, years, counted_from, changed_by) VALUES
    ('NO_FURTHER_ACTION', 3, 'CLOSURE', 'system'),
    ('SIGNPOSTED', 3, 'CLOSURE', 'system'),
    ('POLICE_LED', 6, 'CLOSURE', 'system'),
    ('SUPPORT_ADOPTED', 6, 'LAST_REVIEW', 'system');

-- Counts of closed cases, kept when the cases themselves are deleted: no personal data.
CREATE TABLE casework_statistic (
    year         INT  NOT NULL,
    borough_code TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    age_band     TEXT NOT NULL,
    cases        INT  NOT NULL,
    CONSTRAINT casework_statistic_pk PRIMARY KEY (year, borough_code, outcome, age_band),
    CONSTRAINT casework_statistic_cases_ck CHECK (cases > 0)
);

-- Time-limited access to one case outside the account's scope, with the reason given.
CREATE TABLE casework_break_glass (
    id             BIGINT      GENERATED ALWAYS AS IDENTITY,
    account_id     BIGINT      NOT NULL,
    case_reference TEXT        NOT NULL,
    reason         TEXT        NOT NULL,
    opened_at      TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    reviewed_by    TEXT,
    reviewed_at    TIMESTAMPTZ,
    CONSTRAINT casework_break_glass_pk PRIMARY KEY (id),
    CONSTRAINT casework_break_glass_reason_ck CHECK (char_length(reason) BETWEEN 10 AND 500),
    CONSTRAINT casework_break_glass_expiry_ck CHECK (expires_at > opened_at),
    CONSTRAINT casework_break_glass_review_ck CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
);
CREATE INDEX casework_break_glass_account_ix ON casework_break_glass (account_id, case_reference, expires_at);
