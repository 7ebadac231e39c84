-- Audit: the append-only, hash-chained trail. Each entry's hash covers the previous entry's hash and
-- the entry's canonical form (see uk.org.safeguard.audit.internal.EntryHash), so altering, inserting
-- or removing a row breaks the chain; `admin verify-audit` walks it. audit_head holds the last
-- sequence number and hash: its row lock serialises appends from every instance into one chain, and
-- it reveals the removal of the last entries, which the chain alone cannot.
--
-- The triggers below are a second, weaker layer: they refuse UPDATE, DELETE and TRUNCATE of entries
-- (and rewinding or removing the head) unless a session deliberately sets
-- `SET LOCAL safeguard.audit_maintenance = 'on'`. A superuser can bypass them; the hash chain and the
-- daily anchor written to the log are the real protection.

CREATE TABLE audit_head (
    id        SMALLINT NOT NULL,
    last_seq  BIGINT   NOT NULL,
    last_hash TEXT     NOT NULL,
    CONSTRAINT audit_head_pk PRIMARY KEY (id),
    CONSTRAINT audit_head_one_row CHECK (id = 1),
    CONSTRAINT audit_head_last_seq_not_negative CHECK (last_seq >= 0),
    CONSTRAINT audit_head_last_hash_hex CHECK (last_hash ~ '^[0-9a-f]{64}$')
);

-- The chain starts from 64 zeros: the "previous hash" of entry 1.
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE audit_entry (
    seq           BIGINT      NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor         TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    record_type   TEXT,
    record_id     TEXT,
    reason        TEXT,
    details       JSONB       NOT NULL,
    previous_hash TEXT        NOT NULL,
    hash          TEXT        NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (seq),
    CONSTRAINT audit_entry_seq_positive CHECK (seq > 0),
    CONSTRAINT audit_entry_actor_length CHECK (char_length(actor) BETWEEN 1 AND 200),
    CONSTRAINT audit_entry_action_length CHECK (char_length(action) BETWEEN 1 AND 100),
    CONSTRAINT audit_entry_record_type_length CHECK (char_length(record_type) BETWEEN 1 AND 100),
    CONSTRAINT audit_entry_record_id_length CHECK (char_length(record_id) BETWEEN 1 AND 200),
    CONSTRAINT audit_entry_record_id_has_type CHECK (record_id IS NULL OR record_type IS NOT NULL),
    CONSTRAINT audit_entry_reason_length CHECK (char_length(reason) BETWEEN 1 AND 500),
    CONSTRAINT audit_entry_details_object CHECK (jsonb_typeof(details) = 'object'),
    CONSTRAINT audit_entry_previous_hash_hex CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_entry_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- Oversight searches by record, by person, by action and by date, newest first.
CREATE INDEX audit_entry_record_idx ON audit_entry (record_type, record_id, seq);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, seq);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, seq);
CREATE INDEX audit_entry_occurred_at_idx ON audit_entry (occurred_at);

CREATE FUNCTION audit_maintenance_on() RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('safeguard.audit_maintenance', true), '') = 'on'
$$;

-- Entries are never changed or removed.
CREATE FUNCTION audit_entry_refuse_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF NOT audit_maintenance_on() THEN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_LEVEL = 'STATEMENT' THEN
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

-- New entries go on the end of the chain only: the number the head has just handed out, linked to
-- the head's hash (the application advances last_seq first, then inserts, then stores the new hash).
CREATE FUNCTION audit_entry_append_only_at_head() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    head audit_head%ROWTYPE;
BEGIN
    IF audit_maintenance_on() THEN
        RETURN NEW;
    END IF;
    SELECT * INTO head FROM audit_head WHERE id = 1;
    IF head.last_seq IS DISTINCT FROM NEW.seq OR head.last_hash IS DISTINCT FROM NEW.previous_hash THEN
        RAISE EXCEPTION 'audit entry % does not continue the chain at its head (%)', NEW.seq, head.last_seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_insert_at_head BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only_at_head();

-- The head only moves forward and is never removed.
CREATE FUNCTION audit_head_refuse_rewind() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF audit_maintenance_on() THEN
        IF TG_LEVEL = 'STATEMENT' THEN
            RETURN NULL;
        ELSIF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.last_seq >= OLD.last_seq THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_head only moves forward: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_refuse_rewind();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_head_refuse_rewind();
