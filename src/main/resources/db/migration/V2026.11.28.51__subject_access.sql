-- Subject access: each export the DPO prepares, with the decision on every item (included, withheld under
-- an exemption with its reason, or redacted as a third party's). The personal data itself is not copied
-- here: the PDF and the machine-readable file are produced from the cases when downloaded.
CREATE TABLE casework_subject_access (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY,
    request_ref TEXT        NOT NULL,
    cases       TEXT[]      NOT NULL,
    decisions   JSONB       NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT casework_subject_access_pk PRIMARY KEY (id),
    CONSTRAINT casework_subject_access_request_ref_ck CHECK (char_length(request_ref) BETWEEN 1 AND 60),
    CONSTRAINT casework_subject_access_decisions_ck CHECK (jsonb_typeof(decisions) = 'array')
);
