-- Guidance: public content that staff edit (page text in each language, each borough's contact), kept
-- as an append-only history of versions. The published version of an item is its newest version with
-- published_at set; versions after it are drafts. Nothing here is personal data: authors are account
-- references ("account:42") or "system" for content shipped with the application.
CREATE TABLE guidance_version (
    id           BIGINT GENERATED ALWAYS AS IDENTITY,
    kind         TEXT        NOT NULL,
    item_key     TEXT        NOT NULL,
    language     TEXT        NOT NULL,
    version      INT         NOT NULL,
    fields       JSONB       NOT NULL,
    author       TEXT        NOT NULL,
    change_note  TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    published_by TEXT,
    seed_sha256  TEXT,
    CONSTRAINT guidance_version_pk PRIMARY KEY (id),
    CONSTRAINT guidance_version_uk UNIQUE (kind, item_key, language, version),
    CONSTRAINT guidance_version_kind_ck CHECK (kind IN ('page', 'contact')),
    CONSTRAINT guidance_version_published_ck CHECK ((published_at IS NULL) = (published_by IS NULL))
);
