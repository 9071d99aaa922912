#!/usr/bin/env bash
# The issue's checks with real processes: the real Prometheus Alertmanager on
# a loopback port (webhook receiver served by the test), citydash-mock with a
# fixed water feed of two alarms (e2e.p1 beyond HIHI, e2e.p2 beyond HI; e2e.p3 is normal), and
# citydash:
#   #1 in tmux with --alertmanager and its own journal: its alarms reach the
#      receiver, and Alertmanager's API holds them as alerts with their labels;
#   #1 acknowledging Beta (A) makes an acknowledgement silence (user@host,
#      "ACK: "), and a --dump with a journal of its own (another host) shows
#      Beta acknowledged through Alertmanager alone, Alpha not;
#   #1 shelving Alpha through the keys (a, S, the form: duration, reason,
#      Enter) creates a silence, seen through Alertmanager's API;
#   a silence made through the API on Beta shows as shelved, with who and
#      why, in #1 within a poll, and both shelves in #2 (in tmux too, with a
#      journal of its own: it can know only through Alertmanager) and in a
#      --dump;
#   #1 unshelving (U) ends the silence, and #2 sees it end;
#   with Alertmanager stopped, #1 says so and runs on, and --dump still
#      prints (its wait for Alertmanager is bounded).
#   alertmanager_e2e_test.sh CITYDASH CITYDASH-MOCK WEBHOOK_SINK
set -uo pipefail
citydash=$1
mock=$2
sink=$3
here=$(dirname "$0")
. "$here/../e2e/lib.sh"
. "$here/am_lib.sh"
[ -n "$AM_BIN" ] || { echo "no prometheus-alertmanager installed: skipped"; exit 77; }

# Three water readings: e2e.p1 beyond HIHI, e2e.p2 beyond HI, e2e.p3 normal.
feed="$(cd "$here/../data" && pwd)/alarm_feed.json"

am_sink_start "$sink"
am_start
check "the mock starts" e2e_start_mock "$mock" --seed 3 --serve "/v1/feeds/e2e=$feed"
# every helper's cleanup, whichever set its trap last
trap 'kill "$E2E_MOCK_PID" 2>/dev/null; wait "$E2E_MOCK_PID" 2>/dev/null; am_cleanup; e2e_cleanup' EXIT
cfg="$E2E_TMP/e2e.json"
cat >"$cfg" <<JSON
{"sources": [{"name": "e2e", "url": "$E2E_MOCK_BASE/v1/feeds/e2e", "interval_ms": 60000}],
 "alarms": {"alertmanager_interval_s": 1}}
JSON
user=${USER:-$(id -un)}

# silences: Alertmanager's silences (JSON objects, one a line)
silences() { curl -s -m 5 "$AM_URL/api/v2/silences" | tr -d '\n' | sed 's/},{"id"/}\n{"id"/g'; }
# active_for ID: the active shelve silences on alarm_id=ID (not the ACK ones)
active_for() {
	silences | grep '"state":"active"' | grep "\"value\":\"$1\"" | grep -vF '"comment":"ACK: '
}
# ack_for ID: the active acknowledgement silences on alarm_id=ID
ack_for() {
	silences | grep '"state":"active"' | grep "\"value\":\"$1\"" | grep -F '"comment":"ACK: '
}
# alert_for ID: citydash's alert for alarm ID in Alertmanager's API (one line)
alert_for() {
	curl -s -m 5 "$AM_URL/api/v2/alerts" | tr -d '\n' |
		sed 's/},{"\(annotations\|id\)"/}\n{"\1"/g' |
		grep -F '"alertname":"citydash"' | grep -F "\"alarm_id\":\"$1\""
}
dump() {
	timeout 30 "$citydash" --config "$cfg" --journal "$E2E_TMP/dump.jsonl" --alertmanager "$AM_URL" \
		--dump --page alarms --size 160x40 2>&1
}
not() { ! "$@" >/dev/null; }
acked() { grep -F -- "$2" <<<"$1" | grep -qwE 'ACKED|acknowledged'; }
hooked() { grep -q "\"alarm_id\":\"$1\"" "$WORK/hooks"; }
row() { e2e_screen "$1" | grep -F -- "$2" | head -1; }

# ---- #1: its alarms reach Alertmanager's receiver ----
e2e_start one 160 40 "$citydash" --config "$cfg" --journal "$E2E_TMP/one.jsonl" \
	--alertmanager "$AM_URL" --no-bell
check "citydash #1 shows the two alarms" e2e_wait one 20 "Alpha main pressure" "Beta main pressure"
check "Alpha's alarm reaches the webhook receiver" wait_for 30 hooked e2e.p1
check "... and Beta's" wait_for 30 hooked e2e.p2
check "... with its labels and annotations" \
	bash -c 'grep "\"alarm_id\":\"e2e.p1\"" "$1" | head -1 |
		grep -F "\"alertname\":\"citydash\"" | grep -F "\"district\":\"North\"" |
		grep -qF "\"name\":\"Alpha main pressure\""' _ "$WORK/hooks"

alert_for e2e.p1 >"$E2E_TMP/a1"
check "Alertmanager's API holds Alpha's alert, high priority" grep -qF '"priority":"high"' "$E2E_TMP/a1"
check "... where it is: domain, district, street" \
	bash -c 'grep -F "\"district\":\"North\",\"domain\":\"water\"" "$1" | grep -qF "\"street\":\"First\""' \
	_ "$E2E_TMP/a1"
beta_medium() { alert_for e2e.p2 | grep -qF '"priority":"medium"'; }
check "... and Beta's, medium priority" beta_medium

# ---- #1 acknowledges Beta: an acknowledgement silence ----
e2e_keys one a
check "a: the alarms page lists them" e2e_wait one 10 "Alpha main pressure" "Beta main pressure"
# Alpha (HIHI, high) is listed first, Beta second.
e2e_keys one Down A
check "A acknowledges Beta" e2e_wait one 10 "Acknowledged e2e.p2"
check "... an acknowledgement silence on e2e.p2 (\"ACK: \")" wait_for 20 ack_for e2e.p2
ack_by_user() { ack_for e2e.p2 | grep -qF "\"createdBy\":\"$user@$(hostname)\""; }
check "... made by the user (user@host)" ack_by_user
check "... none on Alpha" test -z "$(ack_for e2e.p1)"
out=$(dump)
check "--dump with a journal of its own shows Beta acknowledged through Alertmanager" \
	acked "$out" "Beta main pressure"
check "... and Alpha not" not acked "$out" "Alpha main pressure"
check "... its journal is untouched" test ! -s "$E2E_TMP/dump.jsonl"
[ "$E2E_FAILED" -eq 0 ] || echo "$out" >&2

# ---- #1 shelves Alpha through the keys: a silence ----
# Beta acknowledged goes after Alpha unacknowledged: Home is Alpha.
e2e_keys one Home
before=$(date +%s)
e2e_keys one S
check "S opens the shelve form" e2e_wait one 10 "Enter shelve"
e2e_keys one Tab BSpace BSpace BSpace 30m Tab
e2e_keys one -l "valve swap"
e2e_keys one Enter
check "the status line confirms the shelve" e2e_wait one 10 "Shelved e2e.p1"
check "... Alertmanager holds a silence on e2e.p1" wait_for 20 bash -c \
	"curl -s -m 5 '$AM_URL/api/v2/silences' | grep -q '\"value\":\"e2e.p1\"'"
active_for e2e.p1 >"$E2E_TMP/s1"
check "... one, active" test "$(wc -l <"$E2E_TMP/s1")" -eq 1
check "... made by the user (user@host)" grep -qF "\"createdBy\":\"$user@$(hostname)\"" "$E2E_TMP/s1"
check "... for the reason given" grep -qF '"comment":"valve swap"' "$E2E_TMP/s1"
check "... on citydash's alert" grep -qF '"name":"alertname","value":"citydash"' "$E2E_TMP/s1"
ends=$(sed 's/.*"endsAt":"\([^"]*\)".*/\1/' "$E2E_TMP/s1")
ends_s=$(date -d "$ends" +%s 2>/dev/null || echo 0)
check "... ending in 30 minutes ($ends)" \
	test $((ends_s - before)) -ge 1790 -a $((ends_s - before)) -le 1830

# ---- a silence made through the API on Beta ----
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
later=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)
check "a silence is made through the API on e2e.p2" bash -c "curl -s -m 5 -X POST \
	-H 'Content-Type: application/json' '$AM_URL/api/v2/silences' -d '{\"matchers\":[
	{\"name\":\"alarm_id\",\"value\":\"e2e.p2\",\"isRegex\":false,\"isEqual\":true}],
	\"startsAt\":\"$now\",\"endsAt\":\"$later\",\"createdBy\":\"carol\",
	\"comment\":\"road works\"}' | grep -q silenceID"
e2e_keys one Right
check "#1's Shelved tab shows Beta shelved by carol for road works" \
	e2e_wait one 15 "Beta main pressure" "carol" "road works"
check "... on Beta's row" bash -c 'grep -F "Beta main pressure" <<<"$1" | grep -F carol | grep -qF "road works"' \
	_ "$(e2e_screen one)"
check "... and Alpha shelved by $user for valve swap" \
	bash -c 'grep -F "Alpha main pressure" <<<"$1" | grep -F "$2" | grep -qF "valve swap"' \
	_ "$(e2e_screen one)" "$user"

# ---- #2, another process with a journal of its own: it can know only through Alertmanager ----
e2e_start two 160 40 "$citydash" --config "$cfg" --journal "$E2E_TMP/two.jsonl" \
	--alertmanager "$AM_URL" --no-bell
check "citydash #2 comes up" e2e_wait two 20 "Alpha main pressure"
e2e_keys two a
e2e_keys two Right
check "#2's Shelved tab shows Beta shelved by carol for road works" \
	e2e_wait two 15 "Beta main pressure" "carol" "road works"
check "... and Alpha shelved by $user for valve swap" \
	e2e_wait two 15 "Alpha main pressure" "valve swap"
check "... on Alpha's row" bash -c 'grep -F "Alpha main pressure" <<<"$1" | grep -F "$2" | grep -qF "valve swap"' \
	_ "$(e2e_screen two)" "$user"
check "#2 wrote no journal line" test ! -s "$E2E_TMP/two.jsonl"
out=$(dump)
check "--dump (#3) counts both shelved" grep -qE "Shelved 2 " <<<"$out"
[ "$E2E_FAILED" -eq 0 ] || echo "$out" >&2

# ---- #1 unshelves Alpha: the silence ends ----
check "(Alpha's silence is there to end)" test -n "$(active_for e2e.p1)"
e2e_keys one Home
row one "Alpha main pressure" | grep -qF "valve swap" && first=1 || first=0
[ "$first" = 1 ] || e2e_keys one Down
e2e_keys one U
check "U: the status line confirms it" e2e_wait one 10 "Unshelved e2e.p1"
check "... and Alertmanager's silence on e2e.p1 ends" wait_for 20 not active_for e2e.p1
check "... carol's on e2e.p2 stays" test -n "$(active_for e2e.p2)"
check "#2 no longer shows Alpha shelved" wait_for 15 bash -c \
	'! grep -qF "valve swap" <<<"$(tmux -u -S "$1" -f /dev/null capture-pane -p -t two)"' _ "$E2E_SOCKET"

check "... Beta's acknowledgement silence stays" test -n "$(ack_for e2e.p2)"

# ---- Alertmanager stopped ----
am_stop
check "#1 says Alertmanager is unreachable" e2e_wait one 15 "Alertmanager: unreachable"
check "... and runs on" e2e_wait one 10 "Beta main pressure"
out=$(dump)
status=$?
check "--dump still prints, within its bound, with Alertmanager stopped (status $status)" \
	test "$status" = 0
check "... the alarms" grep -qF "Alpha main pressure" <<<"$out"

e2e_keys two q
check "q quits #2 with status 0" test "$(e2e_wait_exit two 10)" = 0
e2e_keys one q
check "q quits #1 with status 0" test "$(e2e_wait_exit one 10)" = 0
e2e_finish
