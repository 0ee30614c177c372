-- Cellar Door schema, version 4: the audit log. Every change staff make (documents, settings, plugins, curated
-- answers) is one row: who, what, on which target, when, and the state before and after (text or JSON as the
-- feature writes it). Rows are only ever inserted.
CREATE TABLE audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    actor       text NOT NULL,
    action      text NOT NULL,
    target      text NOT NULL,
    before      text,
    after       text,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_event_org_idx ON audit_event (org_id, at DESC);
