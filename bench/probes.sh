#!/usr/bin/env bash
#
# Issue 7's findings, each reproduced with curl against the production jar: for every row,
# the request, the answer the contract demands, the answer given, and PASS or FAIL.
#
# What it runs: the jar (built here with the Maven wrapper) on 127.0.0.1 against its own
# PostgreSQL database, with real JWT validation (RS256 against a JWKS served locally, as in
# the other benchmarks) and the production settings, but for a per-client limit of 50/s
# (burst 100) so that row 12 needs few requests. Row 22 (a database outage) needs PostgreSQL
# stopped and is bench/db-outage.sh.
#
# Run from anywhere (needs java 17+, psql, jq, openssl, python3, curl; about 1 min):
#   bench/probes.sh
# Settings (environment): APP_PORT=8186 MGMT_PORT=8187 JWKS_PORT=9197 DB_NAME=ekyc_probes
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres SKIP_BUILD=1 (use the jar as built) JAR=<path>
#   JAVA_OPTS="-Xmx512m -XX:+ExitOnOutOfMemoryError"
# Output: the table on stdout, the service log in bench/out/probes-<date>.log (git-ignored).
# Exit status: 0 when every row passes, 1 if one fails, 2 when the probes could not run.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"
APP_PORT="${APP_PORT:-8186}"
MGMT_PORT="${MGMT_PORT:-8187}"
JWKS_PORT="${JWKS_PORT:-9197}"
DB_NAME="${DB_NAME:-ekyc_probes}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}"
QUIET_WAIT=0
QUIET_PCT=100
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

require_tools java psql jq openssl python3 curl
require_free_ports "$APP_PORT" "$MGMT_PORT" "$JWKS_PORT"
require_postgres
build_jar
start_issuer "ekyc.session.list ekyc.session.get ekyc.session.create ekyc.session.update"
create_database
start_service --ekyc.rate-limit.requests-per-second=50 --ekyc.rate-limit.burst=100
MANAGEMENT="http://127.0.0.1:${MGMT_PORT}"

TOKEN="$BENCH_TOKEN"
FAILED=0
printf '\n%-4s %-66s %-10s %s\n' "row" "request" "must be" "is"

report() { # row, description, expected, actual
	local verdict=PASS
	[[ "$4" == "$3" ]] || { verdict=FAIL; FAILED=1; }
	printf '%-4s %-66s %-10s %s %s\n' "$1" "${2:0:66}" "$3" "$4" "$verdict"
}

status_of() { # curl arguments...; the body lands in $WORK/body
	curl -sS -o "$WORK/body" -w '%{http_code}' "$@" || echo "no-answer"
}

probe() { # row, description, expected status, curl arguments...
	local row=$1 description=$2 expected=$3
	shift 3
	report "$row" "$description" "$expected" "$(status_of "$@")"
}

token_with() { # claims JSON: a token signed with the issuer's key
	jwt_sign "$WORK/key.pem" "$BENCH_KID" "$(printf '%s' "$1" | b64url)"
}

create() { # user id: creates a session, prints its id
	curl -sS -X POST "$BASE_URL/ekyc/admin/$1/sessions" -H "Authorization: Bearer $TOKEN" | jq -r .id
}

now=$(date +%s)

# 1. Every list paged, memory bounded.
psql -X -q -d "$DB_NAME" -c "insert into sessions (id, user_id, status, created_at, updated_at, expires_at,
    completed_at, created_by, version) select gen_random_uuid(), 'probe-many', 'CANCELLED',
    now() - i * interval '1 second', now(), now() + interval '7 days', now(), 'probes', 2
    from generate_series(1, 1100) as i"
status_of "$BASE_URL/ekyc/admin/probe-many/sessions" -H "Authorization: Bearer $TOKEN" >/dev/null
report 1 "GET /ekyc/admin/probe-many/sessions (1,100 sessions): items, nextStart" "1024,1024" \
	"$(jq -r '"\(.items | length),\(.nextStart)"' "$WORK/body")"

# 2. Enum constants only by their exact name.
session=$(create probe-enum)
probe 2 'POST …/status {"status": 2}' 400 -X POST "$BASE_URL/ekyc/admin/probe-enum/sessions/$session/status" \
	-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"status": 2}'
probe 2 'POST …/status {"status": "4"}' 400 -X POST "$BASE_URL/ekyc/admin/probe-enum/sessions/$session/status" \
	-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"status": "4"}'
status_of "$BASE_URL/ekyc/admin/probe-enum/sessions/$session" -H "Authorization: Bearer $TOKEN" >/dev/null
report 2 "… and the session is unchanged (status, version)" "CREATED,1" "$(jq -r '"\(.status),\(.version)"' "$WORK/body")"

# 3. Malformed query strings, with and without a token, on both ports; no stack trace.
for query in '?=0.0' '?=' '?x=%' '?x=%FF'; do
	probe 3 "GET /ekyc/admin$query" 400 --path-as-is "$BASE_URL/ekyc/admin$query" -H "Authorization: Bearer $TOKEN"
	probe 3 "GET /readyz$query (no token)" 400 --path-as-is "$BASE_URL/readyz$query"
	probe 3 "GET :management/actuator/health$query (no token)" 400 --path-as-is "$MANAGEMENT/actuator/health$query"
done

# 4. A chunked form body over 2 MB.
head -c 3000000 /dev/zero | tr '\0' 'a' | sed 's/^/x=/' >"$WORK/form"
probe 4 "POST …/sessions, chunked form body of 3 MB" 413 -X POST "$BASE_URL/ekyc/admin/probe-form/sessions" \
	-H "Authorization: Bearer $TOKEN" -H 'Transfer-Encoding: chunked' \
	-H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$WORK/form"

# 5, 6, 14. Text the database cannot store, or that hides what it says.
session=$(create probe-text)
for reason in '\u0000' '\ud800' '\u202e'; do
	probe "5/6" "POST …/status reason \"a${reason}b\"" 400 -X POST \
		"$BASE_URL/ekyc/admin/probe-text/sessions/$session/status" -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' -d "{\"status\":\"IN_PROGRESS\",\"reason\":\"a${reason}b\"}"
done
probe 14 "POST /ekyc/admin/user%E2%80%AE42/sessions (U+202E)" 400 -X POST \
	"$BASE_URL/ekyc/admin/user%E2%80%AE42/sessions" -H "Authorization: Bearer $TOKEN"
probe 14 "POST /ekyc/admin/user%E2%80%8B42/sessions (U+200B)" 400 -X POST \
	"$BASE_URL/ekyc/admin/user%E2%80%8B42/sessions" -H "Authorization: Bearer $TOKEN"

# 7. An empty If-Match.
probe 7 "POST …/status with an empty If-Match" 400 -X POST \
	"$BASE_URL/ekyc/admin/probe-text/sessions/$session/status" -H "Authorization: Bearer $TOKEN" \
	-H 'Content-Type: application/json' -H 'If-Match;' -d '{"status":"IN_PROGRESS"}'

# 8. A token without exp.
no_exp=$(token_with "{\"iss\":\"$ISSUER\",\"aud\":\"$AUDIENCE\",\"sub\":\"probe\",\"azp\":\"probe\",\"scope\":\"ekyc.session.list\",\"iat\":$now}")
probe 8 "GET /ekyc/admin with a token without exp" 401 "$BASE_URL/ekyc/admin?limit=1" -H "Authorization: Bearer $no_exp"

# 10. Tokens with random kids: 401, and the keys fetched at most once more.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/other.pem" 2>/dev/null
fetches_before=$(service_jwks_fetches | wc -l)
for i in $(seq 1 200); do
	jwt_sign "$WORK/other.pem" "random-$RANDOM-$i" "$(jwt_claims ekyc.session.list)" >>"$WORK/random-kids"
done
answers=$(xargs -P 8 -I{} curl -sS -o /dev/null -w '%{http_code}\n' "$BASE_URL/ekyc/admin?limit=1" \
	-H "Authorization: Bearer {}" <"$WORK/random-kids" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
report 10 "200 tokens with random kids: answers" "200×401 " "$answers"
report 10 "… JWKS fetches caused by them" "0" "$(($(service_jwks_fetches | wc -l) - fetches_before))"

# 11. Metrics only on the management port.
no_permission=$(jwt_sign "$WORK/key.pem" "$BENCH_KID" "$(jwt_claims "")")
probe 11 "GET /actuator/prometheus on the API port, valid token" 404 "$BASE_URL/actuator/prometheus" \
	-H "Authorization: Bearer $no_permission"
probe 11 "GET :management/actuator/prometheus (no token)" 200 "$MANAGEMENT/actuator/prometheus"

# 12. A burst from one client: 429 with Retry-After; another client is not slowed.
burst=$(seq 1 300 | xargs -P 8 -I{} curl -sS -o /dev/null -w '%{http_code}\n' "$BASE_URL/ekyc/admin?limit=1" \
	-H "Authorization: Bearer $TOKEN" | sort | uniq -c | awk '$2 == 429 {print "429"}')
report 12 "300 quick requests from one client: some 429" "429" "${burst:-none}"
for _ in $(seq 1 300); do
	[[ "$(status_of -D "$WORK/headers" "$BASE_URL/ekyc/admin?limit=1" -H "Authorization: Bearer $TOKEN")" == 429 ]] && break
done
report 12 "… a 429 carries Retry-After and RateLimit" "yes" \
	"$(grep -qi '^Retry-After: [1-9]' "$WORK/headers" && grep -qi '^RateLimit: ' "$WORK/headers" && echo yes || echo no)"
other=$(jwt_sign "$WORK/key.pem" "$BENCH_KID" "$(jwt_claims "ekyc.session.list ekyc.session.get ekyc.session.update" other-client)")
probe 12 "… meanwhile another client" 200 "$BASE_URL/ekyc/admin?limit=1" -H "Authorization: Bearer $other"

# 13. A statement past the statement timeout (a row locked for 8 s; the limit is 5 s).
session=$(create probe-lock)
psql -X -q -d "$DB_NAME" -c "begin; select 1 from sessions where id = '$session' for update; select pg_sleep(8); commit;" \
	>/dev/null &
lock_pid=$!
sleep 1
started=$SECONDS
probe 13 "POST …/status while another transaction holds the row" 503 -X POST \
	"$BASE_URL/ekyc/admin/probe-lock/sessions/$session/status" -H "Authorization: Bearer $other" \
	-H 'Content-Type: application/json' -d '{"status":"IN_PROGRESS"}'
report 13 "… answered within the 5 s limit plus a second" "yes" "$( ((SECONDS - started <= 6)) && echo yes || echo no)"
wait "$lock_pid"

# 15, 16. Numbers in plain decimal; ids only canonical.
probe 15 "GET /ekyc/admin?limit=0x10" 400 "$BASE_URL/ekyc/admin?limit=0x10" -H "Authorization: Bearer $other"
probe 15 "GET /ekyc/admin?limit=%2310" 400 "$BASE_URL/ekyc/admin?limit=%2310" -H "Authorization: Bearer $other"
probe 16 "GET /ekyc/admin/u/sessions/1-1-1-1-1" 404 "$BASE_URL/ekyc/admin/u/sessions/1-1-1-1-1" \
	-H "Authorization: Bearer $other"

# 17, 18. Unknown method, a non-ASCII Authorization header, /error.
probe 17 "QUERY /ekyc/admin" 405 -X QUERY "$BASE_URL/ekyc/admin" -H "Authorization: Bearer $other"
printf 'Authorization: Bearer \xe2\x82\xac\r\n' >"$WORK/euro-header"
probe 17 "GET /ekyc/admin with Authorization: Bearer € (UTF-8 bytes)" 400 "$BASE_URL/ekyc/admin" -H @"$WORK/euro-header"
report 17 "… the problem names the header" "Authorization" "$(jq -r '.errors[0].field' "$WORK/body")"
probe 18 "GET /error" 404 "$BASE_URL/error"

# 19. Idempotency keys scoped by the claim that named the caller.
azp=$(token_with "{\"iss\":\"$ISSUER\",\"aud\":\"$AUDIENCE\",\"azp\":\"client-a\",\"scope\":\"ekyc.session.create\",\"iat\":$now,\"exp\":$((now + 600))}")
sub=$(token_with "{\"iss\":\"$ISSUER\",\"aud\":\"$AUDIENCE\",\"sub\":\"client-a\",\"scope\":\"ekyc.session.create\",\"iat\":$now,\"exp\":$((now + 600))}")
probe 19 "POST …/probe-idem/sessions, azp=client-a, Idempotency-Key k1" 200 -X POST \
	"$BASE_URL/ekyc/admin/probe-idem/sessions" -H "Authorization: Bearer $azp" -H 'Idempotency-Key: k1'
probe 19 "… the same with only sub=client-a: no replay, the user is busy" 409 -X POST \
	"$BASE_URL/ekyc/admin/probe-idem/sessions" -H "Authorization: Bearer $sub" -H 'Idempotency-Key: k1'

# 20. The OpenAPI document says what the service does.
curl -sS "$BASE_URL/v3/api-docs" -o "$WORK/openapi.json"
report 20 "CreateSessionRequest additionalProperties" "false" \
	"$(jq -r '.components.schemas.CreateSessionRequest.additionalProperties' "$WORK/openapi.json")"
report 20 "CallbackDelivery deliveredAt and lastAttemptAt nullable" "true" \
	"$(jq -r '[.components.schemas.CallbackDelivery.properties | .deliveredAt.type, .lastAttemptAt.type | index("null") != null] | all' "$WORK/openapi.json")"
report 20 "userId pattern refuses a/b a\\b a;b a%b . .. and accepts user-42" "refused:6 accepted:1" \
	"$(jq -r '.paths["/ekyc/admin/{userId}/status"].get.parameters[] | select(.name == "userId") | .schema.pattern' \
		"$WORK/openapi.json" | python3 -c 'import re, sys
p = re.compile(sys.stdin.read().strip())
bad = ["a/b", "a\\b", "a;b", "a%b", ".", ".."]
print("refused:%d accepted:%d" % (sum(not p.match(x) for x in bad), int(bool(p.match("user-42")))))')"

# 21. Every way of running the jar keeps -XX:+ExitOnOutOfMemoryError.
report 21 "Dockerfile ENTRYPOINT has -XX:+ExitOnOutOfMemoryError" "yes" \
	"$(grep -q '^ENTRYPOINT.*-XX:+ExitOnOutOfMemoryError' "$PROJECT_DIR/Dockerfile" && echo yes || echo no)"
report 21 "README's java -jar lines have it" "yes" \
	"$(grep -E '^\s*java .*-jar' "$PROJECT_DIR/README.md" | grep -qv ExitOnOutOfMemoryError && echo no || echo yes)"

# 9. Start-up refuses without an issuer (jwk-set-uri only).
if EKYC_DATABASE_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB_NAME}" EKYC_DATABASE_USERNAME="$PGUSER" \
	EKYC_CALLBACKS_SIGNING_SECRET="whsec_$(openssl rand -base64 32)" timeout 120 java -jar "$JAR" \
	--server.port=0 --management.server.port=0 \
	--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="${ISSUER}/jwks.json" \
	--spring.security.oauth2.resourceserver.jwt.audiences="$AUDIENCE" >"$WORK/no-issuer.log" 2>&1; then
	report 9 "start with jwk-set-uri only" "refused" "started"
else
	report 9 "start with jwk-set-uri only: refused, naming issuer-uri" "yes" \
		"$(grep -q 'issuer-uri' "$WORK/no-issuer.log" && echo yes || echo no)"
fi

# 3 (log). Nothing above logged a stack trace.
report 3 "stack traces in the service log" "0" "$(grep -c 'stack_trace' "$WORK/app.log" || true)"
report 22 "database outage: run bench/db-outage.sh (stops PostgreSQL)" "-" "-"

mkdir -p "$BENCH_DIR/out"
cp "$WORK/app.log" "$BENCH_DIR/out/probes-$(date +%Y%m%d-%H%M%S).log"
echo
if ((FAILED)); then
	echo "Some probes FAILED"
	exit 1
fi
echo "Every probe PASSED ($(commit_line))"
