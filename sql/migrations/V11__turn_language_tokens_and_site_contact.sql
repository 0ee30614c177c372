-- Cellar Door schema, version 11: what the answer path learned to keep.
-- * message: the standalone question a follow-up was resolved to (what retrieval searched for), the question's
--   language, and the LLM's real token counts (0 for answers that used no model) with the model's name.
-- * site: a contact line the org admin sets for one site; it outranks the org's line, which the platform derives
--   from the org's own knowledge after every import. A decline never offers another org's contact details.

ALTER TABLE message
    ADD COLUMN resolved_question text,
    ADD COLUMN language text NOT NULL DEFAULT 'en',
    ADD COLUMN input_tokens int NOT NULL DEFAULT 0,
    ADD COLUMN output_tokens int NOT NULL DEFAULT 0,
    ADD COLUMN model text;

ALTER TABLE site ADD COLUMN contact_line text NOT NULL DEFAULT '';

-- The site key look-up returns the site's own contact line when set, else the org's.
CREATE OR REPLACE FUNCTION cellardoor_site_by_key(p_site_key text)
    RETURNS TABLE (site_id bigint, org_id bigint, org_slug text, contact_line text, allowed_origins text[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.id, s.org_id, o.slug, coalesce(nullif(s.contact_line, ''), o.contact_line), s.allowed_origins
    FROM public.site s JOIN public.org o ON o.id = s.org_id
    WHERE s.revoked_at IS NULL
      AND (s.site_key = p_site_key OR (s.previous_site_key = p_site_key AND s.previous_key_valid_until > now()))
$$;
