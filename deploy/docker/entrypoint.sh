#!/bin/sh
# The image's entry point: `serve` (default), `migrate`, `ingest --dir DIR` or `eval ...` (see Command.USAGE).
# On first use of an empty plugins folder (a new volume, a Kubernetes emptyDir) it copies the built-in domain plugins
# into it; a folder that already holds jars is left as it is (uploads replace built-ins there). Then the JVM replaces
# this shell, so it is PID 1 and gets the container's SIGTERM for a graceful shutdown.
set -eu
dir="${CELLARDOOR_PLUGINS_DIR:-/var/lib/cellardoor/plugins}"
builtin="${CELLARDOOR_BUILTIN_PLUGINS_DIR:-/opt/cellardoor/plugins}"
if [ -d "$builtin" ] && [ -d "$dir" ] && [ -w "$dir" ] && ! ls "$dir"/*.jar >/dev/null 2>&1; then
  cp "$builtin"/*.jar "$dir"/
  echo "entrypoint: seeded $dir with the built-in plugins" >&2
fi
# JAVA_OPTS is split into words on purpose.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /opt/cellardoor/app/cellardoor.jar "$@"
