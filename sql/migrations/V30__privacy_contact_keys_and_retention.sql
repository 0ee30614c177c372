-- Cellar Door schema, version 30: visitors' personal data (issue 14, docs/privacy-and-security.md).
--
-- 1. Handoff contact fields encrypted at rest: email and name hold base64(iv || AES-GCM ciphertext) sealed by the app
--    (io.cellardoor.privacy.ContactCipher) with the key named in contact_key_id. Rows written before this version have
--    no key id and keep their plain values until the retention purge removes them.
ALTER TABLE handoff_request ADD COLUMN contact_key_id text CHECK (contact_key_id ~ '^[A-Za-z0-9_-]{1,32}$');

-- 2. Retention per org: conversations (with their messages and feedback) and handoff requests older than this many
--    days are deleted by the scheduled purge (io.cellardoor.privacy.RetentionPurge). The audit log is kept.
ALTER TABLE org
    ADD COLUMN conversation_retention_days int NOT NULL DEFAULT 180 CHECK (conversation_retention_days BETWEEN 1 AND 3650),
    ADD COLUMN handoff_retention_days      int NOT NULL DEFAULT 365 CHECK (handoff_retention_days BETWEEN 1 AND 3650);

-- The purge walks every org, one org transaction at a time: the ids of all orgs, nothing else (the runtime role sees
-- only the org it acts as).
CREATE FUNCTION cellardoor_org_ids()
    RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT o.id FROM public.org o ORDER BY o.id
$$;
REVOKE ALL ON FUNCTION cellardoor_org_ids() FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION cellardoor_org_ids() TO %I', '${app_role}');
    END IF;
END
$$;

-- Data subject requests find a visitor's rows by visitor id.
CREATE INDEX IF NOT EXISTS conversation_visitor_idx ON conversation (org_id, visitor_id) WHERE visitor_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS handoff_request_visitor_idx ON handoff_request (org_id, visitor_id) WHERE visitor_id IS NOT NULL;
