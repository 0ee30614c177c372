#!/usr/bin/env bash
# Restores a backup of deploy/backup/backup.sh into a new database and verifies it against the backup's manifest.
#
# Usage: deploy/backup/restore.sh BACKUP.dump --target-db NAME [--skip-rum] [--keep-failed]
#   BACKUP.dump    a dump with its .manifest and .sha256 beside it
#   --target-db    the database to create; it must not exist (restores never overwrite)
#   --skip-rum     leave out the rum extension and its indexes (what happens anyway on a server without rum)
#   --keep-failed  leave the new database in place when a step fails (default: it is dropped again)
# Connection: the target server and the owner the restore runs as come from CELLARDOOR_DB_URL + CELLARDOOR_DB_USER/
# _PASSWORD, else PG* (common.sh). The steps a superuser must take (creating the database for the owner, the
# extensions, the planner settings of deploy/local/postgres.sh) connect with CELLARDOOR_DB_ADMIN_URL (any libpq
# connection string of a superuser), else, when the local cluster is running, as postgres over its unix socket.
#
# Steps: checksums; a fresh database owned by the owner with vector, pg_trgm (and rum when the backup had it and this
# server has it; else its indexes are left out and full text ranks over GIN), ts_match_vq LEAKPROOF and
# cosine_distance COST 100; pg_restore as the owner in one transaction, stopping at the first error; ANALYZE; then
# the restored database must match the manifest: rows per table, extensions, row-level security tables and policies,
# grants to the runtime role, and the two planner settings. See docs/backup-and-restore.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=deploy/backup/common.sh source-path=SCRIPTDIR
. "$HERE/common.sh"

dump="" target="" keep_failed=0 skip_rum=0
while [ $# -gt 0 ]; do
  case "$1" in
    --target-db) target="$2"; shift 2 ;;
    --keep-failed) keep_failed=1; shift ;;
    --skip-rum) skip_rum=1; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$dump" ] || die "one backup at a time"; dump="$1"; shift ;;
  esac
done
{ [ -n "$dump" ] && [ -n "$target" ]; } || die "usage: $0 BACKUP.dump --target-db NAME"
[[ "$target" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || die "bad database name '$target'"
[ -f "$dump" ] || die "no such backup: $dump"
dir="$(cd "$(dirname "$dump")" && pwd)" base="$(basename "$dump" .dump)"
manifest="$dir/$base.manifest"
{ [ -f "$manifest" ] && [ -f "$dir/$base.sha256" ]; } || die "$base.manifest or $base.sha256 missing beside the dump"

connection_from_env
find_client_tools
t0=$SECONDS
work="$(mktemp -d -t cellardoor-restore.XXXXXX)"
created=0
cleanup() {
  local rc=$?
  if [ $rc -ne 0 ] && [ $created -eq 1 ] && [ $keep_failed -eq 0 ]; then
    admin_psql -d postgres -c "DROP DATABASE IF EXISTS \"$target\" WITH (FORCE)" >/dev/null 2>&1 \
      && say "dropped $target again (use --keep-failed to inspect it)"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# 1. The files are the ones backup.sh wrote.
(cd "$dir" && sha256sum --check --quiet "$base.sha256") || die "checksum mismatch: $base is damaged or incomplete"
grep -q $'^format\tcellardoor-backup 1$' "$manifest" || die "$manifest is not a cellardoor backup manifest"
owner="$(awk -F'\t' '$1 == "owner" { print $2 }' "$manifest")"
[ "$owner" = "$PGUSER" ] || say "note: the backup was taken by $owner, the restore runs as $PGUSER"

# 2. Superuser steps.
ADMIN=()
if [ -n "${CELLARDOOR_DB_ADMIN_URL:-}" ]; then ADMIN=("$CELLARDOOR_DB_ADMIN_URL")
elif [ -S "$ROOT/.local/postgres/run/.s.PGSQL.$PGPORT" ]; then ADMIN=("host=$ROOT/.local/postgres/run port=$PGPORT user=postgres")
else die "set CELLARDOOR_DB_ADMIN_URL to a superuser's connection string (creating extensions and the planner settings needs one)"; fi
admin_psql() {  # admin_psql -d DB args...: the admin connection (same server unless it names another), in DB
  local db="$2"; shift 2
  local envs=(PGOPTIONS="-c client_min_messages=warning")
  [ -z "${CELLARDOOR_DB_ADMIN_PASSWORD:-}" ] || envs+=(PGPASSWORD="$CELLARDOOR_DB_ADMIN_PASSWORD")
  env -u PGUSER -u PGPASSWORD -u PGDATABASE "${envs[@]}" \
    "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -d "${ADMIN[0]}" -c "\\connect $db" "$@"
}
[ "$(admin_psql -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$target'")" = "0" ] \
  || die "database $target exists; restores go into a new database"
missing_roles="$(awk -F'\t' '$1 == "acl" && $3 != "PUBLIC" { print $3 }' "$manifest" | sort -u | while read -r role; do
  [ "$(admin_psql -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = '$role'")" = "1" ] || echo "$role"; done)"
[ -z "$missing_roles" ] || die "roles missing on this server: $missing_roles (create the runtime role first: README \"Database roles\")"

available="$(admin_psql -d postgres -c "SELECT name FROM pg_available_extensions")"
extensions=() skipped_rum=0
while IFS=$'\t' read -r _ ext _; do
  if [ "$ext" = rum ] && { [ $skip_rum -eq 1 ] || ! grep -qx rum <<<"$available"; }; then
    skipped_rum=1; say "without rum: its indexes are left out (full text ranks over GIN)"
  elif grep -qx "$ext" <<<"$available"; then extensions+=("$ext")
  else die "extension $ext is not installed on this server"; fi
done < <(grep $'^extension\t' "$manifest")
for required in vector pg_trgm; do
  printf '%s\n' "${extensions[@]}" | grep -qx "$required" || die "the backup has no $required extension"
done

say "creating database $target (owner $PGUSER) with ${extensions[*]}"
admin_psql -d postgres -c "CREATE DATABASE \"$target\" OWNER \"$PGUSER\" TEMPLATE template0"
created=1
{
  for ext in "${extensions[@]}"; do echo "CREATE EXTENSION IF NOT EXISTS \"$ext\";"; done
  echo "ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;"
  echo "ALTER FUNCTION cosine_distance(vector, vector) COST 100;"
} >"$work/admin.sql"
admin_psql -d "$target" -f "$work/admin.sql"

# 3. The dump, as the owner, without the extensions (made above by the superuser) and, without rum, its indexes.
"$PG_BIN/pg_restore" --list "$dump" >"$work/toc"
grep -v -E '^[0-9]+; [0-9]+ [0-9]+ (EXTENSION - |COMMENT - EXTENSION )' "$work/toc" >"$work/toc.wanted"
if [ $skipped_rum -eq 1 ]; then
  while IFS=$'\t' read -r _ index; do
    grep -v -F " INDEX ${index%%.*} ${index#*.} " "$work/toc.wanted" >"$work/toc.next" || true
    mv "$work/toc.next" "$work/toc.wanted"
  done < <(grep $'^rum_index\t' "$manifest")
fi
say "restoring $(basename "$dump")"
PGOPTIONS="-c maintenance_work_mem=256MB" "$PG_BIN/pg_restore" --dbname="$target" --no-owner --single-transaction \
  --exit-on-error --use-list="$work/toc.wanted" "$dump"
admin_psql -d "$target" -c "ANALYZE"  # planner statistics (pg_restore leaves none), also of the catalogs

# 4. Verification against the manifest.
{ facts_sql; } >"$work/facts.sql"
pg -d "$target" -f "$work/facts.sql" >"$work/restored"
expected="$(grep -E $'^(rls_table|policy|acl|rows)\t' "$manifest" | sort)"
actual="$(grep -E $'^(rls_table|policy|acl|rows)\t' "$work/restored" | sort)"
if [ $skipped_rum -eq 0 ]; then
  expected="$(printf '%s\n%s' "$expected" "$(grep $'^rum_index\t' "$manifest" || true)" | sed '/^$/d' | sort)"
  actual="$(printf '%s\n%s' "$actual" "$(grep $'^rum_index\t' "$work/restored" || true)" | sed '/^$/d' | sort)"
fi
if [ "$expected" != "$actual" ]; then
  diff <(echo "$expected") <(echo "$actual") | sed 's/^/  /' >&2 || true
  die "the restored database differs from the backup's manifest (< backup, > restored)"
fi
for ext in "${extensions[@]}"; do
  grep -q $'^extension\t'"$ext"$'\t' "$work/restored" || die "extension $ext missing after the restore"
done
planner="$(pg -d "$target" -c "SELECT (SELECT proleakproof FROM pg_proc WHERE oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure)
  AND (SELECT procost FROM pg_proc WHERE oid = 'cosine_distance(vector, vector)'::regprocedure) = 100")"
[ "$planner" = "t" ] || die "the planner settings (ts_match_vq LEAKPROOF, cosine_distance COST 100) are missing"

tables="$(grep -c $'^rows\t' "$work/restored" || true)"
rows="$(awk -F'\t' '$1 == "rows" { n += $3 } END { print n + 0 }' "$work/restored")"
say "restored into $target and verified in $((SECONDS - t0))s: $tables tables, $rows rows, $(grep -c $'^policy\t' "$work/restored" || true) row-level security policies, grants and planner settings as backed up"
