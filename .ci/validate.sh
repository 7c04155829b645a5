#!/usr/bin/env bash
# Offline validation of what is not Java: the Kubernetes manifests (deploy/kubernetes), the
# Compose file (when there is one), the GitHub workflows and dependabot.yml, and the OpenAPI
# document (Spectral, .spectral.yaml). Needs Node.js 20.19+ and the tools pinned in tools/;
# no network once tools/node_modules is installed.
#
# usage: .ci/validate.sh [OPENAPI_JSON]   or   OPENAPI_FILE=... .ci/validate.sh
#   The OpenAPI document is what the service serves at /v3/api-docs: .ci/fetch-openapi.sh saves it.
#   Without one the Spectral check is skipped, except under CI=true where it is required.
set -euo pipefail
cd "$(dirname "$0")/.."

openapi="${1:-${OPENAPI_FILE:-}}"
tools="tools"
bin="${tools}/node_modules/.bin"

# Install the pinned tools when missing or when package-lock.json changed since.
lock_sum="$(sha256sum "${tools}/package-lock.json" | cut -d' ' -f1)"
stamp="${tools}/node_modules/.validate-lock-sha256"
if [ ! -d "${tools}/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_sum" ]; then
  echo "Installing the validation tools (npm ci --prefix ${tools})"
  # No install scripts: none of these tools needs one (one dependency's only sends analytics).
  npm ci --prefix "$tools" --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi

results=()
failed=0
run() { # run NAME COMMAND...: runs one check, remembers whether it passed
  local name="$1"
  shift
  echo
  echo "== ${name}"
  if "$@"; then
    results+=("PASS  ${name}")
  else
    results+=("FAIL  ${name}")
    failed=1
  fi
}
skip() {
  echo
  echo "== $1"
  echo "skipped: $2"
  results+=("SKIP  $1 ($2)")
}

# --- Kubernetes ------------------------------------------------------------------------------
shopt -s nullglob
manifests=(deploy/kubernetes/*.yaml deploy/kubernetes/*.yml)
shopt -u nullglob
if [ "${#manifests[@]}" -eq 0 ]; then
  run "Kubernetes manifests" bash -c 'echo "no manifests in deploy/kubernetes" >&2; exit 1'
else
  run "Kubernetes manifests (each file)" node "${tools}/validate/k8s.mjs" "${manifests[@]}"
fi
if [ -f deploy/kubernetes/kustomization.yaml ]; then
  if command -v kubectl >/dev/null 2>&1; then
    render_kustomization() {
      kubectl kustomize deploy/kubernetes \
        | node "${tools}/validate/k8s.mjs" --stdin-name "kustomize build deploy/kubernetes" -
    }
    run "Kubernetes: kubectl kustomize deploy/kubernetes, rendered" render_kustomization
  else
    skip "Kubernetes: kustomize rendering" "kubectl not installed; kustomization.yaml was checked by its fields"
  fi
fi

# --- Compose ---------------------------------------------------------------------------------
compose_found=0
for compose in docker-compose.yml docker-compose.yaml compose.yml compose.yaml; do
  [ -f "$compose" ] || continue
  compose_found=1
  run "Compose: ${compose} (Compose Specification schema)" node "${tools}/validate/compose.mjs" "$compose"
  # Where Docker Compose v2 is installed (GitHub's runners), its own loader checks the file too;
  # it needs no Docker engine for this.
  if docker compose version >/dev/null 2>&1; then
    run "Compose: docker compose config (${compose})" \
      docker compose -f "$compose" config --quiet --no-interpolate
  fi
done
if [ "$compose_found" -eq 0 ]; then
  skip "Compose" "no docker-compose.yml"
fi

# --- GitHub ----------------------------------------------------------------------------------
run "GitHub workflows and dependabot.yml" node "${tools}/validate/github.mjs" .

# --- OpenAPI ---------------------------------------------------------------------------------
if [ -n "$openapi" ]; then
  check_openapi() {
    if [ ! -s "$openapi" ]; then
      echo "${openapi}: no such file, or empty" >&2
      return 1
    fi
    node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      if (typeof d.openapi !== "string") { console.error(process.argv[1] + ": not an OpenAPI document"); process.exit(1); }
      console.log(`${process.argv[1]}: OpenAPI ${d.openapi}, ${Object.keys(d.paths ?? {}).length} paths`);' "$openapi" || return 1
    "${bin}/spectral" lint "$openapi" --ruleset .spectral.yaml --fail-severity error --format stylish
  }
  run "OpenAPI document: Spectral (${openapi})" check_openapi
elif [ "${CI:-}" = "true" ]; then
  run "OpenAPI document: Spectral" bash -c 'echo "no OpenAPI document given: pass its path or OPENAPI_FILE (.ci/fetch-openapi.sh saves one)" >&2; exit 1'
else
  skip "OpenAPI document: Spectral" "no file given (.ci/fetch-openapi.sh target/openapi.json, then pass target/openapi.json)"
fi

echo
echo "== Summary"
printf '%s\n' "${results[@]}"
if [ "$failed" -ne 0 ]; then
  echo "validate: FAILED"
  exit 1
fi
echo "validate: OK"
