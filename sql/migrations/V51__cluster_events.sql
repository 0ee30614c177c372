-- Cellar Door schema, version 51: events every app instance hears (issue 12, docs/decisions/0051).
--
-- What an instance keeps in memory beside PostgreSQL (term statistics, curated-answer presence, the plugins it loaded,
-- feature flags' cache) must learn when another instance changed the data it was derived from. An instance publishes
-- a typed, past-tense event (io.cellardoor.cluster.ClusterEvents): one row here, written in the publisher's
-- transaction, and a notification on channel cellardoor_events sent when that transaction commits. Every instance
-- listens on the channel and also polls the table (every 2 s by default), reading the rows of every transaction that
-- may have committed since its last read: the notification makes delivery fast, the poll makes it certain (a
-- listener that was reconnecting, a connection pooler that drops LISTEN).
--
-- The poll is exact without a sequence in commit order: each row carries its transaction id (tx). A reader remembers
-- the oldest transaction still running at its last read (pg_snapshot_xmin) and next time reads every row with
-- tx >= that, skipping ids it has already seen. Rows are kept an hour.
--
-- Not a tenant table: events name ids only (an org id, a plugin id), never tenant content, and every instance must
-- read every org's events. The runtime role reads and writes it; the notification needs no privilege.
CREATE TABLE cluster_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    origin     text NOT NULL,                       -- the publishing instance, which does not apply its own events again
    type       text NOT NULL,                       -- the event's Java type, e.g. io.cellardoor.knowledge.KnowledgeChanged
    payload    jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cluster_event_tx_idx ON cluster_event (tx);
CREATE INDEX cluster_event_created_idx ON cluster_event (created_at);

-- Publishes an event: the row, and a notification (the row's id and origin) at commit.
CREATE FUNCTION cellardoor_publish_event(p_origin text, p_type text, p_payload jsonb)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO cluster_event (origin, type, payload) VALUES (p_origin, p_type, p_payload) RETURNING id INTO new_id;
    PERFORM pg_notify('cellardoor_events', json_build_object('id', new_id, 'origin', p_origin)::text);
    RETURN new_id;
END
$$;
