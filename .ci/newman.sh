#!/usr/bin/env bash
# Runs the Postman collection (postman/) with newman against a running ekyc-admin and exits with
# newman's code: non-zero when any request fails or any test fails.
#
#   .ci/newman.sh [base URL] [token URL]
#
# Defaults: $EKYC_BASE_URL, else http://localhost:8080, and $EKYC_TOKEN_URL, else
# http://127.0.0.1:9000/token: the service and token issuer of `./mvnw spring-boot:test-run`, whose
# local clients postman/local.postman_environment.json names. Waits up to $EKYC_WAIT_SECONDS
# (default 60) for the service's health to be UP first. newman is installed from
# postman/package-lock.json when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

base_url="${1:-${EKYC_BASE_URL:-http://localhost:8080}}"
token_url="${2:-${EKYC_TOKEN_URL:-http://127.0.0.1:9000/token}}"
wait_seconds="${EKYC_WAIT_SECONDS:-60}"

if [ ! -x postman/node_modules/.bin/newman ]; then
  npm ci --prefix postman --no-audit --no-fund
fi

deadline=$((SECONDS + wait_seconds))
until curl -fsS "${base_url}/readyz" 2>/dev/null | grep -q '"status":"UP"'; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "ekyc-admin is not UP at ${base_url}/readyz after ${wait_seconds} s" >&2
    exit 1
  fi
  sleep 2
done

exec npx --prefix postman newman run postman/ekyc-admin.postman_collection.json \
  -e postman/local.postman_environment.json \
  --env-var "baseUrl=${base_url}" \
  --env-var "tokenUrl=${token_url}" \
  --timeout-request 30000 \
  --reporters cli
