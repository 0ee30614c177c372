-- Cellar Door schema, version 25: an outbox of chunk changes, written by the database in the same transaction as the
-- change, so that anything derived from kb_chunk outside PostgreSQL (each instance's Lucene keyword index,
-- docs/decisions/0027) can follow it without ever missing a change.
--
-- Every insert, update and delete of kb_chunk (the importer's, a cascade from kb_document or org, an operator's SQL)
-- leaves one row per chunk and org in kb_chunk_change. At commit each org's new rows get consecutive change ids from
-- the org's counter in kb_chunk_change_seq, whose row stays locked until the commit is done: change ids therefore
-- follow commit order within an org, and a reader that has applied change n has seen every change <= n once it sees
-- n + 1. The counter is taken last in the transaction (a deferred trigger), after any document row locks, so two
-- writers of one org cannot deadlock over it. A notification on channel kb_chunk_changes (payload: the org id) tells
-- listening instances to catch up. A row says only which chunk changed; the reader looks the chunk up (gone: deleted
-- or moved to another org).

CREATE TABLE kb_chunk_change_seq (
    org_id      bigint PRIMARY KEY REFERENCES org (id) ON DELETE CASCADE,
    last_change bigint NOT NULL,
    -- A new value whenever the counter starts again (a new database, a restored org): an index built against another
    -- epoch is rebuilt.
    epoch       uuid NOT NULL DEFAULT gen_random_uuid()
);

CREATE TABLE kb_chunk_change (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id     bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    chunk_id   bigint NOT NULL,
    change_id  bigint,                                  -- set at commit; null only inside the writing transaction
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX kb_chunk_change_org_idx ON kb_chunk_change (org_id, change_id);
CREATE INDEX kb_chunk_change_pending_idx ON kb_chunk_change (org_id) WHERE change_id IS NULL;

ALTER TABLE kb_chunk_change_seq ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kb_chunk_change_seq
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE kb_chunk_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kb_chunk_change
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

-- Statement-level, with the statement's rows as transition tables: one INSERT ... SELECT however many chunks the
-- statement touched. An update records the chunk under its old and its new org (a chunk that moves leaves one org's
-- index and enters the other's). Runs as the writing role, so row-level security applies to the outbox too.
CREATE FUNCTION kb_chunk_record_changes() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO kb_chunk_change (org_id, chunk_id) SELECT org_id, id FROM new_rows ORDER BY id;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO kb_chunk_change (org_id, chunk_id) SELECT org_id, id FROM old_rows ORDER BY id;
    ELSE
        INSERT INTO kb_chunk_change (org_id, chunk_id)
        SELECT org_id, id FROM (SELECT org_id, id FROM old_rows UNION SELECT org_id, id FROM new_rows) AS changed
        ORDER BY id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER kb_chunk_inserted AFTER INSERT ON kb_chunk
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kb_chunk_record_changes();
CREATE TRIGGER kb_chunk_deleted AFTER DELETE ON kb_chunk
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kb_chunk_record_changes();
CREATE TRIGGER kb_chunk_updated AFTER UPDATE ON kb_chunk
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kb_chunk_record_changes();

-- At commit: numbers every pending change of the transaction, org by org (counters locked in org id order), and
-- notifies. Fires once per pending row; the first firing numbers them all, the others see their row numbered (one
-- primary key look-up) and return.
CREATE FUNCTION kb_chunk_number_changes() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    pending record;
    last    bigint;
BEGIN
    IF (SELECT change_id FROM kb_chunk_change WHERE id = NEW.id) IS NOT NULL THEN
        RETURN NULL;
    END IF;
    FOR pending IN
        SELECT org_id, count(*) AS n FROM kb_chunk_change WHERE change_id IS NULL GROUP BY org_id ORDER BY org_id
    LOOP
        INSERT INTO kb_chunk_change_seq AS s (org_id, last_change) VALUES (pending.org_id, pending.n)
        ON CONFLICT (org_id) DO UPDATE SET last_change = s.last_change + excluded.last_change
        RETURNING s.last_change INTO last;
        UPDATE kb_chunk_change c SET change_id = last - pending.n + numbered.n
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n
              FROM kb_chunk_change WHERE org_id = pending.org_id AND change_id IS NULL) AS numbered
        WHERE c.id = numbered.id;
        PERFORM pg_notify('kb_chunk_changes', pending.org_id::text);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER kb_chunk_change_numbered AFTER INSERT ON kb_chunk_change
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kb_chunk_number_changes();
