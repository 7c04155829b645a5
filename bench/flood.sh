#!/usr/bin/env bash
#
# Issue 7's flood: one user with 200,000 sessions paged through by 16 parallel clients for
# 60 s, plus 1,000 requests whose tokens are signed by a key the service does not know.
#
# What it measures: the production jar (built here with the Maven wrapper) with -Xmx512m
# on 127.0.0.1, against PostgreSQL, with real JWT validation (RS256 against a JWKS served
# locally by bench/jwks-server.py, as in bench/latency.sh). SESSIONS terminal sessions (and two
# history rows each) are seeded by SQL for the one user USER_ID (bench/flood-seed.sql), then
# for DURATION seconds (bench/flood-load.js, Node.js):
#   - CLIENTS clients, one connection each, ask as fast as they are answered
#     GET /ekyc/admin/USER_ID/sessions?start=N&limit=LIMIT, walking nextStart and wrapping,
#     with one token that holds only ekyc.session.get (all clients are the same caller, so
#     the per-client rate limit, 100/s with bursts of 200 by default, answers what goes over
#     it 429: expected, counted; with pages of 1,024 a 2-CPU machine serves fewer than 100
#     pages/s, so there may be none; DISTINCT_CALLERS=1 gives every client its own token);
#     every 200 page is checked (LIMIT items, nextStart);
#   - BAD_KIDS requests, spread evenly over the same DURATION, each with its own token: valid
#     iss, aud, exp and scope, a random kid, signed by a second RSA key that no JWKS serves.
# Checked, and printed with the numbers:
#   - the service stays up: the process is alive and /readyz answers 200 at the end;
#   - every answer is 200, 401 or 429 (any other status, or no answer at all, fails), the
#     paging ones 200/429 and the random-kid ones 401;
#   - its RSS (VmRSS of /proc/<pid>/status, sampled every second from before the flood to
#     its end) stays under Xmx + RSS_MARGIN_MIB (200 MiB);
#   - the JWKS was fetched at most MAX_JWKS_FETCHES (3) times in the whole run (GET
#     /jwks.json lines in the JWKS server's log, less the library's own checks; the first is
#     the service's first check of a good token, before the flood). The service fetches
#     again at most once per 30 s after the last fetch, so the flood's 60 s hold at most 2
#     refreshes: 3 fetches in all (bench/jwks-interval.sh measures the interval);
#   - no OutOfMemoryError and no ERROR line in the service log (reported, failing too).
#
# Run from anywhere (needs java 17+, node 18+, psql, openssl, python3, curl, ss; about 3 min):
#   bench/flood.sh
# Settings (environment): SESSIONS=200000 USER_ID=flood-user CLIENTS=16 DURATION=60 LIMIT=1024
#   BAD_KIDS=1000 BAD_CONCURRENCY=4 DISTINCT_CALLERS=0 HONOUR_RETRY_AFTER=0 (1: paging clients
#   wait Retry-After after a 429) RSS_MARGIN_MIB=200 MAX_JWKS_FETCHES=3
#   JAVA_OPTS="-Xmx512m -XX:+ExitOnOutOfMemoryError" (the image's command line has the latter)
#   APP_PORT=8183 JWKS_PORT=9195 DB_NAME=ekyc_flood_bench PGHOST=127.0.0.1 PGPORT=5432
#   PGUSER=postgres SKIP_BUILD=1 (use the jar as built) JAR=<path> (use that jar) KEEP_DB=1
#   APP_ARGS="--ekyc.rate-limit.requests-per-second=0" (extra service arguments, for experiments)
#   QUIET_WAIT=120 QUIET_PCT=10 (before the flood, wait up to QUIET_WAIT s while other processes
#   use more than QUIET_PCT% of the CPU; the checks do not depend on it, the request rates do)
# Output: a summary on stdout and in bench/out/flood-<date>.txt (git-ignored), the service
# log, the RSS samples and the load generator's per-second counts next to it.
# Exit status: 0 when every check passes, 1 if one fails, 2 when the benchmark could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

SESSIONS="${SESSIONS:-200000}"
USER_ID="${USER_ID:-flood-user}"
CLIENTS="${CLIENTS:-16}"
DURATION="${DURATION:-60}"
LIMIT="${LIMIT:-1024}"
BAD_KIDS="${BAD_KIDS:-1000}"
BAD_CONCURRENCY="${BAD_CONCURRENCY:-4}"
DISTINCT_CALLERS="${DISTINCT_CALLERS:-0}"
HONOUR_RETRY_AFTER="${HONOUR_RETRY_AFTER:-0}"
RSS_MARGIN_MIB="${RSS_MARGIN_MIB:-200}"
MAX_JWKS_FETCHES="${MAX_JWKS_FETCHES:-3}"
APP_PORT="${APP_PORT:-8183}"
JWKS_PORT="${JWKS_PORT:-9195}"
DB_NAME="${DB_NAME:-ekyc_flood_bench}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}"
QUIET_WAIT="${QUIET_WAIT:-120}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/flood-${STAMP}.txt"
RSS_PID=""

bench_cleanup_extra() {
	if [[ -n "$RSS_PID" ]]; then
		kill -TERM "$RSS_PID" 2>/dev/null
		wait "$RSS_PID" 2>/dev/null
	fi
}

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java node psql openssl python3 curl ss
require_free_ports "$APP_PORT" "$JWKS_PORT"
require_postgres
XMX_MIB="$(grep -oE -- '-Xmx[0-9]+[kKmMgG]?' <<<"$JAVA_OPTS" | tail -n 1 |
	awk '{ v = substr($0, 5); u = tolower(substr(v, length(v))); n = v + 0;
		if (u == "g") n *= 1024; else if (u == "k") n /= 1024; else if (u != "m") n /= 1048576; printf "%d", n }')"
[[ -n "$XMX_MIB" && "$XMX_MIB" -gt 0 ]] || die "JAVA_OPTS must set -Xmx (the RSS limit is Xmx + ${RSS_MARGIN_MIB} MiB): ${JAVA_OPTS}"
RSS_LIMIT_MIB=$((XMX_MIB + RSS_MARGIN_MIB))

# --- The jar, the tokens, the database and the service -----------------------------------

build_jar
start_issuer "ekyc.session.get"

log "Signing ${BAD_KIDS} tokens with an unknown key and random kids"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/unknown-key.pem" 2>/dev/null
BAD_CLAIMS="$(jwt_claims "ekyc.session.get" "flood-unknown-key")"
SIGN_STARTED=$SECONDS
for _ in $(seq 1 "$BAD_KIDS"); do
	jwt_sign "$WORK/unknown-key.pem" "$(openssl rand -hex 8)" "$BAD_CLAIMS"
done >"$WORK/bad-tokens.txt"
log "  signed in $((SECONDS - SIGN_STARTED)) s; $(cut -d. -f1 "$WORK/bad-tokens.txt" | sort -u | wc -l) distinct headers"

if [[ "$DISTINCT_CALLERS" == "1" ]]; then
	for i in $(seq 1 "$CLIENTS"); do
		jwt_sign "$WORK/key.pem" "$BENCH_KID" "$(jwt_claims "ekyc.session.get" "flood-client-${i}")"
	done >"$WORK/client-tokens.txt"
	export FLOOD_TOKENS="$WORK/client-tokens.txt"
fi

create_database
# shellcheck disable=SC2119 # no extra service arguments
start_service
SERVICE_ARGS_LINE="$(tr '\0' ' ' </proc/"$APP_PID"/cmdline | sed 's/ -jar [^ ]*/ -jar …/')"

log "Seeding ${SESSIONS} sessions for ${USER_ID} (bench/flood-seed.sql)"
SEED_STARTED=$SECONDS
psql -X -q -d "$DB_NAME" -v sessions="$SESSIONS" -v user_id="$USER_ID" -f "$BENCH_DIR/flood-seed.sql" >/dev/null
psql -X -q -d "$DB_NAME" -c "vacuum (analyze) sessions" -c "vacuum (analyze) session_events" -c "checkpoint"
SEED_SECONDS=$((SECONDS - SEED_STARTED))
TOTAL="$(psql -X -qtA -d "$DB_NAME" -c "select count(*) from sessions where user_id = '${USER_ID}'")"
EVENTS="$(psql -X -qtA -d "$DB_NAME" -c "select count(*) from session_events")"
log "Seeded ${TOTAL} sessions and ${EVENTS} events in ${SEED_SECONDS} s"
((TOTAL == SESSIONS)) || die "expected ${SESSIONS} sessions for ${USER_ID}, found ${TOTAL}"

# --- Sanity checks -----------------------------------------------------------------------

AUTH=(-H "Authorization: Bearer ${BENCH_TOKEN}")
USER_URL="${BASE_URL}/ekyc/admin/${USER_ID}/sessions"
log "Checking the tokens and the endpoint"
expect_status 401 "GET .../sessions without a token" "${USER_URL}?limit=1"
expect_status 200 "GET .../sessions?limit=1 with the ekyc.session.get token" "${AUTH[@]}" "${USER_URL}?limit=1"
expect_status 403 "GET /ekyc/admin with the same token (no ekyc.session.list)" "${AUTH[@]}" "${BASE_URL}/ekyc/admin?limit=1"
LAST_START=$(((TOTAL - 1) / LIMIT * LIMIT))
expect_status 200 "GET .../sessions?start=${LAST_START}&limit=${LIMIT} (the last page)" "${AUTH[@]}" \
	"${USER_URL}?start=${LAST_START}&limit=${LIMIT}"
python3 -c 'import json, sys; p = json.load(open(sys.argv[1])); n = int(sys.argv[2]) - int(sys.argv[3])
assert len(p["items"]) == n and p["nextStart"] is None, (len(p["items"]), p["nextStart"])' \
	"$WORK/check.json" "$TOTAL" "$LAST_START" || die "the last page is not what paging promises"
FETCHES_BEFORE="$(service_jwks_fetches | wc -l)"
log "  the service fetched the JWKS ${FETCHES_BEFORE} time(s) so far"

# --- The flood ---------------------------------------------------------------------------

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0; }
RSS_BEFORE="$(rss_kib)"
wait_quiet
GC_BEFORE="$(gc_totals)"
GC_NAME="$(gc_name)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
(
	trap 'exit 0' TERM
	started="$(date +%s.%N)"
	while kill -0 "$APP_PID" 2>/dev/null; do
		printf '%s %s\n' "$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')" "$(rss_kib)"
		sleep 1
	done
) >"$WORK/rss.txt" &
RSS_PID=$!
log "Flood: ${CLIENTS} paging clients for ${DURATION} s$([[ "$DISTINCT_CALLERS" == "1" ]] && echo " (one caller each)") + ${BAD_KIDS} random-kid requests (RSS ${RSS_BEFORE} KiB before)"
start_sampler flood "$WORK/flood.cpu"
FLOOD_HONOUR_RETRY_AFTER="$HONOUR_RETRY_AFTER" node "$BENCH_DIR/flood-load.js" "$BASE_URL" "$USER_ID" "$TOTAL" \
	"$CLIENTS" "$DURATION" "$LIMIT" "$WORK/bad-tokens.txt" "$BAD_CONCURRENCY" >"$WORK/load.txt" 2>&1 ||
	{ cat "$WORK/load.txt" >&2; die "the load generator failed"; }
stop_sampler
sleep 1 # one more RSS sample after the last answer
kill -TERM "$RSS_PID" 2>/dev/null || true
wait "$RSS_PID" 2>/dev/null || true
RSS_PID=""

# --- After the flood ---------------------------------------------------------------------

ALIVE=0
kill -0 "$APP_PID" 2>/dev/null && ALIVE=1
READYZ="$(curl -sS -o "$WORK/readyz.json" -w '%{http_code}' --max-time 10 "${BASE_URL}/readyz" 2>/dev/null || true)"
READYZ="${READYZ:-000}"
AFTER_CHECK="$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 "${AUTH[@]}" "${USER_URL}?limit=1" 2>/dev/null || true)"
GC_AFTER="$(gc_totals)"
service_jwks_fetches >"$WORK/jwks-service.log"
JWKS_FETCHES="$(wc -l <"$WORK/jwks-service.log")"
# "13:36:39.123 (+24.1 s), ...": when the service fetched the keys, and the time since its previous fetch
JWKS_TIMES="$(python3 -c 'import re, sys
from datetime import datetime
times = [datetime.strptime(m.group(1), "%d/%b/%Y %H:%M:%S.%f") for m in
         (re.search(r"\[([^]]+)\]", line) for line in open(sys.argv[1])) if m]
print(", ".join(t.strftime("%H:%M:%S.%f")[:-3] + (" (+%.1f s)" % (t - times[i - 1]).total_seconds() if i else "")
                for i, t in enumerate(times)))' "$WORK/jwks-service.log")"
JWKS_MIN_GAP="$(python3 -c 'import re, sys
from datetime import datetime
times = [datetime.strptime(m.group(1), "%d/%b/%Y %H:%M:%S.%f") for m in
         (re.search(r"\[([^]]+)\]", line) for line in open(sys.argv[1])) if m]
print("%.1f" % min((b - a).total_seconds() for a, b in zip(times, times[1:])) if len(times) > 1 else "")' "$WORK/jwks-service.log")"
HEAP="$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
	NR == 2 { printf "heap committed %.0f MiB (used %.0f), metaspace %.0f MiB, code cache and the rest outside the heap", ($c["S0C"] + $c["S1C"] + $c["EC"] + $c["OC"]) / 1024, ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024, $c["MC"] / 1024 }' || true)"
THREADS_NOW="$(awk '/^Threads:/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo '?')"
RSS_MAX="$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$WORK/rss.txt")"
RSS_SAMPLES="$(wc -l <"$WORK/rss.txt")"
RSS_LAST="$(tail -n 1 "$WORK/rss.txt" | cut -d' ' -f2)"
OOM_LINES="$(grep -c 'OutOfMemoryError' "$WORK/app.log" || true)"
# Log lines are JSON (ECS, "log":{"level":"WARN",...}) by default, plain text with EKYC_LOG_FORMAT unset to ''.
ERROR_LINES="$(grep -cE '"level":"ERROR"|^[0-9T:.+-]+ +ERROR ' "$WORK/app.log" || true)"
STACK_LINES="$(grep -cE $'\tat |\\\\tat ' "$WORK/app.log" || true)"
WARN_LINES="$(grep -cE '"level":"WARN"|^[0-9T:.+-]+ +WARN ' "$WORK/app.log" || true)"

field() { # tag, kind (or -), key
	local line
	if [[ "$2" == "-" ]]; then
		line="$(grep "^$1 " "$WORK/load.txt" | head -n 1)"
	else
		line="$(grep "^$1 kind=$2 " "$WORK/load.txt" | head -n 1)"
	fi
	tr ' ' '\n' <<<"$line" | sed -n "s/^$3=//p"
}
num() { local v; v="$(field "$@")"; echo "${v:-0}"; }

# --- Summary -----------------------------------------------------------------------------

VERDICT=PASS
check() { # description, condition (arithmetic)
	if (($2)); then
		printf '  ok    %s\n' "$1"
	else
		printf '  FAIL  %s\n' "$1"
		VERDICT=FAIL
	fi
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
row() { # kind, label
	printf '%-22s %9s %8s %8s %8s %7s %9s %8s %8s %8s\n' "$2" "$(num KIND "$1" requests)" "$(num KIND "$1" s200)" \
		"$(num KIND "$1" s401)" "$(num KIND "$1" s429)" "$(num KIND "$1" other)" "$(num KIND "$1" errors)" \
		"$(num KIND "$1" p50_ms)" "$(num KIND "$1" p99_ms)" "$(num KIND "$1" max_ms)"
}
SECONDS_RUN="$(num PAGING - seconds)"

mkdir -p "$OUT_DIR"
{
	echo "ekyc-admin flood (issue 7), $(date -Iseconds)"
	echo "commit:      $(commit_line)"
	echo "jar:         ${JAR#"$PROJECT_DIR"/}, java ${JAVA_OPTS} ($(java -version 2>&1 | head -n 1)), ${GC_NAME}"
	echo "service:     ${SERVICE_ARGS_LINE}"
	echo "database:    $(psql -X -qtA -d postgres -c 'show server_version') at ${PGHOST}:${PGPORT}/${DB_NAME}; ${TOTAL} sessions of ${USER_ID}, ${EVENTS} events, seeded in ${SEED_SECONDS} s"
	echo "machine:     $(nproc) CPUs, load average before the flood ${LOAD_BEFORE}; service, PostgreSQL and load generator share them (shared, noisy machine)"
	echo "load:        ${CLIENTS} clients x GET /ekyc/admin/${USER_ID}/sessions?start=N&limit=${LIMIT} (walking nextStart, wrapping) for ${DURATION} s,"
	echo "             $([[ "$DISTINCT_CALLERS" == "1" ]] && echo "one token and caller per client" || echo "one token (only ekyc.session.get), one caller"), 429 $([[ "$HONOUR_RETRY_AFTER" == "1" ]] && echo "waits Retry-After" || echo "asked again at once");"
	echo "             + ${BAD_KIDS} GET .../sessions?limit=1 with tokens of an unknown key and random kids, spread over ${DURATION} s, ${BAD_CONCURRENCY} at most at a time"
	echo
	printf '%-22s %9s %8s %8s %8s %7s %9s %8s %8s %8s\n' kind requests 200 401 429 other "no answer" "p50 ms" "p99 ms" "max ms"
	row paging "paging (${CLIENTS} clients)"
	row badkid "random kid"
	row all "all"
	echo
	echo "statuses:    paging $(field KIND paging statuses); random kid $(field KIND badkid statuses)"
	echo "pages:       $(num PAGING - pages_ok) pages of ${LIMIT} checked ok ($(num PAGING - items) sessions, $(num PAGING - mbytes) MiB of JSON, $(num PAGING - wraps) wrap-arounds), $(num PAGING - bad_pages) wrong pages; $(awk -v n="$(num KIND paging s200)" -v s="$SECONDS_RUN" 'BEGIN { printf "%.0f", n / s }') pages/s, $(awk -v n="$(num KIND paging requests)" -v s="$SECONDS_RUN" 'BEGIN { printf "%.0f", n / s }') paging requests/s over ${SECONDS_RUN} s"
	grep '^FIRST ' "$WORK/load.txt" | sed 's/^FIRST /first:       /' || true
	echo "memory:      RSS max $(mib "$RSS_MAX") MiB (${RSS_SAMPLES} samples, 1/s), $(mib "$RSS_BEFORE") MiB before the flood, $(mib "${RSS_LAST:-0}") MiB at the end; limit ${XMX_MIB} + ${RSS_MARGIN_MIB} = ${RSS_LIMIT_MIB} MiB"
	echo "             after the flood: ${HEAP:-heap unknown}; ${THREADS_NOW} threads"
	echo "gc:          $(awk -v b="$GC_BEFORE" -v a="$GC_AFTER" 'BEGIN { split(b, x, " "); split(a, y, " "); printf "%d collections, %.0f ms during the flood", y[1] - x[1], (y[2] - x[2]) * 1000 }')"
	echo "jwks:        the service fetched it ${JWKS_FETCHES} times in the whole run (${FETCHES_BEFORE} before the flood, at its first token): ${JWKS_TIMES:-never}"
	if [[ -n "$JWKS_MIN_GAP" ]] && awk -v g="$JWKS_MIN_GAP" 'BEGIN { exit !(g < 29.5) }'; then
		echo "note:        two fetches of the keys only ${JWKS_MIN_GAP} s apart, although API.md promises at most one per 30 s (bench/jwks-interval.sh shows how close they can come)"
	fi
	echo "after:       process $([[ $ALIVE == 1 ]] && echo alive || echo GONE), /readyz ${READYZ}, GET .../sessions?limit=1 with the good token ${AFTER_CHECK:-000}"
	echo "log:         ${ERROR_LINES} ERROR, ${WARN_LINES} WARN lines, ${STACK_LINES} stack-trace lines, ${OOM_LINES} OutOfMemoryError"
	cat "$WORK/flood.cpu"
	share="$(sed -n 's/.*other_share=\([0-9]*\)%.*/\1/p' "$WORK/flood.cpu")"
	if ((${share:-0} >= 10)); then
		echo "note:        other processes took ${share}% of the CPU during the flood (shared machine)"
	fi
	echo
	echo "checks:"
	check "the service stayed up: process alive, /readyz 200 (${READYZ})" "ALIVE == 1 && READYZ == 200"
	check "every answer 200, 401 or 429: $(num KIND all other) other statuses, $(num KIND all errors) without an answer" \
		"$(num KIND all other) == 0 && $(num KIND all errors) == 0 && $(num KIND all requests) > 0"
	check "paging answered only 200/429 ($(num KIND paging s200) + $(num KIND paging s429) of $(num KIND paging requests)), at least one page served, every page right ($(num PAGING - bad_pages) wrong)" \
		"$(num KIND paging s200) + $(num KIND paging s429) == $(num KIND paging requests) && $(num KIND paging s200) > 0 && $(num PAGING - bad_pages) == 0"
	check "all ${BAD_KIDS} random-kid requests answered 401 ($(num KIND badkid s401))" "$(num KIND badkid s401) == BAD_KIDS"
	check "RSS max $(mib "$RSS_MAX") MiB < ${RSS_LIMIT_MIB} MiB (-Xmx ${XMX_MIB} MiB + ${RSS_MARGIN_MIB})" "RSS_MAX > 0 && RSS_MAX < RSS_LIMIT_MIB * 1024"
	check "JWKS fetched at most ${MAX_JWKS_FETCHES} times (${JWKS_FETCHES})" "JWKS_FETCHES <= MAX_JWKS_FETCHES"
	check "no OutOfMemoryError (${OOM_LINES}) and no ERROR log line (${ERROR_LINES})" "OOM_LINES == 0 && ERROR_LINES == 0"
	echo "RESULT:      ${VERDICT}"
} >"$WORK/summary.txt"

cp "$WORK/summary.txt" "$REPORT"
cp "$WORK/app.log" "${OUT_DIR}/flood-${STAMP}-service.log"
{
	echo "# seconds since the sampler started, VmRSS KiB"
	cat "$WORK/rss.txt"
	echo "# load generator output (answers per second by status)"
	cat "$WORK/load.txt"
	echo "# JWKS server log"
	cat "$WORK/jwks.log"
} >"${OUT_DIR}/flood-${STAMP}-samples.txt"

echo
cat "$WORK/summary.txt"
echo
echo "Report: ${REPORT} (service log and samples next to it: flood-${STAMP}-service.log, flood-${STAMP}-samples.txt)"
[[ "$VERDICT" == PASS ]] || exit 1
