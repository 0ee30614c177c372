-- Cellar Door schema, version 10: the visitor-side site key look-ups of V5 learn the rotation grace period and
-- revocation of V8. Both run before the request's org is known, so they stay SECURITY DEFINER functions owned by the
-- owner, returning only what the widget API needs.

-- A visitor request's site key -> its site and org: the site's current key, or its previous key until the end of the
-- grace period after a rotation; never a revoked site.
CREATE OR REPLACE FUNCTION cellardoor_site_by_key(p_site_key text)
    RETURNS TABLE (site_id bigint, org_id bigint, org_slug text, contact_line text, allowed_origins text[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.id, s.org_id, o.slug, o.contact_line, s.allowed_origins
    FROM public.site s JOIN public.org o ON o.id = s.org_id
    WHERE s.revoked_at IS NULL
      AND (s.site_key = p_site_key OR (s.previous_site_key = p_site_key AND s.previous_key_valid_until > now()))
$$;

-- Why a key that once worked is refused now: 'REVOKED' (its site was revoked) or 'ROTATED' (replaced, grace period
-- over); null for keys that work or never existed. Says nothing else about the site.
CREATE FUNCTION cellardoor_retired_site_key(p_site_key text)
    RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN s.revoked_at IS NOT NULL THEN 'REVOKED' ELSE 'ROTATED' END
    FROM public.site s
    WHERE (s.site_key = p_site_key OR s.previous_site_key = p_site_key)
      AND (s.revoked_at IS NOT NULL OR (s.site_key <> p_site_key AND s.previous_key_valid_until <= now()))
    LIMIT 1
$$;

REVOKE ALL ON FUNCTION cellardoor_retired_site_key(text) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION cellardoor_retired_site_key(text) TO %I', '${app_role}');
    END IF;
END
$$;
