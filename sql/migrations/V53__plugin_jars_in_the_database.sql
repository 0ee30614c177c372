-- Cellar Door schema, version 53: uploaded plugin jars kept in PostgreSQL, so every app instance loads the same
-- plugins (issue 12, docs/decisions/0054).
--
-- One row per plugin id that a platform admin uploaded or removed. With content: the jar every instance loads for
-- this plugin, in place of any jar of the same id in its own plugins folder. Without content: the plugin was removed;
-- no instance loads a jar of this id from its folder until a new one is uploaded. Plugins nobody uploaded or removed
-- come from each instance's plugins folder as before (the image's built-in jars). Every instance compares this table
-- with what it loaded at each folder scan (every 2 s) and at once when another instance announces a change; each
-- instance checks the jar's signature itself before loading it (docs/decisions/0037), so a row written by anyone but
-- the app's upload is refused as any unsigned jar would be.
--
-- Not a tenant table: plugins serve every org.
CREATE TABLE plugin_jar (
    plugin_id  text PRIMARY KEY CHECK (plugin_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    version    text NOT NULL,
    file_name  text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.jar$'),
    content    bytea,                                 -- null: removed
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),  -- of content, or of the jar that was removed
    size_bytes bigint NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
