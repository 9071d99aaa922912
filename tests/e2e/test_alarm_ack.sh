#!/usr/bin/env bash
# End to end, alarm acknowledgement through the keys and the journal: the
# real citydash in tmux against citydash-mock serving a fixed water feed with
# two known alarms (e2e.p1 beyond HIHI, e2e.p2 beyond HI; polled once a
# minute, so the data stays fresh for the whole test). `a` opens the alarms,
# `A` acknowledges the selected one (the first: high priority first): the
# status line confirms it, the journal has its line, the row says ACKED,
# and the selection moves on to the next unacknowledged alarm (A again
# acknowledges that one).
# A second process on the same journal shows that ack at once (replayed),
# and an ack made in the first within seconds. After quitting, a restart on
# the same journal shows both acknowledged. A journal that cannot be opened
# refuses the action with the reason.
#   test_alarm_ack.sh CITYDASH CITYDASH-MOCK
set -uo pipefail
citydash=$1
mock=$2
. "$(dirname "$0")/lib.sh"

# Three water readings: e2e.p1 beyond HIHI, e2e.p2 beyond HI, e2e.p3 normal.
feed="$(cd "$(dirname "$0")/../data" && pwd)/alarm_feed.json"

check "the mock starts" e2e_start_mock "$mock" --seed 3 --serve "/v1/feeds/e2e=$feed"
cfg="$E2E_TMP/e2e.json"
cat >"$cfg" <<JSON
{"sources": [{"name": "e2e", "url": "$E2E_MOCK_BASE/v1/feeds/e2e", "interval_ms": 60000}]}
JSON
journal="$E2E_TMP/state/journal.jsonl" # its folder does not exist yet: made

# row NAME ALARM-NAME: the screen line that names the alarm.
row() { e2e_screen "$1" | grep -F -- "$2" | head -1; }
# acked NAME ALARM-NAME: its row says acknowledged (ACKED, or the word;
# "UNACK" and "unacknowledged" are not).
acked() { row "$1" "$2" | grep -qwE 'ACKED|acknowledged'; }
not_acked() { ! acked "$@"; }
# wait_acked NAME SECONDS ALARM-NAME: until its row says acknowledged.
wait_acked() {
	local deadline=$((SECONDS + $2))
	until acked "$1" "$3"; do
		if ((SECONDS >= deadline)); then
			echo "not acknowledged on $1 after $2 s:" >&2
			e2e_screen "$1" >&2
			return 1
		fi
		sleep 0.2
	done
}
journal_has() { grep -F -- "\"alarm\":\"$1\"" "$journal" | grep -qF "\"action\":\"$2\""; }

# ---- the first process acknowledges ----
e2e_start one 160 40 "$citydash" --config "$cfg" --journal "$journal" --no-bell
check "the overview shows the two alarms" e2e_wait one 20 "Alpha main pressure" "Beta main pressure"
e2e_keys one a
check "a: the alarms page lists them" e2e_wait one 10 "Alpha main pressure" "Beta main pressure"
check "... Alpha (HIHI) is not acknowledged yet" not_acked one "Alpha main pressure"
check "... and the journal is empty" test ! -s "$journal"
e2e_keys one A
check "A: the status line confirms it" e2e_wait one 10 "Acknowledged e2e.p1"
check "... the journal has the line" journal_has e2e.p1 ack
check "... with the user" grep -qF "\"user\":\"${USER:-$(id -un)}\"" "$journal"
check "... Alpha's row says acknowledged" wait_acked one 10 "Alpha main pressure"
check "... Beta's does not" not_acked one "Beta main pressure"

# ---- a second process on the same journal ----
e2e_start two 160 40 "$citydash" --config "$cfg" --journal "$journal" --no-bell
check "a second process comes up" e2e_wait two 20 "Alpha main pressure" "Beta main pressure"
e2e_keys two a
check "... it shows Alpha acknowledged (replayed)" wait_acked two 10 "Alpha main pressure"
check "... and Beta not" not_acked two "Beta main pressure"

# In the first, A again: acknowledging Alpha moved the selection on to Beta,
# the next unacknowledged alarm (Alpha, acknowledged, now sorts below it).
e2e_keys one A
check "the first process acknowledges Beta" e2e_wait one 10 "Acknowledged e2e.p2"
check "... written to the journal" journal_has e2e.p2 ack
check "the second process shows it within seconds" wait_acked two 10 "Beta main pressure"
check "... and Gamma (normal) is not listed" bash -c '! grep -qF "Gamma main pressure" <<<"$1"' \
	"$(e2e_screen two)"

e2e_keys one q
check "q quits the first with status 0" test "$(e2e_wait_exit one 10)" = 0
e2e_keys two q
check "q quits the second with status 0" test "$(e2e_wait_exit two 10)" = 0
check "two lines in the journal, one per action" test "$(wc -l <"$journal")" -eq 2

# ---- a restart replays the journal ----
e2e_start three 160 40 "$citydash" --config "$cfg" --journal "$journal" --no-bell
check "after a restart" e2e_wait three 20 "Alpha main pressure" "Beta main pressure"
e2e_keys three a
check "... Alpha is still acknowledged" wait_acked three 10 "Alpha main pressure"
check "... and Beta" wait_acked three 10 "Beta main pressure"
e2e_keys three q
check "... q quits with status 0" test "$(e2e_wait_exit three 10)" = 0

# ---- --dump reads the same journal ----
out=$("$citydash" --config "$cfg" --journal "$journal" --dump --page alarms --size 160x40)
check "--dump --page alarms shows both acknowledged" \
	bash -c 'grep -F "Alpha main pressure" <<<"$1" | grep -qwE "ACKED|acknowledged" &&
		grep -F "Beta main pressure" <<<"$1" | grep -qwE "ACKED|acknowledged"' _ "$out"

# ---- a journal that cannot be opened ----
e2e_start bad 160 40 "$citydash" --config "$cfg" --journal /dev/null/journal.jsonl --no-bell
check "with a journal that cannot be opened it runs" e2e_wait bad 20 "Alpha main pressure"
e2e_keys bad a
e2e_keys bad A
check "... and A is refused with the reason" e2e_wait bad 10 "journal is not usable" "/dev/null/journal.jsonl"
check "... Alpha stays unacknowledged" not_acked bad "Alpha main pressure"
e2e_keys bad q
check "... q quits with status 0" test "$(e2e_wait_exit bad 10)" = 0

e2e_finish
