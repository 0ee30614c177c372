"""Lints and renders deploy/helm/cellardoor over several values files and checks the rendered objects.

Usage: check_helm.py HELM   (run by deploy/ci/check.sh; needs PyYAML)

Each scenario is `helm lint` plus `helm template` with a values file; the assertions hold for every scenario (probes,
security context, no secret values outside Secrets, replicas never migrate, the migration Job is a hook) or follow the
scenario's values (ingress, autoscaling, disruption budget, anti-affinity, Prometheus Operator resources,
CloudNativePG). Values that must be refused (schema or template errors) are rendered too and must fail.
"""
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "deploy/helm/cellardoor"
RULES = ROOT / "deploy/observability/alerts.yml"
SECRETISH = re.compile(r"PASSWORD|SECRET|API_KEY|TOKEN|PRIVATE", re.I)

SCENARIOS = {
    # name: (values file or None, what the scenario turns on)
    "default": (None, dict(ingress=False, hpa=False, pdb=True, anti="soft", monitor=False, rule=False, cnpg=False)),
    "minimal": ("ci/minimal-values.yaml",
                dict(ingress=False, hpa=False, pdb=False, anti="none", monitor=False, rule=False, cnpg=False)),
    "production": ("ci/production-values.yaml",
                   dict(ingress="nginx", hpa=True, pdb=True, anti="hard", monitor=True, rule=True, cnpg=True)),
    "managed-db": ("ci/managed-db-values.yaml",
                   dict(ingress="traefik", hpa=False, pdb=True, anti="soft", monitor=True, rule=False, cnpg=False)),
}

REFUSED = {
    "an unknown anti-affinity mode": ["--set", "podAntiAffinity=sometimes"],
    "a database URL that is not PostgreSQL's": ["--set", "database.url=mysql://db/cellardoor"],
    "no runtime role Secret": ["--set", "database.runtime.existingSecret="],
    "a misspelt top-level value": ["--set", "replicas=3"],
    "a secret-looking extra env variable": ["--set", "config.extraEnv.CELLARDOOR_STRIPE_API_KEY=sk_live_x"],
    "the management port on the visitor port": ["--set", "service.managementPort=8080"],
    "a shared plugins volume without a claim": ["--set", "plugins.volume=persistentVolumeClaim"],
}

failures = []


def check(condition, scenario, message):
    if not condition:
        failures.append(f"[{scenario}] {message}")


def helm(helm_bin, *args):
    return subprocess.run([helm_bin, *args], capture_output=True, text=True)


def env_of(container):
    return {e["name"]: e for e in container.get("env", [])}


def matches(selector, labels):
    return all(labels.get(k) == v for k, v in selector.items())


def check_scenario(name, docs, expect):
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    one = lambda kind: (by_kind.get(kind) or [None])[0]

    check("Secret" not in by_kind, name, "the chart renders no Secret (it only references them)")
    for d in docs:
        check(d["metadata"]["labels"].get("app.kubernetes.io/instance") == "rel", name,
              f"{d['kind']} {d['metadata']['name']} carries the release label")

    cm = one("ConfigMap")
    deploy = one("Deployment")
    job = one("Job")
    svc = one("Service")
    check(cm and deploy and job and svc, name, "ConfigMap, Deployment, migration Job and Service are rendered")
    if not (cm and deploy and job and svc):
        return

    # No secret in plain configuration.
    for key, value in cm["data"].items():
        check(not SECRETISH.search(key), name, f"ConfigMap key {key} looks like a secret")
        check(not re.search(r"(?i)(sk_(live|test)_|password=|://[^/@:]+:[^/@]+@)", str(value)), name,
              f"ConfigMap value of {key} looks like a credential")
    db_url = cm["data"]["CELLARDOOR_DB_URL"]
    check(db_url.startswith("jdbc:postgresql://"), name, f"CELLARDOOR_DB_URL is a PostgreSQL JDBC URL ({db_url})")

    # The serving replicas.
    pod = deploy["spec"]["template"]
    spec = pod["spec"]
    (container,) = spec["containers"]
    env = env_of(container)
    check(env.get("CELLARDOOR_DB_MIGRATE", {}).get("value") == "false", name, "replicas run with CELLARDOOR_DB_MIGRATE=false")
    check(container.get("args") == ["serve"], name, "replicas run `serve`")
    for owner_var in ("CELLARDOOR_DB_USER", "CELLARDOOR_DB_PASSWORD"):
        check(owner_var not in env, name, f"replicas do not get the owner's {owner_var}")
    for var, e in env.items():
        if SECRETISH.search(var):
            check("valueFrom" in e and "secretKeyRef" in e["valueFrom"] and "value" not in e, name,
                  f"{var} comes from a Secret, never a literal")
    check(env["CELLARDOOR_DB_APP_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"]
          == env["CELLARDOOR_DB_APP_USER"]["valueFrom"]["secretKeyRef"]["name"], name,
          "the runtime role's name and password come from one Secret")
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    check(ports.get("http") == 8080, name, "the visitor port is 8080")
    check(str(ports.get("management")) == cm["data"]["MANAGEMENT_SERVER_PORT"], name,
          "the management port is the one the app is told (MANAGEMENT_SERVER_PORT)")
    for probe, path in (("startupProbe", "/actuator/health/liveness"), ("livenessProbe", "/actuator/health/liveness"),
                        ("readinessProbe", "/actuator/health/readiness")):
        get = container.get(probe, {}).get("httpGet", {})
        check(get.get("path") == path and get.get("port") == "management", name, f"{probe} asks {path} on the management port")
    check("limits" in container["resources"] and "memory" in container["resources"]["limits"], name,
          "the container has a memory limit")
    check("requests" in container["resources"], name, "the container has resource requests")

    psc, csc = spec["securityContext"], container["securityContext"]
    check(psc.get("runAsNonRoot") is True and psc.get("runAsUser", 0) > 0, name, "the pod runs as a non-root user")
    check(csc.get("readOnlyRootFilesystem") is True, name, "the root file system is read-only")
    check(csc.get("allowPrivilegeEscalation") is False, name, "no privilege escalation")
    check(csc.get("capabilities", {}).get("drop") == ["ALL"], name, "every capability is dropped")
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    check({"/tmp", "/var/lib/cellardoor/plugins"} <= mounts, name, "/tmp and the plugins folder are writable volumes")
    check(spec.get("automountServiceAccountToken") is False, name, "no API token in the pods")

    app_labels = pod["metadata"]["labels"]
    check(matches(deploy["spec"]["selector"]["matchLabels"], app_labels), name, "the Deployment selects its pods")
    check(matches(svc["spec"]["selector"], app_labels), name, "the Service selects the replicas")
    check(not matches(svc["spec"]["selector"], job["spec"]["template"]["metadata"]["labels"]), name,
          "the Service does not select the migration Job's pod")
    check({p["name"] for p in svc["spec"]["ports"]} == {"http", "management"}, name, "the Service has http and management")

    # The migration Job: a hook, as the owner, once.
    hooks = set(job["metadata"]["annotations"]["helm.sh/hook"].split(","))
    first = "post-install" if expect["cnpg"] else "pre-install"
    check(hooks == {first, "pre-upgrade"}, name, f"the migration Job is a {first},pre-upgrade hook (is {hooks})")
    check("before-hook-creation" in job["metadata"]["annotations"]["helm.sh/hook-delete-policy"], name,
          "a new migration Job replaces the last one")
    (migrate,) = job["spec"]["template"]["spec"]["containers"]
    jenv = env_of(migrate)
    check(migrate.get("args") == ["migrate"], name, "the Job runs `migrate`")
    check(job["spec"]["template"]["spec"]["restartPolicy"] == "Never", name, "the Job's pod is not restarted in place")
    check(jenv.get("CELLARDOOR_DB_URL", {}).get("value") == db_url, name, "the Job migrates the replicas' database")
    for var in ("CELLARDOOR_DB_USER", "CELLARDOOR_DB_PASSWORD", "CELLARDOOR_DB_APP_USER"):
        check("secretKeyRef" in jenv.get(var, {}).get("valueFrom", {}), name, f"the Job's {var} comes from a Secret")
    check("CELLARDOOR_DB_MIGRATE" not in jenv, name, "the Job is not told to skip migrations")
    check("serviceAccountName" not in job["spec"]["template"]["spec"], name,
          "the hook Job does not need the release's ServiceAccount (it does not exist before an install)")
    check(job["spec"]["template"]["spec"]["containers"][0]["securityContext"].get("readOnlyRootFilesystem") is True,
          name, "the Job runs with a read-only root file system too")

    # Ingress.
    ing = one("Ingress")
    check(bool(ing) == bool(expect["ingress"]), name, f"Ingress rendered: {bool(ing)}")
    if ing:
        ann = ing["metadata"].get("annotations") or {}
        backend = ing["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
        check(backend["port"].get("name") == "http", name, "the ingress routes to the visitor port only")
        check(ing["spec"]["ingressClassName"] == expect["ingress"], name, "the ingress class is the values'")
        if expect["ingress"] == "nginx":
            check(ann.get("nginx.ingress.kubernetes.io/proxy-buffering") == "off", name, "nginx does not buffer streams")
            check(int(ann.get("nginx.ingress.kubernetes.io/proxy-read-timeout", 0)) > 300, name,
                  "nginx waits longer than the app's 5-minute stream timeout")
            check(int(ann.get("nginx.ingress.kubernetes.io/proxy-send-timeout", 0)) > 300, name, "send timeout too")
            check(ann.get("nginx.ingress.kubernetes.io/affinity") == "cookie", name,
                  "a browser stays on one replica (console sessions)")
        else:
            check(not any(k.startswith("nginx.ingress") for k in ann), name, "no nginx annotations on another class")

    # Autoscaling and disruption budget.
    hpa, pdb = one("HorizontalPodAutoscaler"), one("PodDisruptionBudget")
    check(bool(hpa) == expect["hpa"], name, f"HPA rendered: {bool(hpa)}")
    check(("replicas" in deploy["spec"]) != expect["hpa"], name, "replicas are the HPA's or the Deployment's, not both")
    if hpa:
        check(hpa["spec"]["scaleTargetRef"]["name"] == deploy["metadata"]["name"], name, "the HPA scales the Deployment")
        check(hpa["spec"]["minReplicas"] >= 2, name, "the HPA keeps at least two replicas")
    check(bool(pdb) == expect["pdb"], name, f"PodDisruptionBudget rendered: {bool(pdb)}")
    if pdb:
        check(matches(pdb["spec"]["selector"]["matchLabels"], app_labels), name, "the budget covers the replicas")
        minimum = hpa["spec"]["minReplicas"] if hpa else deploy["spec"]["replicas"]
        check(int(pdb["spec"]["minAvailable"]) < minimum, name, "the budget leaves room for a drain")

    # Anti-affinity.
    anti = spec.get("affinity", {}).get("podAntiAffinity", {})
    if expect["anti"] == "soft":
        terms = anti.get("preferredDuringSchedulingIgnoredDuringExecution", [])
        check(terms and matches(terms[0]["podAffinityTerm"]["labelSelector"]["matchLabels"], app_labels), name,
              "replicas prefer different nodes")
    elif expect["anti"] == "hard":
        terms = anti.get("requiredDuringSchedulingIgnoredDuringExecution", [])
        check(terms and terms[0]["topologyKey"] == "kubernetes.io/hostname", name, "replicas require different nodes")
    else:
        check(not anti, name, "no anti-affinity")

    # Prometheus Operator.
    sm, rule = one("ServiceMonitor"), one("PrometheusRule")
    check(bool(sm) == expect["monitor"], name, f"ServiceMonitor rendered: {bool(sm)}")
    if sm:
        (endpoint,) = sm["spec"]["endpoints"]
        check(endpoint["port"] == "management" and endpoint["path"] == "/actuator/prometheus", name,
              "Prometheus scrapes /actuator/prometheus on the management port")
        check(matches(sm["spec"]["selector"]["matchLabels"], svc["metadata"]["labels"]), name,
              "the ServiceMonitor selects the Service")
    check(bool(rule) == expect["rule"], name, f"PrometheusRule rendered: {bool(rule)}")
    if rule:
        from_file = (yaml.safe_load(RULES.read_text()) or {}).get("groups") or []
        names = [g["name"] for g in rule["spec"]["groups"]]
        check(names[: len(from_file)] == [g["name"] for g in from_file], name,
              "the rules of deploy/observability/alerts.yml come first")
        for group in rule["spec"]["groups"]:
            for r in group["rules"]:
                check("expr" in r and ("alert" in r or "record" in r), name, f"rule in {group['name']} is complete")

    # CloudNativePG.
    cluster = one("Cluster")
    check(bool(cluster) == expect["cnpg"], name, f"CloudNativePG Cluster rendered: {bool(cluster)}")
    if cluster:
        cname = cluster["metadata"]["name"]
        check(db_url.startswith(f"jdbc:postgresql://{cname}-rw:5432/"), name, "the app connects to the cluster's primary")
        check("standard" in cluster["spec"]["imageName"], name, "a CloudNativePG standard image (it ships pgvector)")
        sql = " ".join(cluster["spec"]["bootstrap"]["initdb"]["postInitApplicationSQL"])
        for needed in ("CREATE EXTENSION IF NOT EXISTS vector", "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                       "ts_match_vq(tsvector, tsquery) LEAKPROOF", "cosine_distance(vector, vector) COST 100"):
            check(needed in sql, name, f"the cluster's bootstrap runs {needed}")
        (role,) = cluster["spec"]["managed"]["roles"]
        check(role["login"] and not role["superuser"] and not role["bypassrls"], name,
              "the runtime role logs in, is no superuser and does not bypass row-level security")
        check(role["passwordSecret"]["name"] == env["CELLARDOOR_DB_APP_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"],
              name, "the managed role's password is the replicas' Secret")
        check(jenv["CELLARDOOR_DB_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"] == f"{cname}-app", name,
              "the Job migrates as the owner CloudNativePG created")
        check(cluster["spec"]["instances"] >= 2, name, "a primary and at least one replica")
        store, scheduled = one("ObjectStore"), one("ScheduledBackup")
        check(store and scheduled, name, "WAL archiving: an ObjectStore and a ScheduledBackup")
        if store and scheduled:
            (plugin,) = cluster["spec"]["plugins"]
            check(plugin["isWALArchiver"] and plugin["parameters"]["barmanObjectName"] == store["metadata"]["name"],
                  name, "the cluster archives WAL to the ObjectStore")
            check(scheduled["spec"]["cluster"]["name"] == cname and scheduled["spec"]["method"] == "plugin", name,
                  "the scheduled backup is the cluster's, through the plugin")
            check(len(scheduled["spec"]["schedule"].split()) == 6, name, "the schedule has six fields")


def main():
    helm_bin = sys.argv[1]
    for name, (values, expect) in SCENARIOS.items():
        args = ["--set-file", f"metrics.prometheusRule.rulesFile={RULES}"]
        if values:
            args = ["-f", str(CHART / values), *args]
        lint = helm(helm_bin, "lint", str(CHART), "--strict", *args)
        check(lint.returncode == 0, name, f"helm lint --strict: {lint.stdout}{lint.stderr}")
        rendered = helm(helm_bin, "template", "rel", str(CHART), "--namespace", "cellardoor", *args)
        check(rendered.returncode == 0, name, f"helm template: {rendered.stderr}")
        if rendered.returncode == 0:
            docs = [d for d in yaml.safe_load_all(rendered.stdout) if d]
            check_scenario(name, docs, expect)
            print(f"check_helm: {name}: {len(docs)} objects ({', '.join(sorted({d['kind'] for d in docs}))})")
    for what, args in REFUSED.items():
        result = helm(helm_bin, "template", "rel", str(CHART), *args)
        check(result.returncode != 0, "refused", f"{what} is refused")
    print(f"check_helm: {len(REFUSED)} invalid values refused")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)
    print("check_helm: all assertions hold")


if __name__ == "__main__":
    main()
