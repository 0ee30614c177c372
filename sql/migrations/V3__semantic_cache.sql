-- Cellar Door schema, version 3: semantic cache of answers, per org. A question whose embedding is close
-- enough to a cached one gets the cached answer without retrieval or generation. An import of the org's
-- knowledge empties its cache.
CREATE TABLE semantic_cache (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    question    text NOT NULL,
    embedding   vector(384) NOT NULL,
    answer      text NOT NULL,
    domain      text NOT NULL,
    citations   jsonb NOT NULL DEFAULT '[]',
    hits        bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_hit_at timestamptz
);
CREATE INDEX semantic_cache_org_idx ON semantic_cache (org_id);
CREATE INDEX semantic_cache_embedding_idx ON semantic_cache USING hnsw (embedding vector_cosine_ops);
