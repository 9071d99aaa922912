#!/usr/bin/env bash
# citydash-mock --fault as a client sees it: error=1 gives 500/503 (503
# with Retry-After: 1), garbage=1 a body that is not JSON, truncate=1 a
# shorter document that does not end in '}', latency=300 an answer after
# 300 ms or more, hang=1 no answer (curl --max-time 1 exits 28), slow=1 the
# whole document but later; /healthz is never faulted; citydash reports a
# source under error=1 as failing with its HTTP status. Bad specs exit 2.
# Usage: mock_fault_test.sh PATH/TO/citydash-mock PATH/TO/citydash
set -u
MOCK=${1:?usage: mock_fault_test.sh PATH/TO/citydash-mock PATH/TO/citydash}
CITYDASH=${2:?usage: mock_fault_test.sh PATH/TO/citydash-mock PATH/TO/citydash}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
header() { tr -d '\r' <"$1" | sed -n "s/^$2: //Ip" | head -1; }
size() { stat -c %s "$1"; }

# start NAME [OPTION]...: a mock on port 0, its base URL in $B.
start() {
	local name=$1
	shift
	timeout 120 "$MOCK" --port 0 --seed 7 --tick-ms 86400000 $SERVE "$@" \
		>"$WORK/$name.out" 2>"$WORK/$name.err" &
	PIDS+=($!)
	for _ in $(seq 1 100); do
		[ -s "$WORK/$name.out" ] && break
		sleep 0.1
	done
	B=$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$WORK/$name.out")
	[ -n "$B" ] || fail "$name: no listening line: $(cat "$WORK/$name.out" "$WORK/$name.err")"
}

# Bad specs: usage errors with a message naming the spec.
for bad in error=2 error=-1 error=0.5x error=1e-1 bogus=1 latency=60001 latency=x hang \
	'error=0.5,' ''; do
	"$MOCK" --port 0 --fault "$bad" >/dev/null 2>"$WORK/bad.err"
	rc=$?
	[ "$rc" = 2 ] || fail "--fault '$bad' exited $rc, not 2"
	grep -q -- "--fault" "$WORK/bad.err" || fail "--fault '$bad': $(cat "$WORK/bad.err")"
done

# The fault-free document; the faulted mocks then serve these very bytes at
# /v1/feeds/water (--serve), so that each answer can be compared with it.
SERVE=
start plain
curl -sS --max-time 20 -o "$WORK/plain" "$B/v1/feeds/water" || fail "plain curl"
full=$(size "$WORK/plain")
[ "$full" -gt 100 ] || fail "plain document only $full bytes"
SERVE="--serve /v1/feeds/water=$WORK/plain"

# error=1: every feed request 500 or 503, Retry-After: 1 on a 503; both seen.
start error --fault error=1
seen=
for i in $(seq 1 20); do
	code=$(curl -s --max-time 20 -D "$WORK/eh" -o /dev/null -w '%{http_code}' "$B/v1/kpis")
	case $code in
	500) ;;
	503) [ "$(header "$WORK/eh" Retry-After)" = 1 ] || fail "503 without Retry-After: 1" ;;
	*) fail "error=1 answered $code" ;;
	esac
	seen="$seen $code"
done
case $seen in *500*) ;; *) fail "20 requests, no 500:$seen" ;; esac
case $seen in *503*) ;; *) fail "20 requests, no 503:$seen" ;; esac
[ "$(curl -s --max-time 20 -o "$WORK/health" -w '%{http_code}' "$B/healthz")" = 200 ] ||
	fail "/healthz faulted under error=1"
[ "$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' "$B/metrics")" = 200 ] ||
	fail "/metrics faulted under error=1"
# citydash sees the source fail, with the status as its reason.
timeout 60 "$CITYDASH" --source "x=$B/v1/feeds/water" --dump >"$WORK/dump" 2>&1
rc=$?
[ "$rc" = 1 ] || fail "citydash --dump under error=1 exited $rc: $(cat "$WORK/dump")"
grep -Eq 'HTTP status (500|503)' "$WORK/dump" || fail "no HTTP status reason: $(cat "$WORK/dump")"

# garbage=1: 200 with a body that is not JSON.
start garbage --fault garbage=1
code=$(curl -s --max-time 20 -o "$WORK/garbage" -w '%{http_code}' "$B/v1/feeds/water")
[ "$code" = 200 ] || fail "garbage=1 answered $code"
[ "$(head -c 1 "$WORK/garbage")" != "{" ] || fail "garbage=1 body looks like JSON"
cmp -s "$WORK/garbage" "$WORK/plain" && fail "garbage=1 served the document"

# truncate=1: a valid HTTP answer (curl checks Content-Length) carrying less
# than the document, not ending in '}'.
start truncate --fault truncate=1
curl -sS --max-time 20 -o "$WORK/trunc" "$B/v1/feeds/water" || fail "truncate=1: curl failed"
cut=$(size "$WORK/trunc")
[ "$cut" -gt 0 ] && [ "$cut" -lt "$full" ] || fail "truncate=1: $cut bytes of $full"
[ "$(tail -c 1 "$WORK/trunc")" != "}" ] || fail "truncate=1 body ends in }"
cmp -s -n "$cut" "$WORK/trunc" "$WORK/plain" || fail "truncate=1 is not a prefix of the document"

# latency=300: at least 300 ms; /healthz stays quick (it is not delayed at all).
start latency --fault latency=300
t=$(curl -sS --max-time 20 -o "$WORK/lat" -w '%{time_total}' "$B/v1/feeds/water") ||
	fail "latency=300: curl failed"
awk -v t="$t" 'BEGIN { exit !(t >= 0.3) }' || fail "latency=300 answered in $t s"
cmp -s "$WORK/lat" "$WORK/plain" || fail "latency=300 changed the document"

# hang=1: no answer; curl gives up (28); /healthz still answers; the mock
# still stops on SIGTERM (checked at exit by cleanup, bounded by timeout).
start hang --fault hang=1
curl -s --max-time 1 -o /dev/null "$B/v1/feeds/water"
rc=$?
[ "$rc" = 28 ] || fail "hang=1: curl exited $rc, not 28 (timeout)"
[ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$B/healthz")" = 200 ] ||
	fail "/healthz faulted under hang=1"
hang_pid=${PIDS[-1]}
curl -s --max-time 30 -o /dev/null "$B/v1/feeds/water" &
hung=$!
sleep 0.3
kill "$hang_pid"
for _ in $(seq 1 50); do
	kill -0 "$hang_pid" 2>/dev/null || break
	sleep 0.1
done
kill -0 "$hang_pid" 2>/dev/null && fail "hang=1: the mock did not stop within 5 s of SIGTERM"
wait "$hang_pid"
rc=$?
[ "$rc" = 0 ] || fail "hang=1: the mock exited $rc on SIGTERM"
wait "$hung"

# slow=1: the whole document, dripped: slower than the plain one.
start slow --fault slow=1
t=$(curl -sS --max-time 30 -o "$WORK/slow" -w '%{time_total}' "$B/v1/feeds/water") ||
	fail "slow=1: curl failed"
cmp -s "$WORK/slow" "$WORK/plain" || fail "slow=1: not the whole document"
awk -v t="$t" 'BEGIN { exit !(t >= 0.5) }' || fail "slow=1 took only $t s"
echo "ok: all fault kinds as a client sees them"
