#!/usr/bin/env bash
# Proves deploy/keycloak/ekyc-realm.json against a real Keycloak and the production jar, without
# Docker: Keycloak's distribution from Maven Central in dev mode, the service's jar, the local
# PostgreSQL. Everything listens on 127.0.0.1 only.
#
#   .ci/keycloak.sh
#
# 1. Keycloak (org.keycloak:keycloak-quarkus-dist, unzipped under target/keycloak/) starts with the
#    realm imported, on 127.0.0.1:8180 (management/health 127.0.0.1:9180).
# 2. Both clients of the realm get client-credentials tokens whose claims are checked.
# 3. The jar runs on 127.0.0.1:8780 against a database of its own (ekyc_keycloak_test), trusting
#    that realm as issuer with audience ekyc-admin.
# 4. The tokens are used on the API, allowed and forbidden; prints "N passed, M failed" and exits
#    non-zero when any check failed.
# 5. Keycloak, the service and the database are removed on exit, whatever happened.
#
# Keycloak needs Java 21 or newer: $KEYCLOAK_JAVA_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64.
# The service is built and run with the default Java (17 or newer). Needs curl, jq, openssl,
# unzip and the PostgreSQL client tools; PostgreSQL on 127.0.0.1:5432, user postgres, trust
# authentication (started here when it is installed but down). Logs: target/keycloak/*.log.
set -euo pipefail
cd "$(dirname "$0")/.."

keycloak_version=26.7.3
keycloak_port=8180
keycloak_management_port=9180
service_port=8780
database=ekyc_keycloak_test
work_dir=target/keycloak
keycloak_home=$work_dir/keycloak-$keycloak_version
keycloak_log=$work_dir/keycloak.log
service_log=$work_dir/service.log
jar=target/ekyc-admin-0.1.0-SNAPSHOT.jar

keycloak_url=http://127.0.0.1:$keycloak_port
issuer=$keycloak_url/realms/ekyc
token_url=$issuer/protocol/openid-connect/token
api=http://127.0.0.1:$service_port

script_start=$SECONDS
keycloak_pid=""
service_pid=""
database_created=false
tmp=""
checks_done=false

log() { printf '[%3d s] %s\n' "$((SECONDS - script_start))" "$*"; }
die() { echo "ERROR: $*" >&2; exit 1; }

# Stops a process group started here with setsid (its id is the leader's pid): TERM, then KILL.
stop_group() {
	local pid=$1 name=$2
	kill -0 -- "-$pid" 2>/dev/null || return 0
	kill -TERM -- "-$pid" 2>/dev/null || true
	for _ in $(seq 1 60); do
		kill -0 -- "-$pid" 2>/dev/null || { log "$name stopped"; return 0; }
		sleep 0.5
	done
	echo "$name did not stop within 30 s; killing it" >&2
	kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	set +e
	if [[ $status -ne 0 ]] && ! $checks_done; then
		[[ -n $service_pid && -s $service_log ]] && { echo "--- last lines of $service_log" >&2; tail -n 25 "$service_log" >&2; }
		[[ -n $keycloak_pid && -s $keycloak_log ]] && { echo "--- last lines of $keycloak_log" >&2; tail -n 25 "$keycloak_log" >&2; }
	fi
	[[ -n $service_pid ]] && stop_group "$service_pid" "Service"
	[[ -n $keycloak_pid ]] && stop_group "$keycloak_pid" "Keycloak"
	if $database_created; then
		dropdb -h 127.0.0.1 -U postgres --if-exists --force "$database" && log "Database $database dropped"
	fi
	# Keycloak's dev-mode H2 database and the imported realm: the next run imports afresh.
	rm -rf "$keycloak_home/data"
	[[ -n $tmp ]] && rm -rf "$tmp"
	log "Done in $((SECONDS - script_start)) s (exit status $status)"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Prerequisites ----------------------------------------------------------------------------

for tool in curl jq openssl unzip setsid createdb dropdb pg_isready; do
	command -v "$tool" >/dev/null || die "$tool is needed"
done

# shellcheck source=.ci/lib.sh
source "$(dirname "$0")/lib.sh"
keycloak_java_home=$(find_jdk 21 KEYCLOAK_JAVA_HOME) || die "Keycloak $keycloak_version needs Java 21 or newer"
keycloak_java_major=$(java_major "$keycloak_java_home")
[[ ${keycloak_java_major:-0} -ge 21 ]] ||
	die "Keycloak $keycloak_version needs Java 21 or newer; $keycloak_java_home is Java ${keycloak_java_major:-unknown} (set KEYCLOAK_JAVA_HOME)"

for port in "$keycloak_port" "$keycloak_management_port" "$service_port"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		die "port $port on 127.0.0.1 is already in use: stop what listens there first"
	fi
done

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
	command -v pg_ctlcluster >/dev/null || die "PostgreSQL does not answer on 127.0.0.1:5432"
	log "Starting PostgreSQL"
	pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
	for _ in $(seq 1 30); do
		pg_isready -h 127.0.0.1 -p 5432 -q && break
		sleep 1
	done
	pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL did not start"
fi

# --- 1. Keycloak ------------------------------------------------------------------------------

mkdir -p "$work_dir"
rm -f "$keycloak_log" "$service_log"
log "Keycloak $keycloak_version from Maven Central (the local Maven repository when present)"
./mvnw -q -B -ntp dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip" \
	"-DoutputDirectory=$work_dir"
if [[ ! -f $keycloak_home/.unzipped ]]; then
	rm -rf "$keycloak_home"
	unzip -q -d "$work_dir" "$work_dir/keycloak-quarkus-dist-$keycloak_version.zip"
	touch "$keycloak_home/.unzipped"
fi
rm -rf "$keycloak_home/data"
mkdir -p "$keycloak_home/data/import"
cp deploy/keycloak/ekyc-realm.json "$keycloak_home/data/import/"

keycloak_admin_password=$(openssl rand -hex 16)
log "Starting Keycloak (Java $keycloak_java_major, $keycloak_java_home) on $keycloak_url"
keycloak_start=$SECONDS
JAVA_HOME=$keycloak_java_home \
	KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$keycloak_admin_password \
	setsid "$keycloak_home/bin/kc.sh" start-dev \
	--http-host=127.0.0.1 --http-port=$keycloak_port --hostname=$keycloak_url \
	--http-management-host=127.0.0.1 --http-management-port=$keycloak_management_port \
	--health-enabled=true --import-realm \
	</dev/null >"$keycloak_log" 2>&1 &
keycloak_pid=$!

# Built while Keycloak boots.
log "Building the jar"
./mvnw -q -B -ntp -DskipTests package
[[ -f $jar ]] || die "$jar was not built"

PGOPTIONS="-c client_min_messages=warning" dropdb -h 127.0.0.1 -U postgres --if-exists --force "$database"
createdb -h 127.0.0.1 -U postgres "$database"
database_created=true
log "Database $database created"

log "Waiting for the realm's OIDC discovery (up to 180 s)"
until curl -fsS -o /dev/null "$issuer/.well-known/openid-configuration" 2>/dev/null; do
	kill -0 "$keycloak_pid" 2>/dev/null || die "Keycloak stopped while starting"
	((SECONDS - keycloak_start < 180)) || die "Keycloak did not answer within 180 s"
	sleep 1
done
keycloak_boot=$((SECONDS - keycloak_start))
log "Keycloak answers after $keycloak_boot s"
log "The compose file's Keycloak healthcheck, run by dash against this Keycloak"
"$(dirname "$0")/healthchecks.sh" keycloak "$keycloak_management_port" || die "the compose healthcheck of Keycloak fails"

# --- Checks -----------------------------------------------------------------------------------

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "  ok   $1"; }
fail() { failed=$((failed + 1)); echo "  FAIL $1${2:+ ($2)}"; }
# expect NAME EXPECTED ACTUAL
expect() { if [[ $3 == "$2" ]]; then pass "$1"; else fail "$1" "expected '$2', got '$3'"; fi; }
# expect_match NAME EXTENDED-REGEX ACTUAL
expect_match() { if [[ $3 =~ $2 ]]; then pass "$1"; else fail "$1" "'$3' does not match /$2/"; fi; }

tmp=$(mktemp -d "$work_dir/run.XXXXXX")
# http METHOD URL TOKEN [JSON BODY] [extra curl arguments...]: sets $code, $body, $headers.
http() {
	local method=$1 url=$2 token=$3 data=${4:-}
	shift $(($# < 4 ? $# : 4))
	local args=(-sS -X "$method" -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' --max-time 30)
	[[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
	[[ -n $data ]] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
	: >"$tmp/body"
	: >"$tmp/headers"
	code=$(curl "${args[@]}" "$@" "$url") || code=000
	body=$(cat "$tmp/body")
	headers=$(tr -d '\r' <"$tmp/headers")
}
header() { { grep -i "^$1:" <<<"$headers" || true; } | head -n 1 | cut -d: -f2- | sed 's/^ *//'; }
payload() { # the JSON claims of a JWT
	local part
	part=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
	while ((${#part} % 4)); do part+="="; done
	base64 -d <<<"$part"
}
sorted_scope() { tr ' ' '\n' <<<"$1" | { grep -v '^$' || true; } | sort | paste -sd' ' -; }

echo "Keycloak"
http GET "$issuer/.well-known/openid-configuration" ""
expect "discovery names the issuer" "$issuer" "$(jq -r .issuer <<<"$body")"
expect "discovery names the token endpoint" "$token_url" "$(jq -r .token_endpoint <<<"$body")"

# token NAME CLIENT SECRET EXPECTED-SCOPES: checks the claims, sets $token.
token() {
	local name=$1 client=$2 secret=$3 expected=$4 claims
	http POST "$token_url" "" "" -u "$client:$secret" -d grant_type=client_credentials
	expect "$name: client-credentials token (HTTP)" 200 "$code"
	token=$(jq -r '.access_token // empty' <<<"$body" 2>/dev/null) || token=""
	claims=$(payload "$token" 2>/dev/null || echo '{}')
	expect "$name: scope holds exactly its permissions" "$(sorted_scope "$expected")" \
		"$(sorted_scope "$(jq -r '.scope // ""' <<<"$claims")")"
	expect "$name: aud contains ekyc-admin" true \
		"$(jq '.aud // [] | if type == "array" then . else [.] end | index("ekyc-admin") != null' <<<"$claims")"
	expect "$name: azp is the client id" "$client" "$(jq -r '.azp // ""' <<<"$claims")"
	expect "$name: iss is the realm" "$issuer" "$(jq -r '.iss // ""' <<<"$claims")"
}
token admin ekyc-admin-cli local-admin-secret \
	"ekyc.session.list ekyc.session.get ekyc.session.create ekyc.session.update ekyc.audit.read ekyc.user.erase"
admin_token=$token
token viewer ekyc-viewer local-viewer-secret "ekyc.session.list ekyc.session.get"
viewer_token=$token
token auditor ekyc-auditor local-auditor-secret "ekyc.audit.read"
auditor_token=$token

http POST "$token_url" "" "" -u ekyc-viewer:local-viewer-secret -d grant_type=client_credentials \
	-d scope=ekyc.session.create
expect "viewer asking for ekyc.session.create: 400 invalid_scope" "400 invalid_scope" \
	"$code $(jq -r .error <<<"$body")"

# Swagger UI's Authorize posts to the token endpoint from the API's origin (webOrigins).
for origin in http://localhost:8080 http://127.0.0.1:8080; do
	http OPTIONS "$token_url" "" "" -H "Origin: $origin" -H 'Access-Control-Request-Method: POST' \
		-H 'Access-Control-Request-Headers: authorization,content-type'
	expect "CORS preflight from $origin" "200 $origin" "$code $(header Access-Control-Allow-Origin)"
	http POST "$token_url" "" "" -H "Origin: $origin" -u ekyc-admin-cli:local-admin-secret \
		-d grant_type=client_credentials --data-urlencode 'scope=ekyc.session.list ekyc.session.get'
	expect "token request from $origin (Swagger UI)" "200 $origin" "$code $(header Access-Control-Allow-Origin)"
done
http POST "$token_url" "" "" -H 'Origin: http://elsewhere.example' -u ekyc-admin-cli:local-admin-secret \
	-d grant_type=client_credentials
expect "token request from another origin: 403" 403 "$code"

# A client of the realm without the audience mapper, made through the admin API (not in the file).
http POST "$keycloak_url/realms/master/protocol/openid-connect/token" "" "" -d grant_type=password \
	-d client_id=admin-cli -d username=admin --data-urlencode "password=$keycloak_admin_password"
keycloak_admin_token=$(jq -r '.access_token // empty' <<<"$body" 2>/dev/null) || keycloak_admin_token=""
http POST "$keycloak_url/admin/realms/ekyc/clients" "$keycloak_admin_token" "$(jq -nc '{
	clientId: "ekyc-no-audience", protocol: "openid-connect", publicClient: false,
	secret: "no-audience-secret", serviceAccountsEnabled: true, standardFlowEnabled: false,
	directAccessGrantsEnabled: false,
	defaultClientScopes: ["basic", "ekyc.session.list", "ekyc.session.get", "ekyc.session.create",
		"ekyc.session.update"]}')"
expect "client without the audience created (admin API)" 201 "$code"
http POST "$token_url" "" "" -u ekyc-no-audience:no-audience-secret -d grant_type=client_credentials
no_audience_token=$(jq -r '.access_token // empty' <<<"$body" 2>/dev/null) || no_audience_token=""
expect "its token has every permission but no ekyc-admin audience" \
	"ekyc.session.create ekyc.session.get ekyc.session.list ekyc.session.update false" \
	"$(payload "$no_audience_token" | jq -r '"\(.scope | split(" ") | sort | join(" ")) \(.aud // [] |
		if type == "array" then . else [.] end | index("ekyc-admin") != null)"')"

# --- 3. The service ---------------------------------------------------------------------------

log "Starting the service on $api"
service_start=$SECONDS
EKYC_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$database \
	EKYC_DATABASE_USERNAME=postgres EKYC_DATABASE_PASSWORD= \
	SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI=$issuer \
	SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES=ekyc-admin \
	EKYC_SECURITY_TOKEN_URL=$token_url \
	EKYC_CALLBACKS_SIGNING_SECRET="whsec_$(openssl rand -base64 32)" \
	setsid java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$jar" --server.port=$service_port --server.address=127.0.0.1 \
	--management.server.port=0 \
	</dev/null >"$service_log" 2>&1 &
service_pid=$!
until curl -fsS "$api/readyz" 2>/dev/null | grep -q '"status":"UP"'; do
	kill -0 "$service_pid" 2>/dev/null || die "the service stopped while starting"
	((SECONDS - service_start < 180)) || die "the service was not UP within 180 s"
	sleep 1
done
service_boot=$((SECONDS - service_start))
log "Service UP after $service_boot s"

# --- 4. Calls ---------------------------------------------------------------------------------

echo "Service"
user=kc-user-1
http GET "$api/ekyc/admin" ""
expect "no token: 401" 401 "$code"
expect_match "no token: WWW-Authenticate Bearer" '^Bearer' "$(header WWW-Authenticate)"

http POST "$api/ekyc/admin/$user/sessions" "$admin_token" '{}'
expect "admin creates a session: 200" 200 "$code"
session_id=$(jq -r '.id // empty' <<<"$body" 2>/dev/null) || session_id=""
expect "created by the admin client (azp)" "ekyc-admin-cli CREATED" \
	"$(jq -r '"\(.createdBy) \(.status)"' <<<"$body")"

http GET "$api/ekyc/admin/$user/status" "$admin_token"
expect "admin reads the status: 200 CREATED" "200 CREATED $session_id" \
	"$code $(jq -r '"\(.status) \(.sessionId)"' <<<"$body")"

http GET "$api/ekyc/admin?limit=50" "$admin_token"
expect "admin lists sessions: 200 with the session" "200 true" \
	"$code $(jq --arg id "$session_id" 'any(.items[]; .id == $id)' <<<"$body")"

http POST "$api/ekyc/admin/$user/sessions/$session_id/status" "$admin_token" '{"status":"IN_PROGRESS"}'
expect "admin changes the status: 200 IN_PROGRESS" "200 IN_PROGRESS" "$code $(jq -r .status <<<"$body")"

http GET "$api/ekyc/admin?limit=50" "$viewer_token"
expect "viewer lists sessions: 200" 200 "$code"

http GET "$api/ekyc/admin/$user/status" "$viewer_token"
expect "viewer reads the status: 200 IN_PROGRESS" "200 IN_PROGRESS" "$code $(jq -r .status <<<"$body")"

http POST "$api/ekyc/admin/kc-user-2/sessions" "$viewer_token" '{}'
expect "viewer creates a session: 403" 403 "$code"
www_authenticate=$(header WWW-Authenticate)
expect_match "403 names insufficient_scope" 'error="insufficient_scope"' "$www_authenticate"
expect_match "403 names scope=\"ekyc.session.create\"" 'scope="ekyc\.session\.create"' "$www_authenticate"

http POST "$api/ekyc/admin/$user/sessions/$session_id/status" "$viewer_token" '{"status":"APPROVED"}'
expect_match "viewer changes a status: 403 for ekyc.session.update" \
	'^403 .*scope="ekyc\.session\.update"' "$code $(header WWW-Authenticate)"

# The admin's change is recorded with the change (the viewer's refused one may follow within a
# second, as reads are: hence the actor filter).
http GET "$api/ekyc/admin/audit?userId=$user&operation=session.status&actor=ekyc-admin-cli" "$auditor_token"
expect "auditor reads the audit trail: 200, the admin's change recorded" "200 ekyc-admin-cli 200" \
	"$code $(jq -r '.items[0] | "\(.actor) \(.status)"' <<<"$body")"

http GET "$api/ekyc/admin/audit/verify" "$auditor_token"
expect "auditor verifies the hash chain: 200 valid" "200 true" "$code $(jq -r .valid <<<"$body")"

http GET "$api/ekyc/admin/$user/status" "$auditor_token"
expect_match "auditor reads a status: 403 for ekyc.session.get" \
	'^403 .*scope="ekyc\.session\.get"' "$code $(header WWW-Authenticate)"

http GET "$api/ekyc/admin/audit" "$viewer_token"
expect_match "viewer reads the audit trail: 403 for ekyc.audit.read" \
	'^403 .*scope="ekyc\.audit\.read"' "$code $(header WWW-Authenticate)"

http DELETE "$api/ekyc/admin/$user" "$viewer_token" '{"reason":"request #1"}'
expect_match "viewer erases a user: 403 for ekyc.user.erase" \
	'^403 .*scope="ekyc\.user\.erase"' "$code $(header WWW-Authenticate)"

http DELETE "$api/ekyc/admin/$user?cancelActive=true" "$admin_token" '{"reason":"request #1"}'
expect "admin erases the user: 200 with a pseudonym and one session" "200 true 1" \
	"$code $(jq -r '"\(.pseudonym | startswith("erased-")) \(.sessions)"' <<<"$body")"

http GET "$api/ekyc/admin/$user/status" "$admin_token"
expect "the erased user has no status: 404" 404 "$code"

http GET "$api/ekyc/admin" "$no_audience_token"
expect "token without the ekyc-admin audience: 401" 401 "$code"
expect_match "its WWW-Authenticate says invalid_token" 'error="invalid_token"' "$(header WWW-Authenticate)"

http GET "$api/ekyc/admin" "${admin_token%?????}AAAAA"
expect "token with a broken signature: 401" 401 "$code"

http GET "$api/.well-known/oauth-protected-resource" ""
expect "protected-resource metadata names the realm" "200 $issuer" \
	"$code $(jq -r '.authorization_servers[0] // empty' <<<"$body")"

http GET "$api/v3/api-docs" ""
expect "OpenAPI offers the realm's token endpoint to Swagger UI" "200 true" \
	"$code $(jq --arg url "$token_url" '[.. | objects | .tokenUrl? // empty] | index($url) != null' <<<"$body")"

log "Keycloak answered after $keycloak_boot s, the service after $service_boot s"
checks_done=true
((failed == 0)) || echo "Logs: $keycloak_log, $service_log"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
