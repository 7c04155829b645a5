# Shared by the benchmarks in bench/ (sourced, not run): logging, clean-up, the jar, an RSA
# key with its JWKS and a token, the database, the service, and waiting for a quiet CPU.
#
# The sourcing script sets, before sourcing: BENCH_DIR, PROJECT_DIR, APP_PORT, JWKS_PORT,
# DB_NAME, JAVA_OPTS, QUIET_WAIT, QUIET_PCT, PGHOST/PGPORT/PGUSER; and may define
# bench_cleanup_extra (run first at clean-up, e.g. to stop its own helpers).
# It gets: ISSUER, AUDIENCE, WORK (a temporary directory, removed at exit), JAR, BENCH_TOKEN,
# BENCH_KID, APP_PID, STARTUP_SECONDS (of the last start_service), and the functions below.
# Clean-up runs on EXIT; INT and TERM exit with status 2.

BASE_URL="http://127.0.0.1:${APP_PORT}"
ISSUER="http://127.0.0.1:${JWKS_PORT}"
AUDIENCE="ekyc-admin"

WORK="$(mktemp -d /tmp/ekyc-bench.XXXXXX)"
APP_PID=""
JWKS_PID=""
JWKS_OWN_FETCHES=0
SAMPLER_PID=""
DB_CREATED=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
	log "ERROR: $*"
	exit 2
}

stop_pid() { # pid, seconds to wait after TERM before KILL
	local pid=$1 tries=$(($2 * 2))
	[[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM "$pid" 2>/dev/null
	for _ in $(seq 1 "$tries"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	return 0
}

bench_cleanup() {
	local status=$?
	set +e
	if declare -F bench_cleanup_extra >/dev/null; then
		bench_cleanup_extra
	fi
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		log "Stopping the service (pid $APP_PID)"
		stop_pid "$APP_PID" 20
	fi
	if [[ -n "$SAMPLER_PID" ]]; then
		kill -TERM "$SAMPLER_PID" 2>/dev/null
		wait "$SAMPLER_PID" 2>/dev/null
	fi
	if [[ -n "$JWKS_PID" ]] && kill -0 "$JWKS_PID" 2>/dev/null; then
		kill -TERM "$JWKS_PID" 2>/dev/null
		wait "$JWKS_PID" 2>/dev/null
	fi
	if [[ -n "$DB_CREATED" && "${KEEP_DB:-0}" != "1" ]]; then
		psql -X -q -d postgres -c "drop database if exists ${DB_NAME} with (force)" >/dev/null 2>&1
	elif [[ -n "$DB_CREATED" ]]; then
		log "Kept database ${DB_NAME} (KEEP_DB=1)"
	fi
	if [[ $status -eq 2 && -f "$WORK/app.log" ]]; then
		log "Last lines of the service log:"
		tail -n 40 "$WORK/app.log" >&2
	fi
	rm -rf "$WORK"
	exit $status
}
trap bench_cleanup EXIT
trap 'exit 2' INT TERM

require_tools() { # tool...
	local tool
	for tool in "$@"; do
		command -v "$tool" >/dev/null || die "$tool is needed (wrk: apt-get install -y wrk)"
	done
}

require_free_ports() { # port...
	local port
	for port in "$@"; do
		if [[ -n "$(ss -Hltn "sport = :${port}")" ]]; then
			die "port ${port} is already in use; stop what listens there or choose another port (see the settings)"
		fi
	done
}

require_postgres() {
	psql -X -q -d postgres -c 'select 1' >/dev/null || die "cannot reach PostgreSQL at ${PGHOST}:${PGPORT} as ${PGUSER}"
}

# Builds the jar unless SKIP_BUILD=1 and sets JAR; JAR=<path> given in the environment uses
# that jar instead (no build), e.g. to compare two builds.
build_jar() {
	cd "$PROJECT_DIR"
	if [[ -n "${JAR:-}" ]]; then
		[[ -f "$JAR" ]] || die "JAR=${JAR}: no such file"
		return
	fi
	if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
		log "Building the jar (./mvnw -q -B -DskipTests package)"
		./mvnw -q -B -DskipTests package >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
	fi
	JAR="$(ls "$PROJECT_DIR"/target/ekyc-admin-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)"
	[[ -n "$JAR" && -f "$JAR" ]] || die "no jar in target/; run without SKIP_BUILD=1"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# The claims of a benchmark token, base64url-encoded: ISSUER, AUDIENCE, the given scopes and
# actor (azp, default "bench"), issued now and valid for an hour.
jwt_claims() { # scopes[, azp]
	local now
	now="$(date +%s)"
	printf '{"iss":"%s","aud":"%s","sub":"%s","azp":"%s","scope":"%s","iat":%d,"nbf":%d,"exp":%d}' \
		"$ISSUER" "$AUDIENCE" "${2:-bench}" "${2:-bench}" "$1" "$now" "$now" "$((now + 3600))" | b64url
}

# Prints an RS256 JWT: the header naming kid, the claims (from jwt_claims), signed with the key.
jwt_sign() { # RSA private key file (PEM), kid, base64url claims
	local header signature
	header="$(printf '{"alg":"RS256","kid":"%s","typ":"JWT"}' "$2" | b64url)"
	signature="$(printf '%s.%s' "$header" "$3" | openssl dgst -sha256 -sign "$1" -binary | b64url)"
	printf '%s.%s.%s\n' "$header" "$3" "$signature"
}

# An RSA key ($WORK/key.pem, key id BENCH_KID), its JWKS served on JWKS_PORT by
# bench/jwks-server.py (requests logged in $WORK/jwks.log with millisecond time stamps), and
# BENCH_TOKEN (valid 1 h) with the given scopes.
start_issuer() { # scopes
	local scopes=$1
	log "Generating an RSA key, the JWKS and a token"
	mkdir -p "$WORK/jwks"
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
	local kid modulus_hex n e
	kid="bench-$(openssl rand -hex 4)"
	modulus_hex="$(openssl rsa -in "$WORK/key.pem" -noout -modulus | cut -d= -f2)"
	n="$(python3 -c 'import base64, sys; print(base64.urlsafe_b64encode(bytes.fromhex(sys.argv[1])).rstrip(b"=").decode())' "$modulus_hex")"
	e="AQAB" # 65537, openssl's default public exponent
	openssl rsa -in "$WORK/key.pem" -noout -text 2>/dev/null | grep -q 'publicExponent: 65537' || die "unexpected RSA exponent"
	printf '{"keys":[{"kty":"RSA","kid":"%s","alg":"RS256","use":"sig","n":"%s","e":"%s"}]}\n' \
		"$kid" "$n" "$e" >"$WORK/jwks/jwks.json"

	# shellcheck disable=SC2034 # for the sourcing scripts (jwt_sign with this key)
	BENCH_KID="$kid"
	BENCH_TOKEN="$(jwt_sign "$WORK/key.pem" "$kid" "$(jwt_claims "$scopes")")"
	export BENCH_TOKEN

	python3 "$BENCH_DIR/jwks-server.py" "$JWKS_PORT" "$WORK/jwks" >"$WORK/jwks.log" 2>&1 &
	JWKS_PID=$!
	for _ in $(seq 1 50); do
		curl -fsS "${ISSUER}/jwks.json" >/dev/null 2>&1 && break
		kill -0 "$JWKS_PID" 2>/dev/null || die "the JWKS server did not start: $(cat "$WORK/jwks.log")"
		sleep 0.1
	done
	curl -fsS "${ISSUER}/jwks.json" >/dev/null || die "the JWKS is not served at ${ISSUER}/jwks.json"
	JWKS_OWN_FETCHES="$(grep -c 'GET /jwks.json' "$WORK/jwks.log" || true)"
}

# The JWKS server's log lines of the fetches made since start_issuer's own checks, i.e. by
# the service: '127.0.0.1 - - [29/Nov/2026 13:36:39.123] "GET /jwks.json HTTP/1.1" 200 -'.
service_jwks_fetches() {
	grep 'GET /jwks.json' "$WORK/jwks.log" | tail -n +"$((JWKS_OWN_FETCHES + 1))" || true
}

# Drops and creates DB_NAME; clean-up drops it again unless KEEP_DB=1.
create_database() {
	log "Creating database ${DB_NAME}"
	psql -X -q -d postgres -c "drop database if exists ${DB_NAME} with (force)" 2>/dev/null
	psql -X -q -d postgres -c "create database ${DB_NAME}"
	DB_CREATED=1
}

# Starts the jar against DB_NAME with the local issuer, the given extra arguments and
# APP_ARGS, logging to $WORK/app.log, and waits until it is healthy. Environment variables
# for the service can be given before the call (e.g. EKYC_CALLBACKS_SIGNING_SECRET); a
# random signing secret is used when none is.
start_service() { # extra service arguments...
	log "Starting the service on ${BASE_URL} ($(basename "$JAR"), ${JAVA_OPTS})"
	local started_at=$SECONDS launched_at
	launched_at="$(date +%s.%N)"
	# shellcheck disable=SC2086 # JAVA_OPTS and APP_ARGS are lists
	EKYC_DATABASE_URL="jdbc:postgresql://${PGHOST}:${PGPORT}/${DB_NAME}" \
	EKYC_DATABASE_USERNAME="$PGUSER" \
	EKYC_CALLBACKS_SIGNING_SECRET="${EKYC_CALLBACKS_SIGNING_SECRET:-whsec_$(openssl rand -base64 32)}" \
		java $JAVA_OPTS -jar "$JAR" \
		--server.port="$APP_PORT" \
		--server.address=127.0.0.1 \
		--management.server.port="${MGMT_PORT:-0}" \
		--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="${ISSUER}/jwks.json" \
		--spring.security.oauth2.resourceserver.jwt.issuer-uri="$ISSUER" \
		--spring.security.oauth2.resourceserver.jwt.audiences="$AUDIENCE" \
		"$@" ${APP_ARGS:-} >"$WORK/app.log" 2>&1 &
	APP_PID=$!
	until curl -fsS "${BASE_URL}/readyz" 2>/dev/null | grep -q '"UP"'; do
		kill -0 "$APP_PID" 2>/dev/null || die "the service exited during start"
		((SECONDS - started_at < 120)) || die "the service did not become healthy within 120 s"
		sleep "${START_POLL:-0.5}"
	done
	# Seconds (one decimal) from launching java to /readyz answering UP; START_POLL (the
	# polling interval) bounds how much later than that it can be seen.
	STARTUP_SECONDS="$(awk -v a="$launched_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
	log "Service up after ${STARTUP_SECONDS} s; Flyway has created the schema"
}

# Stops the service started by start_service (TERM, then KILL after 20 s).
stop_service() {
	stop_pid "$APP_PID" 20 || true # (|| also keeps errexit off inside: kill and wait may "fail")
	APP_PID=""
}

# Calls curl and dies unless the answer has the expected status; the body is in $WORK/check.json.
expect_status() { # expected, description, curl arguments...
	local expected=$1 description=$2 actual
	shift 2
	actual="$(curl -sS -o "$WORK/check.json" -w '%{http_code}' "$@")"
	[[ "$actual" == "$expected" ]] || die "${description}: expected ${expected}, got ${actual}: $(head -c 500 "$WORK/check.json")"
	log "  ${description}: ${actual}"
}

gc_totals() { # prints "<collections> <seconds>" of the service so far
	jstat -gcutil "$APP_PID" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
		NR == 2 { printf "%d %.3f\n", $col["YGC"] + $col["FGC"] + (col["CGC"] ? $col["CGC"] : 0), $col["GCT"] }' \
		|| echo "0 0"
}

gc_name() { # the service's garbage collector
	local name
	name="$(jcmd "$APP_PID" VM.flags 2>/dev/null | grep -o -- '-XX:+Use[A-Za-z0-9]*GC' | head -n 1 || true)"
	echo "${name:-collector unknown}"
}

wait_quiet() { # before measuring, wait up to QUIET_WAIT seconds for other work on the machine to stop
	local waited=0 busy
	while busy="$(python3 "$BENCH_DIR/cpu-share.py" "${APP_PID:-0}" "$DB_NAME" quiet 2 | sed -n 's/.*other_share=\([0-9]*\)%.*/\1/p')" \
		&& ((${busy:-0} > QUIET_PCT)); do
		if ((waited >= QUIET_WAIT)); then
			log "  other processes still use ${busy}% of the CPU; measuring anyway"
			return
		fi
		((waited == 0)) && log "  other processes use ${busy}% of the CPU; waiting up to ${QUIET_WAIT} s for them to calm down"
		sleep 3
		waited=$((waited + 5))
	done
}

# Samples where the CPU goes (bench/cpu-share.py) until stop_sampler; its line goes to the file.
# Returns once the sampler counts, so that the load measured next falls inside its window.
start_sampler() { # label, output file
	local ready="$WORK/sampler.ready"
	rm -f "$ready"
	CPU_SHARE_READY="$ready" python3 "$BENCH_DIR/cpu-share.py" "$APP_PID" "$DB_NAME" "$1" >"$2" &
	SAMPLER_PID=$!
	for _ in $(seq 1 200); do
		[[ -f "$ready" ]] && return
		kill -0 "$SAMPLER_PID" 2>/dev/null || die "the CPU sampler exited: $(cat "$2")"
		sleep 0.05
	done
	die "the CPU sampler did not begin within 10 s"
}

stop_sampler() {
	[[ -n "$SAMPLER_PID" ]] || return 0
	kill -TERM "$SAMPLER_PID" 2>/dev/null || true
	wait "$SAMPLER_PID" || true
	SAMPLER_PID=""
}

# Audit records of DB_NAME not sealed into the chain yet (behind the last seal run).
unsealed_audit_records() {
	psql -X -qtA -d "$DB_NAME" -c 'select count(*) from audit_records where id > coalesce((select max(last_id) from audit_seal_runs), 0)'
}

# A value of the "BENCH key=value ..." summary line that bench/common.lua makes wrk print.
wrk_field() { # wrk output file, key
	grep '^BENCH ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

commit_line() { # the commit, marked when src or pom.xml have local changes
	echo "$(git -C "$PROJECT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$PROJECT_DIR" diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (with local changes)')"
}
