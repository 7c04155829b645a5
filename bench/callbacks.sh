#!/usr/bin/env bash
#
# Callback delivery throughput and delay of ekyc-admin, and how fast it drains a backlog.
#
# What it measures: the production jar (built here with the Maven wrapper) on 127.0.0.1,
# against PostgreSQL, with real JWT validation (as bench/latency.sh), sending its signed
# callbacks to a local receiver (bench/callback-receiver.js, Node.js: answers 200 at once and
# records when each callback arrived). Service, PostgreSQL, load generator and receiver share
# this machine's CPUs.
#
#  1. Delivery: CHANGES status changes (SESSIONS sessions x PER_SESSION changes, round by
#     round: every session's IN_PROGRESS, then every session's SUBMITTED, ...) made over HTTP
#     by bench/callback-load.js at RATE changes/s (open loop). Reported: deliveries/s from
#     the first to the last callback and per whole second (min / median), and the delay
#     from the change (data.occurredAt, taken in the change's transaction) to the callback's
#     arrival at the receiver: p50, p90, p99, max.
#     Targets: every change delivered, >= TARGET_RATE (500) deliveries/s overall and in the
#     median second, delay p50 < TARGET_P50_MS (100) and p99 < TARGET_P99_MS (1000).
#  2. Backlog: the receiver stops listening (connections refused), another CHANGES changes
#     are made on fresh sessions as fast as the load generator can (every attempt fails,
#     each session's first pending change is retried on the retry schedule, the rest wait
#     behind it), the backlog is checked in the database (all CHANGES pending), held for
#     BACKLOG_HOLD s, then the receiver listens again. Reported: backlog size, the failed
#     attempts while it was down, and the drain time from the moment the receiver is back
#     to the last callback. Target: drained at >= TARGET_RATE deliveries/s.
#     The tables are vacuumed and analyzed after each warm-up round and before phase 1 (as
#     autovacuum would; some benchmark servers run without it), not during the phases: when
#     the backlog builds, the statistics say that nearly nothing is pending, as they would
#     on a production table of mostly delivered rows (autovacuum re-analyzes only after 10 %
#     of the table changed).
#     The service runs with ekyc.callbacks.retry-schedule=RETRY_SCHEDULE (default 1 s
#     waits, 60 of them) instead of the production 5s,5m,30m,... so that every delivery of
#     the backlog is due again within about a second of the receiver coming back, and the
#     drain measures the dispatcher rather than the schedule. Phase 1 has no failed
#     attempts, so the schedule does not matter there.
# Both phases count duplicates (a webhook-id received twice), per-session order violations
# and bad signatures (the receiver checks every signature); all must be 0. Warm-up rounds of
# the phase 1 workload (WARMUP_SESSIONS x PER_SESSION changes at RATE) run first, not
# counted, until the JIT has settled (on 2 CPUs C2 keeps compiling for minutes: a round in
# which it compiled under WARMUP_JIT_PCT % of the time ends the warm-up), at most WARMUP_ROUNDS.
#
# Run from anywhere (needs java 17+ with jstat, node 18+, psql, openssl, python3, curl, ss;
# takes 5 to 8 minutes, most of it warming the JIT up):
#   bench/callbacks.sh
# Settings (environment): SESSIONS=2500 PER_SESSION=4 RATE=600 CONCURRENCY=32
#   BACKLOG_SESSIONS=$SESSIONS BACKLOG_CONCURRENCY=16 BACKLOG_HOLD=5 WARMUP_SESSIONS=$SESSIONS
#   WARMUP_ROUNDS=8 WARMUP_JIT_PCT=10
#   RETRY_SCHEDULE="1s,1s,...(60)" TARGET_RATE=500 TARGET_P50_MS=100 TARGET_P99_MS=1000
#   DELIVERY_WAIT=120 (s to wait for a phase's callbacks) APP_PORT=8182 JWKS_PORT=9192
#   RECEIVER_PORT=9293 RECEIVER_ADMIN_PORT=9294 DB_NAME=ekyc_cb_bench PGHOST=127.0.0.1
#   PGPORT=5432 PGUSER=postgres SKIP_BUILD=1 (use the jar as built) JAR=<path> (that jar) KEEP_DB=1
#   KEEP_RECORDS=1 (copy the receiver's records to bench/out) JAVA_OPTS="-Xmx512m"
#   APP_ARGS="--ekyc.callbacks.workers=64" (extra service arguments, for experiments)
#   QUIET_WAIT=120 QUIET_PCT=10 (as in latency.sh)
# Output: a summary on stdout and in bench/out/callbacks-<date>.txt (git-ignored), the
# service log next to it.
# Exit status: 0 when every target is met, 1 if one is missed, 2 when it could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

SESSIONS="${SESSIONS:-2500}"
PER_SESSION="${PER_SESSION:-4}"
RATE="${RATE:-600}"
CONCURRENCY="${CONCURRENCY:-32}"
BACKLOG_SESSIONS="${BACKLOG_SESSIONS:-$SESSIONS}"
BACKLOG_CONCURRENCY="${BACKLOG_CONCURRENCY:-16}"
BACKLOG_HOLD="${BACKLOG_HOLD:-5}"
WARMUP_SESSIONS="${WARMUP_SESSIONS:-$SESSIONS}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-8}"
WARMUP_JIT_PCT="${WARMUP_JIT_PCT:-10}"
RETRY_SCHEDULE="${RETRY_SCHEDULE:-$(printf '1s,%.0s' $(seq 1 59))1s}"
TARGET_RATE="${TARGET_RATE:-500}"
TARGET_P50_MS="${TARGET_P50_MS:-100}"
TARGET_P99_MS="${TARGET_P99_MS:-1000}"
DELIVERY_WAIT="${DELIVERY_WAIT:-120}"
APP_PORT="${APP_PORT:-8182}"
JWKS_PORT="${JWKS_PORT:-9192}"
RECEIVER_PORT="${RECEIVER_PORT:-9293}"
RECEIVER_ADMIN_PORT="${RECEIVER_ADMIN_PORT:-9294}"
DB_NAME="${DB_NAME:-ekyc_cb_bench}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
QUIET_WAIT="${QUIET_WAIT:-120}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

CHANGES=$((SESSIONS * PER_SESSION))
BACKLOG_CHANGES=$((BACKLOG_SESSIONS * PER_SESSION))
STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/callbacks-${STAMP}.txt"
RECEIVER_URL="http://127.0.0.1:${RECEIVER_PORT}/cb"
RECEIVER_ADMIN="http://127.0.0.1:${RECEIVER_ADMIN_PORT}"
RECEIVER_PID=""

bench_cleanup_extra() {
	if [[ -n "$RECEIVER_PID" ]] && kill -0 "$RECEIVER_PID" 2>/dev/null; then
		stop_pid "$RECEIVER_PID" 5
	fi
	if [[ "${KEEP_RECORDS:-0}" == "1" && -f "$WORK/received.txt" ]]; then
		mkdir -p "$OUT_DIR"
		cp "$WORK/received.txt" "${OUT_DIR}/callbacks-${STAMP}-received.txt"
	fi
}

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java node psql openssl python3 curl ss jstat
require_free_ports "$APP_PORT" "$JWKS_PORT" "$RECEIVER_PORT" "$RECEIVER_ADMIN_PORT"
require_postgres
((PER_SESSION >= 1 && PER_SESSION <= 4)) || die "PER_SESSION must be 1..4 (CREATED -> IN_PROGRESS -> SUBMITTED -> IN_REVIEW -> APPROVED)"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
((NODE_MAJOR >= 18)) || die "node 18 or later is needed (found $(node --version))"

# --- The jar, the token, the database, the receiver and the service ----------------------

build_jar
start_issuer "ekyc.session.create ekyc.session.update ekyc.session.get"
create_database

SIGNING_SECRET="whsec_$(openssl rand -base64 32)"
SIGNING_SECRET="$SIGNING_SECRET" node "$BENCH_DIR/callback-receiver.js" "$RECEIVER_PORT" "$RECEIVER_ADMIN_PORT" \
	"$WORK/received.txt" >"$WORK/receiver.log" 2>&1 &
RECEIVER_PID=$!
for _ in $(seq 1 50); do
	curl -fsS "${RECEIVER_ADMIN}/stats" >/dev/null 2>&1 && break
	kill -0 "$RECEIVER_PID" 2>/dev/null || die "the receiver did not start: $(cat "$WORK/receiver.log")"
	sleep 0.1
done
curl -fsS "${RECEIVER_ADMIN}/stats" >/dev/null || die "the receiver does not answer on ${RECEIVER_ADMIN}"

# The per-client rate limit off: one token makes every change (600/s, over the default 100/s).
SERVICE_ARGS=(--ekyc.callbacks.allow-http=true --ekyc.callbacks.allow-private-networks=true
	--ekyc.callbacks.retry-schedule="$RETRY_SCHEDULE" --ekyc.rate-limit.requests-per-second=0)
EKYC_CALLBACKS_SIGNING_SECRET="$SIGNING_SECRET" start_service "${SERVICE_ARGS[@]}"

# --- Helpers -----------------------------------------------------------------------------

received_for() { # prefix: callbacks the receiver got for users <prefix>-<n>
	curl -fsS "${RECEIVER_ADMIN}/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin)["byPrefix"].get(sys.argv[1], 0))' "$1"
}

receiver_connections() { # TCP connections the receiver has accepted so far
	curl -fsS "${RECEIVER_ADMIN}/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin)["connections"])'
}

receiver() { # down | up | flush: prints the receiver's time of it (Unix ms) or what it wrote
	local answer
	answer="$(curl -fsS -X POST "${RECEIVER_ADMIN}/$1")" || die "the receiver did not answer /$1"
	python3 -c 'import json, sys; a = json.loads(sys.argv[1]); print(a.get("at", a.get("written")))' "$answer"
}

db_counts() { # prefix: "<pending> <delivered> <failed> <attempts>" of the deliveries of users <prefix>-<n>
	psql -X -qtA -F' ' -d "$DB_NAME" -c "select count(*) filter (where d.status = 'PENDING'),
		count(*) filter (where d.status = 'DELIVERED'), count(*) filter (where d.status = 'FAILED'),
		coalesce(sum(d.attempts), 0)
		from callback_deliveries d join sessions s on s.id = d.session_id where s.user_id like '$1-%'"
}

db_delay() { # prefix: the service's own view, delivered_at - created_at: "p50 p99 max" in ms
	psql -X -qtA -F' ' -d "$DB_NAME" -c "select
		round((percentile_cont(0.5) within group (order by extract(epoch from d.delivered_at - d.created_at)) * 1000)::numeric, 1),
		round((percentile_cont(0.99) within group (order by extract(epoch from d.delivered_at - d.created_at)) * 1000)::numeric, 1),
		round((max(extract(epoch from d.delivered_at - d.created_at)) * 1000)::numeric, 1)
		from callback_deliveries d join sessions s on s.id = d.session_id
		where s.user_id like '$1-%' and d.status = 'DELIVERED'"
}

create_sessions() { # prefix, count
	log "Creating $2 sessions ($1-<n>) with callback ${RECEIVER_URL}"
	node "$BENCH_DIR/callback-load.js" create "$BASE_URL" "$1" "$2" "$RECEIVER_URL" "$WORK/$1.sessions" 8 \
		>"$WORK/$1.create" 2>&1 || { cat "$WORK/$1.create" >&2; die "creating the $1 sessions failed"; }
	local made
	made="$(wc -l <"$WORK/$1.sessions")"
	((made == $2)) || die "created ${made} of $2 sessions"
	log "  $(grep '^LOAD' "$WORK/$1.create" | cut -c6-)"
}

make_changes() { # prefix, rate, concurrency: PER_SESSION changes of each session of the prefix
	node "$BENCH_DIR/callback-load.js" changes "$BASE_URL" "$WORK/$1.sessions" "$PER_SESSION" "$2" "$3" \
		>"$WORK/$1.load" 2>&1 || { cat "$WORK/$1.load" >&2; die "the status changes of $1 were not all answered 200"; }
	log "  load: $(grep '^LOAD' "$WORK/$1.load" | cut -c6-)"
}

wait_delivered() { # prefix, expected: waits until the receiver has them and none is pending; 1 on timeout
	local prefix=$1 expected=$2 started=$SECONDS got counts
	while true; do
		kill -0 "$RECEIVER_PID" 2>/dev/null || die "the receiver exited: $(tail -n 5 "$WORK/receiver.log")"
		kill -0 "$APP_PID" 2>/dev/null || die "the service exited"
		got="$(received_for "$prefix")"
		counts="$(db_counts "$prefix")"
		if ((got >= expected)) && [[ "${counts%% *}" == "0" ]]; then
			return 0
		fi
		if ((SECONDS - started >= DELIVERY_WAIT)); then
			log "  gave up after ${DELIVERY_WAIT} s: ${got} of ${expected} received; pending/delivered/failed/attempts: ${counts}"
			return 1
		fi
		sleep 0.5
	done
}

vacuum_analyze() {
	psql -X -q -d "$DB_NAME" -c "vacuum (analyze) callback_deliveries" -c "vacuum (analyze) sessions" \
		-c "vacuum (analyze) session_events"
}

jit_seconds() { # time the service's JIT compilers have spent so far
	jstat -compiler "$APP_PID" 2>/dev/null | awk 'NR == 2 { print $4 }' || echo 0
}

db_xacts() { # transactions committed in DB_NAME so far (all clients: service, and this script's few psql calls)
	psql -X -qtA -d "$DB_NAME" -c "select xact_commit from pg_stat_database where datname = current_database()"
}

field() { # file, line tag, key
	grep "^$2 " "$1" | tr ' ' '\n' | sed -n "s/^$3=//p"
}

stats() { # prefix, output file[, up ms]
	receiver flush >/dev/null
	python3 "$BENCH_DIR/callback-stats.py" "$WORK/received.txt" "$1" ${3:+"$3"} >"$2"
}

# --- Sanity checks -----------------------------------------------------------------------

AUTH=(-H "Authorization: Bearer ${BENCH_TOKEN}")
log "Checking the token, the endpoints and one callback"
expect_status 401 "POST /ekyc/admin/cb-check-1/sessions without a token" -X POST \
	-H 'Content-Type: application/json' -d '{}' "${BASE_URL}/ekyc/admin/cb-check-1/sessions"
expect_status 200 "POST /ekyc/admin/cb-check-1/sessions with callback ${RECEIVER_URL}" "${AUTH[@]}" -X POST \
	-H 'Content-Type: application/json' -d "{\"callback\":\"${RECEIVER_URL}\"}" "${BASE_URL}/ekyc/admin/cb-check-1/sessions"
CHECK_SESSION="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/check.json")"
expect_status 200 "POST .../sessions/${CHECK_SESSION}/status IN_PROGRESS" "${AUTH[@]}" -X POST \
	-H 'Content-Type: application/json' -d '{"status":"IN_PROGRESS"}' \
	"${BASE_URL}/ekyc/admin/cb-check-1/sessions/${CHECK_SESSION}/status"
wait_delivered cb-check 1 || die "the check callback did not arrive"
stats cb-check "$WORK/check.stats"
[[ "$(field "$WORK/check.stats" STATS bad_signatures)" == "0" ]] || die "the check callback's signature did not verify"
log "  callback received, signature valid, delay $(field "$WORK/check.stats" STATS delay_p50_ms) ms"
expect_status 200 "GET .../sessions/${CHECK_SESSION}/callbacks" "${AUTH[@]}" \
	"${BASE_URL}/ekyc/admin/cb-check-1/sessions/${CHECK_SESSION}/callbacks"

# --- Warm-up -----------------------------------------------------------------------------

# Rounds of the phase 1 workload until the JIT has settled: a round in which compiling took
# under WARMUP_JIT_PCT % of the round's time ends the warm-up, or WARMUP_ROUNDS rounds.
WARMUP_LOG=()
for round in $(seq 1 "$WARMUP_ROUNDS"); do
	create_sessions "cb-warm${round}" "$WARMUP_SESSIONS"
	log "Warm-up round ${round}: $((WARMUP_SESSIONS * PER_SESSION)) changes at ${RATE}/s (not counted)"
	JIT_BEFORE="$(jit_seconds)"
	ROUND_STARTED="$(date +%s.%N)"
	make_changes "cb-warm${round}" "$RATE" "$CONCURRENCY"
	wait_delivered "cb-warm${round}" "$((WARMUP_SESSIONS * PER_SESSION))" || die "the warm-up callbacks were not all delivered"
	JIT_PCT="$(awk -v a="$JIT_BEFORE" -v b="$(jit_seconds)" -v t0="$ROUND_STARTED" -v t1="$(date +%s.%N)" \
		'BEGIN { printf "%.0f", 100 * (b - a) / (t1 - t0) }')"
	stats "cb-warm${round}" "$WORK/warm.stats"
	WARMUP_LOG+=("round ${round}: $(field "$WORK/warm.stats" STATS rate)/s, delay p50 $(field "$WORK/warm.stats" STATS delay_p50_ms) ms, p99 $(field "$WORK/warm.stats" STATS delay_p99_ms) ms, JIT compiling ${JIT_PCT}% of the time")
	log "  warm-up ${WARMUP_LOG[-1]}"
	# What autovacuum would do on a busy outbox (it is off on some benchmark servers): drop
	# the dead row versions every attempt leaves, keep the statistics current.
	vacuum_analyze
	((JIT_PCT >= WARMUP_JIT_PCT)) || break
done

# --- 1. Delivery rate and delay ----------------------------------------------------------

create_sessions cb-run "$SESSIONS"
vacuum_analyze
psql -X -q -d "$DB_NAME" -c "checkpoint"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
GC_NAME="$(gc_name)"
wait_quiet
log "Phase 1: ${CHANGES} changes (${SESSIONS} sessions x ${PER_SESSION}) at ${RATE}/s, ${CONCURRENCY} at most under way"
GC_BEFORE="$(gc_totals)"
XACTS_BEFORE="$(db_xacts)"
JIT_BEFORE="$(jit_seconds)"
CONNS_BEFORE="$(receiver_connections)"
start_sampler delivery "$WORK/run.cpu"
make_changes cb-run "$RATE" "$CONCURRENCY"
RUN_OK=1
wait_delivered cb-run "$CHANGES" || RUN_OK=0
stop_sampler
XACTS_AFTER="$(db_xacts)"
CONNS_RUN=$(($(receiver_connections) - CONNS_BEFORE))
JIT_RUN="$(awk -v a="$JIT_BEFORE" -v b="$(jit_seconds)" 'BEGIN { printf "%.1f", b - a }')"
GC_AFTER="$(gc_totals)"
stats cb-run "$WORK/run.stats"
RUN_DB="$(db_counts cb-run)"
RUN_DB_DELAY="$(db_delay cb-run)"
log "  $(grep '^STATS' "$WORK/run.stats" | cut -c7-)"

# --- 2. Backlog while the receiver is down, and its drain --------------------------------

create_sessions cb-backlog "$BACKLOG_SESSIONS"
log "Phase 2: receiver down; ${BACKLOG_CHANGES} changes (${BACKLOG_SESSIONS} sessions x ${PER_SESSION}) as fast as ${BACKLOG_CONCURRENCY} connections go"
DOWN_AT="$(receiver down)"
make_changes cb-backlog 0 "$BACKLOG_CONCURRENCY"
log "  holding the backlog for ${BACKLOG_HOLD} s"
sleep "$BACKLOG_HOLD"
BACKLOG_DB="$(db_counts cb-backlog)"
read -r BACKLOG_PENDING BACKLOG_DELIVERED BACKLOG_FAILED BACKLOG_ATTEMPTS <<<"$BACKLOG_DB"
BACKLOG_RECEIVED_WHILE_DOWN="$(received_for cb-backlog)"
log "  backlog: ${BACKLOG_PENDING} pending, ${BACKLOG_DELIVERED} delivered, ${BACKLOG_FAILED} failed, ${BACKLOG_ATTEMPTS} failed attempts so far"
((BACKLOG_PENDING > 0)) || die "no backlog built up (pending: ${BACKLOG_PENDING})"
GC_BEFORE_DRAIN="$(gc_totals)"
XACTS_BEFORE_DRAIN="$(db_xacts)"
JIT_BEFORE="$(jit_seconds)"
CONNS_BEFORE="$(receiver_connections)"
start_sampler drain "$WORK/drain.cpu"
UP_AT="$(receiver up)"
log "  receiver up; waiting for the backlog to drain"
DRAIN_OK=1
wait_delivered cb-backlog "$BACKLOG_CHANGES" || DRAIN_OK=0
stop_sampler
XACTS_AFTER_DRAIN="$(db_xacts)"
CONNS_DRAIN=$(($(receiver_connections) - CONNS_BEFORE))
JIT_DRAIN="$(awk -v a="$JIT_BEFORE" -v b="$(jit_seconds)" 'BEGIN { printf "%.1f", b - a }')"
GC_AFTER_DRAIN="$(gc_totals)"
stats cb-backlog "$WORK/backlog.stats" "$UP_AT"
DRAIN_DB="$(db_counts cb-backlog)"
log "  $(grep '^STATS' "$WORK/backlog.stats" | cut -c7-)"

# --- Summary -----------------------------------------------------------------------------

VERDICT=PASS
NOTES=()
check() { # description, condition (arithmetic)
	if (($2)); then
		printf '  ok    %s\n' "$1"
	else
		printf '  FAIL  %s\n' "$1"
		VERDICT=FAIL
	fi
}
r() { local v; v="$(field "$WORK/run.stats" STATS "$1")"; echo "${v:-0}"; }
b() { local v; v="$(field "$WORK/backlog.stats" STATS "$1")"; echo "${v:-0}"; }
int() { printf '%.0f' "$1"; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
gc_delta() { # before, after
	awk -v b="$1" -v a="$2" 'BEGIN { split(b, x, " "); split(a, y, " "); printf "%d collections, %.0f ms", y[1] - x[1], (y[2] - x[2]) * 1000 }'
}
read -r RUN_PENDING RUN_DELIVERED RUN_FAILED RUN_ATTEMPTS <<<"$RUN_DB"
read -r DRAIN_PENDING DRAIN_DELIVERED DRAIN_FAILED DRAIN_ATTEMPTS <<<"$DRAIN_DB"
read -r DB_P50 DB_P99 DB_MAX <<<"$RUN_DB_DELAY"

mkdir -p "$OUT_DIR"
{
	echo "ekyc-admin callback delivery, $(date -Iseconds)"
	echo "commit:      $(commit_line)"
	echo "jar:         ${JAR#"$PROJECT_DIR"/}, java $JAVA_OPTS ($(java -version 2>&1 | head -n 1)), ${GC_NAME}"
	echo "service:     ${SERVICE_ARGS[*]}${APP_ARGS:+ ${APP_ARGS}} (retry schedule: ${RETRY_SCHEDULE%%,*} x $(tr ',' '\n' <<<"$RETRY_SCHEDULE" | wc -l))"
	echo "database:    $(psql -X -qtA -d postgres -c 'show server_version') at ${PGHOST}:${PGPORT}/${DB_NAME}"
	echo "machine:     $(nproc) CPUs, load average before phase 1 ${LOAD_BEFORE}; service, PostgreSQL, load generator and receiver share them"
	echo "receiver:    node $(node --version) http on ${RECEIVER_URL}, answers 200 at once, checks every signature"
	echo
	echo "1. Delivery: ${CHANGES} changes (${SESSIONS} sessions x ${PER_SESSION}, round by round), offered at ${RATE}/s open loop"
	echo "   load:       $(grep '^LOAD' "$WORK/cb-run.load" | cut -c6-)"
	echo "   delivered:  $(r delivered) of ${CHANGES} (receiver: $(r received) requests); database: ${RUN_DELIVERED} delivered, ${RUN_PENDING} pending, ${RUN_FAILED} failed, ${RUN_ATTEMPTS} attempts"
	echo "   rate:       $(r rate)/s first to last callback ($(r span_s) s); per second: min $(r sec_min), median $(r sec_median), max $(r sec_max) over $(r seconds) whole seconds"
	echo "   delay:      p50 $(r delay_p50_ms) ms, p90 $(r delay_p90_ms) ms, p99 $(r delay_p99_ms) ms, max $(r delay_max_ms) ms (occurredAt -> received)"
	echo "   service:    delivered_at - created_at: p50 ${DB_P50} ms, p99 ${DB_P99} ms, max ${DB_MAX} ms"
	echo "   errors:     duplicates $(r duplicates), order violations $(r order_violations), bad signatures $(r bad_signatures); ${CONNS_RUN} connections to the receiver"
	echo "   per second: $(grep '^PERSEC' "$WORK/run.stats" | cut -c8-)"
	echo "   $(cat "$WORK/run.cpu")"
	echo "   gc: $(gc_delta "$GC_BEFORE" "$GC_AFTER"); JIT compiling ${JIT_RUN} s; database transactions: $((XACTS_AFTER - XACTS_BEFORE)) ($(per "$((XACTS_AFTER - XACTS_BEFORE))" "$CHANGES") per change, API and dispatcher)"
	echo
	echo "2. Backlog: receiver down (connections refused), ${BACKLOG_CHANGES} changes (${BACKLOG_SESSIONS} sessions x ${PER_SESSION}) made, held ${BACKLOG_HOLD} s, receiver up"
	echo "   load:       $(grep '^LOAD' "$WORK/cb-backlog.load" | cut -c6-)"
	echo "   backlog:    ${BACKLOG_PENDING} pending when the receiver came back (${BACKLOG_DELIVERED} delivered, ${BACKLOG_FAILED} failed, ${BACKLOG_RECEIVED_WHILE_DOWN} received while down); ${BACKLOG_ATTEMPTS} failed attempts while down ($(awk -v d="$DOWN_AT" -v u="$UP_AT" 'BEGIN { printf "%.1f", (u - d) / 1000 }') s)"
	echo "   drained:    $(b delivered) of ${BACKLOG_CHANGES} in $(b drain_s) s from the receiver's return = $(b drain_rate)/s (first callback $(b first_after_up_ms) ms after it; first to last $(b span_s) s = $(b rate)/s)"
	echo "   per second: min $(b sec_min), median $(b sec_median), max $(b sec_max) over $(b seconds) whole seconds: $(grep '^PERSEC' "$WORK/backlog.stats" | cut -c8-)"
	echo "   database:   ${DRAIN_DELIVERED} delivered, ${DRAIN_PENDING} pending, ${DRAIN_FAILED} failed, ${DRAIN_ATTEMPTS} attempts in all"
	echo "   errors:     duplicates $(b duplicates), order violations $(b order_violations), bad signatures $(b bad_signatures); ${CONNS_DRAIN} connections to the receiver"
	echo "   $(cat "$WORK/drain.cpu")"
	echo "   gc: $(gc_delta "$GC_BEFORE_DRAIN" "$GC_AFTER_DRAIN"); JIT compiling ${JIT_DRAIN} s; database transactions: $((XACTS_AFTER_DRAIN - XACTS_BEFORE_DRAIN)) ($(per "$((XACTS_AFTER_DRAIN - XACTS_BEFORE_DRAIN))" "$BACKLOG_CHANGES") per delivery)"
	echo
	for line in "${WARMUP_LOG[@]}"; do
		echo "warm-up:     ${line}"
	done
	echo
	echo "targets:"
	check "phase 1: all ${CHANGES} delivered ($(r delivered), none pending or failed)" "RUN_OK && $(r delivered) == CHANGES && RUN_PENDING == 0 && RUN_FAILED == 0"
	check "phase 1: >= ${TARGET_RATE} deliveries/s overall ($(r rate)) and in the median second ($(r sec_median))" "$(r rate) >= TARGET_RATE && $(r sec_median) >= TARGET_RATE"
	check "phase 1: delay p50 < ${TARGET_P50_MS} ms ($(r delay_p50_ms))" "$(int "$(r delay_p50_ms)") < TARGET_P50_MS"
	check "phase 1: delay p99 < ${TARGET_P99_MS} ms ($(r delay_p99_ms))" "$(int "$(r delay_p99_ms)") < TARGET_P99_MS"
	check "phase 2: a backlog of ${BACKLOG_CHANGES} built up (${BACKLOG_PENDING} pending)" "BACKLOG_PENDING == BACKLOG_CHANGES"
	check "phase 2: all ${BACKLOG_CHANGES} delivered after the receiver came back ($(b delivered))" "DRAIN_OK && $(b delivered) == BACKLOG_CHANGES && DRAIN_PENDING == 0 && DRAIN_FAILED == 0"
	check "phase 2: drained at >= ${TARGET_RATE}/s ($(b drain_rate))" "$(b drain_rate) >= TARGET_RATE"
	check "no duplicates, order violations or bad signatures" "$(r duplicates) + $(r order_violations) + $(r bad_signatures) + $(b duplicates) + $(b order_violations) + $(b bad_signatures) == 0"
	if (($(r sec_min) < TARGET_RATE)); then
		echo "  note  phase 1's slowest whole second had $(r sec_min) deliveries, under ${TARGET_RATE}"
	fi
	for f in run drain; do
		share="$(sed -n 's/.*other_share=\([0-9]*\)%.*/\1/p' "$WORK/$f.cpu")"
		if ((${share:-0} >= 10)); then
			echo "  note  other processes took ${share}% of the CPU during ${f}: its numbers are pessimistic; rerun on a quiet machine"
		fi
	done
	echo "RESULT:      ${VERDICT}"
} >"$WORK/summary.txt"

cp "$WORK/summary.txt" "$REPORT"
cp "$WORK/app.log" "${OUT_DIR}/callbacks-${STAMP}-service.log"

echo
cat "$WORK/summary.txt"
echo
echo "Report: ${REPORT} (service log: ${OUT_DIR}/callbacks-${STAMP}-service.log)"
grep -q '^RESULT: *PASS' "$WORK/summary.txt" || exit 1
