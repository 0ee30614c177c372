-- Knowledge imports as jobs (issue 11, docs/decisions/0044-plugin-bulkheads-ingest-jobs-websocket-and-api-docs.md): one row per import, its progress and outcome.
-- A running job's instance touches heartbeat_at every few seconds; a job whose heartbeat stopped (the instance
-- crashed or was killed mid-import) is marked failed by the next instance that starts or sweeps
-- (cellardoor_fail_stalled_ingest_jobs, across orgs, hence SECURITY DEFINER like cellardoor_clear_semantic_caches).
CREATE TABLE ingest_job (
    id            uuid PRIMARY KEY,
    org_id        bigint NOT NULL REFERENCES org (id) ON DELETE CASCADE,
    source        text NOT NULL,
    requested_by  text NOT NULL,
    status        text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    files_total   int NOT NULL DEFAULT 0,
    files_done    int NOT NULL DEFAULT 0,
    added         int NOT NULL DEFAULT 0,
    updated       int NOT NULL DEFAULT 0,
    unchanged     int NOT NULL DEFAULT 0,
    failures      jsonb NOT NULL DEFAULT '[]',
    error         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_job_org_created_idx ON ingest_job (org_id, created_at DESC);
CREATE INDEX ingest_job_open_idx ON ingest_job (heartbeat_at) WHERE status IN ('queued', 'running');

ALTER TABLE ingest_job ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ingest_job
    USING (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint)
    WITH CHECK (org_id = nullif(current_setting('cellardoor.org_id', true), '')::bigint);

CREATE FUNCTION cellardoor_fail_stalled_ingest_jobs(stalled_for interval)
    RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    WITH failed AS (
        UPDATE public.ingest_job
        SET status = 'failed', finished_at = now(),
            error = 'interrupted: the instance running it stopped (crash or restart); documents imported before '
                    || 'the interruption stay, the rest keep their previous version'
        WHERE status IN ('queued', 'running') AND heartbeat_at < now() - stalled_for
        RETURNING 1)
    SELECT count(*) FROM failed
$$;
REVOKE ALL ON FUNCTION cellardoor_fail_stalled_ingest_jobs(interval) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION cellardoor_fail_stalled_ingest_jobs(interval) TO %I', '${app_role}');
    END IF;
END
$$;
