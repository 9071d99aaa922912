#!/usr/bin/env bash
# The real citydash-mock: bad arguments exit 2; with --port 0 it prints one
# "listening on" line, serves /healthz, and exits 0 on SIGTERM and SIGINT.
# Usage: mock_cli_test.sh PATH/TO/citydash-mock
set -u
MOCK=${1:?usage: mock_cli_test.sh PATH/TO/citydash-mock}
. "$(dirname "$0")/mock_lib.sh"

# Bad arguments: a message on stderr and status 2.
for bad in "--port 70000" "--port abc" "--tick-ms 0" "--seed -1" "--bogus" "extra"; do
	# shellcheck disable=SC2086 # split on purpose
	timeout 10 "$MOCK" $bad >"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "'$bad' exited $rc, want 2"
	[ -s "$WORK/err" ] || fail "'$bad' printed no message"
done
timeout 10 "$MOCK" --help >"$WORK/out" || fail "--help failed"
grep -q -- "--tick-ms" "$WORK/out" || fail "--help does not list --tick-ms"
timeout 10 "$MOCK" --version >"$WORK/out" || fail "--version failed"
grep -q "^citydash-mock [0-9]" "$WORK/out" || fail "--version: $(cat "$WORK/out")"

# Starts the mock (a tick of 100 ms), sets PID and PORT.
start_mock() { mock_start "$MOCK" --seed 7 --tick-ms 100; }

# Sends a signal and checks a clean exit (status 0) within the timeout.
stop_mock() {
	mock_stop "$1"
	PID=
	[ "$MOCK_RC" -eq 0 ] || fail "exit status $MOCK_RC after SIG$1, want 0"
}

start_mock
body=$(curl -sS --max-time 10 "http://127.0.0.1:$PORT/healthz") || fail "curl /healthz"
echo "$body" | grep -q '"status":"ok"' || fail "healthz body: $body"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$PORT/nope")
[ "$code" = 404 ] || fail "unknown path gave $code"
[ "$(wc -l <"$WORK/out")" -eq 1 ] || fail "stdout has more than one line"
stop_mock TERM

start_mock
curl -sS --max-time 10 -o /dev/null "http://127.0.0.1:$PORT/v1/feeds/water" || fail "curl water"
stop_mock INT

echo "mock_cli: ok"
