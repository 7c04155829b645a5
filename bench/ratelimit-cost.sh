#!/usr/bin/env bash
#
# What the per-client rate limiter (issue 7, ekyc.rate-limit.*) costs: the throughput of
# GET /ekyc/admin/{userId}/status with the limiter off and with it on but set too high to
# ever trigger.
#
# What it measures: the production jar (built here with the Maven wrapper) on 127.0.0.1,
# against PostgreSQL seeded with SESSIONS sessions for USERS users (bench/seed.sql), with real
# JWT validation (as bench/latency.sh), answering GET /ekyc/admin/user-<random>/status with
# one token (one caller, so one bucket: the limiter's hot path on every request), driven by
# wrk -t THREADS -c CONNECTIONS for DURATION after WARMUP of the same load (not counted). The
# service is restarted for every run, alternately
#   off: --ekyc.rate-limit.requests-per-second=0
#   on:  --ekyc.rate-limit.requests-per-second=ON_RPS --ekyc.rate-limit.burst=ON_BURST
#        (1,000,000/s with bursts of 10,000,000: the bucket never runs dry, no 429)
# ROUNDS times (off, on, off, on, ...), then once more off (BRACKET=1), so that drift on this
# shared 2-CPU machine hits both alike. Reported per run: requests/s, p50, p99, the service's
# CPU time per request (from /proc, less sensitive to other load than requests/s) and the CPU
# share other processes took. The cost: 1 - on/off of the requests/s, every "on" run
# against the mean of the "off" runs before and after it (a linear drift cancels), averaged
# over the rounds; the plain means and medians and the CPU time per request are shown too.
# PASS when the cost is under MAX_COST_PCT (5 %) and every answer was 200 (non-2xx and socket
# errors 0); the "on" runs must carry the RateLimit headers and the "off" runs none. When
# the rounds disagree by more than MAX_COST_PCT points, or "on" comes out more than
# MAX_COST_PCT faster, a note says the verdict is uncertain. Beware: on the shared 2-CPU
# machine this was written on, fresh JVMs of the same mode differed by 10 to 50 % from run to
# run, even with the machine otherwise idle, far more than the 5 % to be told.
#
# Run from anywhere (needs java 17+, psql, wrk, openssl, python3, curl; apt-get install wrk;
# about 5 min, more while other work keeps the CPUs busy):
#   bench/ratelimit-cost.sh
# Settings (environment): SESSIONS=100000 USERS=40000 THREADS=2 CONNECTIONS=32 DURATION=20s
#   WARMUP=5s ROUNDS=2 BRACKET=1 (a last "off" run after the last "on") ON_RPS=1000000
#   ON_BURST=10000000 MAX_COST_PCT=5 APP_PORT=8184
#   JWKS_PORT=9196 DB_NAME=ekyc_rl_bench PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#   SKIP_BUILD=1 (use the jar as built) JAR=<path> (use that jar) KEEP_DB=1 JAVA_OPTS="-Xmx512m"
#   APP_ARGS="--some.property=value" (extra service arguments, both modes)
#   QUIET_WAIT=60 QUIET_PCT=10 (before each measured run, wait up to QUIET_WAIT s while other
#   processes use more than QUIET_PCT% of the CPU)
# Output: a summary on stdout and in bench/out/ratelimit-cost-<date>.txt (git-ignored).
# Exit status: 0 when the cost is under the target and all answers were 200, 1 if not, 2 when
# the benchmark could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

SESSIONS="${SESSIONS:-100000}"
USERS="${USERS:-40000}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
ROUNDS="${ROUNDS:-2}"
ON_RPS="${ON_RPS:-1000000}"
ON_BURST="${ON_BURST:-10000000}"
BRACKET="${BRACKET:-1}"
MAX_COST_PCT="${MAX_COST_PCT:-5}"
APP_PORT="${APP_PORT:-8184}"
JWKS_PORT="${JWKS_PORT:-9196}"
DB_NAME="${DB_NAME:-ekyc_rl_bench}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
QUIET_WAIT="${QUIET_WAIT:-60}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/ratelimit-cost-${STAMP}.txt"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java psql wrk openssl python3 curl ss
require_free_ports "$APP_PORT" "$JWKS_PORT"
require_postgres
((ROUNDS >= 1)) || die "ROUNDS must be at least 1"

OFF_ARGS=(--ekyc.rate-limit.requests-per-second=0)
ON_ARGS=(--ekyc.rate-limit.requests-per-second="$ON_RPS" --ekyc.rate-limit.burst="$ON_BURST")

# --- The jar, the token, the database ----------------------------------------------------

build_jar
start_issuer "ekyc.session.get"
export BENCH_LUA_DIR="$BENCH_DIR"
create_database
start_service "${OFF_ARGS[@]}" # Flyway makes the schema
log "Seeding ${SESSIONS} sessions for ${USERS} users (bench/seed.sql)"
SEED_STARTED=$SECONDS
psql -X -q -d "$DB_NAME" -v sessions="$SESSIONS" -v users="$USERS" -f "$BENCH_DIR/seed.sql" >/dev/null
psql -X -q -d "$DB_NAME" -c "vacuum (analyze) sessions" -c "vacuum (analyze) session_events" -c "checkpoint"
SEED_SECONDS=$((SECONDS - SEED_STARTED))
log "Seeded in ${SEED_SECONDS} s"
stop_service

# --- Runs --------------------------------------------------------------------------------

AUTH=(-H "Authorization: Bearer ${BENCH_TOKEN}")

run_wrk() { # output name, duration
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 10s --latency \
		-s "$BENCH_DIR/status.lua" "${BASE_URL}/ekyc/admin/x/status" -- "$USERS" >"$WORK/$1.txt" 2>&1 \
		|| { cat "$WORK/$1.txt" >&2; die "wrk failed ($1)"; }
	grep -q '^BENCH ' "$WORK/$1.txt" || { cat "$WORK/$1.txt" >&2; die "no summary from wrk ($1)"; }
}

# One run: a fresh service in the given mode, its headers checked, WARMUP, then DURATION measured.
run() { # name, mode (off | on)
	local name=$1 mode=$2 headers
	if [[ "$mode" == "on" ]]; then
		start_service "${ON_ARGS[@]}"
	else
		start_service "${OFF_ARGS[@]}"
	fi
	headers="$(curl -sS -D - -o "$WORK/check.json" -w '%{http_code}' "${AUTH[@]}" "${BASE_URL}/ekyc/admin/user-0000001/status")"
	[[ "$headers" == *200 ]] || die "${name}: GET /ekyc/admin/user-0000001/status did not answer 200: ${headers}"
	if [[ "$mode" == "on" ]]; then
		grep -qi '^RateLimit-Policy: .*q=' <<<"$headers" || die "${name}: the limit is on but the answer has no RateLimit-Policy header"
		log "  ${name}: $(grep -i '^RateLimit-Policy:' <<<"$headers" | tr -d '\r')"
	else
		! grep -qi '^RateLimit' <<<"$headers" || die "${name}: the limit is off but the answer has RateLimit headers"
		log "  ${name}: no RateLimit headers (limit off)"
	fi
	log "${name} (limit ${mode}): warm-up ${WARMUP}"
	run_wrk "${name}-warmup" "$WARMUP"
	wait_quiet
	log "${name} (limit ${mode}): measuring ${DURATION} (wrk -t${THREADS} -c${CONNECTIONS})"
	start_sampler "$name" "$WORK/$name.cpu"
	run_wrk "$name" "$DURATION"
	stop_sampler
	log "  $(grep '^BENCH ' "$WORK/$name.txt" | cut -c7-)"
	cp "$WORK/app.log" "$WORK/$name.app.log"
	stop_service
}

service_cpu() { # cpu file: the service's CPU seconds in the run
	sed -n 's/.*; service \([0-9.]*\),.*/\1/p' "$1"
}
other_share() { # cpu file
	sed -n 's/.*other_share=\([0-9]*\)%.*/\1/p' "$1"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
NAMES=()
for round in $(seq 1 "$ROUNDS"); do
	for mode in off on; do
		run "${mode}-${round}" "$mode"
		NAMES+=("${mode}-${round}")
	done
done
if [[ "$BRACKET" == "1" ]]; then
	run "off-$((ROUNDS + 1))" off
	NAMES+=("off-$((ROUNDS + 1))")
fi

# --- Summary -----------------------------------------------------------------------------

ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
values_of() { # mode, key: that mode's runs' values, one a line
	local name
	for name in "${NAMES[@]}"; do
		if [[ "$name" == "$1"-* ]]; then
			wrk_field "$WORK/$name.txt" "$2"
		fi
	done
}
mean_of() { # mode, key: the mean over that mode's runs
	values_of "$1" "$2" | awk '{ s += $1; n++ } END { printf "%.1f", s / n }'
}
median_of() { # mode, key
	values_of "$1" "$2" | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
spread_of() { # mode, key: (max - min) / mean, in %: how far runs of the same mode disagree
	values_of "$1" "$2" | awk 'NR == 1 { lo = hi = $1 } { s += $1; if ($1 < lo) lo = $1; if ($1 > hi) hi = $1 }
		END { printf "%.1f", 100 * (hi - lo) / (s / NR) }'
}
cpu_us_per_request() { # name
	awk -v c="$(service_cpu "$WORK/$1.cpu")" -v n="$(wrk_field "$WORK/$1.txt" requests)" \
		'BEGIN { if (n > 0 && c != "") printf "%.0f", c * 1e6 / n; else printf "?" }'
}
mean_cpu_us() { # mode
	local name
	for name in "${NAMES[@]}"; do
		if [[ "$name" == "$1"-* ]]; then
			cpu_us_per_request "$name"
			echo
		fi
	done | awk '$1 != "?" { s += $1; n++ } END { if (n) printf "%.0f", s / n; else printf "?" }'
}

VERDICT=PASS
BAD_ANSWERS=0
for name in "${NAMES[@]}"; do
	BAD_ANSWERS=$((BAD_ANSWERS + $(wrk_field "$WORK/$name.txt" non2xx) + $(wrk_field "$WORK/$name.txt" socket_errors)))
	(($(wrk_field "$WORK/$name.txt" ok2xx) > 0)) || BAD_ANSWERS=$((BAD_ANSWERS + 1))
done
OFF_RPS="$(mean_of off rps)"
ON_RPS_MEAN="$(mean_of on rps)"
MEAN_COST_PCT="$(awk -v on="$ON_RPS_MEAN" -v off="$OFF_RPS" 'BEGIN { printf "%.1f", 100 * (1 - on / off) }')"
MEDIAN_COST_PCT="$(awk -v on="$(median_of on rps)" -v off="$(median_of off rps)" 'BEGIN { printf "%.1f", 100 * (1 - on / off) }')"
# Each "on" run against the "off" runs on either side of it (the one before it alone without
# BRACKET): a drift of the machine's speed that is linear over the two cancels out.
ROUND_COSTS=()
ROUND_TEXT=()
for round in $(seq 1 "$ROUNDS"); do
	off_ref="$(wrk_field "$WORK/off-${round}.txt" rps)"
	if [[ -f "$WORK/off-$((round + 1)).txt" ]]; then
		off_ref="$(awk -v a="$off_ref" -v b="$(wrk_field "$WORK/off-$((round + 1)).txt" rps)" 'BEGIN { printf "%.1f", (a + b) / 2 }')"
	fi
	ROUND_COSTS+=("$(awk -v on="$(wrk_field "$WORK/on-${round}.txt" rps)" -v off="$off_ref" 'BEGIN { printf "%.1f", 100 * (1 - on / off) }')")
	ROUND_TEXT+=("on-${round} $(wrk_field "$WORK/on-${round}.txt" rps) vs ${off_ref}: ${ROUND_COSTS[-1]} %")
done
COST_PCT="$(printf '%s\n' "${ROUND_COSTS[@]}" | awk '{ s += $1 } END { printf "%.1f", s / NR }')"
SPREAD_PCT="$(printf '%s\n' "${ROUND_COSTS[@]}" | awk 'NR == 1 { lo = hi = $1 } { if ($1 < lo) lo = $1; if ($1 > hi) hi = $1 } END { printf "%.1f", hi - lo }')"
ROUND_LINE="$(printf '%s; ' "${ROUND_TEXT[@]}")"
NOISE_PCT="$(awk -v a="$(spread_of off rps)" -v b="$(spread_of on rps)" 'BEGIN { printf "%.1f", (a > b) ? a : b }')"
CPU_COST_PCT="$(awk -v on="$(mean_cpu_us on)" -v off="$(mean_cpu_us off)" 'BEGIN { if (on == "?" || off == "?" || off == 0) printf "?"; else printf "%.1f", 100 * (on / off - 1) }')"
COST_OK="$(awk -v c="$COST_PCT" -v m="$MAX_COST_PCT" 'BEGIN { print (c < m) ? 1 : 0 }')"
((COST_OK == 1 && BAD_ANSWERS == 0)) || VERDICT=FAIL

mkdir -p "$OUT_DIR"
{
	echo "ekyc-admin rate limiter cost, $(date -Iseconds)"
	echo "commit:      $(commit_line)"
	echo "jar:         ${JAR#"$PROJECT_DIR"/}, java ${JAVA_OPTS} ($(java -version 2>&1 | head -n 1))${APP_ARGS:+, service arguments: ${APP_ARGS}}"
	echo "database:    $(psql -X -qtA -d postgres -c 'show server_version') at ${PGHOST}:${PGPORT}/${DB_NAME}; ${SESSIONS} sessions for ${USERS} users (bench/seed.sql) seeded in ${SEED_SECONDS} s"
	echo "machine:     $(nproc) CPUs, load average before the runs ${LOAD_BEFORE}; wrk, service and PostgreSQL share them (shared, noisy machine)"
	echo "load:        GET /ekyc/admin/user-<random 1..${USERS}>/status, one token (one caller), wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency after ${WARMUP} warm-up, a fresh service per run"
	echo "modes:       off = ${OFF_ARGS[*]}"
	echo "             on  = ${ON_ARGS[*]}"
	echo
	printf '%-7s %6s %10s %9s %9s %9s %9s %9s %12s %8s\n' run limit "req/s" "p50 ms" "p99 ms" requests non-2xx sock.err "svc CPU us/r" "other %"
	for name in "${NAMES[@]}"; do
		f="$WORK/$name.txt"
		printf '%-7s %6s %10s %9s %9s %9s %9s %9s %12s %8s\n' "$name" "${name%-*}" "$(wrk_field "$f" rps)" \
			"$(ms "$(wrk_field "$f" p50_us)")" "$(ms "$(wrk_field "$f" p99_us)")" "$(wrk_field "$f" requests)" \
			"$(wrk_field "$f" non2xx)" "$(wrk_field "$f" socket_errors)" "$(cpu_us_per_request "$name")" "$(other_share "$WORK/$name.cpu")"
	done
	echo
	echo "mean:        off ${OFF_RPS} req/s, p50 $(ms "$(mean_of off p50_us)") ms, p99 $(ms "$(mean_of off p99_us)") ms, service CPU $(mean_cpu_us off) us/request"
	echo "             on  ${ON_RPS_MEAN} req/s, p50 $(ms "$(mean_of on p50_us)") ms, p99 $(ms "$(mean_of on p99_us)") ms, service CPU $(mean_cpu_us on) us/request"
	echo "median:      off $(median_of off rps) req/s, on $(median_of on rps) req/s"
	echo "cost:        1 - on/off = ${COST_PCT} % of the requests/s, the mean over the rounds of each on run against $([[ "$BRACKET" == "1" ]] && echo "the mean of the off runs before and after it" || echo "the off run before it")"
	echo "             (${ROUND_LINE%; }); the rounds' costs range over ${SPREAD_PCT} points"
	echo "             from the means of all runs: ${MEAN_COST_PCT} %, from the medians: ${MEDIAN_COST_PCT} %"
	echo "cpu cost:    the service's CPU time per request, on/off - 1 = ${CPU_COST_PCT} % (less sensitive to other load than requests/s)"
	echo "noise:       runs of the same mode differ by up to ${NOISE_PCT} % (max - min over mean; off $(spread_of off rps) %, on $(spread_of on rps) %), drift included"
	echo "status codes: $(for name in "${NAMES[@]}"; do printf '%s %s; ' "$name" "$(wrk_field "$WORK/$name.txt" statuses)"; done)"
	for name in "${NAMES[@]}"; do
		cat "$WORK/$name.cpu"
	done
	for name in "${NAMES[@]}"; do
		share="$(other_share "$WORK/$name.cpu")"
		if ((${share:-0} >= 10)); then
			echo "note:        other processes took ${share}% of the CPU during ${name}: its numbers are noisy; rerun on a quiet machine"
		fi
	done
	echo
	echo "checks:"
	if ((COST_OK == 1)); then echo "  ok    cost ${COST_PCT} % < ${MAX_COST_PCT} %"; else echo "  FAIL  cost ${COST_PCT} % >= ${MAX_COST_PCT} %"; fi
	if ((BAD_ANSWERS == 0)); then echo "  ok    every answer 200 (non-2xx and socket errors 0 in every run)"; else echo "  FAIL  ${BAD_ANSWERS} non-2xx answers or socket errors"; fi
	if awk -v c="$COST_PCT" -v m="$MAX_COST_PCT" 'BEGIN { exit !(c <= -m) }'; then
		echo "  note  uncertain: with the limiter on the service was ${COST_PCT#-} % faster, which the limiter cannot do: what is measured here is the difference between runs (fresh JVMs, JIT, caches, other load), not the limiter"
	fi
	if ((ROUNDS >= 2)) && awk -v n="$SPREAD_PCT" -v m="$MAX_COST_PCT" 'BEGIN { exit !(n >= m) }'; then
		echo "  note  uncertain: the rounds' costs range over ${SPREAD_PCT} points, more than the ${MAX_COST_PCT} % to be told apart; rerun on a quieter machine (more ROUNDS, longer WARMUP)"
	fi
	echo "RESULT:      ${VERDICT}"
} >"$WORK/summary.txt"

{
	cat "$WORK/summary.txt"
	for name in "${NAMES[@]}"; do
		echo
		echo "----- wrk output: ${name} -----"
		cat "$WORK/$name.txt"
	done
} >"$REPORT"

echo
cat "$WORK/summary.txt"
echo
echo "Report: ${REPORT}"
[[ "$VERDICT" == PASS ]] || exit 1
