#!/usr/bin/env bash
#
# Throughput of ekyc-admin against what the same machine's PostgreSQL does, in one run.
#
# What it measures: the production jar, on 127.0.0.1, started on a database seeded with
# SESSIONS sessions (bench/seed.sql), with real JWT validation (RS256 token checked against a
# JWKS served locally) and the JVM options of the Docker image. At CONNECTIONS connections
# (wrk, closed loop; a warm-up round of WARMUP over every endpoint, then a warm-up run of
# WARMUP before each measured run of DURATION) it
# measures, in this order:
#   - health    GET /actuator/health/liveness on the management port, no token (the reference)
#   - status    GET /ekyc/admin/{userId}/status of random seeded users
#   - sessions  GET /ekyc/admin/{userId}/sessions of random seeded users
#   - session   GET /ekyc/admin/user-0000001/sessions/{id}, one hot row
#   - page50    GET /ekyc/admin?limit=50
#   - create    POST /ekyc/admin/{userId}/sessions, every request a new user
# then reads the service's RSS, times a deep page (page 1000 reached by the keyset cursor
# against page 1, when the build has one; and ?start=1000000 once, for information), and runs
# pgbench -S (select only) and TPC-B on a database of its own at the same connection count.
# It reports each endpoint's requests/s as a ratio to health (create: to TPC-B), the RSS, the
# time from launching java to /readyz answering UP on the seeded database, and checks them
# against the targets below. Every answer of a measured run must be 2xx.
#
# Targets: status, sessions, session >= 0.60 x health; page50 >= 0.40 x health;
# create >= 0.50 x TPC-B tps; peak RSS (VmHWM) <= 512 MiB; start-up <= 8 s;
# cursor page 1000 <= 2 x page 1 (median of 20 each).
#
# The databases ekyc_bench and ekyc_pgbench are dropped and created at every run (and dropped
# at the end unless KEEP_DB=1); the service's Flyway migrations make the schema at a first
# start, the seed goes in, and the service is started again on the seeded database for the
# measurement. The per-client rate limit is off (--ekyc.rate-limit.requests-per-second=0):
# one token, one caller.
#
# Run from anywhere (needs java 17+, psql, pgbench, wrk, jq, openssl, python3, curl):
#   bench/throughput.sh
#   JAR=/path/to/other.jar bench/throughput.sh     (another build, e.g. to compare)
# Settings (environment): SESSIONS=1000000 USERS=400000 THREADS=2 CONNECTIONS=32
#   DURATION=20s WARMUP=5s APP_PORT=8181 MGMT_PORT=8182 JWKS_PORT=9191 DB_NAME=ekyc_bench
#   PGBENCH_DB=ekyc_pgbench PGBENCH_SCALE=32 PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#   CDS=1 (0: start the jar as built, without the image's class data sharing archive)
#   MALLOC_ARENA_MAX (default: the Dockerfile's ENV MALLOC_ARENA_MAX, if any)
#   JAVA_OPTS (default: the Dockerfile's ENV JAVA_TOOL_OPTIONS plus -XX:+ExitOnOutOfMemoryError,
#   as the image runs; -Xmx512m when the Dockerfile sets none) SKIP_BUILD=1 (use the jar as
#   built) JAR=<path> (use that jar) KEEP_DB=1 (keep both databases afterwards)
#   APP_ARGS="--some.property=value" (extra arguments for the service, for experiments)
#   QUIET_WAIT=60 QUIET_PCT=10 (before each measured run, wait up to QUIET_WAIT s while
#   processes other than the benchmark's use more than QUIET_PCT% of the CPU, e.g. a build)
# One run per invocation: compare runs by running it again.
# Output: a table on stdout and in bench/out/throughput-<date>.txt (git-ignored), with the
# wrk and pgbench outputs appended, and the service log beside it.
# Exit status: 0 when every target is met and all answers were 2xx, 1 if not, 2 when the
# benchmark could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

SESSIONS="${SESSIONS:-1000000}"
USERS="${USERS:-400000}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
APP_PORT="${APP_PORT:-8181}"
MGMT_PORT="${MGMT_PORT:-8182}" # fixed, for wrk (lib.sh passes it to the service)
JWKS_PORT="${JWKS_PORT:-9191}"
DB_NAME="${DB_NAME:-ekyc_bench}"
PGBENCH_DB="${PGBENCH_DB:-ekyc_pgbench}"
# At least the client count: TPC-B updates one of SCALE branch rows per transaction, so with
# fewer branches than clients they queue on the same rows and PostgreSQL looks slower than it is.
PGBENCH_SCALE="${PGBENCH_SCALE:-32}"
QUIET_WAIT="${QUIET_WAIT:-60}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

# The image's JVM options, read at every run so that the Dockerfile stays their one source:
# its ENV JAVA_TOOL_OPTIONS, and the -XX:+ExitOnOutOfMemoryError of its ENTRYPOINT.
dockerfile_java_opts() {
	local value
	value="$(sed -n -E 's/^[[:space:]]*ENV[[:space:]]+JAVA_TOOL_OPTIONS[[:space:]=]+//p' "$PROJECT_DIR/Dockerfile" 2>/dev/null | tail -n 1)"
	value="$(sed -E 's/^"(.*)"[[:space:]]*$/\1/' <<<"$value")"
	if [[ -n "$value" ]]; then
		echo "$value -XX:+ExitOnOutOfMemoryError"
	fi
}
# The image's allocator setting too (glibc arenas), unless given.
if [[ -z "${MALLOC_ARENA_MAX:-}" ]]; then
	MALLOC_ARENA_MAX="$(sed -n -E 's/^[[:space:]]*ENV[[:space:]]+MALLOC_ARENA_MAX[[:space:]=]+"?([0-9]+)"?.*/\1/p' "$PROJECT_DIR/Dockerfile" 2>/dev/null | tail -n 1)"
fi
[[ -n "$MALLOC_ARENA_MAX" ]] && export MALLOC_ARENA_MAX
if [[ -n "${JAVA_OPTS:-}" ]]; then
	JAVA_OPTS_FROM="given in JAVA_OPTS"
elif JAVA_OPTS="$(dockerfile_java_opts)" && [[ -n "$JAVA_OPTS" ]]; then
	JAVA_OPTS_FROM="the Dockerfile's"
else
	JAVA_OPTS="-Xmx512m -XX:+ExitOnOutOfMemoryError"
	JAVA_OPTS_FROM="no ENV JAVA_TOOL_OPTIONS in the Dockerfile: the default"
fi

# Targets (the issue's): ratios of requests/s to health's, create's to TPC-B's tps.
TARGET_READ=0.60
TARGET_PAGE=0.40
TARGET_CREATE=0.50
TARGET_RSS_MIB=512
TARGET_STARTUP_S=8
TARGET_CURSOR=2
CURSOR_PAGES=1000
CURSOR_SAMPLES=20

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/throughput-${STAMP}.txt"

seconds_of() { # a wrk duration (20, 20s, 2m, 1h) -> seconds, for pgbench -T
	local n=${1%[smh]}
	[[ "$n" =~ ^[0-9]+$ ]] || die "cannot read the duration '$1' (use e.g. 20s or 2m)"
	case "$1" in
		*m) echo $((n * 60)) ;;
		*h) echo $((n * 3600)) ;;
		*) echo "$n" ;;
	esac
}

PGBENCH_CREATED=""
bench_cleanup_extra() {
	if [[ -n "$PGBENCH_CREATED" && "${KEEP_DB:-0}" != "1" ]]; then
		psql -X -q -d postgres -c "drop database if exists ${PGBENCH_DB} with (force)" >/dev/null 2>&1
	elif [[ -n "$PGBENCH_CREATED" ]]; then
		log "Kept database ${PGBENCH_DB} (KEEP_DB=1)"
	fi
}

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java psql pgbench wrk jq openssl python3 curl ss
require_free_ports "$APP_PORT" "$MGMT_PORT" "$JWKS_PORT"
require_postgres
DURATION_S="$(seconds_of "$DURATION")"
WARMUP_S="$(seconds_of "$WARMUP")"
MGMT_URL="http://127.0.0.1:${MGMT_PORT}"
# Start-up is read to the polling interval: poll often enough for one decimal.
START_POLL=0.1

# --- The jar, the token, the seeded database and the service ------------------------------

build_jar
# As the image starts it: from the extracted jar, with the class data sharing archive of a
# training run (deploy/cds-archive.sh, the image's own step). CDS=0 starts the jar as built.
if [[ "${CDS:-1}" == "1" ]]; then
	log "Training run for the class data sharing archive (deploy/cds-archive.sh)"
	JAVA_TOOL_OPTIONS="$JAVA_OPTS" "$PROJECT_DIR/deploy/cds-archive.sh" "$WORK/app" "$JAR" >"$WORK/cds.log" 2>&1 \
		|| { cat "$WORK/cds.log" >&2; die "the training run failed"; }
	JAR="$(ls "$WORK"/app/*.jar)"
	JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$WORK/app/application.jsa"
fi
start_issuer "ekyc.session.list ekyc.session.get ekyc.session.create"
export BENCH_LUA_DIR="$BENCH_DIR"
create_database
log "First start: Flyway makes the schema"
start_service
FIRST_STARTUP="$STARTUP_SECONDS"

log "Seeding ${SESSIONS} sessions for ${USERS} users (bench/seed.sql)"
SEED_STARTED=$SECONDS
psql -X -q -d "$DB_NAME" -v sessions="$SESSIONS" -v users="$USERS" -f "$BENCH_DIR/seed.sql" >/dev/null
# VACUUM as autovacuum would after a million inserts, so that it does not run during the
# measurement instead; CHECKPOINT for the same reason.
psql -X -q -d "$DB_NAME" -c "vacuum (analyze) sessions" -c "vacuum (analyze) session_events" -c "checkpoint"
SEED_DONE=$SECONDS
log "Seeded in $((SEED_DONE - SEED_STARTED)) s"

# The start that counts is on the seeded database, as a restarted deployment starts.
stop_service
cp "$WORK/app.log" "$WORK/app-first-start.log"
APP_PID=0 wait_quiet # (no service yet: pid 0 matches no process)
# One token makes every request: without this, the per-client rate limit would answer most
# of them 429. bench/ratelimit-cost.sh measures what it costs.
start_service --ekyc.rate-limit.requests-per-second=0
STARTUP="$STARTUP_SECONDS"

# --- Sanity checks: the token is accepted, every endpoint answers 200 -----------------------

AUTH=(-H "Authorization: Bearer ${BENCH_TOKEN}")
SESSION_ID="$(psql -X -qtA -d "$DB_NAME" -c "select id from sessions where user_id = 'user-0000001' order by created_at desc, id desc limit 1")"
[[ -n "$SESSION_ID" ]] || die "no session of user-0000001 in the seeded database"
SESSION_PATH="/ekyc/admin/user-0000001/sessions/${SESSION_ID}"
log "Checking the token and the endpoints"
expect_status 200 "GET /actuator/health/liveness without a token" "${MGMT_URL}/actuator/health/liveness"
expect_status 401 "GET /ekyc/admin without a token" "${BASE_URL}/ekyc/admin?limit=1"
expect_status 200 "GET /ekyc/admin/user-0000001/status" "${AUTH[@]}" "${BASE_URL}/ekyc/admin/user-0000001/status"
expect_status 200 "GET /ekyc/admin/user-$(printf '%07d' "$USERS")/sessions" "${AUTH[@]}" \
	"${BASE_URL}/ekyc/admin/user-$(printf '%07d' "$USERS")/sessions"
expect_status 200 "GET ${SESSION_PATH}" "${AUTH[@]}" "${BASE_URL}${SESSION_PATH}"
expect_status 200 "GET /ekyc/admin?limit=50" "${AUTH[@]}" "${BASE_URL}/ekyc/admin?limit=50"
expect_status 200 "POST /ekyc/admin/bench-check-1/sessions" "${AUTH[@]}" -X POST \
	-H 'Content-Type: application/json' -d '{}' "${BASE_URL}/ekyc/admin/bench-check-1/sessions"

# --- HTTP throughput -----------------------------------------------------------------------

run_wrk() { # name, duration, base URL, script, script arguments...
	local name=$1 duration=$2 base=$3 script=$4
	shift 4
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency \
		-s "$BENCH_DIR/$script" "${base}/" -- "$@" >"$WORK/$name.txt" 2>&1 \
		|| { cat "$WORK/$name.txt" >&2; die "wrk failed ($name)"; }
	grep -q '^BENCH ' "$WORK/$name.txt" || { cat "$WORK/$name.txt" >&2; die "no summary from wrk ($name)"; }
}
# A warm-up run (not counted, JIT and pools), then the measured run with the service's GC and
# the CPU use recorded.
measure() { # name, base URL, script, script arguments...
	local name=$1 base=$2 script=$3 gc_before gc_after
	shift 3
	local warm_args=("$@")
	# create's users must be new in each run, or the measured run would answer 409
	[[ "$script" == create-session.lua ]] && warm_args=(warm)
	log "${name}: warm-up ${WARMUP}, then ${DURATION} measured (-t${THREADS} -c${CONNECTIONS})"
	run_wrk "warmup-$name" "$WARMUP" "$base" "$script" "${warm_args[@]}"
	wait_quiet
	gc_before="$(gc_totals)"
	start_sampler "$name" "$WORK/$name.cpu"
	run_wrk "$name" "$DURATION" "$base" "$script" "$@"
	stop_sampler
	gc_after="$(gc_totals)"
	awk -v b="$gc_before" -v a="$gc_after" -v n="$name" 'BEGIN { split(b, x, " "); split(a, y, " ");
		printf "gc %s: %d collections, %.0f ms in total\n", n, y[1] - x[1], (y[2] - x[2]) * 1000 }' >"$WORK/$name.gc"
}

ROWS_BEFORE="$(psql -X -qtA -d "$DB_NAME" -c 'select count(*) from sessions')"
((ROWS_BEFORE >= SESSIONS)) || die "expected at least ${SESSIONS} sessions, found ${ROWS_BEFORE}"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
GC_NAME="$(gc_name)"
MAX_HEAP_MIB="$(jcmd "$APP_PID" VM.flags 2>/dev/null | grep -o -- '-XX:MaxHeapSize=[0-9]*' | awk -F= '{ printf "%d", $2 / 1048576 }' || true)"
ENDPOINTS=(health status sessions session page50 create)

# One warm-up round over every endpoint first: the paths they share (token, filters, JSON,
# the pool) are compiled before anything is measured, not during the first measured endpoint.
log "Warm-up round: each endpoint for ${WARMUP} (not counted)"
BENCH_NO_TOKEN=1 run_wrk round-health "$WARMUP" "$MGMT_URL" fixed.lua /actuator/health/liveness
run_wrk round-status "$WARMUP" "$BASE_URL" status.lua "$USERS"
run_wrk round-sessions "$WARMUP" "$BASE_URL" status.lua "$USERS" sessions
run_wrk round-session "$WARMUP" "$BASE_URL" fixed.lua "$SESSION_PATH"
run_wrk round-page50 "$WARMUP" "$BASE_URL" fixed.lua "/ekyc/admin?limit=50"
run_wrk round-create "$WARMUP" "$BASE_URL" create-session.lua round

BENCH_NO_TOKEN=1 measure health "$MGMT_URL" fixed.lua /actuator/health/liveness
measure status "$BASE_URL" status.lua "$USERS"
measure sessions "$BASE_URL" status.lua "$USERS" sessions
measure session "$BASE_URL" fixed.lua "$SESSION_PATH"
measure page50 "$BASE_URL" fixed.lua "/ekyc/admin?limit=50"
measure create "$BASE_URL" create-session.lua run

# Right after the load, before anything else runs in the JVM.
RSS_MIB="$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/${APP_PID}/status")"
HWM_MIB="$(awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/${APP_PID}/status")"
ROWS_AFTER="$(psql -X -qtA -d "$DB_NAME" -c 'select count(*) from sessions')"

# --- Deep pages: page 1000 by the keyset cursor against page 1 ----------------------------

log "Deep pages"
list() { # output file, query arguments (name=value, URL-encoded here)... : prints the status
	local out=$1 args=() arg
	shift
	for arg in "$@"; do args+=(--data-urlencode "$arg"); done
	curl -sS -G -o "$out" -w '%{http_code}' "${AUTH[@]}" "${args[@]}" "${BASE_URL}/ekyc/admin"
}
median_ms() { # seconds, one a line -> the median in ms
	sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m * 1000 }'
}
CURSOR_LINE=""
CURSOR_OK=1
code="$(list "$WORK/page.json" limit=50)"
[[ "$code" == 200 ]] || die "GET /ekyc/admin?limit=50: ${code}"
if ! jq -e 'type == "object" and has("nextCursor")' "$WORK/page.json" >/dev/null; then
	CURSOR_LINE="cursor:      not supported by this build (no nextCursor in the list answer); page 1000 not timed"
else
	page=1
	cursor="$(jq -r '.nextCursor // empty' "$WORK/page.json")"
	while ((page < CURSOR_PAGES - 1)) && [[ -n "$cursor" ]]; do
		code="$(list "$WORK/page.json" limit=50 "cursor=${cursor}")"
		[[ "$code" == 200 ]] || die "GET /ekyc/admin?limit=50&cursor=... (page $((page + 1))): ${code}: $(head -c 300 "$WORK/page.json")"
		page=$((page + 1))
		cursor="$(jq -r '.nextCursor // empty' "$WORK/page.json")"
	done
	if [[ -z "$cursor" ]]; then
		CURSOR_LINE="cursor:      the list ended after page ${page} (no nextCursor), expected at least ${CURSOR_PAGES} pages  FAIL"
		CURSOR_OK=0
	else
		# One curl, one connection, page 1000 and page 1 in turn (a drift in the machine's
		# speed falls on both alike).
		deep_url="${BASE_URL}/ekyc/admin?limit=50&cursor=$(jq -rn --arg v "$cursor" '$v | @uri')"
		first_url="${BASE_URL}/ekyc/admin?limit=50"
		urls=()
		for _ in $(seq 1 "$CURSOR_SAMPLES"); do urls+=(-o /dev/null "$deep_url" -o /dev/null "$first_url"); done
		curl -sS -w '%{http_code} %{time_total}\n' "${AUTH[@]}" "${urls[@]}" >"$WORK/cursor-times.txt"
		if awk '$1 != 200 { bad = 1 } END { exit !bad }' "$WORK/cursor-times.txt"; then
			die "a timed page did not answer 200: $(sort "$WORK/cursor-times.txt" | cut -d' ' -f1 | uniq -c | tr '\n' ' ')"
		fi
		DEEP_MS="$(awk 'NR % 2 == 1 { print $2 }' "$WORK/cursor-times.txt" | median_ms)"
		FIRST_MS="$(awk 'NR % 2 == 0 { print $2 }' "$WORK/cursor-times.txt" | median_ms)"
		CURSOR_RATIO="$(awk -v d="$DEEP_MS" -v f="$FIRST_MS" 'BEGIN { printf "%.2f", d / f }')"
		mark=ok
		awk -v r="$CURSOR_RATIO" -v t="$TARGET_CURSOR" 'BEGIN { exit !(r <= t) }' || { mark=FAIL; CURSOR_OK=0; }
		CURSOR_LINE="cursor:      page ${CURSOR_PAGES} / page 1: ${DEEP_MS} ms / ${FIRST_MS} ms = ${CURSOR_RATIO} (medians of ${CURSOR_SAMPLES}; target <= ${TARGET_CURSOR})  ${mark}"
	fi
fi
# The offset paging of the seed's time, once, for information: how far a deep offset goes.
OFFSET_LINE="$(curl -sS -o /dev/null --max-time 60 -w '%{http_code} %{time_total}' "${AUTH[@]}" \
	"${BASE_URL}/ekyc/admin?start=1000000&limit=1024" 2>/dev/null || true)"
OFFSET_LINE="offset:      GET /ekyc/admin?start=1000000&limit=1024 answered $(awk '{ printf "%s in %.1f ms", $1, $2 * 1000 }' <<<"$OFFSET_LINE") (for information)"

# --- PostgreSQL alone: pgbench at the same connection count -------------------------------

log "pgbench: initialising ${PGBENCH_DB} at scale ${PGBENCH_SCALE}"
psql -X -q -d postgres -c "drop database if exists ${PGBENCH_DB} with (force)" 2>/dev/null
psql -X -q -d postgres -c "create database ${PGBENCH_DB}"
PGBENCH_CREATED=1
pgbench -i -q -s "$PGBENCH_SCALE" "$PGBENCH_DB" >"$WORK/pgbench-init.txt" 2>&1 \
	|| { cat "$WORK/pgbench-init.txt" >&2; die "pgbench -i failed"; }
psql -X -q -d "$PGBENCH_DB" -c "checkpoint"

run_pgbench() { # name, seconds, pgbench options...
	local name=$1 seconds=$2
	shift 2
	pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "$seconds" "$@" "$PGBENCH_DB" >"$WORK/$name.txt" 2>&1 \
		|| { cat "$WORK/$name.txt" >&2; die "pgbench failed ($name)"; }
}
pgbench_measure() { # name, pgbench options...: a warm-up run (not counted), then the measured run
	local name=$1 pid
	shift
	log "${name}: warm-up ${WARMUP_S} s, then ${DURATION_S} s measured (-c${CONNECTIONS} -j${THREADS})"
	run_pgbench "warmup-$name" "$WARMUP_S" "$@"
	wait_quiet
	python3 "$BENCH_DIR/cpu-share.py" "$APP_PID" "$PGBENCH_DB" "$name" >"$WORK/$name.cpu" &
	pid=$!
	run_pgbench "$name" "$DURATION_S" "$@"
	kill -TERM "$pid" 2>/dev/null || true
	wait "$pid" || true
}
tps() { # pgbench output file
	sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' "$1"
}
pgbench_measure pgbench-select -S
pgbench_measure pgbench-tpcb
SELECT_TPS="$(tps "$WORK/pgbench-select.txt")"
TPCB_TPS="$(tps "$WORK/pgbench-tpcb.txt")"
[[ -n "$SELECT_TPS" && -n "$TPCB_TPS" ]] || die "no tps in pgbench's output"

# --- Summary -----------------------------------------------------------------------------

ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
VERDICT=PASS
HEALTH_RPS="$(wrk_field "$WORK/health.txt" rps)"
row() { # name
	local name=$1 f="$WORK/$1.txt" rps requests ok non2xx sockets ratio target="" mark=ok minimum=""
	rps="$(wrk_field "$f" rps)"
	requests="$(wrk_field "$f" requests)"
	ok="$(wrk_field "$f" ok2xx)"
	non2xx=$((requests - ok)) # any answer not 2xx, 3xx too (wrk's own count starts at 400)
	sockets="$(wrk_field "$f" socket_errors)"
	case "$name" in
		health) ratio=1 target="reference" ;;
		page50) minimum=$TARGET_PAGE ;;
		create) minimum=$TARGET_CREATE ;;
		*) minimum=$TARGET_READ ;;
	esac
	if [[ "$name" == create ]]; then
		ratio="$(awk -v a="$rps" -v b="$TPCB_TPS" 'BEGIN { printf "%.2f", a / b }')"
		target=">= ${minimum} x TPC-B"
	elif [[ -n "$minimum" ]]; then
		ratio="$(awk -v a="$rps" -v b="$HEALTH_RPS" 'BEGIN { printf "%.2f", a / b }')"
		target=">= ${minimum} x health"
	fi
	if [[ -n "$minimum" ]] && ! awk -v r="$ratio" -v m="$minimum" 'BEGIN { exit !(r >= m) }'; then
		mark=FAIL
	fi
	if ((non2xx != 0 || sockets != 0 || ok == 0)); then
		mark=FAIL
	fi
	[[ "$mark" == ok ]] || VERDICT=FAIL
	printf '%-9s %10s %8s %8s %9s %8s %8s %6.2f  %-17s %s\n' "$name" "$rps" \
		"$(ms "$(wrk_field "$f" p50_us)")" "$(ms "$(wrk_field "$f" p99_us)")" "$requests" "$non2xx" "$sockets" "$ratio" "$target" "$mark"
}
at_most() { # value, maximum: ok or FAIL
	if awk -v v="$1" -v m="$2" 'BEGIN { exit !(v <= m) }'; then echo ok; else echo FAIL; fi
}
RSS_MARK="$(at_most "$HWM_MIB" "$TARGET_RSS_MIB")"
STARTUP_MARK="$(at_most "$STARTUP" "$TARGET_STARTUP_S")"
[[ "$RSS_MARK" == ok && "$STARTUP_MARK" == ok && "$CURSOR_OK" == 1 ]] || VERDICT=FAIL

mkdir -p "$OUT_DIR"
{
	echo "ekyc-admin throughput against PostgreSQL's, $(date -Iseconds)"
	echo "commit:      $(commit_line)"
	echo "jar:         $(basename "$JAR") ($(java -version 2>&1 | head -n 1))${APP_ARGS:+, service arguments: ${APP_ARGS}}"
	echo "java:        ${JAVA_OPTS} (${JAVA_OPTS_FROM}); max heap ${MAX_HEAP_MIB:-?} MiB, ${GC_NAME}; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-unset}"
	echo "database:    PostgreSQL $(psql -X -qtA -d postgres -c 'show server_version') at ${PGHOST}:${PGPORT}, shared_buffers $(psql -X -qtA -d postgres -c 'show shared_buffers')"
	echo "machine:     $(nproc) CPUs, load average before measuring ${LOAD_BEFORE}; wrk or pgbench, the service and PostgreSQL share them"
	echo "data:        ${ROWS_BEFORE} sessions (${SESSIONS} seeded for ${USERS} users in $((SEED_DONE - SEED_STARTED)) s, then VACUUM (ANALYZE) and CHECKPOINT) before measuring, ${ROWS_AFTER} after"
	echo "load:        wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --timeout 10s --latency (closed loop), after a ${WARMUP} warm-up round over all endpoints and ${WARMUP} warm-up per endpoint"
	echo "pgbench:     scale ${PGBENCH_SCALE} in ${PGBENCH_DB}, -c${CONNECTIONS} -j${THREADS} -T${DURATION_S}, after ${WARMUP_S} s warm-up each"
	echo "session:     GET ${SESSION_PATH}"
	echo
	printf '%-9s %10s %8s %8s %9s %8s %8s %6s  %-17s\n' endpoint "req/s" "p50 ms" "p99 ms" requests non-2xx sock.err ratio target
	for name in "${ENDPOINTS[@]}"; do row "$name"; done
	echo
	printf 'pgbench -S:  %.0f tps (select only)\n' "$SELECT_TPS"
	printf 'TPC-B:       %.0f tps (pgbench default)\n' "$TPCB_TPS"
	echo "RSS after load: VmRSS ${RSS_MIB} MiB, peak VmHWM ${HWM_MIB} MiB (target <= ${TARGET_RSS_MIB})  ${RSS_MARK}"
	echo "start-up to healthy: ${STARTUP} s on the seeded database (target <= ${TARGET_STARTUP_S})  ${STARTUP_MARK}; first start on the empty database, Flyway included: ${FIRST_STARTUP} s"
	echo "$CURSOR_LINE"
	echo "$OFFSET_LINE"
	echo
	for name in "${ENDPOINTS[@]}"; do echo "status codes ${name}: $(wrk_field "$WORK/$name.txt" statuses)"; done
	for name in "${ENDPOINTS[@]}"; do cat "$WORK/$name.gc"; done
	cat "$WORK"/{health,status,sessions,session,page50,create,pgbench-select,pgbench-tpcb}.cpu
	for name in "${ENDPOINTS[@]}" pgbench-select pgbench-tpcb; do
		share="$(sed -n 's/.*other_share=\([0-9]*\)%.*/\1/p' "$WORK/$name.cpu")"
		if ((${share:-0} >= 10)); then
			echo "NOTE:        other processes took ${share}% of the CPU during the ${name} run: its numbers are pessimistic; rerun on a quiet machine"
		fi
	done
	echo "RESULT:      ${VERDICT}"
} >"$WORK/summary.txt"

{
	cat "$WORK/summary.txt"
	for name in "${ENDPOINTS[@]}" pgbench-select pgbench-tpcb; do
		echo
		echo "----- output: ${name} -----"
		cat "$WORK/$name.txt"
	done
	for name in "${ENDPOINTS[@]}" pgbench-select pgbench-tpcb; do
		echo
		echo "----- output: warmup-${name} -----"
		cat "$WORK/warmup-$name.txt"
	done
} >"$REPORT"
cp "$WORK/app.log" "${OUT_DIR}/throughput-${STAMP}-service.log"

echo
cat "$WORK/summary.txt"
echo
echo "Report: ${REPORT} (service log: ${OUT_DIR}/throughput-${STAMP}-service.log)"
[[ "$VERDICT" == PASS ]] || exit 1
