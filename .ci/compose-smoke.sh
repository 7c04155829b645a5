#!/usr/bin/env bash
# The compose stack as a newcomer starts it: builds the image, brings PostgreSQL, Keycloak and
# the service up and waits until every healthcheck passes (docker compose up --wait), then
# makes one authorized call through it with a client-credentials token from Keycloak, and
# takes the stack down again. Needs a Docker engine (GitHub's runners have one).
#
#   .ci/compose-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."

down() { docker compose down --volumes --remove-orphans >/dev/null 2>&1 || true; }
trap down EXIT

echo "Building and starting the stack (docker compose up --build --wait)"
if ! docker compose up --build --detach --wait --wait-timeout 420; then
	docker compose ps
	docker compose logs --tail 80
	exit 1
fi

token=$(curl -fsS -u ekyc-admin-cli:local-admin-secret -d grant_type=client_credentials \
	http://localhost:8180/realms/ekyc/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
status=$(curl -sS -o /tmp/compose-smoke.json -w '%{http_code}' -H "Authorization: Bearer $token" \
	'http://localhost:8080/ekyc/admin?limit=1')
echo "GET /ekyc/admin?limit=1 with a Keycloak token: $status $(head -c 300 /tmp/compose-smoke.json)"
[[ $status == 200 ]]
