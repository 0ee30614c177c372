-- Cellar Door schema, version 54: deleting an org no longer fails on its own chunk changes.
--
-- Deleting an org cascades to its documents and chunks, and the chunks' delete trigger (V26) then recorded one change
-- per chunk for an org that no longer exists: the statement failed on kb_chunk_change's foreign key, so an operator
-- could not delete an org that had knowledge. Changes of an org that is gone are not recorded: nothing reads them
-- (no site key resolves to a deleted org, so its keyword index is never asked again), and the org's counter and earlier changes went with it. The
-- writing role sees its own org under row-level security, so its deletes are recorded as before.
CREATE OR REPLACE FUNCTION kb_chunk_record_changes() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO kb_chunk_change (org_id, chunk_id) SELECT org_id, id FROM new_rows ORDER BY id;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO kb_chunk_change (org_id, chunk_id)
        SELECT o.org_id, o.id FROM old_rows o WHERE EXISTS (SELECT FROM org WHERE org.id = o.org_id) ORDER BY o.id;
    ELSE
        INSERT INTO kb_chunk_change (org_id, chunk_id)
        SELECT org_id, id FROM (SELECT org_id, id FROM old_rows UNION SELECT org_id, id FROM new_rows) AS changed
        ORDER BY id;
    END IF;
    RETURN NULL;
END
$$;
