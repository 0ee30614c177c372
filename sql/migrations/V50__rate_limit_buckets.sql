-- Cellar Door schema, version 50: rate limits shared by every app instance (issue 12, docs/decisions/0050).
--
-- One row per token bucket, in the layout of Bucket4j's PostgreSQL backend (bucket4j_jdk17-postgresql, the
-- select-for-update proxy manager): the bucket's serialized state and when it may be forgotten (epoch milliseconds,
-- the time it would be full again plus a margin; io.cellardoor.ratelimit removes expired rows every minute).
--
-- Not a tenant table: no org_id and no row-level security. The id is "<kind>:<SHA-256 of the subject, base64url>:
-- <limit>" (kind visitor, ip, site or admin), so the table holds no visitor id, address or user name in the clear
-- and nothing an org could read about another; the app's rate limiter is the only reader and writer.
CREATE TABLE rate_limit_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);
