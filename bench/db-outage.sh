#!/usr/bin/env bash
#
# Issue 7's database outage: PostgreSQL stopped for 10 s under a steady stream of session
# creations and status changes, then started again.
#
# What it measures: the production jar (built here with the Maven wrapper) on 127.0.0.1 with
# real JWT validation (as bench/latency.sh), sending its signed callbacks over http to a local
# receiver (bench/callback-receiver.js: answers 200 at once, records every callback). A Node
# client (bench/outage-load.js) runs flows at about RATE requests/s for BEFORE + OUTAGE +
# AFTER seconds: create a session for a new user with the receiver's URL as callback, then
# move it CREATED -> IN_PROGRESS -> SUBMITTED, retrying a 503 (or 429) after its Retry-After, and
# records every answer's status and latency. BEFORE s into the stream, PostgreSQL is stopped
# (pg_ctlcluster --skip-systemctl-redirect <version> main stop -m fast) for OUTAGE s, then
# started. After the stream the dispatcher is given up to DRAIN_WAIT s to deliver everything.
# Checked, and printed with the numbers:
#   - every answer is 200 or 503 (any other status, or no answer at all, fails);
#   - none took longer than MAX_LATENCY_MS (3,000 ms);
#   - every status change in the database (all those answered 200, and any that committed
#     although the client did not get its 200) reached the receiver exactly once (by session
#     id and sequence, and by webhook-id), in order per session, none lost (answered 200 but
#     not in the database), none pending or failed in the outbox (bench/outage-check.py);
#   - the service log has the WARN "The database is unavailable" once, "The database is
#     available again" once, and no stack trace from the moment PostgreSQL was stopped on;
#     and (issue 7: "not a log line per request") at most MAX_OUTAGE_LOG_LINES (10) other
#     WARN or ERROR lines from then on;
#   - /readyz went 503 during the outage and back to 200 (sampled every 0.5 s; reported).
#
# Which PostgreSQL is stopped (PG_MODE):
#   cluster (default): the machine's own server, PGHOST:PGPORT, cluster PG_VERSION/PG_CLUSTER,
#     with pg_ctlcluster. SAFETY: that breaks everything else using the server at that moment
#     (test runs, a local development service). The script refuses to run, at its start and
#     again right before it stops PostgreSQL, while a Maven or Surefire process runs (pgrep -f
#     'surefire|mvnw|plexus-classworlds') or, unless ALLOW_OTHER_CLIENTS=1, while any other
#     database of the server has client connections. PostgreSQL is always started again:
#     right after OUTAGE s, and by the EXIT trap (also on Ctrl-C or TERM) if the script
#     stops early.
#   private: a throw-away server of the same version made for this run (initdb as the
#     postgres user in /tmp, 127.0.0.1:PRIVATE_PGPORT, pg_ctl stop -m fast / start), removed
#     at the end: nobody else is affected, so no safety check; the same outage otherwise.
#
# Run from anywhere (needs java 17+, node 18+, psql, pg_ctlcluster or initdb/pg_ctl and root
# (to run them as postgres), openssl, python3, curl, ss; about 2 min):
#   bench/db-outage.sh                    # stops the machine's PostgreSQL, when nothing else uses it
#   PG_MODE=private bench/db-outage.sh    # stops a private server of its own
# Settings (environment): RATE=50 BEFORE=10 OUTAGE=10 AFTER=20 MAX_LATENCY_MS=3000
#   DRAIN_WAIT=120 RETRY_SCHEDULE="1s,1s,2s,5s,10s,30s,1m" (the service's callback retry
#   schedule; the production one waits 5 min after the second failure)
#   RATE_LIMIT_ARGS="--ekyc.rate-limit.requests-per-second=1000 --ekyc.rate-limit.burst=2000"
#   (the stream is one client: when the database is back, the flows held back by the outage
#   all go on at once, well over the default 100/s of one client, and 429 is not what this
#   test is about; "" keeps the default limit) MAX_OUTAGE_LOG_LINES=10 PG_MODE=cluster
#   ALLOW_OTHER_CLIENTS=0 PG_VERSION=<the first directory in /etc/postgresql> PG_CLUSTER=main
#   PRIVATE_PGPORT=5499 PG_BIN=/usr/lib/postgresql/<PG_VERSION>/bin (PG_MODE=private)
#   APP_PORT=8185 JWKS_PORT=9197 RECEIVER_PORT=9297 RECEIVER_ADMIN_PORT=9298
#   DB_NAME=ekyc_outage_bench PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#   SKIP_BUILD=1 (use the jar as built) JAR=<path> (use that jar) KEEP_DB=1 JAVA_OPTS="-Xmx512m"
#   APP_ARGS="--some.property=value" (extra service arguments, for experiments)
# Output: a summary on stdout and in bench/out/db-outage-<date>.txt (git-ignored), the service
# log and the raw records next to it.
# Exit status: 0 when every check passes, 1 if one fails, 2 when it could not run (or it was
# not safe to stop PostgreSQL).

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

RATE="${RATE:-50}"
BEFORE="${BEFORE:-10}"
OUTAGE="${OUTAGE:-10}"
AFTER="${AFTER:-20}"
MAX_LATENCY_MS="${MAX_LATENCY_MS:-3000}"
DRAIN_WAIT="${DRAIN_WAIT:-120}"
RETRY_SCHEDULE="${RETRY_SCHEDULE:-1s,1s,2s,5s,10s,30s,1m}"
RATE_LIMIT_ARGS="${RATE_LIMIT_ARGS:---ekyc.rate-limit.requests-per-second=1000 --ekyc.rate-limit.burst=2000}"
MAX_OUTAGE_LOG_LINES="${MAX_OUTAGE_LOG_LINES:-10}"
ALLOW_OTHER_CLIENTS="${ALLOW_OTHER_CLIENTS:-0}"
PG_VERSION="${PG_VERSION:-$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort | head -n 1)}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_MODE="${PG_MODE:-cluster}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/${PG_VERSION}/bin}"
PRIVATE_PGPORT="${PRIVATE_PGPORT:-5499}"
PRIVATE_DIR=""
APP_PORT="${APP_PORT:-8185}"
JWKS_PORT="${JWKS_PORT:-9197}"
RECEIVER_PORT="${RECEIVER_PORT:-9297}"
RECEIVER_ADMIN_PORT="${RECEIVER_ADMIN_PORT:-9298}"
DB_NAME="${DB_NAME:-ekyc_outage_bench}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
QUIET_WAIT="${QUIET_WAIT:-0}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
if [[ "$PG_MODE" == private ]]; then
	export PGHOST=127.0.0.1 PGPORT="$PRIVATE_PGPORT" PGUSER=postgres
fi

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/db-outage-${STAMP}.txt"
PREFIX="outage"
RECEIVER_URL="http://127.0.0.1:${RECEIVER_PORT}/cb"
RECEIVER_ADMIN="http://127.0.0.1:${RECEIVER_ADMIN_PORT}"
RECEIVER_PID=""
LOAD_PID=""
READYZ_PID=""
PG_STOPPED=0

pg_ctl() { # stop | start
	case "${PG_MODE}:$1" in
		cluster:stop) pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" stop -m fast ;;
		cluster:start) pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start ;;
		private:stop) runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PRIVATE_DIR/data" -m fast -w stop ;;
		private:start) runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PRIVATE_DIR/data" -l "$PRIVATE_DIR/postgresql.log" -w \
			-o "-p ${PGPORT} -k ${PRIVATE_DIR} -c listen_addresses=127.0.0.1" start ;;
		*) return 2 ;;
	esac
}

# Starts PostgreSQL again if this script stopped it; retries, and says loudly if it cannot.
restart_postgres() {
	local try
	for try in 1 2 3 4 5; do
		if pg_ctl start >>"${WORK:-/tmp}/pg_ctl.log" 2>&1 || pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
			for _ in $(seq 1 60); do
				if pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
					PG_STOPPED=0
					return 0
				fi
				sleep 0.5
			done
		fi
		log "  starting PostgreSQL failed (attempt ${try}); trying again"
		sleep 2
	done
	log "ERROR: PostgreSQL ($(pg_name)) could not be started again: run" \
		"$( [[ "$PG_MODE" == cluster ]] && echo "pg_ctlcluster --skip-systemctl-redirect ${PG_VERSION} ${PG_CLUSTER} start" || echo "runuser -u postgres -- ${PG_BIN}/pg_ctl -D ${PRIVATE_DIR}/data start")"
	return 1
}

pg_name() { # which server is stopped
	if [[ "$PG_MODE" == cluster ]]; then
		echo "the machine's cluster ${PG_VERSION}/${PG_CLUSTER}, pg_ctlcluster"
	else
		echo "a private server in ${PRIVATE_DIR}, pg_ctl"
	fi
}

bench_cleanup_extra() {
	if [[ "$PG_MODE" == cluster ]] && ((PG_STOPPED == 1)); then
		log "Starting PostgreSQL again (clean-up)"
		restart_postgres
	fi
	local pid
	for pid in "$LOAD_PID" "$READYZ_PID" "$RECEIVER_PID"; do
		if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
			stop_pid "$pid" 5
		fi
	done
	if [[ -n "$PRIVATE_DIR" ]]; then
		# The service first, so that the private server's removal does not make it log errors.
		stop_pid "$APP_PID" 20
		APP_PID=""
		if [[ -f "$PRIVATE_DIR/data/postmaster.pid" ]]; then
			runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PRIVATE_DIR/data" -m immediate -w stop >/dev/null 2>&1
		fi
		rm -rf "$PRIVATE_DIR"
		DB_CREATED="" # gone with the server
	fi
}

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# Why stopping PostgreSQL now would break someone else's work, or nothing when it would not.
unsafe_reason() {
	local busy others
	[[ "$PG_MODE" == cluster ]] || return 0 # a private server: nobody else uses it
	busy="$(pgrep -af 'surefire|mvnw|plexus-classworlds' | cut -c1-150 || true)"
	if [[ -n "$busy" ]]; then
		printf 'a Maven or test run is going on:\n%s\n' "$busy"
		return
	fi
	if [[ "$ALLOW_OTHER_CLIENTS" != "1" ]]; then
		others="$(psql -X -qtA -d postgres -c "select datname || ' (' || count(*) || ' connections, ' ||
			string_agg(distinct coalesce(nullif(application_name, ''), '?'), ', ') || ')'
			from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()
			and datname is not null and datname not in ('${DB_NAME}') group by datname" 2>/dev/null || true)"
		if [[ -n "$others" ]]; then
			printf 'other databases have clients (ALLOW_OTHER_CLIENTS=1 to stop PostgreSQL all the same):\n%s\n' "$others"
		fi
	fi
}

require_tools java node psql pg_isready openssl python3 curl ss
require_free_ports "$APP_PORT" "$JWKS_PORT" "$RECEIVER_PORT" "$RECEIVER_ADMIN_PORT"
case "$PG_MODE" in
	cluster)
		require_tools pg_ctlcluster
		[[ -n "$PG_VERSION" && -d "/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}" ]] || die "no cluster /etc/postgresql/${PG_VERSION}/${PG_CLUSTER}"
		;;
	private)
		require_tools runuser
		[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "no initdb/pg_ctl in PG_BIN=${PG_BIN}"
		require_free_ports "$PGPORT"
		PRIVATE_DIR="$(mktemp -d /tmp/ekyc-outage-pg.XXXXXX)"
		chown postgres "$PRIVATE_DIR"
		log "Making a private PostgreSQL server in ${PRIVATE_DIR} on ${PGHOST}:${PGPORT}"
		runuser -u postgres -- "$PG_BIN/initdb" -D "$PRIVATE_DIR/data" -U postgres -A trust -E UTF8 --no-sync \
			>"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
		pg_ctl start >"$WORK/pg_ctl.log" 2>&1 || { cat "$WORK/pg_ctl.log" >&2; die "the private server did not start"; }
		;;
	*) die "PG_MODE must be cluster or private, not ${PG_MODE}" ;;
esac
require_postgres
REASON="$(unsafe_reason)"
[[ -z "$REASON" ]] || die "not safe to stop PostgreSQL: ${REASON}"

# --- The jar, the token, the database, the receiver and the service ----------------------

build_jar
REASON="$(unsafe_reason)"
[[ -z "$REASON" ]] || die "not safe to stop PostgreSQL: ${REASON}"
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

SERVICE_ARGS=(--ekyc.callbacks.allow-http=true --ekyc.callbacks.allow-private-networks=true
	--ekyc.callbacks.retry-schedule="$RETRY_SCHEDULE")
# shellcheck disable=SC2206 # a list of arguments
SERVICE_ARGS+=($RATE_LIMIT_ARGS)
EKYC_CALLBACKS_SIGNING_SECRET="$SIGNING_SECRET" start_service "${SERVICE_ARGS[@]}"

received_for() { # prefix: callbacks the receiver got for users <prefix>-<n>
	curl -fsS "${RECEIVER_ADMIN}/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin)["byPrefix"].get(sys.argv[1], 0))' "$1"
}

# --- Sanity check: one session, one change, one callback ---------------------------------

AUTH=(-H "Authorization: Bearer ${BENCH_TOKEN}")
log "Checking the token, the endpoints and one callback"
expect_status 200 "POST /ekyc/admin/check-1/sessions with callback ${RECEIVER_URL}" "${AUTH[@]}" -X POST \
	-H 'Content-Type: application/json' -d "{\"callback\":\"${RECEIVER_URL}\"}" "${BASE_URL}/ekyc/admin/check-1/sessions"
CHECK_SESSION="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/check.json")"
expect_status 200 "POST .../sessions/${CHECK_SESSION}/status IN_PROGRESS" "${AUTH[@]}" -X POST \
	-H 'Content-Type: application/json' -d '{"status":"IN_PROGRESS"}' \
	"${BASE_URL}/ekyc/admin/check-1/sessions/${CHECK_SESSION}/status"
for _ in $(seq 1 40); do
	(($(received_for check) >= 1)) && break
	sleep 0.25
done
(($(received_for check) >= 1)) || die "the check callback did not arrive"
log "  callback received"

# --- The stream and the outage -----------------------------------------------------------

STREAM=$((BEFORE + OUTAGE + AFTER))
# Every time below is in ms since this moment (the load generator's too, via T0_EPOCH_MS).
STREAM_STARTED_NS="$(date +%s%N)"
(
	trap 'exit 0' TERM
	while true; do
		answer="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 5 "${BASE_URL}/readyz" || true)"
		printf '%s %s\n' "$((($(date +%s%N) - STREAM_STARTED_NS) / 1000000))" "${answer:-000 5}"
		sleep 0.5
	done
) >"$WORK/readyz.txt" &
READYZ_PID=$!

log "Stream: about ${RATE} requests/s for ${STREAM} s (create, IN_PROGRESS, SUBMITTED per user); PostgreSQL stops after ${BEFORE} s for ${OUTAGE} s"
T0_EPOCH_MS=$((STREAM_STARTED_NS / 1000000)) node "$BENCH_DIR/outage-load.js" "$BASE_URL" "$PREFIX" "$RECEIVER_URL" "$RATE" "$STREAM" "$WORK/answers.txt" \
	>"$WORK/load.txt" 2>&1 &
LOAD_PID=$!
sleep "$BEFORE" &
wait $!
kill -0 "$LOAD_PID" 2>/dev/null || { cat "$WORK/load.txt" >&2; die "the load generator stopped early"; }

REASON="$(unsafe_reason)"
if [[ -n "$REASON" ]]; then
	die "not safe to stop PostgreSQL now, stopping without the outage: ${REASON}"
fi
LOG_LINES_BEFORE="$(wc -l <"$WORK/app.log")"
log "Stopping PostgreSQL ($(pg_name), -m fast)"
PG_STOPPED=1
STOP_AT_MS=$((($(date +%s%N) - STREAM_STARTED_NS) / 1000000))
pg_ctl stop >"$WORK/pg_ctl.log" 2>&1 || log "  pg_ctlcluster stop said: $(tail -n 3 "$WORK/pg_ctl.log")"
STOPPED_AT_MS=$((($(date +%s%N) - STREAM_STARTED_NS) / 1000000))
pg_isready -q -h "$PGHOST" -p "$PGPORT" && log "  WARNING: PostgreSQL still answers after stop"
sleep "$OUTAGE" &
wait $!
log "Starting PostgreSQL again"
START_AT_MS=$((($(date +%s%N) - STREAM_STARTED_NS) / 1000000))
restart_postgres || die "PostgreSQL did not start again"
STARTED_AT_MS=$((($(date +%s%N) - STREAM_STARTED_NS) / 1000000))
log "  PostgreSQL up again ($((STARTED_AT_MS - START_AT_MS)) ms to start; down $((STARTED_AT_MS - STOP_AT_MS)) ms in all)"

wait "$LOAD_PID" || { cat "$WORK/load.txt" >&2; die "the load generator failed"; }
LOAD_PID=""
log "  $(grep '^LOAD ' "$WORK/load.txt" | cut -c6-)"

# --- Drain ---------------------------------------------------------------------------------

db_counts() { # "<committed changes> <pending> <failed>" of the PREFIX sessions
	psql -X -qtA -F' ' -d "$DB_NAME" -c "select
		(select count(*) from session_events e join sessions s on s.id = e.session_id
			where s.user_id like '${PREFIX}-%' and e.sequence >= 2),
		count(*) filter (where d.status = 'PENDING'), count(*) filter (where d.status = 'FAILED')
		from callback_deliveries d join sessions s on s.id = d.session_id where s.user_id like '${PREFIX}-%'"
}
log "Waiting up to ${DRAIN_WAIT} s for the dispatcher to deliver every change"
DRAIN_STARTED=$SECONDS
DRAINED=0
COMMITTED="?" PENDING="?" FAILED="?"
while ((SECONDS - DRAIN_STARTED < DRAIN_WAIT)); do
	if ! COUNTS="$(db_counts)"; then
		sleep 1
		continue
	fi
	read -r COMMITTED PENDING FAILED <<<"$COUNTS"
	if ((PENDING == 0)) && (($(received_for "$PREFIX") >= COMMITTED)); then
		DRAINED=1
		break
	fi
	sleep 1
done
DRAIN_SECONDS=$((SECONDS - DRAIN_STARTED))
sleep 2 # late duplicates, if any, would show up here
curl -fsS -X POST "${RECEIVER_ADMIN}/flush" >/dev/null
kill -TERM "$READYZ_PID" 2>/dev/null || true
wait "$READYZ_PID" 2>/dev/null || true
READYZ_PID=""
log "  $( ((DRAINED == 1)) && echo "drained" || echo "NOT drained") after ${DRAIN_SECONDS} s: ${COMMITTED} committed changes, ${PENDING} pending, ${FAILED} failed"

psql -X -qtA -F' ' -d "$DB_NAME" -c "select e.session_id, e.sequence, e.to_status from session_events e
	join sessions s on s.id = e.session_id where s.user_id like '${PREFIX}-%' and e.sequence >= 2" >"$WORK/events.txt"
psql -X -qtA -F' ' -d "$DB_NAME" -c "select d.id, d.session_id, d.sequence, d.status, d.attempts from callback_deliveries d
	join sessions s on s.id = d.session_id where s.user_id like '${PREFIX}-%'" >"$WORK/deliveries.txt"
python3 "$BENCH_DIR/outage-check.py" "$WORK/answers.txt" "$WORK/received.txt" "$WORK/events.txt" \
	"$WORK/deliveries.txt" "$PREFIX" >"$WORK/check.txt"

# --- The service log ---------------------------------------------------------------------

# JSON lines (ECS) by default: "log":{"level":"WARN",...}, "message":"...", stack traces in
# "error":{"stack_trace":"...\n\tat ..."} (a JSON-escaped tab); plain text has a real tab.
count_in() { # file, extended regex
	grep -cE -- "$2" "$1" || true
}
tail -n +"$((LOG_LINES_BEFORE + 1))" "$WORK/app.log" >"$WORK/app-outage.log"
WARN_UNAVAILABLE="$(count_in "$WORK/app.log" 'The database is unavailable')"
INFO_AVAILABLE="$(count_in "$WORK/app.log" 'The database is available again')"
STACKS_OUTAGE="$(count_in "$WORK/app-outage.log" $'\tat |\\\\tat ')"
STACKS_ALL="$(count_in "$WORK/app.log" $'\tat |\\\\tat ')"
ERRORS_OUTAGE="$(count_in "$WORK/app-outage.log" '"level":"ERROR"|^[0-9T:.+-]+ +ERROR ')"
WARNS_OUTAGE="$(count_in "$WORK/app-outage.log" '"level":"WARN"|^[0-9T:.+-]+ +WARN ')"
OTHER_WARN_ERROR=$((WARNS_OUTAGE + ERRORS_OUTAGE - $(count_in "$WORK/app-outage.log" 'The database is unavailable')))
LINES_OUTAGE="$(wc -l <"$WORK/app-outage.log")"
WARN_TEXT="$(grep -m1 'The database is unavailable' "$WORK/app.log" | python3 -c 'import json, sys
for line in sys.stdin:
    try:
        j = json.loads(line); print(j["@timestamp"][11:23], j["log"]["level"], j["message"][:200])
    except Exception:
        print(line.strip()[:250])' || true)"
INFO_TEXT="$(grep -m1 'The database is available again' "$WORK/app.log" | python3 -c 'import json, sys
for line in sys.stdin:
    try:
        j = json.loads(line); print(j["@timestamp"][11:23], j["log"]["level"], j["message"][:200])
    except Exception:
        print(line.strip()[:250])' || true)"
# The distinct messages logged from the stop on, with counts (loggers and levels), for the report.
python3 -c 'import collections, json, sys
counts = collections.Counter()
for line in open(sys.argv[1]):
    try:
        j = json.loads(line)
        counts[(j["log"]["level"], j["log"]["logger"].rsplit(".", 1)[-1], j["message"][:110])] += 1
    except Exception:
        counts[("?", "?", line.strip()[:110])] += 1
for (level, logger, message), n in counts.most_common(12):
    print(f"  {n:5d} x {level} {logger}: {message}")' "$WORK/app-outage.log" >"$WORK/app-outage-summary.txt" 2>/dev/null || true

# /readyz over time: the first non-200 after the stop, and the first 200 after that.
# (a line is "<ms when the probe ended> <status> <seconds it took>"; 000: no answer within 5 s)
READYZ_LINE="$(awk -v stop="$STOP_AT_MS" '$1 >= stop && $2 != 200 && !down { down = $1; code = $2 }
	down && $2 == 200 && !up { up = $1 }
	$3 > slowest { slowest = $3 }
	END { if (down) printf "first %s at +%.1f s after the stop, 200 again at +%.1f s after the stop", code, (down - stop) / 1000, up ? (up - stop) / 1000 : -1; else printf "never left 200"
	      printf "; slowest probe %.1f s", slowest }' "$WORK/readyz.txt")"
# How long after PostgreSQL accepted connections again the service answered 200 again, and its last 503.
RECOVERY_LINE="$(awk -v back="$STARTED_AT_MS" '$1 >= back && $5 == 200 && !first { first = $1 } $5 == 503 && $1 > last { last = $1 }
	END { printf "first 200 %.1f s after PostgreSQL accepted connections again, last 503 answered %.1f s after", (first - back) / 1000, (last - back) / 1000 }' \
	"$WORK/answers.txt")"
READYZ_WENT_DOWN="$(awk -v stop="$STOP_AT_MS" '$1 >= stop && $2 != 200 { print 1; exit }' "$WORK/readyz.txt")"

# --- Summary -------------------------------------------------------------------------------

lf() { # tag, key: from the load generator's output
	local v
	v="$(grep "^$1 " "$WORK/load.txt" | head -n 1 | tr ' ' '\n' | sed -n "s/^$2=//p")"
	echo "${v:-0}"
}
cf() { # key: from outage-check.py
	local v
	v="$(grep '^CHECK ' "$WORK/check.txt" | tr ' ' '\n' | sed -n "s/^$1=//p")"
	echo "${v:-0}"
}
# Answers by phase (before the stop, while PostgreSQL was down, after it was started) and status.
phase_table() {
	awk -v stop="$STOP_AT_MS" -v start="$STARTED_AT_MS" '
		{ t = $1 - $6; p = (t < stop) ? "before" : (t < start) ? "outage" : "after"   # by when the request was sent
		  s = ($5 == 200 || $5 == 503) ? $5 : ($5 == 0) ? "none" : "other"
		  n[p, s]++; tot[p]++; if ($6 > max[p]) max[p] = $6 }
		END { split("before outage after", ps, " ")
		  for (i = 1; i <= 3; i++) { p = ps[i]
			printf "%-8s %9d %8d %8d %8d %10d %9.0f\n", p, tot[p], n[p, 200], n[p, 503], n[p, "other"], n[p, "none"], max[p] } }' \
		"$WORK/answers.txt"
}

VERDICT=PASS
check() { # description, condition (arithmetic)
	if (($2)); then
		printf '  ok    %s\n' "$1"
	else
		printf '  FAIL  %s\n' "$1"
		VERDICT=FAIL
	fi
}
MAX_MS="$(lf LOAD max_ms)"
# shellcheck disable=SC2034 # used in a check's condition
MAX_MS_INT="$(printf '%.0f' "$MAX_MS")"

mkdir -p "$OUT_DIR"
{
	echo "ekyc-admin database outage (issue 7), $(date -Iseconds)"
	echo "commit:      $(commit_line)"
	echo "jar:         ${JAR#"$PROJECT_DIR"/}, java ${JAVA_OPTS} ($(java -version 2>&1 | head -n 1))"
	echo "service:     ${SERVICE_ARGS[*]}${APP_ARGS:+ ${APP_ARGS}}"
	echo "database:    PostgreSQL $(psql -X -qtA -d postgres -c 'show server_version') ($(pg_name)) at ${PGHOST}:${PGPORT}/${DB_NAME}"
	echo "machine:     $(nproc) CPUs, shared (other work may run: see the load average $(cut -d' ' -f1-3 /proc/loadavg))"
	echo "stream:      about ${RATE} requests/s for ${STREAM} s: create (Idempotency-Key, callback ${RECEIVER_URL}), IN_PROGRESS, SUBMITTED; 503 retried after Retry-After"
	echo "outage:      stop sent at +$(awk -v t="$STOP_AT_MS" 'BEGIN { printf "%.1f", t / 1000 }') s (stopped at +$(awk -v t="$STOPPED_AT_MS" 'BEGIN { printf "%.1f", t / 1000 }') s), start sent at +$(awk -v t="$START_AT_MS" 'BEGIN { printf "%.1f", t / 1000 }') s, accepting at +$(awk -v t="$STARTED_AT_MS" 'BEGIN { printf "%.1f", t / 1000 }') s"
	echo
	echo "answers by when the request was sent:"
	printf '%-8s %9s %8s %8s %8s %10s %9s\n' phase requests 200 503 other "no answer" "max ms"
	phase_table
	printf '%-8s %9s %8s %8s %8s %10s %9s\n' all "$(lf LOAD requests)" "$(lf LOAD s200)" "$(lf LOAD s503)" "$(lf LOAD other)" "$(lf LOAD errors)" "$MAX_MS"
	echo
	echo "latency:     p50 $(lf LOAD p50_ms) ms, p99 $(lf LOAD p99_ms) ms, max ${MAX_MS} ms; $(lf LOAD rps) requests/s; flows started $(lf LOAD flows_started), completed $(lf LOAD flows_done)"
	echo "by step:     $(grep '^STEP ' "$WORK/load.txt" | cut -c6- | paste -sd';' - | sed 's/;/; /g')"
	grep '^FIRST ' "$WORK/load.txt" | sed 's/^FIRST /first:       /' || true
	echo "per second:  $(grep '^PERSEC ' "$WORK/load.txt" | sed -E 's/^PERSEC t=([0-9]+) /\1:[/; s/$/]/' | paste -sd' ' -)"
	echo "readyz:      ${READYZ_LINE}"
	echo "recovery:    ${RECOVERY_LINE}"
	echo "callbacks:   $(cf committed) status changes committed ($(cf answered_200) answered 200, $(cf committed_not_200) committed without a 200 to the client), $(cf lost) answered 200 but not in the database"
	echo "             $(cf delivered) delivered, $(cf missing) missing, $(cf duplicates) duplicate receipts ($(cf duplicate_ids) by webhook-id), $(cf unexpected) unexpected, $(cf order_violations) out of order, $(cf status_mismatch) wrong status, $(cf bad_signatures) bad signatures; $(cf receipts) receipts in all"
	echo "             outbox: $(cf deliveries_delivered) delivered, $(cf deliveries_pending) pending, $(cf deliveries_failed) failed, $(cf attempts) attempts; $( ((DRAINED == 1)) && echo "drained within ${DRAIN_SECONDS} s after the stream" || echo "NOT drained after ${DRAIN_WAIT} s")"
	grep '^EXAMPLE ' "$WORK/check.txt" | sed 's/^EXAMPLE /example:     /' || true
	echo "log:         'The database is unavailable' x ${WARN_UNAVAILABLE}: ${WARN_TEXT:-none}"
	echo "             'The database is available again' x ${INFO_AVAILABLE}: ${INFO_TEXT:-none}"
	echo "             from the stop on: ${LINES_OUTAGE} lines, ${WARNS_OUTAGE} WARN, ${ERRORS_OUTAGE} ERROR, ${STACKS_OUTAGE} stack-trace lines (${STACKS_ALL} in the whole log); most frequent:"
	cat "$WORK/app-outage-summary.txt"
	echo
	echo "checks:"
	check "only 200 and 503 answers: $(lf LOAD other) other, $(lf LOAD errors) without an answer" "$(lf LOAD other) == 0 && $(lf LOAD errors) == 0 && $(lf LOAD s200) > 0"
	check "the outage was seen: $(lf LOAD s503) answers 503, /readyz left 200" "$(lf LOAD s503) > 0 && ${READYZ_WENT_DOWN:-0} == 1"
	check "no answer slower than ${MAX_LATENCY_MS} ms (max ${MAX_MS} ms)" "MAX_MS_INT < MAX_LATENCY_MS"
	check "nothing answered 200 was lost ($(cf lost))" "$(cf lost) == 0 && $(cf answered_200) > 0"
	check "every committed change delivered ($(cf delivered) of $(cf committed); $(cf missing) missing, $(cf deliveries_pending) pending, $(cf deliveries_failed) failed)" \
		"DRAINED == 1 && $(cf missing) == 0 && $(cf deliveries_pending) == 0 && $(cf deliveries_failed) == 0"
	check "exactly once: $(cf duplicates) duplicate receipts, $(cf duplicate_ids) repeated webhook-ids, $(cf unexpected) unexpected" \
		"$(cf duplicates) == 0 && $(cf duplicate_ids) == 0 && $(cf unexpected) == 0"
	check "in order per session ($(cf order_violations) violations), right status ($(cf status_mismatch)) and signature ($(cf bad_signatures))" \
		"$(cf order_violations) == 0 && $(cf status_mismatch) == 0 && $(cf bad_signatures) == 0"
	check "one WARN 'The database is unavailable' (${WARN_UNAVAILABLE}) and one 'available again' (${INFO_AVAILABLE})" \
		"WARN_UNAVAILABLE == 1 && INFO_AVAILABLE == 1"
	check "no stack trace from the stop on (${STACKS_OUTAGE} lines)" "STACKS_OUTAGE == 0"
	check "not a log line per request: ${OTHER_WARN_ERROR} other WARN/ERROR lines from the stop on (at most ${MAX_OUTAGE_LOG_LINES})" \
		"OTHER_WARN_ERROR <= MAX_OUTAGE_LOG_LINES"
	echo "RESULT:      ${VERDICT}"
} >"$WORK/summary.txt"

cp "$WORK/summary.txt" "$REPORT"
cp "$WORK/app.log" "${OUT_DIR}/db-outage-${STAMP}-service.log"
{
	echo "# load generator: <ms since start> <step> <userId> <sessionId> <status> <latency ms>"
	cat "$WORK/answers.txt"
	echo "# /readyz: <ms since the stream started> <status>"
	cat "$WORK/readyz.txt"
	echo "# receiver: <received ms> <webhook-id> <userId> <sessionId> <sequence> <occurredAt ms> <sig> <status>"
	cat "$WORK/received.txt"
} >"${OUT_DIR}/db-outage-${STAMP}-records.txt"

echo
cat "$WORK/summary.txt"
echo
echo "Report: ${REPORT} (service log and records next to it)"
[[ "$VERDICT" == PASS ]] || exit 1
