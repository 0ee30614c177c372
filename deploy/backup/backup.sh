#!/usr/bin/env bash
# Backs up the Cellar Door database: pg_dump's custom format, a manifest of what the dump holds (row counts per table,
# extensions, row-level security tables and policies, grants, RUM indexes, taken in the dump's own snapshot), a
# SHA-256 file of both, and retention (the N newest backups of this database are kept).
#
# Usage: deploy/backup/backup.sh [--dir DIR] [--keep N]
#   --dir   where backups go (default $CELLARDOOR_BACKUP_DIR, else <repository>/.local/backups)
#   --keep  backups of this database to keep, newest first (default $CELLARDOOR_BACKUP_KEEP, else 7)
# Connection: CELLARDOOR_DB_URL + CELLARDOOR_DB_USER/_PASSWORD (the tables' owner), else PG* variables (common.sh).
# Writes DIR/cellardoor-<database>-<UTC time>.{dump,manifest,sha256} and prints the dump's path on stdout.
# Restore with deploy/backup/restore.sh; see docs/backup-and-restore.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=deploy/backup/common.sh source-path=SCRIPTDIR
. "$HERE/common.sh"

dir="${CELLARDOOR_BACKUP_DIR:-$ROOT/.local/backups}" keep="${CELLARDOOR_BACKUP_KEEP:-7}"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "--keep must be a positive number, not '$keep'"

connection_from_env
find_client_tools
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
t0=$SECONDS
stamp="$(date -u +%Y%m%dT%H%M%S%3NZ)"
name="cellardoor-${PGDATABASE}-${stamp}"
work="$(mktemp -d "$dir/.partial-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# One repeatable-read transaction exports its snapshot; pg_dump dumps that snapshot while the transaction stays open,
# and the manifest's facts are read in it afterwards, so the counts are exactly the dump's rows even under writes.
{
  echo "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
  echo "SELECT pg_export_snapshot() \\g '$work/snapshot'"
  echo "\\! \"$PG_BIN/pg_dump\" --format=custom --snapshot=\"\$(cat '$work/snapshot')\" --file='$work/$name.dump' 2>'$work/pg_dump.log'; echo \$? >'$work/pg_dump.rc'"
  echo "\\o '$work/facts'"
  facts_sql
  echo "\\o"
  echo "COMMIT;"
} >"$work/backup.sql"
pg -f "$work/backup.sql" || die "backup transaction failed"
[ "$(cat "$work/pg_dump.rc" 2>/dev/null)" = "0" ] || { cat "$work/pg_dump.log" >&2; die "pg_dump failed"; }
"$PG_BIN/pg_restore" --list "$work/$name.dump" >/dev/null || die "pg_dump wrote an unreadable archive"

{
  printf 'format\tcellardoor-backup 1\n'
  printf 'created\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'database\t%s\n' "$PGDATABASE"
  printf 'owner\t%s\n' "$PGUSER"
  printf 'server_version\t%s\n' "$(pg -c 'SHOW server_version')"
  printf 'pg_dump\t%s\n' "$("$PG_BIN/pg_dump" --version)"
  printf 'snapshot\t%s\n' "$(cat "$work/snapshot")"
  cat "$work/facts"
} >"$work/$name.manifest"
(cd "$work" && sha256sum "$name.dump" "$name.manifest" >"$name.sha256")

# The dump moves last: a listed .dump always has its manifest and checksum beside it.
mv "$work/$name.manifest" "$work/$name.sha256" "$dir/"
mv "$work/$name.dump" "$dir/"

tables="$(grep -c '^rows' "$dir/$name.manifest" || true)"
rows="$(awk -F'\t' '$1 == "rows" { n += $3 } END { print n + 0 }' "$dir/$name.manifest")"
say "$dir/$name.dump: $tables tables, $rows rows, $(du -h "$dir/$name.dump" | cut -f1) in $((SECONDS - t0))s"

# Retention: the newest $keep backups of this database stay (names sort by time).
mapfile -t old < <(for f in "$dir/cellardoor-${PGDATABASE}-"*.dump; do
  [[ "$(basename "$f")" =~ ^cellardoor-.*-[0-9]{8}T[0-9]{9}Z\.dump$ ]] && basename "$f"; done | sort | head -n "-$keep")
for dump in "${old[@]}"; do
  base="${dump%.dump}"
  rm -f "$dir/$base.dump" "$dir/$base.manifest" "$dir/$base.sha256"
  say "retention: removed $base (keeping $keep)"
done
echo "$dir/$name.dump"
