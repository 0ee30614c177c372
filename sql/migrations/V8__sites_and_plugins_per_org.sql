-- Cellar Door schema, version 8: site keys that can be rotated (with a grace period for the old key) and revoked,
-- and plugins per org (enabled or disabled, and the values of the settings a plugin declares).

-- A rotated key keeps working until previous_key_valid_until; afterwards it is answered with a clear
-- "site-key-rotated" problem until the next rotation replaces it. A revoked site answers every key with
-- "site-key-revoked".
ALTER TABLE site
    ADD COLUMN previous_site_key       text UNIQUE,
    ADD COLUMN previous_key_valid_until timestamptz,
    ADD COLUMN revoked_at              timestamptz,
    ADD COLUMN updated_at              timestamptz NOT NULL DEFAULT now();

-- Whether a loaded plugin (by its PF4J plugin id) serves an org's chats. No row: enabled.
CREATE TABLE plugin_org_state (
    org_id     bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    plugin_id  text NOT NULL,
    enabled    boolean NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, plugin_id)
);
ALTER TABLE plugin_org_state ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plugin_org_state
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

-- An org's values of the settings a plugin declares (DomainPlugin.configProperties()). No row: the default.
CREATE TABLE plugin_setting (
    org_id     bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    plugin_id  text NOT NULL,
    key        text NOT NULL,
    value      text NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, plugin_id, key)
);
ALTER TABLE plugin_setting ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plugin_setting
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);
