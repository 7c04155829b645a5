#!/usr/bin/env bash
#
# End-to-end HTTP latency of ekyc-admin with 1,000,000 sessions in the database.
#
# What it measures: the production jar (target/ekyc-admin-*.jar, built here with the Maven
# wrapper), on 127.0.0.1, against PostgreSQL, with real JWT validation (RS256 token
# checked against a JWKS served locally), answering
#   - POST /ekyc/admin/{userId}/sessions  (create; every request a new user id -> 200)
#   - GET  /ekyc/admin/{userId}/status    (status of a random seeded user -> 200)
# with wrk (closed loop, THREADS threads, CONNECTIONS connections) after a warm-up run of
# each. It reports median, p90, p99 and requests/s per endpoint, checks that every answer
# was 2xx, and passes when both medians are under TARGET_MS (10 ms).
#
# The database ekyc_bench is dropped and created at every run, its schema made by the
# service's Flyway migrations, then seeded with SESSIONS sessions (bench/seed.sql). The
# per-client rate limit is off (--ekyc.rate-limit.requests-per-second=0): one token, one caller.
#
# Run from anywhere (needs java 17+, psql, wrk, openssl, python3, curl; apt-get install wrk):
#   bench/latency.sh
# Settings (environment): SESSIONS=1000000 USERS=400000 THREADS=2 CONNECTIONS=4
#   DURATION=30s WARMUP=15s TARGET_MS=10 APP_PORT=8181 JWKS_PORT=9191 DB_NAME=ekyc_bench
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres SKIP_BUILD=1 (use the jar as built) JAR=<path> (use that jar)
#   KEEP_DB=1 (keep ekyc_bench afterwards, e.g. for EXPLAIN) JAVA_OPTS="-Xmx512m"
#   APP_ARGS="--some.property=value" (extra arguments for the service, for experiments)
#   QUIET_WAIT=120 QUIET_PCT=10 (before each measured run, wait up to QUIET_WAIT s while
#   processes other than the benchmark's use more than QUIET_PCT% of the CPU, e.g. a build)
# Output: a summary on stdout and in bench/out/latency-<date>.txt (git-ignored).
# Exit status: 0 when both medians are under the target and all answers were 2xx, 1 if not,
# 2 when the benchmark could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

SESSIONS="${SESSIONS:-1000000}"
USERS="${USERS:-400000}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-4}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-15s}"
TARGET_MS="${TARGET_MS:-10}"
APP_PORT="${APP_PORT:-8181}"
JWKS_PORT="${JWKS_PORT:-9191}"
DB_NAME="${DB_NAME:-ekyc_bench}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
QUIET_WAIT="${QUIET_WAIT:-120}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/latency-${STAMP}.txt"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java psql wrk openssl python3 curl ss
require_free_ports "$APP_PORT" "$JWKS_PORT"
require_postgres

# --- The jar, the token, the database and the service -----------------------------------

build_jar
start_issuer "ekyc.session.list ekyc.session.get ekyc.session.create"
export BENCH_LUA_DIR="$BENCH_DIR"
create_database
# One token makes every request: without this, the per-client rate limit (100/s by default,
# issue 7) would answer most of them 429. bench/ratelimit-cost.sh measures what it costs.
start_service --ekyc.rate-limit.requests-per-second=0

log "Seeding ${SESSIONS} sessions for ${USERS} users (bench/seed.sql)"
SEED_STARTED=$SECONDS
psql -X -q -d "$DB_NAME" -v sessions="$SESSIONS" -v users="$USERS" -f "$BENCH_DIR/seed.sql" >/dev/null
# VACUUM as autovacuum would after a million inserts, so that it does not run during the
# measurement instead; CHECKPOINT for the same reason.
psql -X -q -d "$DB_NAME" -c "vacuum (analyze) sessions" -c "vacuum (analyze) session_events" -c "checkpoint"
SEED_DONE=$SECONDS
log "Seeded in $((SEED_DONE - SEED_STARTED)) s"

# --- Sanity checks: the token is accepted, the endpoints answer as the benchmark expects --

AUTH=(-H "Authorization: Bearer ${BENCH_TOKEN}")
log "Checking the token and the endpoints"
expect_status 401 "GET /ekyc/admin without a token" "${BASE_URL}/ekyc/admin?limit=1"
expect_status 200 "GET /ekyc/admin?limit=1 with the token" "${AUTH[@]}" "${BASE_URL}/ekyc/admin?limit=1"
expect_status 200 "POST /ekyc/admin/bench-check-1/sessions" "${AUTH[@]}" -X POST \
	-H 'Content-Type: application/json' -d '{}' "${BASE_URL}/ekyc/admin/bench-check-1/sessions"
expect_status 409 "POST again for the same user" "${AUTH[@]}" -X POST \
	-H 'Content-Type: application/json' -d '{}' "${BASE_URL}/ekyc/admin/bench-check-1/sessions"
expect_status 200 "GET /ekyc/admin/user-0000001/status" "${AUTH[@]}" "${BASE_URL}/ekyc/admin/user-0000001/status"
expect_status 200 "GET /ekyc/admin/user-$(printf '%07d' "$USERS")/status" "${AUTH[@]}" \
	"${BASE_URL}/ekyc/admin/user-$(printf '%07d' "$USERS")/status"
expect_status 404 "GET /ekyc/admin/nobody/status" "${AUTH[@]}" "${BASE_URL}/ekyc/admin/nobody/status"

# --- Measurement -------------------------------------------------------------------------

run_wrk() { # name, duration, script, args...
	local name=$1 duration=$2 script=$3
	shift 3
	local path
	case "$script" in
		create-session.lua) path="/ekyc/admin/x/sessions" ;;
		*) path="/ekyc/admin/x/status" ;;
	esac
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency \
		-s "$BENCH_DIR/$script" "${BASE_URL}${path}" -- "$@" >"$WORK/$name.txt" 2>&1 \
		|| { cat "$WORK/$name.txt" >&2; die "wrk failed ($name)"; }
	grep -q '^BENCH ' "$WORK/$name.txt" || { cat "$WORK/$name.txt" >&2; die "no summary from wrk ($name)"; }
}
measure() { # name, script, args... : a measured run, with the service's GC and the CPU use recorded
	local name=$1 gc_before gc_after
	wait_quiet
	gc_before="$(gc_totals)"
	start_sampler "$name" "$WORK/$name.cpu"
	run_wrk "$name" "$DURATION" "$2" "${@:3}"
	stop_sampler
	gc_after="$(gc_totals)"
	awk -v b="$gc_before" -v a="$gc_after" -v n="$name" 'BEGIN { split(b, x, " "); split(a, y, " ");
		printf "gc %s: %d collections, %.0f ms in total\n", n, y[1] - x[1], (y[2] - x[2]) * 1000 }' >"$WORK/$name.gc"
}

log "Warm-up: create ${WARMUP}, then status ${WARMUP}"
run_wrk warmup-create "$WARMUP" create-session.lua warm
run_wrk warmup-status "$WARMUP" status.lua "$USERS"

ROWS_BEFORE="$(psql -X -qtA -d "$DB_NAME" -c 'select count(*) from sessions')"
((ROWS_BEFORE >= SESSIONS)) || die "expected at least ${SESSIONS} sessions, found ${ROWS_BEFORE}"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
GC_NAME="$(gc_name)"
log "Measuring create for ${DURATION} (-t${THREADS} -c${CONNECTIONS})"
measure create create-session.lua run
log "Measuring status for ${DURATION} (-t${THREADS} -c${CONNECTIONS})"
measure status status.lua "$USERS"

# Every 200 of the create run must be a session in the database.
CREATED_ROWS="$(psql -X -qtA -d "$DB_NAME" -c "select count(*) from sessions where user_id like 'bench-run-%'")"
CREATED_EVENTS="$(psql -X -qtA -d "$DB_NAME" -c "select count(*) from session_events e join sessions s on s.id = e.session_id where s.user_id like 'bench-run-%'")"
ROWS_AFTER="$(psql -X -qtA -d "$DB_NAME" -c 'select count(*) from sessions')"

# --- Summary -----------------------------------------------------------------------------

ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
VERDICT=PASS
row() { # name
	local f="$WORK/$1.txt" p50 ok non2xx sockets
	p50="$(wrk_field "$f" p50_us)"
	ok="$(wrk_field "$f" ok2xx)"
	non2xx="$(wrk_field "$f" non2xx)"
	sockets="$(wrk_field "$f" socket_errors)"
	local mark="ok"
	if ((p50 >= TARGET_MS * 1000)) || ((non2xx != 0)) || ((sockets != 0)) || ((ok == 0)); then
		mark="FAIL"
		VERDICT=FAIL
	fi
	printf '%-8s %9s %9s %9s %9s %10s %9s %9s %8s  %s\n' "$1" \
		"$(ms "$p50")" "$(ms "$(wrk_field "$f" p90_us)")" "$(ms "$(wrk_field "$f" p99_us)")" \
		"$(ms "$(wrk_field "$f" max_us)")" "$(wrk_field "$f" rps)" "$(wrk_field "$f" requests)" "$non2xx" "$sockets" "$mark"
}

mkdir -p "$OUT_DIR"
{
	echo "ekyc-admin end-to-end latency, $(date -Iseconds)"
	echo "commit:      $(commit_line)"
	echo "jar:         $(basename "$JAR"), java $JAVA_OPTS ($(java -version 2>&1 | head -n 1))${APP_ARGS:+, service arguments: ${APP_ARGS}}"
	echo "database:    $(psql -X -qtA -d postgres -c 'show server_version') at ${PGHOST}:${PGPORT}/${DB_NAME}"
	echo "machine:     $(nproc) CPUs, load average before measuring ${LOAD_BEFORE} (warm-up included); wrk, service and PostgreSQL share them"
	echo "data:        ${ROWS_BEFORE} sessions (${SESSIONS} seeded for ${USERS} users, the rest from checks and warm-up) before measuring, ${ROWS_AFTER} after"
	echo "load:        wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency (closed loop), after ${WARMUP} warm-up per endpoint"
	echo "create:      POST /ekyc/admin/bench-run-t<thread>-<n>/sessions, body {}; ${CREATED_ROWS} sessions and ${CREATED_EVENTS} events in the database from this run"
	echo "status:      GET /ekyc/admin/user-<random 1..${USERS}>/status"
	echo "seeding:     ${SESSIONS} sessions + events in $((SEED_DONE - SEED_STARTED)) s, then VACUUM (ANALYZE) and CHECKPOINT"
	echo
	printf '%-8s %9s %9s %9s %9s %10s %9s %9s %8s\n' endpoint "p50 ms" "p90 ms" "p99 ms" "max ms" "req/s" requests non-2xx "sock.err"
	row create
	row status
	echo
	echo "warm-up:     not counted; create p50 $(ms "$(wrk_field "$WORK/warmup-create.txt" p50_us)") ms at $(wrk_field "$WORK/warmup-create.txt" rps) req/s, status p50 $(ms "$(wrk_field "$WORK/warmup-status.txt" p50_us)") ms at $(wrk_field "$WORK/warmup-status.txt" rps) req/s (JIT still compiling)"
	echo "status codes: create $(wrk_field "$WORK/create.txt" statuses); status $(wrk_field "$WORK/status.txt" statuses)"
	# wrk stops with up to one request per connection in flight, which the service completes.
	CREATED_OK="$(wrk_field "$WORK/create.txt" ok2xx)"
	if ((CREATED_ROWS < CREATED_OK || CREATED_ROWS > CREATED_OK + CONNECTIONS || CREATED_EVENTS != CREATED_ROWS)); then
		echo "MISMATCH: ${CREATED_OK} creates answered 200 but ${CREATED_ROWS} sessions / ${CREATED_EVENTS} events are in the database"
		VERDICT=FAIL
	fi
	echo "$(cat "$WORK/create.gc"); $(cat "$WORK/status.gc") (${GC_NAME})"
	cat "$WORK/create.cpu" "$WORK/status.cpu"
	for name in create status; do
		share="$(sed -n 's/.*other_share=\([0-9]*\)%.*/\1/p' "$WORK/$name.cpu")"
		if ((${share:-0} >= 10)); then
			echo "NOTE:        other processes took ${share}% of the CPU during the ${name} run: its numbers are pessimistic; rerun on a quiet machine"
		fi
	done
	echo "target:      median under ${TARGET_MS} ms for both, no non-2xx answers, no socket errors"
	echo "RESULT:      ${VERDICT}"
} >"$WORK/summary.txt"

{
	cat "$WORK/summary.txt"
	for name in create status warmup-create warmup-status; do
		echo
		echo "----- wrk output: ${name} -----"
		cat "$WORK/$name.txt"
	done
} >"$REPORT"
cp "$WORK/app.log" "${OUT_DIR}/latency-${STAMP}-service.log"

echo
cat "$WORK/summary.txt"
echo
echo "Report: ${REPORT} (service log: ${OUT_DIR}/latency-${STAMP}-service.log)"
[[ "$VERDICT" == PASS ]] || exit 1
