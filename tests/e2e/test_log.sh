#!/usr/bin/env bash
# End to end: --log FILE gets a source's failure, each retry plan and its
# recovery, one well-formed line each, credentials masked; the screen gets
# none of it.
#   test_log.sh CITYDASH CITYDASH-MOCK
set -uo pipefail
citydash=$1
mock=$2
. "$(dirname "$0")/lib.sh"

# A free port: the mock picks one, then goes away. Nothing listens there
# until the mock is started again on it, below.
e2e_start_mock "$mock" || { echo "the mock did not start" >&2; exit 1; }
port=${E2E_MOCK_BASE##*:}
kill "$E2E_MOCK_PID"
wait "$E2E_MOCK_PID" 2>/dev/null

log="$E2E_TMP/citydash.log"
cat >"$E2E_TMP/water.json" <<JSON
{"sources": [{"name": "water", "url": "http://op:s3cret@127.0.0.1:$port/v1/feeds/water", "interval_ms": 1000}]}
JSON

# log_wait SECONDS PATTERN...: waits until every (fixed-string) pattern is in the log.
log_wait() {
	local deadline=$((SECONDS + $1)) p missing
	shift
	while :; do
		missing=""
		for p in "$@"; do
			grep -qF -- "$p" "$log" 2>/dev/null || missing+="[$p] "
		done
		[ -z "$missing" ] && return 0
		if ((SECONDS >= deadline)); then
			echo "not in the log: $missing" >&2
			cat "$log" >&2 2>/dev/null
			return 1
		fi
		sleep 0.2
	done
}

e2e_start_raw logged 100 30 "$citydash" --config "$E2E_TMP/water.json" --log "$log"
check "the dead source is on screen" e2e_wait logged 10 "(no data): water"
check "the log says it started" log_wait 5 "info: citydash " " started, sources: 1"
check "the log has the failure, with curl's detail and the URL masked" \
	log_wait 10 'error: source "water" failing: cannot connect to the server (' \
	"http://op:***@127.0.0.1:$port/v1/feeds/water"
check "the log has the retry plan" log_wait 10 'info: source "water": failed 1 time in a row, next try in '
check "and the next one" log_wait 10 'info: source "water": failed 2 times in a row, next try in '

# The feed comes back on the same port.
"$mock" --port "$port" >"$E2E_TMP/mock2.out" 2>&1 &
E2E_MOCK_PID=$!
check "the log has the recovery" log_wait 20 'info: source "water" ok again after '
check "the screen has the data" e2e_wait logged 10 "Water ("
e2e_keys logged q
check "q quits with status 0" test "$(e2e_wait_exit logged 10)" = 0
check "the log says it stopped" log_wait 5 "info: citydash stopped, exit status 0"

check "each failure is said once, each retry planned once" \
	test "$(grep -c 'failing:' "$log")" = 1 -a "$(grep -c 'next try in' "$log")" -ge 2
check "every line: RFC 3339 UTC time, name and pid, level, text" \
	bash -c 'test -s "$0" && ! grep -vE "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z citydash\[[0-9]+\] (error|warn|info): ." "$0"' "$log"
check "the password is in the log nowhere" bash -c 'test -s "$0" && ! grep -q s3cret "$0"' "$log"
raw="$E2E_TMP/logged.raw"
check "the screen's bytes were captured" test -s "$raw"
for text in "citydash[" "next try in" "time in a row" "times in a row" "ok again after" \
	"exit status" "started, sources"; do
	check "no log text on the screen: $text" bash -c '! LC_ALL=C grep -aqF -- "$1" "$0"' "$raw" "$text"
done

kill "$E2E_MOCK_PID" 2>/dev/null

# The option itself.
"$citydash" --help >"$E2E_TMP/help" 2>&1
check "--help lists --log" grep -qF -- "--log FILE|syslog" "$E2E_TMP/help"
"$citydash" --demo --dump --log "" >/dev/null 2>"$E2E_TMP/err"
check "--log with nothing: bad usage (2)" test $? = 2
"$citydash" --demo --dump --log "$E2E_TMP/no/such/dir/x.log" >/dev/null 2>"$E2E_TMP/err"
check "a log that cannot be opened: 2, with the reason" test $? = 2
check "... the reason" grep -qF "cannot open the log $E2E_TMP/no/such/dir/x.log: No such file or directory" "$E2E_TMP/err"
# Whether lines reach syslog needs a syslog daemon (/dev/log), which CI
# containers lack; the spec and the sink are unit-tested (test_log).
"$citydash" --demo --dump --size 80x24 --log syslog >"$E2E_TMP/frame" 2>"$E2E_TMP/err"
check "--log syslog runs (the frame is printed, exit 0)" test $? = 0 -a -s "$E2E_TMP/frame"
check "... and writes nothing to stderr" test ! -s "$E2E_TMP/err"
e2e_finish
