#!/usr/bin/env bash
# citydash-mock's --scale, --readings and --kpis on the real binary: strict
# values (exit 2 otherwise), and /healthz counts the city it then serves.
# Usage: mock_scale_cli_test.sh PATH/TO/citydash-mock
set -u
MOCK=${1:?usage: mock_scale_cli_test.sh PATH/TO/citydash-mock}
. "$(dirname "$0")/mock_lib.sh"

for bad in "--scale town" "--scale" "--scale City" "--readings 0" "--readings 1000001" \
	"--readings 5x" "--kpis 0" "--kpis -3" "--kpis 1e3"; do
	# shellcheck disable=SC2086 # split on purpose
	timeout 10 "$MOCK" $bad >"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "'$bad' exited $rc, want 2"
	[ -s "$WORK/err" ] || fail "'$bad' printed no message"
done
timeout 10 "$MOCK" --help >"$WORK/out" || fail "--help failed"
for opt in --scale --readings --kpis; do
	grep -q -- "$opt" "$WORK/out" || fail "--help does not list $opt"
done

# Starts the mock with the given arguments and checks /healthz's counts.
expect_counts() {
	local readings=$1 kpis=$2
	shift 2
	mock_start "$MOCK" --seed 7 "$@"
	health=$(curl -sf --max-time 10 "$MOCK_BASE/healthz") ||
		fail "/healthz failed ($*)"
	[[ "$health" == *"\"readings\":$readings,\"kpis\":$kpis,"* ]] ||
		fail "$*: want $readings readings and $kpis KPIs: $health"
	kill -TERM "$PID"
	wait "$PID" || fail "exit status $? after SIGTERM ($*)"
}

expect_counts 239 16
expect_counts 239 16 --scale demo
expect_counts 4476 911 --scale city
expect_counts 20000 50 --scale city --readings 20000 --kpis 50
expect_counts 1000 1000 --readings 1000 --kpis 1000
echo "ok"
