#!/usr/bin/env bash
#
# What the audit trail's index by user costs PostgreSQL for each record written, measured alone
# (no service running): the index as V11 has it, led by the record's id range
# ((id >> 18), user_id, id), against the one before it, led by the user (user_id, id).
#
# The schema is the service's (its migrations, at a first start); the trail is seeded with
# TRAIL records (bench/audit-seed.sql, USERS users). Then, ROUNDS times and in alternating
# order, each index in turn is built and BATCHES batches of BATCH records of random users are
# inserted by pgbench (one connection, as the service's writer), after a checkpoint. Each run
# reports the time per record, the write-ahead log per record, and the pages the inserting
# backends had to write out themselves per thousand records. The
# trail grows by BATCHES x BATCH records a run, for both alike.
#
# Run from anywhere (needs java 17+, psql, pgbench, openssl, python3, curl):
#   bench/audit-index.sh
# Settings (environment): TRAIL=5000000 USERS=400000 ROUNDS=2 BATCHES=200 BATCH=5000
#   APP_PORT=8187 JWKS_PORT=9194 DB_NAME=ekyc_audit_index SKIP_BUILD=1 JAR=<path> KEEP_DB=1
# Output: a table on stdout and in bench/out/audit-index-<date>.txt (git-ignored).

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"

TRAIL="${TRAIL:-5000000}"
USERS="${USERS:-400000}"
ROUNDS="${ROUNDS:-2}"
BATCHES="${BATCHES:-200}"
BATCH="${BATCH:-5000}"
APP_PORT="${APP_PORT:-8187}"
JWKS_PORT="${JWKS_PORT:-9194}"
DB_NAME="${DB_NAME:-ekyc_audit_index}"
QUIET_WAIT="${QUIET_WAIT:-60}"
QUIET_PCT="${QUIET_PCT:-10}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"

STAMP="$(date +%Y-%m-%dT%H%M%S)"
OUT_DIR="${BENCH_DIR}/out"
REPORT="${OUT_DIR}/audit-index-${STAMP}.txt"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

sql() { psql -X -qtA -v ON_ERROR_STOP=1 -d "$DB_NAME" "$@"; }
# Pages written out by backends themselves so far (pg_stat_io from PostgreSQL 16 on; before, it
# was pg_stat_bgwriter's, gone in 17).
backend_writes() {
	if (($(sql -c "show server_version_num") >= 160000)); then
		sql -c "select coalesce(sum(writes), 0) from pg_stat_io where backend_type = 'client backend'"
	else
		sql -c "select buffers_backend from pg_stat_bgwriter"
	fi
}

require_tools java psql pgbench openssl python3 curl
require_free_ports "$APP_PORT" "$JWKS_PORT"
require_postgres
mkdir -p "$OUT_DIR"
build_jar
start_issuer "ekyc.session.get"
create_database
start_service
stop_service
log "Seeding ${TRAIL} audit records (bench/audit-seed.sql)"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB_NAME" -v records="$TRAIL" -v users="$USERS" -v issuer="$ISSUER" \
	-f "$BENCH_DIR/audit-seed.sql" >/dev/null
sql -c "vacuum (analyze)" >/dev/null

# A batch as the writer's COPY makes it: records of reads of random users by one actor.
cat >"$WORK/batch.sql" <<SQL
insert into audit_records (occurred_at, actor, issuer, operation, user_id, user_digest, session_id, status, request_id)
select now(), 'bench-client-01', '${ISSUER}', 'session.get',
       'user-' || lpad((1 + floor(random() * ${USERS}))::int::text, 7, '0'), md5(g::text) || md5((g + 1)::text),
       null, 200, md5(random()::text)
from generate_series(1, ${BATCH}) g;
SQL
declare -A INDEX=(
	[ranged]="create index audit_records_by_user on audit_records ((id >> 18), user_id, id)"
	[by-user]="create index audit_records_by_user on audit_records (user_id, id)"
)
: >"$WORK/results"
run() { # variant
	log "Building the index ${1}"
	sql -c "drop index if exists audit_records_by_user" -c "set statement_timeout = 0" -c "${INDEX[$1]}" >/dev/null
	sql -c "checkpoint" >/dev/null
	wait_quiet
	local lsn backend started elapsed
	lsn="$(sql -c "select pg_current_wal_lsn()")"
	backend="$(backend_writes)"
	started="$(date +%s.%N)"
	pgbench -n -c 1 -t "$BATCHES" -f "$WORK/batch.sql" "$DB_NAME" >"$WORK/pgbench.log" 2>&1 \
		|| { cat "$WORK/pgbench.log" >&2; die "pgbench failed"; }
	elapsed="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')"
	local records=$((BATCHES * BATCH)) wal written size
	wal="$(sql -c "select pg_wal_lsn_diff(pg_current_wal_lsn(), '${lsn}')")"
	written=$(($(backend_writes) - backend))
	size="$(sql -c "select pg_size_pretty(pg_relation_size('audit_records_by_user'))")"
	printf '%s %s %s %s %s\n' "$1" "$(awk -v e="$elapsed" -v n="$records" 'BEGIN { printf "%.2f", e * 1e6 / n }')" \
		"$(awk -v w="$wal" -v n="$records" 'BEGIN { printf "%.0f", w / n }')" \
		"$(awk -v b="$written" -v n="$records" 'BEGIN { printf "%.1f", b * 1000 / n }')" "$size" | tee -a "$WORK/results" >&2
}
for round in $(seq 1 "$ROUNDS"); do
	if ((round % 2 == 1)); then run by-user; run ranged; else run ranged; run by-user; fi
done

{
	echo "ekyc-admin: what the audit trail's index by user costs PostgreSQL a record, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "commit:    $(commit_line)"
	echo "database:  $(sql -c 'select version()' | cut -d, -f1), shared_buffers $(sql -c 'show shared_buffers')"
	echo "trail:     ${TRAIL} records seeded, ${BATCHES} x ${BATCH} more a run, ${ROUNDS} rounds (alternating order)"
	echo "machine:   $(nproc) CPUs"
	echo
	printf '%-10s%18s%18s%26s%16s\n' index "µs a record" "WAL bytes a record" "backend writes per 1000" "index size"
	awk '{ printf "%-10s%18s%18s%26s%16s\n", $1, $2, $3, $4, $5 " " $6 }' "$WORK/results"
} | tee "$REPORT"
