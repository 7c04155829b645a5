#!/usr/bin/env bash
#
# What recording reads in the audit trail costs the read path: the same seeded database
# (SESSIONS sessions of USERS users), served in turn by a jar without the audit trail
# (BASELINE_JAR, e.g. built from the commit before it) and by this build, ROUNDS times each,
# alternating so that drift of the machine falls on both alike. Each turn starts the jar,
# warms up for WARMUP, then measures GET /ekyc/admin/{userId}/status of random users and
# GET /ekyc/admin/{userId}/sessions of random users for DURATION each (wrk, CONNECTIONS
# connections). The jar without the audit trail ignores the newer schema (Flyway leaves
# future migrations alone).
#
# Target: the median requests/s of this build >= 0.90 x the baseline's, for both reads.
#
# Run from anywhere (needs java 17+, psql, wrk, jq, openssl, python3, curl):
#   BASELINE_JAR=/path/to/before.jar bench/audit-cost.sh
# Settings (environment): ROUNDS=3 SESSIONS=1000000 USERS=400000 THREADS=2 CONNECTIONS=32
#   DURATION=15s WARMUP=5s APP_PORT=8185 MGMT_PORT=8186 JWKS_PORT=9193 DB_NAME=ekyc_audit_cost
#   SKIP_BUILD=1 JAR=<path of this build> KEEP_DB=1
#   JAVA_OPTS (default: the Dockerfile's JAVA_TOOL_OPTIONS plus -XX:+ExitOnOutOfMemoryError)
# Output: a table on stdout and in bench/out/audit-cost-<date>.txt (git-ignored).
# Exit status: 0 when the target is met, 1 if not, 2 when the benchmark could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

ROUNDS="${ROUNDS:-3}"
SESSIONS="${SESSIONS:-1000000}"
USERS="${USERS:-400000}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
APP_PORT="${APP_PORT:-8185}"
MGMT_PORT="${MGMT_PORT:-8186}"
JWKS_PORT="${JWKS_PORT:-9193}"
DB_NAME="${DB_NAME:-ekyc_audit_cost}"
QUIET_WAIT="${QUIET_WAIT:-60}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DOCKER_OPTS="$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' "$PROJECT_DIR/Dockerfile" | head -n 1)"
JAVA_OPTS="${JAVA_OPTS:-${DOCKER_OPTS:--Xmx512m} -XX:+ExitOnOutOfMemoryError}"
TARGET=0.90

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/audit-cost-${STAMP}.txt"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java psql wrk jq openssl python3 curl ss
require_free_ports "$APP_PORT" "$MGMT_PORT" "$JWKS_PORT"
require_postgres
[[ -n "${BASELINE_JAR:-}" && -f "${BASELINE_JAR}" ]] || die "BASELINE_JAR must name the jar without the audit trail"
mkdir -p "$OUT_DIR"
build_jar
AUDITED_JAR="$JAR"
start_issuer "ekyc.session.get"
export BENCH_LUA_DIR="$BENCH_DIR"
create_database
start_service --ekyc.rate-limit.requests-per-second=0
stop_service
log "Seeding ${SESSIONS} sessions (bench/seed.sql)"
psql -X -q -d "$DB_NAME" -v sessions="$SESSIONS" -v users="$USERS" -f "$BENCH_DIR/seed.sql" >/dev/null
psql -X -q -d "$DB_NAME" -c "vacuum (analyze)" -c "checkpoint" >/dev/null

rps() { # wrk output file
	sed -n 's/^Requests\/sec: *\([0-9.]*\)$/\1/p' "$1"
}
turn() { # label, jar
	JAR=$2
	start_service --ekyc.rate-limit.requests-per-second=0
	for what in status sessions; do
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/status.lua" "${BASE_URL}/" -- "$USERS" "$what" \
			>/dev/null 2>&1
		wait_quiet
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$BENCH_DIR/status.lua" "${BASE_URL}/" \
			-- "$USERS" "$what" >"$WORK/$1-$what.txt" 2>&1
		printf '%s %s %s\n' "${1%%-*}" "$what" "$(rps "$WORK/$1-$what.txt")" >>"$WORK/results"
		log "$1 $what: $(rps "$WORK/$1-$what.txt") requests/s"
	done
	stop_service
}

: >"$WORK/results"
for round in $(seq 1 "$ROUNDS"); do
	turn "baseline-$round" "$BASELINE_JAR"
	turn "audited-$round" "$AUDITED_JAR"
done
AUDIT_ROWS="$(psql -X -qtA -d "$DB_NAME" -c 'select count(*) from audit_records')"

{
	echo "ekyc-admin: what recording reads in the audit trail costs the read path, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "commit:       $(commit_line)"
	echo "baseline:     ${BASELINE_JAR}"
	echo "audited:      ${AUDITED_JAR}"
	echo "settings:     ${SESSIONS} sessions, ${ROUNDS} alternating rounds, wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} after ${WARMUP} warm-up, ${JAVA_OPTS}"
	echo "machine:      $(nproc) CPUs; the service, PostgreSQL and wrk share them"
	echo "audit records written by the audited turns: ${AUDIT_ROWS}"
	echo
	python3 - "$WORK/results" "$TARGET" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
target = float(sys.argv[2])
ok = True
print(f"{'read':<10}{'baseline req/s (each)':<34}{'audited req/s (each)':<34}{'ratio of medians':>16}")
for what in ("status", "sessions"):
    base = [float(r[2]) for r in rows if r[0] == "baseline" and r[1] == what]
    audited = [float(r[2]) for r in rows if r[0] == "audited" and r[1] == what]
    ratio = statistics.median(audited) / statistics.median(base)
    ok &= ratio >= target
    print(f"{what:<10}{', '.join(f'{x:.0f}' for x in base):<34}{', '.join(f'{x:.0f}' for x in audited):<34}{ratio:>16.3f}")
print()
print(f"RESULT: {'PASS' if ok else 'FAIL'} (target: audited >= {target:.2f} x baseline)")
sys.exit(0 if ok else 1)
PY
} | tee "$REPORT"
