-- Files attached to a journey in progress (draft) and, once submitted, to the submission: images re-encoded
-- without metadata, PDFs as given; name and content encrypted. A draft's files go when the draft does.

CREATE TABLE intake_attachment (
    id             UUID        NOT NULL,
    draft_id       UUID,
    submission_id  UUID,
    media_type     TEXT        NOT NULL,
    size_bytes     INT         NOT NULL,
    name           BYTEA       NOT NULL,
    content        BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT intake_attachment_pk PRIMARY KEY (id),
    CONSTRAINT intake_attachment_draft_fk FOREIGN KEY (draft_id) REFERENCES intake_draft (id) ON DELETE CASCADE,
    CONSTRAINT intake_attachment_submission_fk FOREIGN KEY (submission_id)
        REFERENCES intake_submission (id) ON DELETE CASCADE,
    CONSTRAINT intake_attachment_owner_ck CHECK ((draft_id IS NULL) <> (submission_id IS NULL)),
    CONSTRAINT intake_attachment_type_ck CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
    CONSTRAINT intake_attachment_size_ck CHECK (size_bytes BETWEEN 1 AND 10485760)
);
CREATE INDEX intake_attachment_draft_ix ON intake_attachment (draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX intake_attachment_submission_ix ON intake_attachment (submission_id) WHERE submission_id IS NOT NULL;
