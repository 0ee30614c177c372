"""Validates deploy/compose/compose.yaml offline: `docker-compose config` (Debian's docker-compose package) must accept
it with the example .env and refuse it without one, and the resolved file must hold together with the image, the
PostgreSQL init script, the realm, Prometheus, Grafana, the collector and the proxy it mounts.

Usage: check_compose.py   (run by deploy/ci/check.sh; needs docker-compose and PyYAML)
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "deploy/compose/compose.yaml"
ENV_EXAMPLE = ROOT / "deploy/compose/.env.example"
SECRETISH = re.compile(r"PASSWORD|SECRET|API_KEY|TOKEN", re.I)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def mounts(service):
    """(source, target, mode) of each volume, from the short syntax (docker-compose 1.x) or the long one (Compose v2)."""
    out = []
    for v in service.get("volumes", []):
        if isinstance(v, dict):
            out.append((v.get("source", ""), v["target"], "ro" if v.get("read_only") else "rw"))
        else:
            parts = v.split(":")
            out.append((parts[0], parts[1], parts[2] if len(parts) > 2 else "rw"))
    return out


def published(service):
    """host_ip:published:target of each port, from either syntax."""
    out = []
    for p in service.get("ports", []):
        if isinstance(p, dict):
            out.append(f"{p.get('host_ip', '')}:{p.get('published')}:{p['target']}")
        else:
            out.append(str(p).split("/")[0])
    return out


def compose(*args, env=None):
    return subprocess.run(["docker-compose", *args], capture_output=True, text=True, env=env, cwd=ROOT)


def main():
    clean_env = {k: v for k, v in os.environ.items() if not (SECRETISH.search(k) or k.startswith("CELLARDOOR_"))}
    # An empty env file, so a developer's own deploy/compose/.env does not make the refusal pass.
    empty = ROOT / ".local/compose-empty.env"
    empty.parent.mkdir(parents=True, exist_ok=True)
    empty.write_text("")
    refused = compose("--env-file", str(empty), "-f", str(COMPOSE), "config", "-q", env=clean_env)
    check(refused.returncode != 0 and "deploy/compose/.env" in refused.stderr,
          f"without .env the required passwords are refused: {refused.stderr.strip()[:300]}")
    result = compose("--env-file", str(ENV_EXAMPLE), "-f", str(COMPOSE), "config", env=clean_env)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        sys.exit("check_compose: docker-compose config refused compose.yaml")
    config = yaml.safe_load(result.stdout)
    services = config["services"]
    raw = yaml.safe_load(COMPOSE.read_text())

    check(set(services) == {"postgres", "keycloak", "migrate", "app", "proxy", "otel-collector", "prometheus", "grafana"},
          f"the services are the documented ones: {sorted(services)}")

    # No literal secret: every secret-looking variable is interpolated from .env.
    def literal_secrets(env):
        return [k for k, v in (env or {}).items() if SECRETISH.search(k) and v and not str(v).startswith("${")]
    for name, svc in raw["services"].items():
        env = svc.get("environment") or {}
        check(not literal_secrets({k: v for k, v in env.items() if k != "<<"}), f"{name} has a literal secret")
    check(not literal_secrets(raw["x-app-env"]), "the app's environment has a literal secret")

    # Bind mounts exist; published ports stay on the loopback interface.
    for name, svc in services.items():
        for source, _, _ in mounts(svc):
            if source.startswith("/"):
                check(Path(source).exists(), f"{name} mounts {source}, which exists")
        for port in published(svc):
            check(port.startswith("127.0.0.1:"), f"{name} publishes {port} on 127.0.0.1 only")

    app, migrate = services["app"], services["migrate"]
    check(app.get("scale", 2) == 2 and app.get("deploy", {}).get("replicas") == 2, "two app replicas")
    check(app["command"] == ["serve"] and migrate["command"] == ["migrate"], "replicas serve, the migrate service migrates")
    check(app["environment"].get("CELLARDOOR_DB_MIGRATE") == "false", "replicas start with migrations off")
    check("CELLARDOOR_DB_MIGRATE" not in migrate["environment"], "the migrate service is not told to skip")
    check(app["depends_on"]["migrate"]["condition"] == "service_completed_successfully",
          "replicas start after the migration completed")
    check(migrate["depends_on"]["postgres"]["condition"] == "service_healthy", "migrations wait for PostgreSQL")
    check(not app.get("ports"), "replicas publish no port (the proxy does)")
    check(app["image"] == migrate["image"], "migrate and app run the same image")
    check(app["build"]["dockerfile"] == "deploy/Dockerfile" and Path(app["build"]["context"]) == ROOT,
          "the image is built from deploy/Dockerfile at the repository root")
    plugins = [m for m in mounts(app) if m[1] == "/var/lib/cellardoor/plugins" and m[2] == "rw"]
    check(plugins and plugins == [m for m in mounts(migrate) if m[1] == "/var/lib/cellardoor/plugins"],
          "replicas share the plugins volume the migrate service seeds")

    dockerfile = (ROOT / "deploy/Dockerfile").read_text()
    management = re.search(r"MANAGEMENT_SERVER_PORT=(\d+)", dockerfile).group(1)
    plugins_dir = re.search(r"CELLARDOOR_PLUGINS_DIR=(\S+)", dockerfile).group(1)
    check(plugins_dir == "/var/lib/cellardoor/plugins", "the plugins volume is the image's plugins folder")

    pg = services["postgres"]
    check("pgvector" in pg["image"], "PostgreSQL has pgvector")
    init = (ROOT / "deploy/compose/postgres/init.sh").read_text()
    for needed in ("NOBYPASSRLS", "CREATE EXTENSION IF NOT EXISTS vector", "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                   "ts_match_vq(tsvector, tsquery) LEAKPROOF", "cosine_distance(vector, vector) COST 100"):
        check(needed in init, f"the PostgreSQL init script has {needed}")
    check(any(t == "/docker-entrypoint-initdb.d/10-cellardoor.sh" and s.endswith("deploy/compose/postgres/init.sh")
              for s, t, _ in mounts(pg)), "the init script is mounted into docker-entrypoint-initdb.d")

    kc = services["keycloak"]
    check("--import-realm" in kc["command"], "Keycloak imports the realm")
    check(any(s.endswith("deploy/keycloak/cellardoor-realm.json") and t.startswith("/opt/keycloak/data/import/")
              for s, t, _ in mounts(kc)), "the realm is mounted")
    issuer = app["environment"]["CELLARDOOR_IDENTITY_ISSUER_URI"]
    check(issuer == kc["environment"]["KC_HOSTNAME"] + "/realms/cellardoor", f"the app trusts Keycloak's issuer ({issuer})")
    realm = yaml.safe_load((ROOT / "deploy/keycloak/cellardoor-realm.json").read_text())
    check(realm["realm"] == "cellardoor", "the realm file is the cellardoor realm")

    prom = services["prometheus"]
    prom_config = yaml.safe_load((ROOT / "deploy/compose/prometheus.yml").read_text())
    rules_target = next(t for s, t, _ in mounts(prom) if s.endswith("deploy/observability/alerts.yml"))
    check(rules_target in prom_config["rule_files"], "Prometheus loads the mounted alert rules")
    rules = yaml.safe_load((ROOT / "deploy/observability/alerts.yml").read_text())
    check(isinstance(rules.get("groups"), list), "deploy/observability/alerts.yml is a rules file (groups: [...])")
    app_job = next(j for j in prom_config["scrape_configs"] if j["job_name"] == "cellardoor")
    check(app_job["metrics_path"] == "/actuator/prometheus", "Prometheus scrapes /actuator/prometheus")
    check(app_job["dns_sd_configs"][0]["names"] == ["app"] and str(app_job["dns_sd_configs"][0]["port"]) == management,
          "Prometheus finds every replica on the image's management port")

    otel = yaml.safe_load((ROOT / "deploy/compose/otel-collector.yaml").read_text())
    endpoint = app["environment"]["MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"]
    http_port = otel["receivers"]["otlp"]["protocols"]["http"]["endpoint"].rsplit(":", 1)[1]
    check(endpoint.startswith(f"http://otel-collector:{http_port}/"), "traces go to the collector's OTLP/HTTP receiver")

    grafana = (ROOT / "deploy/compose/grafana/provisioning/datasources/prometheus.yaml").read_text()
    check("http://prometheus:9090" in grafana, "Grafana's data source is the compose Prometheus")

    nginx = (ROOT / "deploy/compose/nginx.conf").read_text()
    check("proxy_buffering    off" in nginx, "the proxy does not buffer streams")
    check(int(re.search(r"proxy_read_timeout (\d+)s", nginx).group(1)) > 300, "the proxy outlasts the 5-minute stream")
    check(re.search(r"upstream cellardoor \{[^}]*server app:8080 resolve;", nginx) and "resolver 127.0.0.11" in nginx,
          "the proxy spreads visitors over every replica, following restarts")
    console = re.search(r"upstream cellardoor_console \{([^}]*)\}", nginx)
    check(console and "hash $remote_addr consistent" in console.group(1), "the console sticks to one replica per client")
    check(re.search(r"location ~ \^/\(admin\|[^)]*oauth2\|login[^)]*\)[^{]*\{\s*proxy_pass http://cellardoor_console;", nginx),
          "the console and its sign-in go to the sticky upstream")
    check(published(services["proxy"]) == ["127.0.0.1:8080:8080"], "the proxy publishes the visitor port")

    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"check_compose: docker-compose config accepts compose.yaml ({len(services)} services); all assertions hold")


if __name__ == "__main__":
    main()
