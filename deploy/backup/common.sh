# shellcheck shell=bash
# Shared by backup.sh and restore.sh (sourced, not run). Connection settings, PostgreSQL client tools, messages.
#
# The database is the app's: CELLARDOOR_DB_URL (jdbc:postgresql://HOST[:PORT]/DB[?sslmode=...]) with the tables' owner
# CELLARDOOR_DB_USER / CELLARDOOR_DB_PASSWORD, as in README "Configuration". When CELLARDOOR_DB_URL is unset, libpq's
# own PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (or ~/.pgpass) apply, as in a Kubernetes CronJob fed by a
# CloudNativePG secret.

say() { echo "[$(basename "$0")] $*" >&2; }
die() { echo "[$(basename "$0")] ERROR: $*" >&2; exit 1; }

# Exports PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (and PGSSLMODE) from the CELLARDOOR_DB_* settings.
connection_from_env() {
  if [ -n "${CELLARDOOR_DB_URL:-}" ]; then
    local rest="${CELLARDOOR_DB_URL#jdbc:postgresql://}" hostport query=""
    [ "$rest" != "$CELLARDOOR_DB_URL" ] || die "CELLARDOOR_DB_URL is not a jdbc:postgresql:// URL: $CELLARDOOR_DB_URL"
    case "$rest" in *\?*) query="${rest#*\?}"; rest="${rest%%\?*}" ;; esac
    hostport="${rest%%/*}"
    export PGDATABASE="${rest#*/}"
    export PGHOST="${hostport%%:*}"
    if [ "$hostport" != "$PGHOST" ]; then export PGPORT="${hostport#*:}"; else export PGPORT=5432; fi
    local sslmode; sslmode="$(printf '%s' "$query" | tr '&' '\n' | sed -n 's/^sslmode=//p' | head -1)"
    [ -z "$sslmode" ] || export PGSSLMODE="$sslmode"
    export PGUSER="${CELLARDOOR_DB_USER:-cellardoor}"
    export PGPASSWORD="${CELLARDOOR_DB_PASSWORD:-cellardoor}"
  fi
  [ -n "${PGDATABASE:-}" ] || die "no database: set CELLARDOOR_DB_URL (and _USER, _PASSWORD) or PGHOST/PGDATABASE/PGUSER"
}

# PG_BIN: the newest Debian-layout client tools (pg_dump must be at least the server's major version), else PATH.
find_client_tools() {
  local newest="" major=0 d v
  for d in /usr/lib/postgresql/*/bin; do
    v="${d#/usr/lib/postgresql/}"; v="${v%/bin}"
    if [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -gt "$major" ] && [ -x "$d/pg_dump" ]; then newest="$d"; major="$v"; fi
  done
  if [ -n "$newest" ]; then PG_BIN="$newest"
  elif command -v pg_dump >/dev/null; then PG_BIN="$(dirname "$(command -v pg_dump)")"
  else die "pg_dump not found (Debian: apt-get install postgresql-client)"; fi
}

# psql as the configured user, quiet, unaligned, stopping at the first error.
pg() { "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# The row-count and catalog facts a backup records and a restore verifies, as tab-separated lines:
#   extension NAME VERSION | rls_table TABLE | policy TABLE NAME | acl TABLE GRANTEE PRIVILEGE | rum_index INDEX |
#   rows TABLE COUNT
# Tables are every ordinary table outside the system schemas and not part of an extension. Row counts are exact
# (count(*)); row_security is off so a role that row-level security would filter fails instead of counting less.
facts_sql() {
  cat <<'SQL'
SET row_security = off;
SELECT 'extension' || E'\t' || extname || E'\t' || extversion FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1;
WITH t AS (
  SELECT c.oid, c.relrowsecurity, format('%I.%I', n.nspname, c.relname) AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
    AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e'))
SELECT line FROM (
  SELECT 'rls_table' || E'\t' || name AS line FROM t WHERE relrowsecurity
  UNION ALL
  SELECT 'policy' || E'\t' || format('%I.%I', schemaname, tablename) || E'\t' || policyname FROM pg_policies
  UNION ALL
  SELECT DISTINCT 'acl' || E'\t' || t.name || E'\t' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
         || E'\t' || a.privilege_type
  FROM t JOIN pg_class c ON c.oid = t.oid, aclexplode(c.relacl) a WHERE a.grantee <> c.relowner
  UNION ALL
  SELECT 'rum_index' || E'\t' || format('%I.%I', n.nspname, i.relname)
  FROM pg_class i JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = i.relnamespace
  WHERE i.relkind = 'i' AND am.amname = 'rum'
  UNION ALL
  SELECT 'rows' || E'\t' || name || E'\t'
         || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %s', name), false, true, '')))[1]::text
  FROM t) facts ORDER BY line;
SQL
}
