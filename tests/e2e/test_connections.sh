#!/usr/bin/env bash
# citydash keeps one connection for each source: eight sources on one mock
# city, polled every second (the bench's and a wall's set-up), open at most
# eight connections over fifteen seconds. libcurl's cache holds four
# connections per transfer under way, and a source's transfer is under way
# only while it polls: before citydash sized the cache to its sources
# (CURLMOPT_MAXCONNECTS), about one connection a second was closed and made
# again, a TLS handshake each over https.
#   test_connections.sh CITYDASH CITYDASH_MOCK
set -uo pipefail
citydash=$1
mock=$2
. "$(dirname "$0")/lib.sh"

check "mock city started on an ephemeral port" e2e_start_mock "$mock" --seed 5
port=${E2E_MOCK_BASE##*:}
# The eight feeds of examples/demo.json, the example users run.
config="$E2E_TMP/eight.json"
sed "s|http://127.0.0.1:8080|$E2E_MOCK_BASE|" "$(dirname "$0")/../../examples/demo.json" >"$config"
check "the example names eight sources" test "$(grep -c '"url"' "$config")" = 8

# connections_to PORT: TCP sockets to 127.0.0.1:PORT in /proc/net/tcp, in
# any state. A socket citydash closed stays there in TIME-WAIT for a
# minute, longer than this test: every connection it made is counted.
connections_to() {
	awk -v port="$(printf '%04X' "$1")" '
		NR > 1 { split($3, r, ":"); if (r[1] == "0100007F" && r[2] == port) n++ }
		END { print n + 0 }' /proc/net/tcp
}

before=$(connections_to "$port")
e2e_start eight 120 40 "$citydash" --config "$config"
check "eight sources shown ok" e2e_wait eight 15 "water ✔" "tunnel ✔" "kpis ✔" "events ✔"
sleep 15
made=$(($(connections_to "$port") - before))
echo "# $made connections made to the mock"
check "at most one connection a source over 15 s of 1 s polls ($made)" test "$made" -le 8
check "the connections were counted (at least one)" test "$made" -ge 1
e2e_keys eight q
check "q quits with status 0" test "$(e2e_wait_exit eight 10)" = 0
e2e_finish
