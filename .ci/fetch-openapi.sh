#!/usr/bin/env bash
# Starts the service as `./mvnw spring-boot:test-run` does for development (Testcontainers
# PostgreSQL where Docker runs, else the local server; a local token issuer), saves its OpenAPI
# document (/v3/api-docs) to the file named, and stops it again.
#
# usage: .ci/fetch-openapi.sh [OUT_FILE]      (default target/openapi.json)
#   OPENAPI_PORT (8481) and OPENAPI_ISSUER_PORT (9401) choose the ports; OPENAPI_TIMEOUT (300 s).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/openapi.json}"
port="${OPENAPI_PORT:-8481}"
issuer_port="${OPENAPI_ISSUER_PORT:-9401}"
timeout="${OPENAPI_TIMEOUT:-300}"
log="target/fetch-openapi.log"
mkdir -p "$(dirname "$out")" target

echo "Starting the service on port ${port} (log: ${log})"
# A session of its own, so that Maven and the JVM it forks stop together.
EKYC_DEV_ISSUER_PORT="$issuer_port" EKYC_DEV_MANAGEMENT_PORT=0 setsid ./mvnw -B -ntp -q spring-boot:test-run \
  -Dspring-boot.run.arguments="--server.port=${port}" >"$log" 2>&1 </dev/null &
pid=$!
stop() {
  kill -TERM -- "-${pid}" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-${pid}" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
trap stop EXIT

deadline=$((SECONDS + timeout))
until curl -fsS "http://127.0.0.1:${port}/readyz" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "The service stopped before it was ready:" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "The service was not ready within ${timeout} s:" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
  sleep 2
done

curl -fsS "http://127.0.0.1:${port}/v3/api-docs" -o "${out}.tmp"
mv "${out}.tmp" "$out"
echo "Saved the OpenAPI document to ${out} ($(wc -c <"$out") bytes)"
