-- Cellar Door schema, version 52: a cached answer is served only while the knowledge and plugin settings it was
-- computed from are unchanged, on every instance (issue 12, docs/decisions/0052).
--
-- Until now an import emptied the org's semantic cache after it committed. A turn that had read the old chunks (on
-- any instance, or on a read replica a moment behind) could still store its answer after that, and the stale answer
-- then stayed until the next change. Now each org has a generation: the number of transactions that changed its
-- knowledge or plugin settings, counted from table answer_change (one row per such transaction, written by the
-- statement triggers below in the changing transaction, so it becomes visible exactly when the change does). A turn
-- reads the generation before it retrieves (from the same database it retrieves from); its answer is stored with that
-- generation only if it is still the primary's when the turn ends, and found only while it is current. Counting rows
-- (rather than numbering them) keeps commit order out of it: any commit of a change moves the count. Rows are never
-- removed while the org exists (a few dozen bytes per import, edit or settings change).
--
-- The triggers record the org the transaction acts as (cellardoor.org_id, set by io.cellardoor.tenant
-- .TenantTransactions); statements of the owner without an org (bulk loads, hand-written SQL) record nothing and
-- should be followed by cellardoor_clear_semantic_caches(). Statement level, without transition tables: a bulk
-- insert costs one row here, not one per chunk.

CREATE TABLE answer_change (
    org_id     bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    tx         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, tx)
);
ALTER TABLE answer_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON answer_change
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

CREATE FUNCTION cellardoor_record_answer_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    acting bigint := nullif(current_setting('cellardoor.org_id', true), '')::bigint;
BEGIN
    IF acting IS NOT NULL THEN
        INSERT INTO public.answer_change (org_id)
        SELECT acting WHERE EXISTS (SELECT FROM public.org WHERE id = acting)
        ON CONFLICT (org_id, tx) DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER answer_inputs_changed AFTER INSERT OR UPDATE OR DELETE ON kb_chunk
    FOR EACH STATEMENT EXECUTE FUNCTION cellardoor_record_answer_change();
CREATE TRIGGER answer_inputs_changed AFTER INSERT OR UPDATE OR DELETE ON kb_document
    FOR EACH STATEMENT EXECUTE FUNCTION cellardoor_record_answer_change();
CREATE TRIGGER answer_inputs_changed AFTER INSERT OR UPDATE OR DELETE ON plugin_org_state
    FOR EACH STATEMENT EXECUTE FUNCTION cellardoor_record_answer_change();
CREATE TRIGGER answer_inputs_changed AFTER INSERT OR UPDATE OR DELETE ON plugin_setting
    FOR EACH STATEMENT EXECUTE FUNCTION cellardoor_record_answer_change();

-- Entries from before this version have no generation and are never served again.
ALTER TABLE semantic_cache ADD COLUMN generation bigint;
