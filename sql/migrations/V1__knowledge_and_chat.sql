-- Cellar Door schema, version 1: tenants, knowledge (documents and chunks), conversations.
-- Every tenant-owned row carries org_id. Extensions are created by the operator (deploy/local does it);
-- IF NOT EXISTS keeps this a no-op when they exist.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE org (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug         text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name         text NOT NULL,
    contact_line text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE site (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id          bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    site_key        text NOT NULL UNIQUE,
    name            text NOT NULL,
    allowed_origins text[] NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX site_org_idx ON site (org_id);

CREATE TABLE kb_document (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id       bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    path         text NOT NULL,
    title        text NOT NULL,
    folder       text NOT NULL,           -- normalised top folder; mapped to a domain by the plugins at query time
    content      text NOT NULL,           -- the markdown as imported
    plain_text   text NOT NULL,           -- HTML removed, headings and bullets kept
    metadata     jsonb NOT NULL DEFAULT '{}',
    content_hash text NOT NULL,           -- sha-256 of content
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, path)
);
CREATE INDEX kb_document_title_trgm_idx ON kb_document USING gin (lower(title) gin_trgm_ops);

CREATE TABLE kb_chunk (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id       bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    document_id  bigint NOT NULL REFERENCES kb_document (id) ON DELETE CASCADE,
    folder       text NOT NULL,
    ordinal      int NOT NULL,
    heading_path text NOT NULL,
    content      text NOT NULL,
    content_hash text NOT NULL,           -- sha-256 of the text that was embedded
    embedding    vector(384) NOT NULL,    -- all-MiniLM-L6-v2, L2-normalised
    tsv          tsvector NOT NULL,       -- title and headings weighted A, body B
    UNIQUE (document_id, ordinal)
);
CREATE INDEX kb_chunk_org_idx ON kb_chunk (org_id, folder);
CREATE INDEX kb_chunk_hash_idx ON kb_chunk (org_id, content_hash);
CREATE INDEX kb_chunk_tsv_idx ON kb_chunk USING gin (tsv);
CREATE INDEX kb_chunk_embedding_idx ON kb_chunk USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);

CREATE TABLE conversation (
    id         uuid PRIMARY KEY,
    org_id     bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    site_id    bigint NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_org_idx ON conversation (org_id, created_at DESC);

CREATE TABLE message (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id          bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    conversation_id uuid NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    question        text NOT NULL,
    answer          text NOT NULL,
    answered        boolean NOT NULL,
    domain          text NOT NULL,
    generator       text NOT NULL,        -- extractive, llm, direct
    citations       jsonb NOT NULL DEFAULT '[]',
    classification  jsonb NOT NULL DEFAULT '{}',
    confidence      double precision NOT NULL,
    latency_ms      int NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_conversation_idx ON message (conversation_id, id);
CREATE INDEX message_org_idx ON message (org_id, created_at DESC);
