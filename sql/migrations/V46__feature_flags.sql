-- Cellar Door schema, version 46: feature flags (issue 10, docs/billing.md#feature-flags, decision 0047).
--
-- togglz: Togglz's JDBC state repository (org.togglz.core.repository.jdbc.JDBCStateRepository), created here rather
-- than by Togglz at start-up. One row per feature a platform admin changed (no row: the feature's default): enabled,
-- activation strategy and its parameters. Platform-wide, so no org_id.
CREATE TABLE togglz (
    FEATURE_NAME    text PRIMARY KEY,
    FEATURE_ENABLED integer,
    STRATEGY_ID     text,
    STRATEGY_PARAMS text
);

-- An org admin's switch for one feature of their org, within what the org's plan unlocks.
CREATE TABLE feature_override (
    org_id     bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    feature    text NOT NULL CHECK (feature ~ '^[a-z][a-z-]{0,62}$'),
    enabled    boolean NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, feature)
);
ALTER TABLE feature_override ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON feature_override
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
