#!/usr/bin/env bash
# Alertmanager goes away and comes back, and hangs: the real Prometheus
# Alertmanager on a loopback port, citydash-mock with the fixed feed of two
# alarms (e2e.p1 HIHI, e2e.p2 HI), citydash in tmux linked to Alertmanager
# every second (alertmanager_interval_s 1).
#   - a silence made through the API (carol, "road works" on e2e.p2) shows;
#   - Alertmanager stopped: the status bar says "Alertmanager: unreachable"
#     and why; citydash answers keys; carol's shelve still shows; an
#     acknowledgement of e2e.p1 is done locally (journal) and waits;
#   - Alertmanager started again on the same port and storage: the note goes
#     within one interval (1 s) plus a tolerance for a loaded machine (10 s:
#     never a timed assertion); the waiting acknowledgement becomes an
#     acknowledgement silence; carol's shelve still shows, goes when her
#     silence is ended through the API and comes back when it is made again
#     (the silences are read again); the alerts are posted again;
#   - Alertmanager hung (SIGSTOP: it accepts connections, never answers):
#     keys still answered at once, the note comes (each exchange times out
#     after the interval, at least 1 s); a shelve made meanwhile waits, and
#     reaches Alertmanager once it is let go (SIGCONT);
#   - hung again: q still quits, with status 0 and the log closed.
#   alertmanager_gone_test.sh CITYDASH CITYDASH-MOCK WEBHOOK_SINK
set -uo pipefail
citydash=$1
mock=$2
sink=$3
here=$(dirname "$0")
. "$here/../e2e/lib.sh"
. "$here/am_lib.sh"
[ -n "$AM_BIN" ] || { echo "no prometheus-alertmanager installed: skipped"; exit 77; }
feed="$(cd "$here/../data" && pwd)/alarm_feed.json"

am_sink_start "$sink"
am_start
check "the mock starts" e2e_start_mock "$mock" --seed 3 --serve "/v1/feeds/e2e=$feed"
# every helper's cleanup, whichever set its trap last (a stopped
# Alertmanager is let go first, so am_stop's SIGTERM can end it)
trap 'hang_end
	kill "$E2E_MOCK_PID" 2>/dev/null; wait "$E2E_MOCK_PID" 2>/dev/null; am_cleanup; e2e_cleanup' EXIT
cfg="$E2E_TMP/e2e.json"
cat >"$cfg" <<JSON
{"sources": [{"name": "e2e", "url": "$E2E_MOCK_BASE/v1/feeds/e2e", "interval_ms": 60000}],
 "alarms": {"alertmanager_interval_s": 1}}
JSON
# am_process: Alertmanager itself (AM_PID is timeout(1) running it, which
# passes SIGTERM on but would only stop itself on SIGSTOP).
am_process() { pgrep -P "$AM_PID" | head -1; }
hang() { kill -STOP "$(am_process)"; }
hang_end() { [ -n "$AM_PID" ] && kill -CONT "$(am_process)" 2>/dev/null; }
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
later=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)
TOLERANCE=10 # seconds past the one-second interval, for a loaded CI machine

silences() { curl -s -m 5 "$AM_URL/api/v2/silences" | tr -d '\n' | sed 's/},{"id"/}\n{"id"/g'; }
ack_for() { silences | grep '"state":"active"' | grep "\"value\":\"$1\"" | grep -qF '"comment":"ACK: '; }
alert_for() {
	curl -s -m 5 "$AM_URL/api/v2/alerts" | tr -d '\n' | grep -qF "\"alarm_id\":\"$1\""
}
row() { e2e_screen c | grep -F -- "$1" | head -1; }
note() { e2e_screen c | tail -1 | grep -qF "Alertmanager: unreachable"; }
no_note() { ! e2e_screen c | grep -qF "Alertmanager:"; }
acked_row() { row "$1" | grep -qE 'ACKED|acknowledged'; }
# answers: a key is answered (the Shelved tab and back to the Active one).
answers() {
	e2e_keys c Right && e2e_wait c 5 "Shelved 1" && e2e_keys c Left && e2e_wait c 5 "[Active "
}

e2e_start c 160 40 "$citydash" --config "$cfg" --journal "$E2E_TMP/c.jsonl" \
	--alertmanager "$AM_URL" --no-bell --log "$E2E_TMP/c.log"
check "citydash shows the two alarms" e2e_wait c 20 "Alpha main pressure" "Beta main pressure"
check "... and posts them to Alertmanager" wait_for 20 alert_for e2e.p1
# carol_shelves: a silence made through the API on e2e.p2; its id in $carol.
carol_shelves() {
	carol=$(curl -s -m 5 -X POST -H 'Content-Type: application/json' "$AM_URL/api/v2/silences" \
		-d "{\"matchers\":[{\"name\":\"alarm_id\",\"value\":\"e2e.p2\",\"isRegex\":false,
		\"isEqual\":true}],\"startsAt\":\"$now\",\"endsAt\":\"$later\",\"createdBy\":\"carol\",
		\"comment\":\"road works\"}" | sed -n 's/.*"silenceID":"\([^"]*\)".*/\1/p')
	[ -n "$carol" ]
}
check "a silence is made through the API on e2e.p2" carol_shelves
e2e_keys c a
check "the alarms page counts one shelved" e2e_wait c 15 "Shelved 1" "Active alarms:"
e2e_keys c Right
check "... carol's shelve of Beta" e2e_wait c 5 "carol" "road works"
e2e_keys c Left
check "no Alertmanager note while it answers" no_note

# ---- Alertmanager goes away ----
am_stop
check "stopped: the status bar says Alertmanager is unreachable" \
	eventually $((1 + TOLERANCE)) note
why() { e2e_screen c | tail -1 | grep -qE "Alertmanager: unreachable \(.+" || { e2e_screen c | tail -1 >&2; false; }; }
check "... and why" why
check "... citydash answers keys" answers
check "... carol's shelve still shows (the last list Alertmanager gave)" \
	e2e_wait c 5 "Shelved 1"
e2e_keys c Home
check "(Alpha is first, unacknowledged)" bash -c 'grep -F "Alpha main pressure" <<<"$1" | grep -q UNACK' \
	_ "$(row "Alpha main pressure")"
e2e_keys c A
check "an acknowledgement of Alpha meanwhile is done" e2e_wait c 10 "Acknowledged e2e.p1"
check "... shows" eventually 5 acked_row "Alpha main pressure"
check "... is in the journal" grep -qF '"alarm":"e2e.p1","action":"ack"' "$E2E_TMP/c.jsonl"

# ---- Alertmanager comes back (the same port, the same storage) ----
am_start
check "back: the note goes within one interval (+${TOLERANCE}s)" eventually $((1 + TOLERANCE)) no_note
check "... the acknowledgement that waited is a silence now" wait_for $((1 + TOLERANCE)) ack_for e2e.p1
check "... carol's shelve still shows" e2e_wait c 5 "Shelved 1"
check "... her silence ended through the API" \
	curl -s -m 5 -o /dev/null -f -X DELETE "$AM_URL/api/v2/silence/$carol"
check "... goes from citydash within one interval (+${TOLERANCE}s): silences are read again" \
	e2e_wait c $((1 + TOLERANCE)) "Shelved 0"
check "... made again, shows again" carol_shelves
check "... (Shelved 1)" e2e_wait c $((1 + TOLERANCE)) "Shelved 1"
check "... the alerts are posted again" wait_for $((1 + TOLERANCE)) alert_for e2e.p2
check "... citydash answers keys" answers

# ---- Alertmanager hangs: accepts connections, never answers ----
hang
check "hung: citydash answers keys" answers
check "... the status bar says Alertmanager is unreachable (each exchange times out)" \
	eventually $((5 + TOLERANCE)) note
check "... citydash still answers keys" answers
e2e_keys c 1
check "... and changes pages" e2e_wait c 5 "Overview"
e2e_keys c a
check "... and back to the alarms" e2e_wait c 5 "Active alarms:"
e2e_keys c Right
check "(the Shelved tab)" e2e_wait c 5 "carol" "road works"
e2e_keys c Left
e2e_keys c Home S
check "the shelve form opens" e2e_wait c 10 "Shelve alarm"
e2e_keys c -l "crane on site"
e2e_keys c Enter
check "a shelve of Alpha meanwhile is done" e2e_wait c 10 "Shelved e2e.p1"
# Hung a while longer, so the exchanges that carry the shelve time out (each
# after 1 s) rather than being answered once Alertmanager goes on: not an
# assertion on time, only the scenario.
sleep 4
check "... the note still there" note
hang_end
shelved_p1() {
	silences | grep '"state":"active"' | grep '"value":"e2e.p1"' | grep -qF '"comment":"crane on site"'
}
check "let go: the note goes within one interval (+${TOLERANCE}s)" eventually $((1 + TOLERANCE)) no_note
check "... the shelve that waited is a silence now" wait_for $((1 + TOLERANCE)) shelved_p1

# ---- hung again: quitting does not wait for it ----
hang
check "hung again: the note comes" eventually $((5 + TOLERANCE)) note
e2e_keys c q
check "q quits with status 0" test "$(e2e_wait_exit c 20)" = 0
check "... the log closed" bash -c 'tail -n 1 "$1" | grep -qF "citydash stopped, exit status 0"' \
	_ "$E2E_TMP/c.log"
hang_end
e2e_finish
