#!/usr/bin/env bash
# citydash-mock --scale city under valgrind (memcheck) while a bounded load
# hits it: hundreds of requests from four clients at once, plain and gzip,
# 304s, HEAD, 404, 405, 413, /metrics and /healthz, over keep-alive
# connections, across several ticks (--tick-ms 250: documents are rebuilt
# and swapped while sent). Then SIGTERM with a connection still open: the
# mock must exit 0 with no memory error and no definite leak. A second,
# demo-scale run stops on SIGINT.
# Usage: mock_valgrind_load_test.sh PATH/TO/citydash-mock [VALGRIND]
set -u
MOCK=${1:?usage: mock_valgrind_load_test.sh PATH/TO/citydash-mock [VALGRIND]}
VALGRIND=${2:-valgrind}
. "$(dirname "$0")/mock_lib.sh"
F=/v1/feeds/water

# vg_start NAME [OPTION]...: the mock under valgrind on port 0; sets PID, B.
vg_start() {
	local name=$1
	shift
	timeout 300 "$VALGRIND" --quiet --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite "$MOCK" --port 0 "$@" \
		>"$WORK/$name.out" 2>"$WORK/$name.err" &
	PID=$!
	MOCK_PIDS+=("$PID")
	for _ in $(seq 1 600); do
		[ -s "$WORK/$name.out" ] && break
		sleep 0.1
	done
	B=$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$WORK/$name.out")
	[ -n "$B" ] || fail "$name: no listening line: $(cat "$WORK/$name.err")"
}

# vg_stop NAME SIGNAL: stops it, wants exit 0 and a quiet valgrind.
vg_stop() {
	kill -"$2" "$PID"
	wait "$PID"
	local rc=$?
	[ "$rc" = 0 ] || fail "$1: exit $rc after SIG$2: $(cat "$WORK/$1.err")"
	[ ! -s "$WORK/$1.err" ] || fail "$1: valgrind or the mock said: $(cat "$WORK/$1.err")"
}

# client N: N rounds of requests over a few keep-alive connections.
client() {
	local etag etag_gz
	for _ in $(seq 1 "$1"); do
		curl -s --max-time 30 -D "$WORK/h.$BASHPID" -o /dev/null "$B$F" -o /dev/null "$B/v1/kpis" \
			-o /dev/null "$B/v1/events" -o /dev/null "$B/nope" -o /dev/null "$B/healthz" || return 1
		etag=$(tr -d '\r' <"$WORK/h.$BASHPID" | sed -n 's/^ETag: //Ip' | head -1)
		curl -s --max-time 30 -H 'Accept-Encoding: gzip' -D "$WORK/hz.$BASHPID" -o /dev/null "$B$F" \
			-o /dev/null "$B/v1/feeds/power" || return 1
		etag_gz=$(tr -d '\r' <"$WORK/hz.$BASHPID" | sed -n 's/^ETag: //Ip' | head -1)
		curl -s --max-time 30 -o /dev/null -H "If-None-Match: $etag" "$B$F" \
			-o /dev/null -H "If-None-Match: $etag_gz" -H 'Accept-Encoding: gzip' "$B$F" || return 1
		curl -s --max-time 30 -I -o /dev/null "$B$F" || return 1
	done
	curl -s --max-time 30 -o /dev/null -X POST "$B$F"
	curl -s --max-time 30 -o /dev/null -X GET --data-binary x=1 "$B$F"
	curl -s --max-time 30 -o /dev/null "$B/metrics"
}

vg_start city --scale city --tick-ms 250
pids=()
for _ in 1 2 3 4; do
	client 12 &
	pids+=($!)
done
for p in "${pids[@]}"; do
	wait "$p" || fail "a client failed"
done
curl -s --max-time 30 -o "$WORK/metrics" "$B/metrics" || fail "curl /metrics"
n=$(awk '/^citydash_mock_requests_total/ { s += $2 } END { print s + 0 }' "$WORK/metrics")
[ "$n" -ge 480 ] || fail "only $n requests counted"
# An idle keep-alive connection still open when the signal comes.
exec 3<>"/dev/tcp/127.0.0.1/${B##*:}" || fail "cannot hold a connection"
printf 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n' >&3
vg_stop city TERM
exec 3>&-

vg_start demo --tick-ms 250
client 2 || fail "demo client failed"
vg_stop demo INT
echo "mock_valgrind_load: ok ($n requests)"
