-- Cellar Door schema, version 2: widget configuration per site, anonymous visitors, answer feedback,
-- and handoff requests (questions left for the team with an email address).

ALTER TABLE site
    ADD COLUMN greeting        text    NOT NULL DEFAULT 'Hi! Ask me about our wines, tastings, hours and events.',
    ADD COLUMN suggestions     text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN theme           text    NOT NULL DEFAULT 'default' CHECK (theme ~ '^[a-z0-9-]{1,40}$'),
    ADD COLUMN locale          text    CHECK (locale IN ('en', 'es', 'fr')),
    ADD COLUMN handoff_enabled boolean NOT NULL DEFAULT true,
    ADD COLUMN strings         jsonb   NOT NULL DEFAULT '{}';

-- Signing keys and other generated secrets, created once per database.
CREATE TABLE app_secret (
    name       text PRIMARY KEY,
    value      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE visitor (
    id         uuid PRIMARY KEY,
    org_id     bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    site_id    bigint NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visitor_org_idx ON visitor (org_id);

ALTER TABLE conversation ADD COLUMN visitor_id uuid REFERENCES visitor (id) ON DELETE SET NULL;

ALTER TABLE message
    ADD COLUMN feedback         text CHECK (feedback IN ('up', 'down')),
    ADD COLUMN feedback_comment text,
    ADD COLUMN feedback_at      timestamptz;
CREATE INDEX message_feedback_idx ON message (org_id, feedback) WHERE feedback IS NOT NULL;

CREATE TABLE handoff_request (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id          bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    site_id         bigint NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    conversation_id uuid REFERENCES conversation (id) ON DELETE SET NULL,
    visitor_id      uuid REFERENCES visitor (id) ON DELETE SET NULL,
    question        text NOT NULL,
    email           text NOT NULL,
    name            text,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'resolved')),
    assignee        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz
);
CREATE INDEX handoff_request_org_idx ON handoff_request (org_id, status, created_at DESC);
