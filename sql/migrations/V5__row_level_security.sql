-- Cellar Door schema, version 5: tenant isolation enforced by PostgreSQL (row-level security).
--
-- Two roles: the owner (runs Flyway, owns the tables, is not subject to the policies since they are not FORCEd) and
-- the runtime role ${app_role} (LOGIN NOSUPERUSER NOBYPASSRLS, not an owner) that the app's connection pool uses.
-- The app sets `cellardoor.org_id` at the start of each transaction (io.cellardoor.tenant.TenantTransactions); a
-- tenant row is visible and writable only when its org_id equals it. Without the setting nothing is visible and
-- every write fails. See docs/decisions/0005-row-level-security.md.
--
-- Convention for every later tenant table (org_id bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE):
--   ALTER TABLE t ENABLE ROW LEVEL SECURITY;
--   CREATE POLICY tenant_isolation ON t USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
--     WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
-- Tables created by later migrations are granted to the runtime role by the default privileges below.

ALTER TABLE site ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON site
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE kb_document ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kb_document
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE kb_chunk ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kb_chunk
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE conversation ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE message ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE visitor ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON visitor
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE handoff_request ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON handoff_request
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE semantic_cache ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON semantic_cache
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

-- The org table is the tenant itself: the same policy on its id, so an org reads and changes only its own row (its
-- name and contact line are settings). Orgs are created and found by slug before any org is set, through the
-- functions below; the runtime role may not insert or delete org rows directly.
ALTER TABLE org ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON org
    USING (id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

-- Look-ups that must happen before the org is known. SECURITY DEFINER (run as the owner, so not subject to the
-- policies), with a fixed search_path and schema-qualified names, each returning only what its caller needs.

-- The widget's site key -> its site and org: what a visitor request needs (ids, org slug for plugin routing, the
-- contact line a decline offers, and the allowed origins of the browser check). Nothing else of the site or org.
CREATE FUNCTION cellardoor_site_by_key(p_site_key text)
    RETURNS TABLE (site_id bigint, org_id bigint, org_slug text, contact_line text, allowed_origins text[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.id, s.org_id, o.slug, o.contact_line, s.allowed_origins
    FROM public.site s JOIN public.org o ON o.id = s.org_id
    WHERE s.site_key = p_site_key
$$;

-- A staff token's org claim (a slug) or the command line's --org -> the org's id; null when there is none.
CREATE FUNCTION cellardoor_org_id(p_slug text)
    RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT o.id FROM public.org o WHERE o.slug = p_slug
$$;

-- Creates the org with this slug when missing and returns its id (the slug's CHECK constraint still applies).
CREATE FUNCTION cellardoor_ensure_org(p_slug text, p_name text)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO public.org (slug, name) VALUES (p_slug, p_name) ON CONFLICT (slug) DO NOTHING;
    RETURN (SELECT o.id FROM public.org o WHERE o.slug = p_slug);
END
$$;

-- Empties every org's semantic cache (the loaded domain plugins changed, so cached routing is stale everywhere);
-- returns how many entries were removed and reads nothing.
CREATE FUNCTION cellardoor_clear_semantic_caches()
    RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    WITH gone AS (DELETE FROM public.semantic_cache RETURNING 1) SELECT count(*) FROM gone
$$;

REVOKE ALL ON FUNCTION cellardoor_site_by_key(text), cellardoor_org_id(text), cellardoor_ensure_org(text, text),
    cellardoor_clear_semantic_caches() FROM PUBLIC;

-- Privileges of the runtime role: data only (no DDL: it owns nothing), on the tables of today and, through default
-- privileges of the owner, on every table and sequence later migrations create. The org table is read and updated
-- (own row) only. Flyway's history stays the owner's. When the role does not exist yet (a setup that creates it
-- later), run this block again by hand after creating it; see README "Database roles".
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', '${app_role}');
        EXECUTE format('REVOKE INSERT, DELETE, TRUNCATE ON org FROM %I', '${app_role}');
        EXECUTE format('REVOKE ALL ON %I FROM %I', '${flyway:table}', '${app_role}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', '${app_role}');
        EXECUTE format('GRANT EXECUTE ON FUNCTION cellardoor_site_by_key(text), cellardoor_org_id(text), '
            'cellardoor_ensure_org(text, text), cellardoor_clear_semantic_caches() TO %I', '${app_role}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
            '${app_role}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', '${app_role}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO %I', '${app_role}');
    ELSE
        RAISE NOTICE 'role % does not exist: no privileges granted (create it, then grant as in V5)', '${app_role}';
    END IF;
END
$$;
