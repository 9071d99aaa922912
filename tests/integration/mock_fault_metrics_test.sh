#!/usr/bin/env bash
# /metrics counts the answers --fault injects: the 500s and 503s of
# error=1 and the 200s of garbage=1 and truncate=1 in
# citydash_mock_requests_total by the code the client got, and every fault
# drawn (a hang too, which gets no answer) in citydash_mock_faults_total by
# kind; promtool accepts the whole. Without --fault there is no fault family.
# Usage: mock_fault_metrics_test.sh PATH/TO/citydash-mock
set -u
MOCK=${1:?usage: mock_fault_metrics_test.sh PATH/TO/citydash-mock}
. "$(dirname "$0")/mock_lib.sh"
F=/v1/feeds/water

# counter NAME LABELS: the value of one sample of the last scrape, or 0.
counter() {
	awk -v want="$1{$2}" '$1 == want { print $2; found = 1 } END { if (!found) print 0 }' "$WORK/metrics"
}
scrape() { curl -sS --max-time 20 -o "$WORK/metrics" "$MOCK_BASE/metrics" || fail "curl /metrics"; }
get() { curl -s --max-time "${2:-20}" -o /dev/null -w '%{http_code}\n' "$MOCK_BASE$1"; }

mock_start "$MOCK" --seed 7 --tick-ms 86400000 --fault error=1
for _ in 1 2 3 4 5 6; do get $F; done >"$WORK/codes"
scrape
n500=$(grep -c '^500$' "$WORK/codes")
n503=$(grep -c '^503$' "$WORK/codes")
[ $((n500 + n503)) = 6 ] || fail "error=1 answered $(tr '\n' ' ' <"$WORK/codes")"
[ "$(counter citydash_mock_requests_total "path=\"$F\",code=\"500\"")" = "$n500" ] ||
	fail "$n500 answers 500, counted $(counter citydash_mock_requests_total "path=\"$F\",code=\"500\"")"
[ "$(counter citydash_mock_requests_total "path=\"$F\",code=\"503\"")" = "$n503" ] ||
	fail "$n503 answers 503 not counted"
[ "$(counter citydash_mock_faults_total "path=\"$F\",kind=\"error\"")" = 6 ] || fail "error faults not 6"
if command -v promtool >/dev/null; then
	promtool check metrics <"$WORK/metrics" >"$WORK/promtool" 2>&1 ||
		fail "promtool check metrics: $(cat "$WORK/promtool")"
fi

for kind in garbage truncate; do
	mock_start "$MOCK" --seed 7 --tick-ms 86400000 --fault "$kind=1"
	for _ in 1 2 3; do get $F; done >"$WORK/codes"
	[ "$(sort -u "$WORK/codes")" = 200 ] || fail "$kind=1 answered $(tr '\n' ' ' <"$WORK/codes")"
	scrape
	[ "$(counter citydash_mock_requests_total "path=\"$F\",code=\"200\"")" = 3 ] ||
		fail "$kind: the 200s not counted"
	[ "$(counter citydash_mock_faults_total "path=\"$F\",kind=\"$kind\"")" = 3 ] ||
		fail "$kind: faults not counted"
done

# A hang gets no answer (curl gives up after 1 s) and no code, but it is a
# fault. On a loaded machine the server may reach the request only after
# curl gave up: wait for the count a while (bounded).
mock_start "$MOCK" --seed 7 --tick-ms 86400000 --fault hang=1
[ "$(get $F 1)" = 000 ] || fail "hang=1 answered"
for _ in $(seq 1 50); do
	scrape
	[ "$(counter citydash_mock_faults_total "path=\"$F\",kind=\"hang\"")" = 1 ] && break
	sleep 0.1
done
[ "$(counter citydash_mock_faults_total "path=\"$F\",kind=\"hang\"")" = 1 ] || fail "hang not counted"
! grep -q "citydash_mock_requests_total{path=\"$F\"" "$WORK/metrics" || fail "a hang counted as answered"

# No --fault: no fault family.
mock_start "$MOCK" --seed 7 --tick-ms 86400000
get $F >/dev/null
scrape
! grep -q citydash_mock_faults_total "$WORK/metrics" || fail "fault family without --fault"
[ "$(counter citydash_mock_requests_total "path=\"$F\",code=\"200\"")" = 1 ] || fail "200 not counted"
echo "mock_fault_metrics: ok"
