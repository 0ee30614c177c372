-- Cellar Door schema, version 7: curated answers. An editor approves or writes the answer to a question; a later
-- question of the same org whose embedding is close enough (cellardoor.curated.min-similarity) gets that answer with
-- its citation, ahead of the semantic cache, and the hit is counted here.
CREATE TABLE curated_answer (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id        bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    question      text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
    embedding     vector(384) NOT NULL,   -- of the question, lower-cased without sentence punctuation, L2-normalised
    answer        text NOT NULL CHECK (length(answer) BETWEEN 1 AND 20000),  -- markdown
    document_path text,                   -- the cited document's path, relative to the knowledge folder; null: none
    approved_by   text NOT NULL,
    hits          bigint NOT NULL DEFAULT 0,
    last_hit_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX curated_answer_org_idx ON curated_answer (org_id, updated_at DESC);
CREATE INDEX curated_answer_embedding_idx ON curated_answer USING hnsw (embedding vector_cosine_ops);

ALTER TABLE curated_answer ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON curated_answer
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
