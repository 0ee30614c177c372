#!/usr/bin/env bash
# Observability checks of .ci/run (docs/observability.md): the alert rules parse and pass their unit tests
# (promtool check rules / test rules), and every Grafana dashboard is valid JSON whose queries name only series the app
# exports or Prometheus itself has. Installs Debian's prometheus package (for promtool) when promtool is missing.
# Takes a few seconds once promtool is there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT/deploy/observability"
say() { echo "[observability-checks] $*"; }

if ! command -v promtool >/dev/null; then
  sudo=(); [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo=(sudo)
  say "apt-get install prometheus (for promtool)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q update >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q install --no-install-recommends prometheus >/dev/null
fi
say "$(promtool --version 2>&1 | head -1)"
promtool check rules alerts.yml
promtool test rules alerts.test.yml

python3 - <<'PY'
import json, pathlib, re, sys
known = re.compile(r"^(rag_|cellardoor_|http_server_requests_|jvm_|process_|hikaricp_|resilience4j_|up$)")
bad = []
files = sorted(pathlib.Path("dashboards").glob("*.json"))
if not files:
    sys.exit("no dashboard in deploy/observability/dashboards")
for f in files:
    board = json.loads(f.read_text())
    panels = board.get("panels", [])
    if not panels:
        bad.append(f"{f}: no panels")
    for p in panels:
        for t in p.get("targets", []):
            for name in re.findall(r"\b([a-z_][a-z0-9_]*)\s*(?:\{|\[)", t.get("expr", "")):
                if name not in ("by", "without", "on", "ignoring") and not known.match(name):
                    bad.append(f"{f}: panel '{p.get('title')}' queries unknown series {name}")
    print(f"[observability-checks] {f}: {len(panels)} panels")
if bad:
    sys.exit("\n".join(bad))
PY
say "alert rules and dashboards OK"
