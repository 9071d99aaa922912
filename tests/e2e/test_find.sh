#!/usr/bin/env bash
# End to end: finding things fast in the real citydash --demo in tmux — the
# key bar, / filtering the domain page as Chinese or ASCII is typed, the
# count of matches, n, Esc clearing the filter, number keys, F-keys and the
# status bar's fields.
#   test_find.sh CITYDASH
set -uo pipefail
citydash=$1
. "$(dirname "$0")/lib.sh"

s=find
e2e_start "$s" 80 24 "$citydash" --demo --seed 7
check "the key bar shows the overview's keys" e2e_wait "$s" 15 "Enter Open" "Tab Block" "5 Alarms"
check "the status bar leads with scope, page and the oldest data's age" \
	e2e_wait "$s" 5 "全市 │ Overview │ oldest"
e2e_keys "$s" Enter
check "Enter opens the water domain" e2e_wait "$s" 5 "Water: 45 readings" "/ Filter"
e2e_keys "$s" /
check "/ opens the filter's prompt on the key bar row" e2e_wait "$s" 5 "Filter: _" "Esc clear"
e2e_keys "$s" -l "泵站"
check "typing Chinese narrows the rows at once" e2e_wait "$s" 5 "of 45 match)" "Filter: 泵站_"
check "... to the pumping stations only" \
	bash -c '! tmux -u -S "$0" capture-pane -p -t "$1" | grep -q "水厂"' "$E2E_SOCKET" "$s"
e2e_keys "$s" Enter
check "Enter keeps the filter; the status bar shows it" \
	e2e_wait "$s" 5 "of 45 match)" "/泵站 │" "n/N Match"
e2e_keys "$s" n
check "n moves among the matches" e2e_wait "$s" 5 "of 45 match)"
e2e_keys "$s" Escape
check "Esc clears the filter, every reading is back" \
	bash -c 'for i in $(seq 50); do t=$(tmux -u -S "$0" capture-pane -p -t "$1"); grep -q "Water: 45 readings" <<<"$t" && ! grep -q "match)" <<<"$t" && exit 0; sleep 0.1; done; exit 1' \
	"$E2E_SOCKET" "$s"
e2e_keys "$s" Escape
e2e_keys "$s" 9
check "9 opens the scope picker (it left /)" e2e_wait "$s" 5 "Scope:"
e2e_keys "$s" Escape
e2e_keys "$s" F7
check "F7 opens the sources" e2e_wait "$s" 5 "Sources: 8, 0 failing"
e2e_keys "$s" 3
check "3 goes to the events board" e2e_wait "$s" 5 "Events"
e2e_keys "$s" F10
check "F10 quits with status 0" test "$(e2e_wait_exit "$s" 10)" = 0

# Without colour or UTF-8: ASCII typed, matched case-insensitively (ids).
E2E_ENV="NO_COLOR=1 LANG=C LC_ALL=C" e2e_start plain 80 24 "$citydash" --demo --seed 7
check "LANG=C: the key bar" e2e_wait plain 15 "Enter Open" "? Help"
e2e_keys plain Enter
check "LANG=C: the water domain" e2e_wait plain 5 "Water: 45 readings"
e2e_keys plain /
e2e_keys plain -l "PUMP"
check "LANG=C: typing PUMP narrows to the pumps, case-insensitively" \
	e2e_wait plain 5 "of 45 match)" "Filter: PUMP_"
e2e_keys plain Escape
check "LANG=C: Esc in the prompt clears it" \
	bash -c 'for i in $(seq 50); do t=$(tmux -u -S "$0" capture-pane -p -t "$1"); ! grep -q "match)" <<<"$t" && grep -q "/ Filter" <<<"$t" && exit 0; sleep 0.1; done; exit 1' \
	"$E2E_SOCKET" plain
e2e_keys plain q
check "LANG=C: q quits with status 0" test "$(e2e_wait_exit plain 10)" = 0

e2e_finish
