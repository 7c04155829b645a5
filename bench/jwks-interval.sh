#!/usr/bin/env bash
#
# How close together can tokens with unknown key ids make the service fetch the issuer's
# keys? API.md (issue 7, row 10): "at most once per 30 seconds, whatever the number of such
# tokens".
#
# What it measures: the production jar (built here with the Maven wrapper) on 127.0.0.1 with
# its JWKS served locally (bench/jwks-server.py logs every fetch to the millisecond), as in
# bench/flood.sh. After one good token (the first fetch):
#   1. a token of an unknown key with a random kid every PROBE_SPACING s until the service
#      has fetched the keys twice more: the times of these refreshes show when the service
#      lets a refresh through;
#   2. nothing for a while, then one random-kid token GAP_BEFORE s (29) after the last
#      refresh plus INTERVAL, and another GAP_AFTER s (1.5) later.
# A limiter that lets a fetch through only INTERVAL (30) s after the previous one refreshes at
# most once in step 2's pair (the first of the pair comes 59 s after the previous fetch, so
# it may refresh; the second, 1.5 s later, may not). One that refills its single permit on
# a fixed 30 s grid (Bucket4j refillIntervally, whose grid starts when the bucket is made)
# refreshes for both, GAP_AFTER s apart, when step 1 found the grid.
# PASS when no two fetches of the service are less than INTERVAL - SLACK s (1 s) apart.
#
# Run from anywhere (needs java 17+, psql, openssl, python3, curl, ss; about 2.5 min):
#   bench/jwks-interval.sh
# Settings (environment): INTERVAL=30 SLACK=1 PROBE_SPACING=0.2 GAP_BEFORE=29 GAP_AFTER=1.5
#   APP_PORT=8186 JWKS_PORT=9199 DB_NAME=ekyc_jwks_bench PGHOST=127.0.0.1 PGPORT=5432
#   PGUSER=postgres SKIP_BUILD=1 (use the jar as built) JAR=<path> (use that jar)
#   JAVA_OPTS="-Xmx512m" APP_ARGS="..." (extra service arguments)
# Output: the fetch times and a PASS/FAIL line on stdout and in bench/out/jwks-interval-<date>.txt.
# Exit status: 0 on PASS, 1 on FAIL, 2 when it could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

INTERVAL="${INTERVAL:-30}"
SLACK="${SLACK:-1}"
PROBE_SPACING="${PROBE_SPACING:-0.2}"
GAP_BEFORE="${GAP_BEFORE:-29}"
GAP_AFTER="${GAP_AFTER:-1.5}"
APP_PORT="${APP_PORT:-8186}"
JWKS_PORT="${JWKS_PORT:-9199}"
DB_NAME="${DB_NAME:-ekyc_jwks_bench}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
QUIET_WAIT="${QUIET_WAIT:-0}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/jwks-interval-${STAMP}.txt"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java psql openssl python3 curl ss
require_free_ports "$APP_PORT" "$JWKS_PORT"
require_postgres

build_jar
start_issuer "ekyc.session.get"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/unknown-key.pem" 2>/dev/null
CLAIMS="$(jwt_claims "ekyc.session.get" "jwks-interval-probe")"
create_database
# shellcheck disable=SC2119 # no extra service arguments
start_service

URL="${BASE_URL}/ekyc/admin/probe-user/sessions?limit=1"
random_kid_request() { # prints the answer's status
	curl -sS -o /dev/null -w '%{http_code}' --max-time 10 \
		-H "Authorization: Bearer $(jwt_sign "$WORK/unknown-key.pem" "$(openssl rand -hex 8)" "$CLAIMS")" "$URL"
}
fetch_epoch() { # n: the service's n-th fetch, as Unix seconds
	service_jwks_fetches | sed -n "${1}p" | sed -E 's/.*\[([^]]+)\].*/\1/' |
		python3 -c 'import sys, datetime; print(datetime.datetime.strptime(sys.stdin.read().strip(), "%d/%b/%Y %H:%M:%S.%f").timestamp())'
}
fetches() { service_jwks_fetches | wc -l; }

expect_status 200 "GET .../sessions?limit=1 with the good token (the first fetch)" \
	-H "Authorization: Bearer ${BENCH_TOKEN}" "$URL"
OTHER=()
log "Step 1: a random-kid token every ${PROBE_SPACING} s until two refreshes"
STEP1_STARTED=$SECONDS
while (($(fetches) < 3)); do
	code="$(random_kid_request)"
	[[ "$code" == 401 ]] || OTHER+=("$code")
	((SECONDS - STEP1_STARTED < 4 * INTERVAL)) || die "no two refreshes within $((4 * INTERVAL)) s"
	sleep "$PROBE_SPACING"
done
LAST="$(fetch_epoch 3)"
log "  refreshes at $(service_jwks_fetches | sed -n '2,3p' | sed -E 's/.*\[[^ ]+ ([^]]+)\].*/\1/' | paste -sd' ' -)"
log "Step 2: quiet, then a random-kid token at the last refresh + ${INTERVAL} + ${GAP_BEFORE} s and another ${GAP_AFTER} s later"
python3 -c "import time; time.sleep(max(0.0, $LAST + $INTERVAL + $GAP_BEFORE - time.time()))"
FIRST_AT="$(date +%T.%3N)"
code="$(random_kid_request)"
[[ "$code" == 401 ]] || OTHER+=("$code")
sleep "$GAP_AFTER"
SECOND_AT="$(date +%T.%3N)"
code="$(random_kid_request)"
[[ "$code" == 401 ]] || OTHER+=("$code")
sleep 0.5

TIMES="$(service_jwks_fetches | sed -E 's/.*\[([^]]+)\].*/\1/' | python3 -c 'import sys, datetime
times = [datetime.datetime.strptime(line.strip(), "%d/%b/%Y %H:%M:%S.%f") for line in sys.stdin if line.strip()]
for i, t in enumerate(times):
    print("  " + t.strftime("%H:%M:%S.%f")[:-3] + ("  (+%.2f s)" % (t - times[i - 1]).total_seconds() if i else "  (first token)"))')"
MIN_GAP="$(service_jwks_fetches | sed -E 's/.*\[([^]]+)\].*/\1/' | python3 -c 'import sys, datetime
times = [datetime.datetime.strptime(line.strip(), "%d/%b/%Y %H:%M:%S.%f") for line in sys.stdin if line.strip()]
print("%.2f" % min((b - a).total_seconds() for a, b in zip(times, times[1:])))')"
VERDICT="$(awk -v g="$MIN_GAP" -v i="$INTERVAL" -v s="$SLACK" -v other="${#OTHER[@]}" 'BEGIN { print (g >= i - s && other == 0) ? "PASS" : "FAIL" }')"

mkdir -p "$OUT_DIR"
{
	echo "ekyc-admin JWKS refresh interval, $(date -Iseconds)"
	echo "commit:      $(commit_line)"
	echo "jar:         ${JAR#"$PROJECT_DIR"/}, java ${JAVA_OPTS}"
	echo "step 2:      random-kid tokens sent at ${FIRST_AT} and ${SECOND_AT}"
	echo "fetches of ${ISSUER}/jwks.json by the service:"
	echo "$TIMES"
	echo "answers:     every random-kid token 401$( ((${#OTHER[@]} == 0)) || echo "? NO: also ${OTHER[*]}")"
	echo "shortest interval between two fetches: ${MIN_GAP} s (promised: at least ${INTERVAL} s, ${SLACK} s slack)"
	echo "RESULT:      ${VERDICT}"
} >"$WORK/summary.txt"
cp "$WORK/summary.txt" "$REPORT"
echo
cat "$WORK/summary.txt"
echo
echo "Report: ${REPORT}"
[[ "$VERDICT" == PASS ]] || exit 1
