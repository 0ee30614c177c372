#!/usr/bin/env bash
# Project-local Keycloak (OIDC) for Cellar Door development and tests, from the keycloak-quarkus-dist zip on
# Maven Central, with the local realm deploy/keycloak/cellardoor-realm.json (demo users, password "demo").
# Usage: deploy/local/keycloak.sh start|stop|status
# Lives in <project>/.local/keycloak; listens on 127.0.0.1:${CELLARDOOR_KC_PORT:-8180}; log in keycloak.log there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION=26.5.6
KC_DIR="$ROOT/.local/keycloak"
HOME_DIR="$KC_DIR/keycloak-$VERSION"
LOG="$KC_DIR/keycloak.log"
PID_FILE="$KC_DIR/keycloak.pid"
REALM_FILE="$ROOT/deploy/keycloak/cellardoor-realm.json"
REALM=cellardoor
PORT="${CELLARDOOR_KC_PORT:-8180}"
START_TIMEOUT="${CELLARDOOR_KC_START_TIMEOUT:-90}"
ISSUER="http://127.0.0.1:$PORT/realms/$REALM"

say() { echo "[keycloak.sh] $*"; }
die() { echo "[keycloak.sh] ERROR: $*" >&2; exit 1; }

# A JDK 21 or newer: JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then return; fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"; [ -x "$d/bin/java" ] || continue
    v="$(java_major "$d")"; [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ] && { best="$d"; best_v="$v"; }
  done
  [ -n "$best" ] || die "Keycloak needs a JDK 21+ (set JAVA_HOME); none found under /usr/lib/jvm"
  export JAVA_HOME="$best"
}

# HTTP status of a GET, 000 when nothing answers.
http_status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }
ready() { [ "$(http_status "$ISSUER/.well-known/openid-configuration")" = 200 ]; }

running_pid() {  # the pid of our Keycloak when it is alive, else nothing
  local pid; pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$HOME_DIR" \
    && echo "$pid"
}
running_port() { sed -n 's/^port=//p' "$KC_DIR/running.conf" 2>/dev/null; }

ensure_dist() {
  [ -x "$HOME_DIR/bin/kc.sh" ] && return
  local t0=$SECONDS zip="$KC_DIR/download/keycloak-quarkus-dist-$VERSION.zip"
  mkdir -p "$KC_DIR/download"
  if [ ! -f "$zip" ]; then
    say "downloading org.keycloak:keycloak-quarkus-dist:$VERSION (zip, ~160 MB) with the Maven wrapper"
    (cd "$ROOT" && ./mvnw -q -B -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
      -DoutputDirectory="$KC_DIR/download" -Dmdep.overWriteIfNewer=true) || die "download failed"
  fi
  say "unpacking into $HOME_DIR"
  rm -rf "$KC_DIR/unpack" && mkdir -p "$KC_DIR/unpack"
  if command -v unzip >/dev/null; then unzip -q "$zip" -d "$KC_DIR/unpack"
  else (cd "$KC_DIR/unpack" && "$JAVA_HOME/bin/jar" xf "$zip"); fi
  [ -d "$KC_DIR/unpack/keycloak-$VERSION" ] || die "unexpected zip layout (no keycloak-$VERSION/)"
  mv "$KC_DIR/unpack/keycloak-$VERSION" "$HOME_DIR" && rmdir "$KC_DIR/unpack"
  rm -rf "$KC_DIR/download"  # the zip stays in the local Maven repository
  chmod +x "$HOME_DIR"/bin/*.sh
  say "Keycloak $VERSION ready in $((SECONDS - t0))s"
}

# The realm is imported only into an empty dev database; when the realm file changes, the local dev
# database (demo data only) is reset so the next start imports the new file.
realm_sum() { sha256sum "$REALM_FILE" | cut -d' ' -f1; }
realm_changed() { [ "$(cat "$KC_DIR/realm.sha256" 2>/dev/null || true)" != "$(realm_sum)" ]; }
stage_realm() {
  local import="$HOME_DIR/data/import"
  if realm_changed; then
    [ -d "$HOME_DIR/data/h2" ] && say "realm file changed: resetting the local Keycloak database"
    rm -rf "$HOME_DIR/data/h2"
  fi
  mkdir -p "$import" && cp "$REALM_FILE" "$import/$REALM-realm.json"
  realm_sum >"$KC_DIR/realm.sha256"
}

cmd_start() {
  command -v curl >/dev/null || die "needs curl (apt-get install curl)"
  [ -f "$REALM_FILE" ] || die "realm file $REALM_FILE missing"
  if [ -n "$(running_pid)" ] && realm_changed; then say "realm file changed: restarting to import it"; cmd_stop; fi
  if [ -n "$(running_pid)" ]; then
    [ "$(running_port)" = "$PORT" ] || die "already running on port $(running_port); stop it first to change port"
    if ready; then say "already running: $ISSUER"; return; fi
    say "already starting (pid $(running_pid))"
  else
    [ "$(http_status "http://127.0.0.1:$PORT/")" = 000 ] \
      || die "port $PORT is taken by another process; set CELLARDOOR_KC_PORT to another port"
    select_jdk; ensure_dist; stage_realm
    say "starting Keycloak $VERSION on 127.0.0.1:$PORT (JDK $JAVA_HOME, log $LOG)"
    : >"$LOG"
    # Own session: Ctrl-C in the terminal that started it does not stop it (like the local PostgreSQL).
    KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
      setsid "$HOME_DIR/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$PORT" \
        --hostname="http://127.0.0.1:$PORT" --import-realm </dev/null >>"$LOG" 2>&1 &
    echo $! >"$PID_FILE"
    echo "port=$PORT" >"$KC_DIR/running.conf"
  fi
  local t0=$SECONDS
  until ready; do
    [ -n "$(running_pid)" ] || { tail -n 30 "$LOG" >&2; die "Keycloak exited during start-up (log: $LOG)"; }
    [ $((SECONDS - t0)) -lt "$START_TIMEOUT" ] || { tail -n 30 "$LOG" >&2; die "not ready after ${START_TIMEOUT}s (log: $LOG)"; }
    sleep 1
  done
  say "ready in $((SECONDS - t0))s: $ISSUER"
}

cmd_stop() {
  local pid; pid="$(running_pid)"
  [ -n "$pid" ] || { say "not running"; rm -f "$PID_FILE"; return; }
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then say "still running after 30s; killing"; kill -KILL "$pid"; fi
  rm -f "$PID_FILE"
  say "stopped"
}

cmd_status() {
  [ -n "$(running_port)" ] && PORT="$(running_port)" && ISSUER="http://127.0.0.1:$PORT/realms/$REALM"
  echo "$ISSUER"
  if [ -n "$(running_pid)" ] && ready; then echo "running (home: $HOME_DIR)"; return 0; fi
  if [ -n "$(running_pid)" ]; then echo "starting (log: $LOG)"; return 3; fi
  echo "not running"; return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status || exit $? ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
