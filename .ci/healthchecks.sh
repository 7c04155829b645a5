#!/usr/bin/env bash
# Runs every healthcheck command of the Dockerfile and docker-compose.yml as their containers
# run them, by dash (the /bin/sh of the images; CMD-SHELL and Dockerfile shell form), against
# live services on this machine, and fails if one does not pass: a healthcheck that can never
# pass (dash has no /dev/tcp) would otherwise only show in a broken `docker compose up --wait`.
#
#   .ci/healthchecks.sh service            ekyc-admin's (Dockerfile and compose; its management
#                                          port 8081 must answer here, as .ci/local-service.sh
#                                          starts it) and postgres's (PostgreSQL on 127.0.0.1)
#   .ci/healthchecks.sh keycloak <port>    keycloak's, its management port 9000 moved to <port>
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dash >/dev/null || { echo "dash is needed (apt-get install dash)" >&2; exit 1; }

failed=0
run() { # description, command for dash
	if timeout 10 dash -c "$2" >/dev/null 2>&1; then
		echo "ok    $1"
	else
		echo "FAIL  $1: dash -c '$2'" >&2
		failed=1
	fi
}

compose_test() { # service: its healthcheck test as a command line for dash
	python3 - "$1" <<'PY'
import shlex, sys, yaml
test = yaml.safe_load(open("docker-compose.yml"))["services"][sys.argv[1]]["healthcheck"]["test"]
if test[0] == "CMD-SHELL":
    print(test[1])
elif test[0] == "CMD":
    print(" ".join(shlex.quote(arg) for arg in test[1:]))
else:
    sys.exit("unknown healthcheck form: " + test[0])
PY
}

case "${1:-}" in
service)
	dockerfile=$(sed -n '/^HEALTHCHECK/,/^[^ ]/p' Dockerfile | sed -n 's/^ *CMD //p')
	[[ -n $dockerfile ]] || { echo "no HEALTHCHECK CMD found in the Dockerfile" >&2; exit 1; }
	run "Dockerfile HEALTHCHECK" "$dockerfile"
	run "compose ekyc-admin" "$(compose_test ekyc-admin)"
	# The container asks over its socket; here the server is on 127.0.0.1.
	PGHOST=127.0.0.1 run "compose postgres" "$(compose_test postgres)"
	;;
keycloak)
	port=${2:?the port Keycloak serves its health on}
	run "compose keycloak (port 9000 as $port)" "$(compose_test keycloak | sed "s|127.0.0.1/9000|127.0.0.1/$port|")"
	;;
*)
	echo "usage: $0 service | keycloak <port>" >&2
	exit 2
	;;
esac
exit "$failed"
