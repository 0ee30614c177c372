#!/usr/bin/env bash
# Measures a backup and a restore of a tenant of N synthetic chunks (random 384-dimension embeddings and texts), the
# figures behind docs/backup-and-restore.md: creates a scratch database next to CELLARDOOR_DB_URL's, migrates it with
# the built app jar, fills one org, times backup.sh and restore.sh (which builds the HNSW, GIN and RUM indexes again),
# prints sizes and seconds, and drops both databases and the backup.
#
# Usage: deploy/backup/measure.sh [CHUNKS]   (default 20000; needs the local cluster or CELLARDOOR_DB_ADMIN_URL,
#        and platform/app/target/cellardoor.jar, or JAR=...)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=deploy/backup/common.sh source-path=SCRIPTDIR
. "$HERE/common.sh"
chunks="${1:-20000}"
{ [[ "$chunks" =~ ^[0-9]+$ ]] && [ "$chunks" -ge 10 ]; } || die "CHUNKS must be a number >= 10"
connection_from_env
find_client_tools
jar="${JAR:-$ROOT/platform/app/target/cellardoor.jar}"
[ -f "$jar" ] || die "no app jar at $jar (build it: ./mvnw -DskipTests install)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
base="${PGDATABASE}_measure_$$" restored="${PGDATABASE}_measured_$$"
work="$(mktemp -d -t cellardoor-measure.XXXXXX)"
cleanup() {
  local db
  for db in "$base" "$restored"; do
    pg -d "$PGDATABASE" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || say "could not drop $db"
  done
  rm -rf "$work"
}
trap cleanup EXIT

pg -d "$PGDATABASE" -c "CREATE DATABASE \"$base\""
jdbc="${CELLARDOOR_DB_URL:-jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE}"
CELLARDOOR_DB_URL="${jdbc%%/"$PGDATABASE"*}/$base${jdbc#*/"$PGDATABASE"}" CELLARDOOR_DB_USER="$PGUSER" \
  CELLARDOOR_DB_PASSWORD="$PGPASSWORD" "$java" -jar "$jar" migrate >"$work/migrate.log" 2>&1 \
  || { tail -20 "$work/migrate.log" >&2; die "migrate failed"; }

t0=$SECONDS
pg -d "$base" -v n="$chunks" <<'SQL'
DROP INDEX IF EXISTS kb_chunk_embedding_idx, kb_chunk_tsv_idx, kb_chunk_tsv_rum_idx;
INSERT INTO org (slug, name) VALUES ('measure', 'Backup measurement');
INSERT INTO kb_document (org_id, path, title, folder, content, plain_text, content_hash)
SELECT o.id, 'measure/doc-' || d || '.md', 'Document ' || d, 'measure', 'synthetic', 'synthetic', md5(d::text)
FROM org o, generate_series(1, ceil(:n / 10.0)::int) d WHERE o.slug = 'measure';
INSERT INTO kb_chunk (org_id, document_id, folder, ordinal, heading_path, content, content_hash, embedding, tsv)
SELECT d.org_id, d.id, 'measure', g.o, d.title, t.body, md5(t.body), v.e, to_tsvector('english', t.body)
FROM kb_document d CROSS JOIN generate_series(1, 10) g(o)
CROSS JOIN LATERAL (SELECT string_agg(w.word, ' ') AS body FROM (
    SELECT (array['wine', 'tasting', 'cellar', 'vineyard', 'harvest', 'cabernet', 'riesling', 'club', 'event',
                  'reservation', 'hours', 'weekend', 'barrel', 'oak', 'vintage', 'bottle', 'pairing', 'cheese',
                  'terrace', 'tour'])[1 + floor(random() * 20)::int] AS word
    FROM generate_series(1, 60) WHERE d.id + g.o > 0) w) t
CROSS JOIN LATERAL (SELECT array_agg(random() - 0.5)::vector(384) AS e FROM generate_series(1, 384) WHERE d.id + g.o > 0) v
WHERE d.org_id = (SELECT id FROM org WHERE slug = 'measure')
ORDER BY d.id, g.o LIMIT :n;
SQL
fill=$((SECONDS - t0)); t0=$SECONDS
pg -d "$base" <<'SQL'
SET maintenance_work_mem = '256MB';
CREATE INDEX kb_chunk_tsv_idx ON kb_chunk USING gin (tsv);
CREATE INDEX kb_chunk_embedding_idx ON kb_chunk USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);
DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'rum') THEN
    EXECUTE 'CREATE INDEX kb_chunk_tsv_rum_idx ON kb_chunk USING rum (tsv rum_tsvector_ops)';
  END IF;
END $$;
ANALYZE kb_chunk, kb_document;
SQL
index=$((SECONDS - t0))
size="$(pg -d "$base" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
distinct="$(pg -d "$base" -c "SELECT count(DISTINCT content_hash) || '/' || count(DISTINCT embedding::text) FROM kb_chunk")"

t0=$SECONDS
dump="$(PGDATABASE="$base" CELLARDOOR_DB_URL="" bash "$HERE/backup.sh" --dir "$work/backups" --keep 1 2>"$work/backup.log")" \
  || { cat "$work/backup.log" >&2; die "backup failed"; }
backup=$((SECONDS - t0)); t0=$SECONDS
PGDATABASE="$base" CELLARDOOR_DB_URL="" bash "$HERE/restore.sh" "$dump" --target-db "$restored" 2>"$work/restore.log" \
  || { cat "$work/restore.log" >&2; die "restore failed"; }
restore=$((SECONDS - t0))
load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "chunks=$chunks distinct_texts/vectors=$distinct database=$size dump=$(du -h "$dump" | cut -f1) fill=${fill}s index_build=${index}s backup=${backup}s restore_and_verify=${restore}s cores=$(nproc) load=\"$load\""
