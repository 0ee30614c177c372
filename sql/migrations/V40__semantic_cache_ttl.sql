-- Semantic cache entries expire (cellardoor.cache.ttl, set per entry when it is written; docs/decisions/0043).
-- Entries written before this migration get a week from now.
ALTER TABLE semantic_cache ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '7 days';
