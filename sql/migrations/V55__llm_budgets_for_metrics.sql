-- Cellar Door schema, version 55: every org's monthly LLM budget for the metrics endpoint.
--
-- The alert CellarDoorLlmSpendOverBudget (deploy/observability/alerts.yml) compares an org's LLM spend with the gauge
-- cellardoor_llm_budget_usd{org}; the gauge is published by each instance from this function, which reads across orgs
-- (the runtime role sees only the org it acts as). Slug and the budget an org admin set, NULL for the default.
CREATE FUNCTION cellardoor_llm_budgets()
    RETURNS TABLE (slug text, monthly_usd numeric)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT o.slug, b.monthly_usd FROM public.org o LEFT JOIN public.llm_budget b ON b.org_id = o.id ORDER BY o.slug
$$;
REVOKE ALL ON FUNCTION cellardoor_llm_budgets() FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION cellardoor_llm_budgets() TO %I', '${app_role}');
    END IF;
END
$$;
