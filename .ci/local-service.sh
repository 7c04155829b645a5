#!/usr/bin/env bash
# Starts or stops the service in its local development mode (TestEkycApplication: local token
# issuer, PostgreSQL database ekyc_dev) for the tests that call a live service.
#   .ci/local-service.sh start [port] [issuer-port]   prints nothing, waits until it is UP
#   .ci/local-service.sh stop
# Needs `./mvnw test-compile` to have run. The PID is kept in target/local-service.pid.
set -euo pipefail
cd "$(dirname "$0")/.."

pid_file=target/local-service.pid
log_file=target/local-service.log

case "${1:-}" in
start)
	port=${2:-8080}
	issuer_port=${3:-9000}
	./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
	EKYC_DEV_ISSUER_PORT=$issuer_port java -Xmx512m \
		-cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
		com.ekyc.admin.TestEkycApplication --server.port="$port" >"$log_file" 2>&1 &
	echo $! >"$pid_file"
	for _ in $(seq 1 120); do
		if curl -fsS "http://localhost:${port}/readyz" 2>/dev/null | grep -q '"UP"'; then
			exit 0
		fi
		if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
			echo "The service stopped while starting; its log:" >&2
			tail -n 50 "$log_file" >&2
			exit 1
		fi
		sleep 1
	done
	echo "The service did not come up within 120 s; its log:" >&2
	tail -n 50 "$log_file" >&2
	exit 1
	;;
stop)
	if [[ -f $pid_file ]]; then
		pid=$(cat "$pid_file")
		kill "$pid" 2>/dev/null || true
		for _ in $(seq 1 30); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 1
		done
		kill -9 "$pid" 2>/dev/null || true
		rm -f "$pid_file"
	fi
	;;
*)
	echo "usage: $0 start [port] [issuer-port] | stop" >&2
	exit 2
	;;
esac
