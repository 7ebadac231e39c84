-- Guidance: the answers of the public learning modules (/learn), one row per completed module. The
-- programme reports only the aggregate confidence before and after, and the share of knowledge-check
-- answers that were right. Nothing here can be linked to a person or to a visit: there is no time of day
-- (only the date), no session, no address, no account; the id is random, so that it does not give away
-- the order in which rows were written either.
CREATE TABLE guidance_learning_response (
    id                UUID     NOT NULL DEFAULT gen_random_uuid(),
    module            TEXT     NOT NULL,
    language          TEXT     NOT NULL,
    confidence_before SMALLINT NOT NULL,
    confidence_after  SMALLINT NOT NULL,
    correct           SMALLINT NOT NULL,
    questions         SMALLINT NOT NULL,
    completed_on      DATE     NOT NULL,
    CONSTRAINT guidance_learning_response_pk PRIMARY KEY (id),
    CONSTRAINT guidance_learning_response_module_ck CHECK (module ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(module) <= 60),
    CONSTRAINT guidance_learning_response_language_ck CHECK (language ~ '^[a-z]{2,3}$'),
    CONSTRAINT guidance_learning_response_before_ck CHECK (confidence_before BETWEEN 1 AND 5),
    CONSTRAINT guidance_learning_response_after_ck CHECK (confidence_after BETWEEN 1 AND 5),
    CONSTRAINT guidance_learning_response_questions_ck CHECK (questions BETWEEN 1 AND 20),
    CONSTRAINT guidance_learning_response_correct_ck CHECK (correct BETWEEN 0 AND questions)
);

CREATE INDEX guidance_learning_response_completed_idx ON guidance_learning_response (completed_on, module);
