-- Cellar Door schema, version 25: full text for questions that are not in English (docs/decisions/0026).
--
-- The chunks are English and kb_chunk.tsv holds English stems. A Spanish or French question shares with them proper
-- nouns, names, numbers and cognates, which English stemming and accents hide ("Grüner" vs "gruner", "envío"). So every
-- chunk also gets tsv_simple: the same title, headings and body through cellardoor_simple, the `simple` configuration
-- (no stemming, no stop words) with accents removed by the unaccent dictionary. HybridRetriever searches it when
-- RetrievalQuery.language() is not English. unaccent is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION cellardoor_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION cellardoor_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

ALTER TABLE kb_chunk ADD COLUMN tsv_simple tsvector;
UPDATE kb_chunk c
SET tsv_simple = setweight(to_tsvector('cellardoor_simple', d.title || ' ' || c.heading_path), 'A')
                 || setweight(to_tsvector('cellardoor_simple', c.content), 'B')
FROM kb_document d
WHERE d.id = c.document_id;
ALTER TABLE kb_chunk ALTER COLUMN tsv_simple SET NOT NULL;
CREATE INDEX kb_chunk_tsv_simple_idx ON kb_chunk USING gin (tsv_simple);
