#!/usr/bin/env bash
# End to end: the real citydash --demo in tmux at 80×24 and 120×40 — all six
# domains and the alarm pane on screen, drill into a domain, help, back, quit.
#   test_tui.sh CITYDASH
set -uo pipefail
citydash=$1
. "$(dirname "$0")/lib.sh"

# Every row between the title line and the status bar spans the terminal
# exactly, ending with its border (CJK counts two columns).
fits() { e2e_screen "$1" | e2e_rows_fit "$2" 2 $(($3 - 2)); } # the key bar, then the status bar

domains=(Water Power Gas Telecom Bridges Tunnels)

run_size() {
	local cols=$1 rows=$2 s="demo${1}x${2}"
	shift 2
	e2e_start "$s" "$cols" "$rows" "$citydash" --demo --seed 7
	check "${cols}x${rows}: overview shows six domains, alarms and live sources" \
		e2e_wait "$s" 15 "${domains[@]}" "Alarms:" "$@"
	check "${cols}x${rows}: every line fits the terminal" \
		fits "$s" "$cols" "$rows"

	e2e_keys "$s" Enter
	check "${cols}x${rows}: Enter opens the focused domain (Water) with every reading" \
		e2e_wait "$s" 5 "Overview › Water" "readings" "reading" "value"
	e2e_keys "$s" Down Down PageDown
	check "${cols}x${rows}: the domain page scrolls" e2e_wait "$s" 5 "/4"
	e2e_keys "$s" Tab
	check "${cols}x${rows}: Tab moves to the next domain" e2e_wait "$s" 5 "Overview › Power"
	e2e_keys "$s" Escape
	check "${cols}x${rows}: Esc goes back to the overview" e2e_wait "$s" 5 "Alarms:" "Tunnels ("

	e2e_keys "$s" '?'
	check "${cols}x${rows}: ? shows help" e2e_wait "$s" 5 "Keys" "quit" "Ctrl-L redraws"
	e2e_keys "$s" End
	check "${cols}x${rows}: help ends with the symbols and the pages" \
		e2e_wait "$s" 5 "Symbols" "stale: no fresh data" "Pages" "--dump --page NAME"
	e2e_keys "$s" BSpace
	check "${cols}x${rows}: Backspace leaves help" e2e_wait "$s" 5 "Alarms:"

	e2e_keys "$s" a
	check "${cols}x${rows}: a lists every alarm" \
		e2e_wait "$s" 5 "[Active " "Active alarms:" "UNACK" "HIHI"
	e2e_keys "$s" S
	check "${cols}x${rows}: S asks how long and why" \
		e2e_wait "$s" 5 "Shelve alarm" "Duration: 1h" "Reason:"
	# Wide characters reach the form (get_wch); Backspace takes a whole one.
	e2e_keys "$s" -l "泵房检修 q"
	check "${cols}x${rows}: the reason takes Chinese (and q is text)" \
		e2e_wait "$s" 5 "Reason:   泵房检修 q_"
	e2e_keys "$s" BSpace BSpace BSpace
	check "${cols}x${rows}: Backspace deletes a CJK character whole" \
		e2e_wait "$s" 5 "Reason:   泵房检_"
	e2e_keys "$s" Escape
	check "${cols}x${rows}: Esc closes the form, not the page" e2e_wait "$s" 5 "Active alarms:"
	e2e_keys "$s" Right
	check "${cols}x${rows}: Right shows the Shelved tab" e2e_wait "$s" 5 "[Shelved " "Shelved: 0"
	e2e_keys "$s" Left
	e2e_keys "$s" Enter
	check "${cols}x${rows}: Enter on an alarm opens its reading's page" \
		e2e_wait "$s" 5 "Reading" "Alarm history" "-10m"
	e2e_keys "$s" Escape
	check "${cols}x${rows}: Esc comes back to the alarm list" e2e_wait "$s" 5 "Active alarms:"
	e2e_keys "$s" H
	check "${cols}x${rows}: H shows the alarm history" \
		e2e_wait "$s" 5 "Alarm history:" "NORM" "UNACK"
	e2e_keys "$s" H
	e2e_keys "$s" Escape
	check "${cols}x${rows}: and Esc again to the overview" e2e_wait "$s" 5 "Alarms:" "Tunnels ("

	e2e_keys "$s" q
	check "${cols}x${rows}: q quits with status 0" test "$(e2e_wait_exit "$s" 10)" = 0
}

run_size 80 24 "✔ all 8 sources ok"
run_size 120 40 "water ✔" "events ✔" "全市 │" # the fields follow the sources

# Below 80×24: a clear notice, and the overview once the window grows.
e2e_start small 60 20 "$citydash" --demo
check "60x20: terminal too small notice" e2e_wait small 10 "Terminal too small: 60x20" "80x24"
tm resize-window -t small -x 100 -y 30
check "resized to 100x30: the overview appears" e2e_wait small 10 "Water" "Tunnels" "Alarms:"
e2e_keys small q
check "small: q quits" test "$(e2e_wait_exit small 10)" = 0

# A terminal that cannot be drawn on is refused with a reason, not garbled.
E2E_ENV="TERM=dumb" e2e_start dumb 80 24 "$citydash" --demo
check "TERM=dumb: refused with status 2" test "$(e2e_wait_exit dumb 10)" = 2
check "TERM=dumb: says why and what to do" e2e_wait dumb 3 "cannot move the cursor" "dump"

e2e_finish
