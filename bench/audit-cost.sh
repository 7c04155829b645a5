#!/usr/bin/env bash
#
# What recording reads in the audit trail costs the read path: the same seeded database
# (SESSIONS sessions of USERS users), served in turn by a jar without the audit trail
# (the baseline: this commit with recording switched off, built in a clone, or the jar
# BASELINE_JAR names), ROUNDS times each, alternating (baseline first in odd rounds, audited
# first in even ones: the trail grows only in audited turns, and whichever jar always came
# second met a bigger database) so that drift of the machine falls on
# both alike.
# Each turn starts the jar and, read by read, warms the read up for WARMUP, runs it on until
# the JIT compilers are done with it (their threads used less than JIT_SETTLED_MS of CPU in
# 10 s, at most SETTLE_MAX more: on a 2-CPU machine shared with PostgreSQL and wrk, C2 still took
# a whole CPU a minute after start, and whichever read came first measured it; counting
# compilations instead never settles, as a few dozen small ones a second go on for
# minutes at no cost worth naming; on a slower machine the first read still had C2 at 2 s of
# CPU in 10 s after 90 s, and its turns spread from 4,260 to 6,672 requests/s), then measures it for
# DURATION (wrk, CONNECTIONS connections): GET /ekyc/admin/{userId}/status and
# GET /ekyc/admin/{userId}/sessions of random users, one session
# GET /ekyc/admin/{userId}/sessions/{sessionId}, and a page of 50, GET /ekyc/admin?limit=50.
# The jar without the audit trail ignores the newer schema (Flyway leaves future migrations
# alone).
#
# Each measured run also samples the CPU (bench/cpu-share.py) and divides the service's and
# its PostgreSQL backends' CPU time by the requests answered: what one read costs the machine,
# which tells a dearer read from a machine that was busy with something else.
#
# Target: the median requests/s of this build >= 0.90 x the baseline's, for every read; and the
# median CPU per read of this build <= 1/0.90 x the baseline's.
#
# Run from anywhere (needs java 17+, psql, wrk, jq, openssl, python3, curl, on Linux: /proc):
#   bench/audit-cost.sh
# Settings (environment): ROUNDS=3 SESSIONS=1000000 USERS=400000 THREADS=2 CONNECTIONS=32
#   AUDIT_RECORDS=0 (records already in the trail before the rounds, sealed: a trail of
#   years holds many millions, and what a record costs depends on how big its indexes are)
#   DURATION=15s WARMUP=30s (each read) JIT_SETTLED_MS=200 SETTLE_MAX=180 (seconds, each read)
#   APP_PORT=8185 MGMT_PORT=8186 JWKS_PORT=9193
#   DB_NAME=ekyc_audit_cost SKIP_BUILD=1 JAR=<path of this build> KEEP_DB=1
#   READS_ONLY="status sessions" (some of the four reads only, for a shorter run)
#   BASELINE_JAR=<path of the jar to compare with, instead of building one>
#   JAVA_OPTS (default: the Dockerfile's JAVA_TOOL_OPTIONS plus -XX:+ExitOnOutOfMemoryError)
# Output: a table on stdout and in bench/out/audit-cost-<date>.txt (git-ignored).
# Exit status: 0 when the target is met, 1 if not, 2 when the benchmark could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

ROUNDS="${ROUNDS:-3}"
SESSIONS="${SESSIONS:-1000000}"
USERS="${USERS:-400000}"
AUDIT_RECORDS="${AUDIT_RECORDS:-0}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-30s}"
APP_PORT="${APP_PORT:-8185}"
MGMT_PORT="${MGMT_PORT:-8186}"
JWKS_PORT="${JWKS_PORT:-9193}"
DB_NAME="${DB_NAME:-ekyc_audit_cost}"
QUIET_WAIT="${QUIET_WAIT:-60}"
QUIET_PCT="${QUIET_PCT:-10}"
JIT_SETTLED_MS="${JIT_SETTLED_MS:-200}"
SETTLE_MAX="${SETTLE_MAX:-180}"
CLOCK_TICKS="$(getconf CLK_TCK)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DOCKER_OPTS="$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' "$PROJECT_DIR/Dockerfile" | head -n 1)"
JAVA_OPTS="${JAVA_OPTS:-${DOCKER_OPTS:--Xmx512m} -XX:+ExitOnOutOfMemoryError}"
TARGET=0.90

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/audit-cost-${STAMP}.txt"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# The last commit (local changes are not in it) with AuditTrail.admit returning at once:
# the same service, recording nothing. Built in a clone in $WORK; sets BASELINE_JAR.
build_baseline() {
	local clone="$WORK/baseline" trail=src/main/java/com/ekyc/admin/audit/AuditTrail.java
	log "Building the baseline: $(git -C "$PROJECT_DIR" rev-parse --short HEAD) with recording switched off"
	git clone -q "$PROJECT_DIR" "$clone"
	sed -i 's/^\(\tpublic boolean admit(AuthenticatedRequest request) {\)$/\1\n\t\tif (request != null) {\n\t\t\treturn true;\n\t\t}/' \
		"$clone/$trail"
	grep -q 'if (request != null) {' "$clone/$trail" || die "cannot switch recording off: AuditTrail.admit has changed"
	(cd "$clone" && ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package) >"$WORK/baseline-build.log" 2>&1 \
		|| { cat "$WORK/baseline-build.log" >&2; die "building the baseline failed"; }
	BASELINE_JAR="$(ls "$clone"/target/ekyc-admin-*.jar | grep -v -- '-plain\.jar$' | head -n 1)"
}

require_tools git java psql wrk jq openssl python3 curl ss getconf
require_free_ports "$APP_PORT" "$MGMT_PORT" "$JWKS_PORT"
require_postgres
mkdir -p "$OUT_DIR"
build_jar
AUDITED_JAR="$JAR"
if [[ -n "${BASELINE_JAR:-}" ]]; then
	[[ -f "$BASELINE_JAR" ]] || die "BASELINE_JAR=${BASELINE_JAR}: no such file"
else
	build_baseline
fi
start_issuer "ekyc.session.get ekyc.session.list"
export BENCH_LUA_DIR="$BENCH_DIR"
create_database
start_service --ekyc.rate-limit.requests-per-second=0
stop_service
log "Seeding ${SESSIONS} sessions (bench/seed.sql)"
psql -X -q -d "$DB_NAME" -v sessions="$SESSIONS" -v users="$USERS" -f "$BENCH_DIR/seed.sql" >/dev/null
if ((AUDIT_RECORDS > 0)); then
	log "Seeding ${AUDIT_RECORDS} audit records (bench/audit-seed.sql)"
	psql -X -q -v ON_ERROR_STOP=1 -d "$DB_NAME" -v records="$AUDIT_RECORDS" -v users="$USERS" -v issuer="$ISSUER" \
		-f "$BENCH_DIR/audit-seed.sql" >/dev/null
fi
psql -X -q -d "$DB_NAME" -c "vacuum (analyze)" -c "checkpoint" >/dev/null
if ((AUDIT_RECORDS > 0)); then
	# Sealed before the rounds: either jar's sealer would seal them during its first turn.
	log "Sealing them (this build)"
	JAR="$AUDITED_JAR"
	start_service --ekyc.rate-limit.requests-per-second=0
	sealed_at=$((SECONDS + 1800))
	until [[ "$(unsealed_audit_records)" == 0 ]]; do
		((SECONDS < sealed_at)) || die "the seeded audit records were not sealed within 30 minutes"
		sleep 5
	done
	stop_service
	psql -X -q -d "$DB_NAME" -c "vacuum (analyze)" -c "checkpoint" >/dev/null
fi

SESSION_ID="$(psql -X -qtA -d "$DB_NAME" -c "select id from sessions where user_id = 'user-0000001' order by created_at desc, id desc limit 1")"
[[ -n "$SESSION_ID" ]] || die "no session of user-0000001 in the seeded database"
READS=(${READS_ONLY:-status sessions session page50})
read_wrk() { # read, duration, output file
	local script=status.lua args=("$USERS" "$1")
	case $1 in
	session) script=fixed.lua args=("/ekyc/admin/user-0000001/sessions/${SESSION_ID}") ;;
	page50) script=fixed.lua args=("/ekyc/admin?limit=50") ;;
	esac
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 10s -s "$BENCH_DIR/$script" "${BASE_URL}/" -- "${args[@]}" \
		>"$3" 2>&1
}
compiler_cpu_ms() { # CPU time the service's JIT compiler threads have used so far, in ms
	local task ticks=0
	for task in /proc/"$APP_PID"/task/*; do
		[[ "$(cat "$task/comm" 2>/dev/null)" == C[12]\ CompilerThre* ]] || continue
		ticks=$((ticks + $(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0)))
	done
	echo $((ticks * 1000 / CLOCK_TICKS))
}
settle() { # read: runs it on until the JIT compilers are done with it (JIT_SETTLED_MS per 10 s)
	local before after
	for _ in $(seq 1 $((SETTLE_MAX / 10))); do
		before="$(compiler_cpu_ms)"
		read_wrk "$1" 10s /dev/null
		after="$(compiler_cpu_ms)"
		((after - before < JIT_SETTLED_MS)) && return
	done
	log "  $1: the JIT compilers still used $((after - before)) ms of CPU in 10 s; measuring anyway"
}
rps() { # wrk output file
	sed -n 's/^Requests\/sec: *\([0-9.]*\)$/\1/p' "$1"
}
turn() { # label, jar
	JAR=$2
	start_service --ekyc.rate-limit.requests-per-second=0
	for what in "${READS[@]}"; do
		read_wrk "$what" "$WARMUP" /dev/null
		settle "$what"
		wait_quiet
		start_sampler "$1-$what" "$WORK/$1-$what.cpu"
		read_wrk "$what" "$DURATION" "$WORK/$1-$what.txt"
		stop_sampler
		grep -q 'Non-2xx' "$WORK/$1-$what.txt" && die "$1 $what: answers other than 2xx: $(cat "$WORK/$1-$what.txt")"
		local requests cpu
		requests="$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$WORK/$1-$what.txt")"
		# CPU-seconds of the service and of its database's backends, per request, in ms
		cpu="$(awk -v n="$requests" '{
			for (i = 1; i <= NF; i++) { if ($i == "service") s = $(i + 1); if ($i == "(" DB_NAME ")") p = $(i + 1) }
		} END { printf "%.3f", (s + p) * 1000 / n }' DB_NAME="$DB_NAME" "$WORK/$1-$what.cpu")"
		printf '%s %s %s %s\n' "${1%%-*}" "$what" "$(rps "$WORK/$1-$what.txt")" "$cpu" >>"$WORK/results"
		log "$1 $what: $(rps "$WORK/$1-$what.txt") requests/s, ${cpu} ms CPU per request ($(cat "$WORK/$1-$what.cpu"))"
	done
	stop_service
}

: >"$WORK/results"
for round in $(seq 1 "$ROUNDS"); do
	if ((round % 2 == 1)); then
		turn "baseline-$round" "$BASELINE_JAR"
		turn "audited-$round" "$AUDITED_JAR"
	else
		turn "audited-$round" "$AUDITED_JAR"
		turn "baseline-$round" "$BASELINE_JAR"
	fi
done
AUDIT_ROWS="$(psql -X -qtA -d "$DB_NAME" -c 'select count(*) from audit_records')"

{
	echo "ekyc-admin: what recording reads in the audit trail costs the read path, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "commit:       $(commit_line)"
	echo "baseline:     ${BASELINE_JAR}$([[ "$BASELINE_JAR" == "$WORK"/* ]] && echo " (this commit, recording switched off)")"
	echo "audited:      ${AUDITED_JAR}"
	echo "settings:     ${SESSIONS} sessions, ${ROUNDS} alternating rounds (ABBA order), wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} after ${WARMUP} warm-up of each read and until the JIT compilers settled (< ${JIT_SETTLED_MS} ms of CPU per 10 s, at most ${SETTLE_MAX} s), ${JAVA_OPTS}"
	echo "machine:      $(nproc) CPUs; the service, PostgreSQL and wrk share them"
	echo "audit records: ${AUDIT_RECORDS} seeded, $((AUDIT_ROWS - AUDIT_RECORDS)) written by the audited turns"
	echo
	python3 - "$WORK/results" "$TARGET" "${READS[*]}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
target = float(sys.argv[2])
ok = True
reads = tuple(sys.argv[3].split())
def column(kind, what, index):
    return [float(r[index]) for r in rows if r[0] == kind and r[1] == what]
print("requests per second")
print(f"{'read':<10}{'baseline (each)':<28}{'audited (each)':<28}{'ratio of medians':>16}")
for what in reads:
    base, audited = column("baseline", what, 2), column("audited", what, 2)
    ratio = statistics.median(audited) / statistics.median(base)
    ok &= ratio >= target
    print(f"{what:<10}{', '.join(f'{x:.0f}' for x in base):<28}{', '.join(f'{x:.0f}' for x in audited):<28}{ratio:>16.3f}")
print()
print("CPU per request, ms (service + its PostgreSQL backends)")
print(f"{'read':<10}{'baseline (each)':<28}{'audited (each)':<28}{'ratio of medians':>16}")
for what in reads:
    base, audited = column("baseline", what, 3), column("audited", what, 3)
    ratio = statistics.median(audited) / statistics.median(base)
    ok &= ratio <= 1 / target
    print(f"{what:<10}{', '.join(f'{x:.3f}' for x in base):<28}{', '.join(f'{x:.3f}' for x in audited):<28}{ratio:>16.3f}")
print()
print(f"RESULT: {'PASS' if ok else 'FAIL'} (target: audited >= {target:.2f} x baseline requests/s, "
      f"<= {1 / target:.2f} x its CPU per request)")
sys.exit(0 if ok else 1)
PY
} | tee "$REPORT"
