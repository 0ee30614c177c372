-- Cellar Door schema, version 6: document versions. Every change to a knowledge document (an import that changed it,
-- a console or API save, an upload, a rollback, a delete) appends one row with the full markdown as it was after the
-- change (for a delete: as it was before), so any version can be compared with the current one and restored.
-- author is the staff member's username, or 'import' for folder imports. Rows are only ever inserted; a deleted
-- document keeps its versions.
CREATE TABLE kb_document_version (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id       bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    path         text NOT NULL,
    title        text NOT NULL,
    content      text NOT NULL,
    content_hash text NOT NULL,           -- sha-256 of content, as kb_document.content_hash
    author       text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('import', 'save', 'upload', 'rollback', 'delete')),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_document_version_path_idx ON kb_document_version (org_id, path, id DESC);

ALTER TABLE kb_document_version ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kb_document_version
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

-- History starts with what is stored now, as imported.
INSERT INTO kb_document_version (org_id, path, title, content, content_hash, author, kind, created_at)
SELECT org_id, path, title, content, content_hash, 'import', 'import', updated_at FROM kb_document;
