#!/usr/bin/env bash
# Project-local PostgreSQL + pgvector for Cellar Door development and tests.
# Usage: deploy/local/postgres.sh start|stop|restart|status|prewarm [DB...]|create-db NAME|recreate-db NAME|psql [args]
#        deploy/local/postgres.sh replica start|stop|kill|status
# Cluster lives in <project>/.local/postgres; listens on 127.0.0.1:${CELLARDOOR_PG_PORT:-55432}.
# A streaming read replica of it (docs/scaling.md) lives in <project>/.local/postgres-replica and listens on
# 127.0.0.1:${CELLARDOOR_PG_REPLICA_PORT:-55442}.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_DIR="$ROOT/.local/postgres"
DATA="$PG_DIR/data"
RUN="$PG_DIR/run"
LOG="$PG_DIR/postgres.log"
PORT="${CELLARDOOR_PG_PORT:-55432}"
APP_USER=cellardoor APP_PASS=cellardoor APP_DB=cellardoor   # the owner: runs Flyway, owns the tables
RUNTIME_USER="${CELLARDOOR_DB_APP_USER:-cellardoor_app}" RUNTIME_PASS="${CELLARDOOR_DB_APP_PASSWORD:-cellardoor_app}"
url() { echo "postgresql://$APP_USER:$APP_PASS@127.0.0.1:$PORT/$APP_DB"; }
REPLICA_DIR="$ROOT/.local/postgres-replica"
REPLICA_DATA="$REPLICA_DIR/data" REPLICA_RUN="$REPLICA_DIR/run" REPLICA_LOG="$REPLICA_DIR/postgres.log"
REPLICA_PORT="${CELLARDOOR_PG_REPLICA_PORT:-55442}"
export DEBIAN_FRONTEND=noninteractive

say() { echo "[postgres.sh] $*"; }
die() { echo "[postgres.sh] ERROR: $*" >&2; exit 1; }

# Privilege helpers: apt needs root; postgres refuses to run as root.
SUDO=()
if [ "$(id -u)" -ne 0 ]; then command -v sudo >/dev/null && SUDO=(sudo); fi
as_pg() {  # run a postgres binary as the OS user that owns the cluster
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

TMPD="$(mktemp -d -t cellardoor-pg.XXXXXX)"; APT_LOG="$TMPD/apt.log"
cleanup() { if [ -d "$TMPD/pgvector" ]; then "${SUDO[@]}" rm -rf "$TMPD"; else rm -rf "$TMPD"; fi; }
trap cleanup EXIT
APT_UPDATED=0
apt_q() {  # quiet apt-get; show the tail of its output on failure
  "${SUDO[@]}" apt-get -y -q -o Dpkg::Use-Pty=0 "$@" >>"$APT_LOG" 2>&1 \
    || { tail -n 30 "$APT_LOG" >&2; die "apt-get $* failed"; }
}
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then say "apt-get update"; apt_q update; APT_UPDATED=1; fi
  say "apt-get install $*"; apt_q install --no-install-recommends "$@"
}

# Newest installed PostgreSQL major version (Debian layout), or empty.
pg_major() { ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sed 's#.*/postgresql/\([0-9]*\)/.*#\1#' | sort -n | tail -1; }

ensure_postgres() {  # ensure_postgres [noinstall]
  if [ -z "$(pg_major)" ] && [ -z "${1:-}" ]; then apt_install postgresql postgresql-contrib; fi
  PGV="$(pg_major)"; [ -n "$PGV" ] || die "PostgreSQL is not installed (run: $0 start)"
  BIN="/usr/lib/postgresql/$PGV/bin"
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then die "OS user 'postgres' missing"; fi
}

ensure_pgvector() {
  local share; share="$("$BIN/pg_config" --sharedir)"
  [ -f "$share/extension/pg_trgm.control" ] || apt_install postgresql-contrib
  if [ -f "$share/extension/vector.control" ]; then return; fi
  # Prefer a binary package (Ubuntu, Debian >= 13, PGDG).
  if [ "$APT_UPDATED" -eq 0 ]; then say "apt-get update"; apt_q update; APT_UPDATED=1; fi
  if [ -n "$(apt-cache show "postgresql-$PGV-pgvector" 2>/dev/null)" ]; then
    apt_install "postgresql-$PGV-pgvector"; return
  fi
  # Debian 12: build the pgvector source package from trixie, with apt state
  # kept in a throwaway folder so the system never sees the trixie suite.
  local t0=$SECONDS tmp="$TMPD/pgvector"
  chmod 755 "$TMPD"
  mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/src"
  echo "deb-src http://deb.debian.org/debian trixie main" >"$tmp/trixie.list"
  local ao=(-o "Dir::Etc::SourceList=$tmp/trixie.list" -o Dir::Etc::SourceParts=/dev/null
            -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache")
  local need=(); command -v dpkg-source >/dev/null || need+=(dpkg-dev)
  command -v make >/dev/null && command -v gcc >/dev/null || need+=(build-essential)
  [ -f "$("$BIN/pg_config" --includedir-server)/postgres.h" ] || need+=("postgresql-server-dev-$PGV")
  [ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
  say "fetching pgvector source package (Debian trixie)"
  apt_q "${ao[@]}" update
  chmod 777 "$tmp/src"   # apt downloads as the _apt sandbox user
  (cd "$tmp/src" && "${SUDO[@]}" apt-get -q "${ao[@]}" source --download-only pgvector >>"$APT_LOG" 2>&1) \
    || { tail -n 30 "$APT_LOG" >&2; die "apt-get source pgvector failed"; }
  say "building $(basename "$tmp"/src/pgvector_*.dsc .dsc) against PostgreSQL $PGV"
  (cd "$tmp/src" && dpkg-source -x pgvector_*.dsc build >>"$APT_LOG" 2>&1 \
    && make -C build -j"$(nproc)" OPTFLAGS="" PG_CONFIG="$BIN/pg_config" >>"$APT_LOG" 2>&1 \
    && "${SUDO[@]}" make -C build install PG_CONFIG="$BIN/pg_config" >>"$APT_LOG" 2>&1) \
    || { tail -n 30 "$APT_LOG" >&2; die "pgvector build failed"; }
  say "pgvector installed in $((SECONDS - t0))s"
}

# Optional: the RUM index orders full-text matches by rank inside the index, which keeps the full-text branch fast
# for large tenants (docs/decisions/0006). Without the package the app ranks over the GIN index instead.
ensure_rum() {
  local share; share="$("$BIN/pg_config" --sharedir)"
  [ -f "$share/extension/rum.control" ] && return
  if [ "$APT_UPDATED" -eq 0 ]; then (say "apt-get update"; apt_q update) || return 0; APT_UPDATED=1; fi
  if [ -n "$(apt-cache show "postgresql-$PGV-rum" 2>/dev/null)" ]; then
    (apt_install "postgresql-$PGV-rum") || say "postgresql-$PGV-rum not installed; full text ranks over GIN"
  fi
}
# The extensions every database gets: vector and pg_trgm, and rum when installed. Two planner facts (superuser only):
# the full-text match function is LEAKPROOF, since row-level security lets the planner use an index for a condition
# only when its function is (docs/decisions/0005-row-level-security.md); and cosine distance costs what it does
# (about 3 us a pair, not pgvector's default of one operator), else with hnsw.ef_search 400 the planner scans and
# sorts a 10k-chunk tenant (45 ms) instead of walking the HNSW graph (7 ms) (docs/decisions/0002); the same for the
# half-precision distance the HNSW index is built on (docs/decisions/0028).
extensions_sql() {
  local sql="CREATE EXTENSION IF NOT EXISTS vector; CREATE EXTENSION IF NOT EXISTS pg_trgm;"
  sql="$sql CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_prewarm;"
  [ -f "$("$BIN/pg_config" --sharedir)/extension/rum.control" ] && sql="$sql CREATE EXTENSION IF NOT EXISTS rum;"
  echo "$sql ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;" \
    "ALTER FUNCTION cosine_distance(vector, vector) COST 100;" \
    "ALTER FUNCTION cosine_distance(halfvec, halfvec) COST 100;"
}

# Server settings for the retrieval workload (docs/decisions/0028-vector-index.md), rewritten at
# every start; memory settings take effect at the next (re)start. Each can be overridden by an environment variable,
# e.g. CELLARDOOR_PG_SHARED_BUFFERS=4GB on a machine shared with other work.
#   shared_buffers        25 % of RAM: the HNSW graph and the text indexes stay in PostgreSQL's own cache
#   effective_cache_size  70 % of RAM: what the OS page cache adds, for the planner's index costs
#   work_mem              32MB: sorts and hashes of the hybrid query's fusion; pgvector's iterative scan keeps
#                         hnsw.scan_mem_multiplier x work_mem of candidates
#   pg_prewarm            autoprewarm reloads the buffers after a restart (and `prewarm` loads kb_chunk's indexes)
#   max_wal_size          4GB: bulk imports and index builds checkpoint less often
ram_mb() { awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo; }
server_settings() {
  local ram; ram="$(ram_mb)"
  printf "shared_buffers = '%s'\n" "${CELLARDOOR_PG_SHARED_BUFFERS:-$((ram / 4))MB}"
  printf "effective_cache_size = '%s'\n" "${CELLARDOOR_PG_EFFECTIVE_CACHE_SIZE:-$((ram * 7 / 10))MB}"
  printf "work_mem = '%s'\n" "${CELLARDOOR_PG_WORK_MEM:-32MB}"
  printf "maintenance_work_mem = '%s'\n" "${CELLARDOOR_PG_MAINTENANCE_WORK_MEM:-1GB}"
  printf "max_wal_size = '%s'\n" "${CELLARDOOR_PG_MAX_WAL_SIZE:-4GB}"
  printf "shared_preload_libraries = 'pg_prewarm'\n"
  printf "pg_prewarm.autoprewarm = on\n"
}

# Loads kb_chunk's indexes (HNSW, full text) and heap into shared_buffers, in every database that has the table.
prewarm_sql="SELECT count(pg_prewarm(c.oid)) FROM pg_class c
  WHERE c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = to_regclass('public.kb_chunk'))
     OR c.oid = to_regclass('public.kb_chunk')"
cmd_prewarm() {
  local db dbs
  if [ $# -gt 0 ]; then dbs="$*"; else
    dbs="$(su_psql -d postgres -At -c "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate")"
  fi
  for db in $dbs; do
    if [ "$(su_psql -d "$db" -At -c "SELECT to_regclass('public.kb_chunk') IS NOT NULL AND EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_prewarm')")" = t ]; then
      say "prewarm $db: $(su_psql -d "$db" -At -c "$prewarm_sql") relations"
    fi
  done
}

# The runtime role never JIT-compiles: with cosine distance at its real cost, the hybrid query's estimate crosses
# jit_above_cost and compiling took longer than running (docs/decisions/0028). Role settings apply to new sessions.
runtime_role_settings() {
  su_psql -d postgres -v u="$RUNTIME_USER" <<'SQL'
SELECT format('ALTER ROLE %I SET jit = off', :'u')\gexec
SQL
}

# A killed postmaster can linger as a zombie for a moment; pg_ctl would call that running.
is_zombie() { local p; p="$(head -1 "$DATA/postmaster.pid" 2>/dev/null)"; [ -n "$p" ] && grep -q '^State:.*Z' "/proc/$p/status" 2>/dev/null; }
is_running() { [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 && ! is_zombie; }
running_port() { sed -n 4p "$DATA/postmaster.pid" 2>/dev/null; }  # line 4 of postmaster.pid = port

init_cluster() {
  mkdir -p "$PG_DIR" "$RUN"; chmod 755 "$ROOT/.local" "$PG_DIR"
  touch "$LOG"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$RUN" "$LOG"; fi
  if [ -f "$DATA/PG_VERSION" ]; then return; fi
  say "initdb $DATA"
  mkdir -p "$DATA"; chmod 700 "$DATA"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DATA"; fi
  as_pg test -w "$DATA" || die "postgres user cannot reach $DATA (check parent folder permissions)"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >>"$LOG" 2>&1 || { tail -n 20 "$LOG" >&2; die "initdb failed"; }
  echo "include_if_exists = 'cellardoor.conf'" | as_pg tee -a "$DATA/postgresql.conf" >/dev/null
}

# Superuser psql over the unix socket; reads SQL from args/stdin.
su_psql() { PGOPTIONS="-c client_min_messages=warning" as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$PORT" -U postgres "$@"; }

# The runtime role the app connects as: may log in, nothing more (no superuser, no BYPASSRLS, owns nothing), so
# row-level security applies to it. Its table privileges come from the migrations (V5). Idempotent; also resets
# the attributes and password of an existing role.
ensure_runtime_role() {
  su_psql -d postgres -v u="$RUNTIME_USER" -v p="$RUNTIME_PASS" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'u') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'u')\gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', :'u', :'p')\gexec
SQL
  runtime_role_settings
}

require_running() { ensure_postgres noinstall; is_running || die "not running; run: $0 start"; PORT="$(running_port)"; }
check_name() { [[ "$1" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "bad database name '$1'"; }

create_db() {  # create_db NAME: owned by cellardoor, with vector + pg_trgm (+ rum); the runtime role exists
  check_name "$1"
  ensure_runtime_role
  su_psql -d postgres -v db="$1" -v owner="$APP_USER" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
  su_psql -d "$1" -c "$(extensions_sql)"
}

cmd_start() {
  ensure_postgres; ensure_pgvector; ensure_rum; init_cluster
  for _ in $(seq 1 10); do is_zombie || break; sleep 1; done
  if is_running; then
    [ "$(running_port)" = "$PORT" ] || die "already running on port $(running_port); stop it first to change port"
    say "already running"
  else
    # Settings rewritten at every start so CELLARDOOR_PG_PORT changes take effect.
    { printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\n" "$PORT" "$RUN"
      server_settings; } | as_pg tee "$DATA/cellardoor.conf" >/dev/null
    say "starting PostgreSQL $PGV on 127.0.0.1:$PORT"
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null \
      || { tail -n 20 "$LOG" >&2; die "pg_ctl start failed (log: $LOG)"; }
  fi
  for _ in $(seq 1 30); do
    as_pg "$BIN/pg_isready" -q -h "$RUN" -p "$PORT" && break; sleep 1
  done
  as_pg "$BIN/pg_isready" -q -h "$RUN" -p "$PORT" || die "server not ready on port $PORT (log: $LOG)"
  # Extensions in template1 too, so databases that cellardoor creates itself get them.
  su_psql -d template1 -c "$(extensions_sql)"
  su_psql -d postgres -v u="$APP_USER" -v p="$APP_PASS" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB NOSUPERUSER PASSWORD %L', :'u', :'p')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'u')\gexec
SQL
  create_db "$APP_DB"
  cmd_prewarm "$APP_DB"
  say "ready: $(url) (the app connects as $RUNTIME_USER; shared_buffers $(su_psql -d postgres -At -c 'SHOW shared_buffers'))"
}

cmd_restart() {  # applies changed memory settings (shared_buffers needs a restart)
  cmd_stop; cmd_start
}

cmd_stop() {
  [ -n "$(pg_major)" ] || { say "not running"; return; }
  ensure_postgres noinstall
  if is_running; then as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; say "stopped"
  else say "not running"; fi
}

cmd_status() {
  [ -n "$(pg_major)" ] || { url; echo "not running (PostgreSQL not installed)"; return 3; }
  ensure_postgres noinstall
  if is_running; then PORT="$(running_port)"; url; echo "running (data: $DATA)"; return 0; fi
  url; echo "not running"; return 3
}

# The read replica: a physical copy of the running cluster (pg_basebackup over its unix socket, WAL streamed during
# the copy) started as a hot standby that streams from it. No replication slot, so a replica left stopped never holds
# WAL on the primary; in exchange a stopped replica may miss WAL, so `replica start` always takes a fresh copy (a few
# seconds for a development cluster). Roles, grants and row-level security are the primary's (the catalog is copied).
replica_running() { [ -f "$REPLICA_DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$REPLICA_DATA" status >/dev/null 2>&1; }

cmd_replica_start() {
  require_running
  if replica_running; then say "replica already running on 127.0.0.1:$(sed -n 4p "$REPLICA_DATA/postmaster.pid")"; return; fi
  local t0=$SECONDS
  rm -rf "$REPLICA_DATA"; mkdir -p "$REPLICA_DIR" "$REPLICA_RUN"; chmod 755 "$ROOT/.local" "$REPLICA_DIR"
  touch "$REPLICA_LOG"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$REPLICA_DIR" "$REPLICA_RUN" "$REPLICA_LOG"; fi
  say "pg_basebackup of 127.0.0.1:$PORT into $REPLICA_DATA"
  as_pg "$BIN/pg_basebackup" -h "$RUN" -p "$PORT" -U postgres -D "$REPLICA_DATA" -X stream -c fast -R \
    >>"$REPLICA_LOG" 2>&1 || { tail -n 20 "$REPLICA_LOG" >&2; die "pg_basebackup failed"; }
  printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nhot_standby = on\n" \
    "$REPLICA_PORT" "$REPLICA_RUN" | as_pg tee "$REPLICA_DATA/cellardoor.conf" >/dev/null
  as_pg "$BIN/pg_ctl" -D "$REPLICA_DATA" -l "$REPLICA_LOG" -w -t 60 start >/dev/null \
    || { tail -n 20 "$REPLICA_LOG" >&2; die "replica start failed (log: $REPLICA_LOG)"; }
  for _ in $(seq 1 30); do as_pg "$BIN/pg_isready" -q -h "$REPLICA_RUN" -p "$REPLICA_PORT" && break; sleep 1; done
  as_pg "$BIN/pg_isready" -q -h "$REPLICA_RUN" -p "$REPLICA_PORT" || die "replica not ready (log: $REPLICA_LOG)"
  say "replica streaming from 127.0.0.1:$PORT, ready on 127.0.0.1:$REPLICA_PORT in $((SECONDS - t0))s"
}

cmd_replica_stop() {  # cmd_replica_stop fast|immediate
  ensure_postgres noinstall
  if replica_running; then as_pg "$BIN/pg_ctl" -D "$REPLICA_DATA" -m "$1" -w stop >/dev/null; say "replica stopped ($1)"
  else say "replica not running"; fi
}

cmd_replica() {
  case "${1:-}" in
    start) cmd_replica_start ;;
    stop) cmd_replica_stop fast ;;
    kill) cmd_replica_stop immediate ;;
    status) ensure_postgres noinstall
      if replica_running; then echo "replica running on 127.0.0.1:$(sed -n 4p "$REPLICA_DATA/postmaster.pid") (data: $REPLICA_DATA)"
      else echo "replica not running"; return 3; fi ;;
    *) die "usage: $0 replica start|stop|kill|status" ;;
  esac
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_restart ;;
  prewarm) shift; require_running; cmd_prewarm "$@" ;;
  status) cmd_status || exit $? ;;
  create-db) [ $# -eq 2 ] || die "usage: $0 create-db NAME"
    require_running; create_db "$2"; say "database $2 ready" ;;
  recreate-db) [ $# -eq 2 ] || die "usage: $0 recreate-db NAME"
    require_running; check_name "$2"
    su_psql -d postgres -c "DROP DATABASE IF EXISTS \"$2\" WITH (FORCE)"
    create_db "$2"; say "database $2 recreated" ;;
  replica) shift; cmd_replica "$@" || exit $? ;;
  psql) shift; require_running
    as_pg env PGDATABASE="$APP_DB" "$BIN/psql" -h "$RUN" -p "$PORT" -U postgres "$@" ;;
  *) echo "usage: $0 start|stop|restart|status|prewarm [DB...]|create-db NAME|recreate-db NAME|psql [args]|replica start|stop|kill|status" >&2
    exit 2 ;;
esac
