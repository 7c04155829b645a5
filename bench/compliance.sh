#!/usr/bin/env bash
#
# The compliance features at scale, in one run, against the production jar on 127.0.0.1:
#   - seal rate: AUDIT_RECORDS unsealed audit records (written by SQL, as a burst of requests
#     would leave them) sealed by the service's sealer: records per second until none is left;
#   - verification: GET /ekyc/admin/audit/verify over them (time, valid, records);
#   - erasure: DELETE /ekyc/admin/{userId}?cancelActive=true of a user with ERASE_SESSIONS
#     sessions (one active), each with its history, a delivery and audit records (time);
#   - figures: GET /ekyc/admin/stats at SESSIONS sessions (median of 20 calls, and the
#     query's own time from EXPLAIN ANALYZE);
#   - query plans at SESSIONS sessions of the back office's filters (createdBy, createdFrom and
#     createdTo, with status, along the cursor) and of the audit trail's search, each with
#     EXPLAIN (ANALYZE, BUFFERS): every one must use an index, none a sequential scan.
# The database DB_NAME is seeded with bench/seed.sql (SESSIONS sessions of USERS users, twenty
# creators) and AUDIT_RECORDS audit records whose user digests are made with the service's own
# key (pgcrypto, in this database only).
#
# Targets: stats < 50 ms (median, at the client); verification of 1,000,000 records < 30 s;
# erasure of a user with 1,000 sessions < 5 s (the statement limit); no sequential scan.
#
# Run from anywhere (needs java 17+, psql with pgcrypto on the server, jq, openssl, python3, curl):
#   bench/compliance.sh
# Settings (environment): SESSIONS=1000000 USERS=400000 AUDIT_RECORDS=1000000
#   ERASE_SESSIONS=1000 APP_PORT=8183 MGMT_PORT=8184 JWKS_PORT=9192 DB_NAME=ekyc_compliance
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres SKIP_BUILD=1 JAR=<path> KEEP_DB=1
#   JAVA_OPTS (default -Xmx512m -XX:+ExitOnOutOfMemoryError)
# Output: a report on stdout and in bench/out/compliance-<date>.txt (git-ignored).
# Exit status: 0 when every target is met, 1 if not, 2 when the benchmark could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

SESSIONS="${SESSIONS:-1000000}"
USERS="${USERS:-400000}"
AUDIT_RECORDS="${AUDIT_RECORDS:-1000000}"
ERASE_SESSIONS="${ERASE_SESSIONS:-1000}"
APP_PORT="${APP_PORT:-8183}"
MGMT_PORT="${MGMT_PORT:-8184}"
JWKS_PORT="${JWKS_PORT:-9192}"
DB_NAME="${DB_NAME:-ekyc_compliance}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}"
QUIET_WAIT="${QUIET_WAIT:-60}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

TARGET_STATS_MS=50
TARGET_VERIFY_S=30
TARGET_ERASE_S=5

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/compliance-${STAMP}.txt"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java psql jq openssl python3 curl ss
require_free_ports "$APP_PORT" "$MGMT_PORT" "$JWKS_PORT"
require_postgres
mkdir -p "$OUT_DIR"
: >"$REPORT"
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }
sql() { psql -X -qtA -v ON_ERROR_STOP=1 -d "$DB_NAME" "$@"; }
millis() { python3 -c 'import sys; print(round(float(sys.argv[1]) * 1000, 1))' "$1"; }
PASS=1
check() { # description, condition (0/1)
	if [[ "$2" == "1" ]]; then say "  PASS  $1"; else say "  FAIL  $1"; PASS=0; fi
}

build_jar
start_issuer "ekyc.session.list ekyc.session.get ekyc.session.create ekyc.session.update ekyc.audit.read ekyc.user.erase"
create_database
start_service --ekyc.rate-limit.requests-per-second=0
# One recorded request makes the user-digest key (at first use); the seed below uses it.
curl -sS -o /dev/null -H "Authorization: Bearer ${BENCH_TOKEN}" "${BASE_URL}/ekyc/admin/bench-warm-up/status"
for _ in $(seq 1 20); do
	[[ "$(sql -c 'select count(*) from audit_keys')" == "1" ]] && break
	sleep 0.5
done
stop_service

# --- Seed -------------------------------------------------------------------------------------

log "Seeding ${SESSIONS} sessions (bench/seed.sql)"
psql -X -q -d "$DB_NAME" -v sessions="$SESSIONS" -v users="$USERS" -f "$BENCH_DIR/seed.sql" >/dev/null
log "Seeding a user with ${ERASE_SESSIONS} sessions to erase"
sql >/dev/null <<SQL
insert into sessions (id, user_id, status, callback, reason, created_at, updated_at, expires_at, completed_at,
                      created_by, version)
select gen_random_uuid(), 'erase-me',
       case when i = ${ERASE_SESSIONS} then 'IN_PROGRESS' else 'REJECTED' end,
       'https://partner.example.com/ekyc/callback', 'Seeded reason of erase-me',
       now() - (${ERASE_SESSIONS} - i + 1) * interval '1 minute', now(), now() + interval '7 days',
       case when i = ${ERASE_SESSIONS} then null else now() end, 'bench-client-00',
       case when i = ${ERASE_SESSIONS} then 2 else 3 end
from generate_series(1, ${ERASE_SESSIONS}) i;
insert into session_events (session_id, sequence, from_status, to_status, reason, actor, occurred_at)
select id, 1, null, 'CREATED', null, created_by, created_at from sessions where user_id = 'erase-me';
insert into callback_deliveries (id, session_id, sequence, url, payload, status, attempts, round_attempts,
                                 next_attempt_at, delivered_at, created_at)
select gen_random_uuid(), id, 2, callback, '{"data":{"userId":"erase-me"}}', 'DELIVERED', 1, 1, now(), now(), now()
from sessions where user_id = 'erase-me';
SQL
log "Seeding ${AUDIT_RECORDS} audit records, unsealed, with the service's digest key (bench/audit-seed.sql)"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB_NAME" -v records="$AUDIT_RECORDS" -v users="$USERS" -v issuer="$ISSUER" \
	-f "$BENCH_DIR/audit-seed.sql" >/dev/null
sql -c "vacuum (analyze)" -c "checkpoint" >/dev/null

# --- Seal rate --------------------------------------------------------------------------------

wait_quiet
UNSEALED_BEFORE="$(unsealed_audit_records)"
SEAL_START="$(date +%s.%N)"
start_service --ekyc.rate-limit.requests-per-second=0
while [[ "$(unsealed_audit_records)" != "0" ]]; do
	kill -0 "$APP_PID" 2>/dev/null || die "the service stopped while sealing"
	sleep 0.5
done
SEAL_S="$(python3 -c 'import sys, time; print(round(time.time() - float(sys.argv[1]), 1))' "$SEAL_START")"
SEAL_RATE="$(python3 -c 'import sys; print(int(int(sys.argv[1]) / float(sys.argv[2])))' "$UNSEALED_BEFORE" "$SEAL_S")"

# --- Verification -----------------------------------------------------------------------------

wait_quiet
VERIFY_TIME="$(curl -sS -o "$WORK/verify.json" -w '%{time_total}' -H "Authorization: Bearer ${BENCH_TOKEN}" \
	"${BASE_URL}/ekyc/admin/audit/verify")"
VERIFY_VALID="$(jq -r .valid "$WORK/verify.json")"
VERIFY_RECORDS="$(jq -r .records "$WORK/verify.json")"

# --- Figures ----------------------------------------------------------------------------------

for _ in $(seq 1 5); do curl -sS -o /dev/null -H "Authorization: Bearer ${BENCH_TOKEN}" "${BASE_URL}/ekyc/admin/stats"; done
: >"$WORK/stats.times"
for _ in $(seq 1 20); do
	curl -sS -o "$WORK/stats.json" -w '%{time_total}\n' -H "Authorization: Bearer ${BENCH_TOKEN}" \
		"${BASE_URL}/ekyc/admin/stats" >>"$WORK/stats.times"
done
STATS_MS="$(millis "$(sort -n "$WORK/stats.times" | sed -n 10p)")"
STATS_TOTAL="$(jq -r .total "$WORK/stats.json")"
STATS_COUNTED="$(sql -c 'select count(*) from sessions')"

# --- Erasure ----------------------------------------------------------------------------------

wait_quiet
ERASE_TIME="$(curl -sS -o "$WORK/erase.json" -w '%{time_total}' -X DELETE -H "Authorization: Bearer ${BENCH_TOKEN}" \
	-H 'Content-Type: application/json' --data '{"reason":"benchmark erasure"}' \
	"${BASE_URL}/ekyc/admin/erase-me?cancelActive=true")"
ERASED_SESSIONS="$(jq -r .sessions "$WORK/erase.json")"
LEFT="$(sql -c "select (select count(*) from sessions where user_id = 'erase-me') + (select count(*) from audit_records where user_id = 'erase-me')")"

# --- Query plans ------------------------------------------------------------------------------

COLUMNS="id, user_id, status, callback, reason, created_at, updated_at, expires_at, completed_at, created_by, version"
# The audit trail's search as AuditSearch sends it (StoredRecords.COLUMNS, FROM and SEAL_RUN).
AUDIT_COLUMNS="r.id, r.occurred_at, r.actor, r.issuer, r.operation, r.user_id, r.user_digest, r.session_id, r.status, r.request_id, nullif(encode(substring(s.hashes from ((r.id - s.first_id) * 32 + 1)::integer for 32), 'hex'), repeat('0', 64)) as hash"
AUDIT_SEAL_RUN="left join lateral (select run.first_id, run.last_id, run.hashes from audit_seal_runs run where run.first_id <= r.id order by run.first_id desc limit 1) s on s.last_id >= r.id"
AUDIT_FROM="audit_records r ${AUDIT_SEAL_RUN}"
# By user: id range by id range of the index by user (V11), newest first.
AUDIT_BY_USER="generate_series(((select coalesce(max(id), 0) from audit_records) >> 18), 0, -1) with ordinality as ranges (id_range, position) cross join lateral (select r.* from audit_records r where (r.id >> 18) = ranges.id_range and r.user_id = 'user-0000042' order by r.id desc limit 51) r ${AUDIT_SEAL_RUN}"
CURSOR_AT="$(sql -c "select created_at from sessions where created_by = 'bench-client-07' order by created_at desc, id desc offset 5000 limit 1")"
CURSOR_ID="$(sql -c "select id from sessions where created_by = 'bench-client-07' order by created_at desc, id desc offset 5000 limit 1")"
declare -A PLANS=(
	["list createdBy"]="select ${COLUMNS} from sessions where true and created_by = 'bench-client-07' order by created_at desc, id desc limit 51 offset 0"
	["list createdFrom+createdTo"]="select ${COLUMNS} from sessions where true and created_at >= now() - interval '200 days' and created_at < now() - interval '100 days' order by created_at desc, id desc limit 51 offset 0"
	["list status+createdBy"]="select ${COLUMNS} from sessions where true and status in ('REJECTED') and created_by = 'bench-client-07' order by created_at desc, id desc limit 51 offset 0"
	["list createdBy by cursor (page 100)"]="select ${COLUMNS} from sessions where (created_at, id) < ('${CURSOR_AT}', '${CURSOR_ID}') and created_by = 'bench-client-07' order by created_at desc, id desc limit 51"
	["stats"]="select array_agg(c.status) as statuses, array_agg(c.count) as counts, (select min(created_at) from sessions where status in ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED')) as oldest_active from (select status, sum(count) as count from session_status_counts group by status) c"
	["audit by userId"]="select ${AUDIT_COLUMNS} from ${AUDIT_BY_USER} order by ranges.position, r.id desc limit 51"
	["audit by actor"]="select ${AUDIT_COLUMNS} from ${AUDIT_FROM} where true and r.actor = 'bench-client-03' order by r.id desc limit 51"
	["audit by operation+from"]="select ${AUDIT_COLUMNS} from ${AUDIT_FROM} where true and r.operation = 'session.create' and r.occurred_at >= now() - interval '10 days' order by r.id desc limit 51"
)
SEQ_SCANS=0
: >"$WORK/plans.txt"
for name in "list createdBy" "list createdFrom+createdTo" "list status+createdBy" "list createdBy by cursor (page 100)" \
	"stats" "audit by userId" "audit by actor" "audit by operation+from"; do
	{
		echo "--- ${name}"
		sql -c "explain (analyze, buffers) ${PLANS[$name]}"
		echo
	} >>"$WORK/plans.txt"
	if sql -c "explain ${PLANS[$name]}" | grep -q "Seq Scan on sessions\|Seq Scan on audit_records"; then
		SEQ_SCANS=$((SEQ_SCANS + 1))
	fi
done

# --- Report -----------------------------------------------------------------------------------

say "ekyc-admin compliance benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "commit:        $(commit_line)"
say "jar:           $(basename "$JAR"), ${JAVA_OPTS}"
say "database:      PostgreSQL $(psql -X -qtA -d postgres -c 'show server_version'), ${SESSIONS} sessions, ${AUDIT_RECORDS} audit records"
say "machine:       $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
say ""
say "seal rate:     ${UNSEALED_BEFORE} records sealed in ${SEAL_S} s from start-up: ${SEAL_RATE} records/s"
say "verification:  ${VERIFY_RECORDS} records in $(millis "$VERIFY_TIME") ms, valid=${VERIFY_VALID}"
say "erasure:       user with ${ERASED_SESSIONS} sessions erased in $(millis "$ERASE_TIME") ms; rows still naming the user: ${LEFT}"
say "stats:         median ${STATS_MS} ms over 20 calls; total ${STATS_TOTAL} (counted: ${STATS_COUNTED})"
say "plans:         ${SEQ_SCANS} sequential scans of sessions or audit_records"
say ""
check "stats < ${TARGET_STATS_MS} ms and equal to counting" \
	"$(python3 -c "print(int(${STATS_MS} < ${TARGET_STATS_MS} and '${STATS_TOTAL}' == '${STATS_COUNTED}'))")"
check "verification of ${VERIFY_RECORDS} records < ${TARGET_VERIFY_S} s and valid" \
	"$(python3 -c "print(int(${VERIFY_TIME} < ${TARGET_VERIFY_S} and '${VERIFY_VALID}' == 'true' and ${VERIFY_RECORDS} >= ${AUDIT_RECORDS}))")"
check "erasure of ${ERASE_SESSIONS} sessions < ${TARGET_ERASE_S} s, nothing left" \
	"$(python3 -c "print(int(${ERASE_TIME} < ${TARGET_ERASE_S} and '${ERASED_SESSIONS}' == '${ERASE_SESSIONS}' and '${LEFT}' == '0'))")"
check "no sequential scan in the search plans" "$(( SEQ_SCANS == 0 ? 1 : 0 ))"
say ""
say "Query plans (EXPLAIN ANALYZE, BUFFERS):"
tee -a "$REPORT" <"$WORK/plans.txt"
cp "$WORK/app.log" "${OUT_DIR}/compliance-${STAMP}-service.log"
[[ "$PASS" == "1" ]] && exit 0 || exit 1
