-- Privacy: data keys, each stored only wrapped (encrypted) by the master key, which is kept outside
-- the database. A database copy alone therefore decrypts nothing. Rotating the master key rewrites
-- wrapped_keyset and master_key_id; it never touches the ciphertexts the keys protect.
-- Retention period keys (for crypto-shredding) are deliberately NOT here: they live outside the
-- database, so destroying one also makes every backup's copy of its records unreadable.

CREATE TABLE privacy_data_key (
    purpose        TEXT        NOT NULL,
    family         TEXT        NOT NULL,
    version        INT         NOT NULL,
    status         TEXT        NOT NULL,
    wrapped_keyset BYTEA       NOT NULL,
    master_key_id  TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    rewrapped_at   TIMESTAMPTZ,
    CONSTRAINT privacy_data_key_pk PRIMARY KEY (purpose, family, version),
    CONSTRAINT privacy_data_key_purpose_ck CHECK (purpose IN ('field-encryption', 'blind-index')),
    CONSTRAINT privacy_data_key_family_ck CHECK (family ~ '^[a-z][a-z0-9-]{0,62}$'),
    CONSTRAINT privacy_data_key_version_ck CHECK (version > 0),
    CONSTRAINT privacy_data_key_status_ck CHECK (status IN ('primary', 'decrypt-only'))
);

-- One key per family encrypts new data; older versions (after a data key rotation) only decrypt.
CREATE UNIQUE INDEX privacy_data_key_one_primary_uk ON privacy_data_key (purpose, family) WHERE status = 'primary';

CREATE INDEX privacy_data_key_master_key_idx ON privacy_data_key (master_key_id);
