#!/usr/bin/env bash
# citydash-mock's --scale, --readings and --kpis on the real binary: strict
# values (exit 2 otherwise), and /healthz counts the city it then serves;
# the city scale's incidents over HTTP.
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
	mock_stop TERM
	[ "$MOCK_RC" -eq 0 ] || fail "exit status $MOCK_RC after SIGTERM ($*)"
}

expect_counts 239 16
expect_counts 239 16 --scale demo
expect_counts 4476 911 --scale city
expect_counts 20000 50 --scale city --readings 20000 --kpis 50
expect_counts 1000 1000 --readings 1000 --kpis 1000

# City-scale incidents over HTTP: hundreds shown, every stage, some escalated
# and past their deadline, and /healthz counts what /v1/events lists.
mock_start "$MOCK" --seed 7 --scale city
curl -sf --max-time 20 "$MOCK_BASE/v1/events" >"$WORK/events" || fail "/v1/events failed"
curl -sf --max-time 10 "$MOCK_BASE/healthz" >"$WORK/health" || fail "/healthz failed"
shown=$(grep -o '"id":"EV-[0-9]*"' "$WORK/events" | sort -u | wc -l)
closed=$(grep -o '"stage":"closed"' "$WORK/events" | wc -l)
[ $((shown - closed)) -ge 200 ] || fail "only $((shown - closed)) open events at city scale"
for stage in sensed handling evaluating reviewing closed; do
	grep -q "\"stage\":\"$stage\"" "$WORK/events" || fail "no event $stage"
done
for want in '"escalations":[{"from":"street","to":"district"' '"due_at":"' \
	'"plan":[{"name":"' '"type_name":"' '"subcategory":"' '"level":"city"'; do
	grep -qF "$want" "$WORK/events" || fail "no $want in /v1/events"
done
grep -q "\"events\":$shown}" "$WORK/health" || fail "/healthz does not count $shown events"
mock_stop TERM
[ "$MOCK_RC" -eq 0 ] || fail "exit status $MOCK_RC after SIGTERM (events)"
echo "ok"
