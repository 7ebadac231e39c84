-- Professional referrals wait for their referrer to confirm their email address: the emailed link's token is
-- kept only as a keyed hash, works once, and for 72 hours.
CREATE TABLE intake_referral_confirmation (
    token_hash     TEXT        NOT NULL,
    submission_id  UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ,
    CONSTRAINT intake_referral_confirmation_pk PRIMARY KEY (token_hash),
    CONSTRAINT intake_referral_confirmation_submission_fk FOREIGN KEY (submission_id)
        REFERENCES intake_submission (id) ON DELETE CASCADE,
    CONSTRAINT intake_referral_confirmation_expiry_ck CHECK (expires_at > created_at)
);
CREATE INDEX intake_referral_confirmation_submission_ix ON intake_referral_confirmation (submission_id);

-- What the programme counts about hate-incident reports: the monitored strands, the kind of incident and
-- the month it happened (null: the reporter was not sure). Nothing here is personal; the description and
-- any contact details stay in the submission's encrypted details. Written in the submission's transaction.
CREATE TABLE intake_hate_statistic (
    submission_id   UUID   NOT NULL,
    strands         TEXT[] NOT NULL,
    incident_type   TEXT   NOT NULL,
    occurred_month  DATE,
    CONSTRAINT intake_hate_statistic_pk PRIMARY KEY (submission_id),
    CONSTRAINT intake_hate_statistic_submission_fk FOREIGN KEY (submission_id)
        REFERENCES intake_submission (id) ON DELETE CASCADE,
    CONSTRAINT intake_hate_statistic_strands_ck CHECK (cardinality(strands) >= 1 AND strands <@ ARRAY['disability',
        'race', 'religion', 'sexual-orientation', 'transgender-identity', 'other', 'not-sure']::TEXT[]),
    CONSTRAINT intake_hate_statistic_type_ck CHECK (incident_type IN ('serious-violence', 'physical-attack',
        'threat-of-violence', 'damage-to-property', 'verbal-abuse', 'graffiti', 'abusive-literature',
        'online-content', 'other')),
    CONSTRAINT intake_hate_statistic_month_ck CHECK (occurred_month IS NULL
        OR occurred_month = date_trunc('month', occurred_month)::DATE)
);
CREATE INDEX intake_hate_statistic_month_ix ON intake_hate_statistic (occurred_month);
