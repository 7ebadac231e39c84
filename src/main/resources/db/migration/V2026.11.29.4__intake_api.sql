-- Intake's partner API: the partner systems (schools', councils' safeguarding systems) that may send
-- referrals, and the idempotency keys of the referrals they sent.

-- A partner system. Its API key is shown once by `admin create-api-client` and stored only as a keyed
-- hash (BlindIndex.keyedTerm("intake-api-key", key)).
CREATE TABLE intake_api_client (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY,
    name        TEXT        NOT NULL,
    key_hash    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    disabled    BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT intake_api_client_pk PRIMARY KEY (id),
    CONSTRAINT intake_api_client_key_hash_uk UNIQUE (key_hash),
    CONSTRAINT intake_api_client_name_ck CHECK (char_length(name) BETWEEN 1 AND 200)
);

-- One row per Idempotency-Key a client has used: the first request's body hash and the referral it
-- created. The primary key is what stops two concurrent retries from creating two referrals.
CREATE TABLE intake_api_idempotency (
    api_client_id    BIGINT      NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    -- SHA-256 of the request body, to refuse the same key with a different body.
    request_hash     TEXT        NOT NULL,
    -- Null only inside the transaction that claims the key and stores the referral.
    reference        TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT intake_api_idempotency_pk PRIMARY KEY (api_client_id, idempotency_key),
    CONSTRAINT intake_api_idempotency_client_fk FOREIGN KEY (api_client_id)
        REFERENCES intake_api_client (id) ON DELETE CASCADE,
    CONSTRAINT intake_api_idempotency_key_ck CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
    CONSTRAINT intake_api_idempotency_hash_ck CHECK (request_hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX intake_api_idempotency_created_ix ON intake_api_idempotency (created_at);

-- The audit chain's insert check, widened for appending many entries under one head update
-- (AuditTrail.recordAll): the head is locked, then moved in one update to the last entry's number and
-- hash, then the entries are inserted in order. An entry is still accepted as before (at the head's
-- number, linked to the head's hash); or, within the numbers the head has already handed out, when it
-- links to the entry just before it (or, as entry 1, to the genesis hash). Numbers beyond the head,
-- or an entry that does not continue the entry before it, are still refused.
CREATE OR REPLACE FUNCTION audit_entry_append_only_at_head() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    head audit_head%ROWTYPE;
    before_hash TEXT;
BEGIN
    IF audit_maintenance_on() THEN
        RETURN NEW;
    END IF;
    SELECT * INTO head FROM audit_head WHERE id = 1;
    IF head.last_seq IS NOT DISTINCT FROM NEW.seq AND head.last_hash IS NOT DISTINCT FROM NEW.previous_hash THEN
        RETURN NEW;
    END IF;
    IF NEW.seq >= 1 AND NEW.seq <= head.last_seq THEN
        IF NEW.seq = 1 THEN
            before_hash := repeat('0', 64);
        ELSE
            SELECT hash INTO before_hash FROM audit_entry WHERE seq = NEW.seq - 1;
        END IF;
        IF before_hash IS NOT NULL AND before_hash = NEW.previous_hash THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit entry % does not continue the chain at its head (%)', NEW.seq, head.last_seq
        USING ERRCODE = 'insufficient_privilege';
END
$$;
