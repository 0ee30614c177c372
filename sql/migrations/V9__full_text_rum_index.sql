-- Cellar Door schema, version 9: a RUM index of the chunks' tsvectors, when the rum extension is installed
-- (deploy/local/postgres.sh installs it where the distribution packages it; on other servers a superuser runs
-- CREATE EXTENSION rum and then this index's statement). RUM keeps word positions in the index and returns
-- matches in rank order, so the full-text branch reads the best few hundred chunks instead of ranking every match
-- (docs/decisions/0006). HybridRetriever uses it when it exists; the GIN index stays for everything else.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_extension WHERE extname = 'rum') THEN
        EXECUTE 'CREATE INDEX IF NOT EXISTS kb_chunk_tsv_rum_idx ON kb_chunk USING rum (tsv rum_tsvector_ops)';
    END IF;
END $$;
