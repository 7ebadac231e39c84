-- Identity: organisations, staff accounts, roles, borough scope, second factor, sign-in throttling,
-- password reset tokens. No raw IP address, reset token or recovery code is ever stored: only keyed
-- hashes. TOTP secrets are stored encrypted (AES-256-GCM, key from SAFEGUARD_IDENTITY_SECRET).

CREATE TABLE identity_organisation (
    id   BIGINT GENERATED ALWAYS AS IDENTITY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    CONSTRAINT identity_organisation_pk PRIMARY KEY (id),
    CONSTRAINT identity_organisation_name_uk UNIQUE (name),
    CONSTRAINT identity_organisation_type_ck CHECK (type IN ('BOROUGH_COUNCIL', 'POLICE_PREVENT', 'HEALTH',
        'EDUCATION', 'CHILDRENS_SOCIAL_CARE', 'ADULT_SOCIAL_CARE', 'PROBATION', 'COMMUNITY_PARTNER',
        'PROGRAMME_TEAM', 'INDEPENDENT_OVERSIGHT'))
);

CREATE TABLE identity_account (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY,
    email                TEXT        NOT NULL,
    display_name         TEXT        NOT NULL,
    organisation_id      BIGINT      NOT NULL,
    password_hash        TEXT        NOT NULL,
    must_change_password BOOLEAN     NOT NULL,
    totp_secret          TEXT        NOT NULL,
    totp_enrolled        BOOLEAN     NOT NULL DEFAULT FALSE,
    totp_last_step       BIGINT      NOT NULL DEFAULT 0,
    session_generation   INT         NOT NULL DEFAULT 0,
    demo                 BOOLEAN     NOT NULL DEFAULT FALSE,
    disabled             BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT identity_account_pk PRIMARY KEY (id),
    CONSTRAINT identity_account_email_uk UNIQUE (email),
    CONSTRAINT identity_account_email_lower_ck CHECK (email = lower(email)),
    CONSTRAINT identity_account_organisation_fk FOREIGN KEY (organisation_id) REFERENCES identity_organisation (id)
);

CREATE TABLE identity_account_role (
    account_id BIGINT NOT NULL,
    role       TEXT   NOT NULL,
    CONSTRAINT identity_account_role_pk PRIMARY KEY (account_id, role),
    CONSTRAINT identity_account_role_account_fk FOREIGN KEY (account_id) REFERENCES identity_account (id) ON DELETE CASCADE,
    CONSTRAINT identity_account_role_ck CHECK (role IN ('PRACTITIONER', 'BOROUGH_LEAD', 'POLICE_PREVENT',
        'PANEL_MEMBER', 'PROGRAMME', 'ANALYST', 'OVERSIGHT', 'DPO', 'ADMIN'))
);

-- Borough codes are checked against geography_borough by the application (no foreign key, so that
-- the geography module can reload its reference data).
CREATE TABLE identity_account_borough (
    account_id   BIGINT NOT NULL,
    borough_code TEXT   NOT NULL,
    CONSTRAINT identity_account_borough_pk PRIMARY KEY (account_id, borough_code),
    CONSTRAINT identity_account_borough_account_fk FOREIGN KEY (account_id) REFERENCES identity_account (id) ON DELETE CASCADE,
    CONSTRAINT identity_account_borough_code_ck CHECK (borough_code ~ '^E09[0-9]{6}$')
);

CREATE TABLE identity_recovery_code (
    account_id BIGINT      NOT NULL,
    code_hash  TEXT        NOT NULL,
    used_at    TIMESTAMPTZ,
    CONSTRAINT identity_recovery_code_pk PRIMARY KEY (account_id, code_hash),
    CONSTRAINT identity_recovery_code_account_fk FOREIGN KEY (account_id) REFERENCES identity_account (id) ON DELETE CASCADE
);

-- Failed sign-in counters, keyed by a keyed hash of the normalised email (whether or not an account
-- has it) or of the address bucket (IPv4 /32 or IPv6 /64).
CREATE TABLE identity_sign_in_throttle (
    subject         TEXT        NOT NULL,
    failures        INT         NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    CONSTRAINT identity_sign_in_throttle_pk PRIMARY KEY (subject)
);

CREATE TABLE identity_password_reset (
    token_hash TEXT        NOT NULL,
    account_id BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    CONSTRAINT identity_password_reset_pk PRIMARY KEY (token_hash),
    CONSTRAINT identity_password_reset_account_fk FOREIGN KEY (account_id) REFERENCES identity_account (id) ON DELETE CASCADE
);
CREATE INDEX identity_password_reset_account_idx ON identity_password_reset (account_id);
