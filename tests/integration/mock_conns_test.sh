#!/usr/bin/env bash
# The real citydash-mock holds 1,000 keep-alive connections at once and
# answers a feed document on every one of them, twice (mock_conns_client).
# Usage: mock_conns_test.sh PATH/TO/citydash-mock PATH/TO/mock_conns_client
# Exit 77 (skipped) only if the hard limit on open files is below what the
# client needs.
set -u
MOCK=${1:?usage: mock_conns_test.sh PATH/TO/citydash-mock PATH/TO/mock_conns_client}
CLIENT=${2:?usage: mock_conns_test.sh PATH/TO/citydash-mock PATH/TO/mock_conns_client}
. "$(dirname "$0")/mock_lib.sh"
N=1000

# One step a day: the same document on every connection.
mock_start "$MOCK" --seed 7 --tick-ms 86400000
"$CLIENT" "$PORT" "$N" /v1/feeds/water
rc=$?
[ "$rc" = 77 ] && exit 77
[ "$rc" = 0 ] || fail "mock_conns_client exited $rc"
# Still serving, and it says nothing about files or connections.
[ "$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' "$MOCK_BASE/healthz")" = 200 ] ||
	fail "no answer after the $N connections"
[ ! -s "$WORK/err" ] || fail "the mock complained"
echo "mock_conns: ok"
