#!/usr/bin/env bash
# Resize storms: the real citydash watching the seeded city mock (--scale
# city, 1 s polls) in tmux, while tmux resizes its window again and again
# (resize-window, seeded sizes from 10x5 to 200x60, a few short pauses so
# frames are drawn at sizes in between), on every page: the overview, a
# domain, the KPI board, events, tiers, alarms, the alarm history, sources,
# the wall, help, the shelve form, and the wall display (--kiosk, rotating).
# After each storm citydash still runs and, at the storm's last size, draws
# what a citydash started fresh at that size draws: the "too small" notice
# line for line at 10x5, or the page's title line and status bar (numbers
# and runs of blanks aside: the clock and the ages move); then it answers
# the next key.
#   test_storms.sh CITYDASH CITYDASH-MOCK [SEED]
set -uo pipefail
citydash=$1
mock=$2
RANDOM=${3:-1313} # the sizes and pauses are the same on every run
. "$(dirname "$0")/lib.sh"
echo "seed ${3:-1313}"

check "the city mock starts" e2e_start_mock "$mock" --scale city --seed 7
cfg="$E2E_TMP/city.json"
{
	echo '{"defaults": {"timeout_ms": 10000, "interval_ms": 1000}, "sources": ['
	for d in water power gas telecom bridge tunnel; do
		echo "{\"name\": \"$d\", \"url\": \"$E2E_MOCK_BASE/v1/feeds/$d\"},"
	done
	echo "{\"name\": \"kpis\", \"url\": \"$E2E_MOCK_BASE/v1/kpis\"},"
	echo "{\"name\": \"events\", \"url\": \"$E2E_MOCK_BASE/v1/events\"}]}"
} >"$cfg"
# fed NAME: the status bar says every source answers ("all 8 sources ok",
# or each one's name with its mark when there is room).
fed() { e2e_screen "$1" | tail -1 | grep -qE 'all 8 sources ok|events ?✔'; }
run() { echo "$citydash" --config "$cfg" --journal "$E2E_TMP/$1.jsonl" --no-bell "${@:2}"; }

# storm NAME COUNT: COUNT seeded resizes, 10x5 and 200x60 among them.
storm() {
	local i cols rows
	for ((i = 0; i < $2; i++)); do
		case $((RANDOM % 6)) in
		0) cols=10 rows=5 ;;
		1) cols=200 rows=60 ;;
		*) cols=$((10 + RANDOM % 191)) rows=$((5 + RANDOM % 56)) ;;
		esac
		tm resize-window -t "$1" -x "$cols" -y "$rows"
		((RANDOM % 4 == 0)) && sleep "0.0$((RANDOM % 9 + 1))"
	done
}

# The first and last lines with numbers as # and blanks squeezed.
ends() { e2e_screen "$1" | sed -n '1p;$p' | sed -E 's/[0-9]+/#/g; s/ +/ /g'; }
# same_ends NAME REF: the same title line and status bar (tried for a while:
# the two processes poll at their own moments).
same_ends() {
	local n
	for n in $(seq 30); do
		[ "$(ends "$1")" = "$(ends "$2")" ] && return 0
		sleep 0.2
	done
	echo "[$(ends "$1")] is not [$(ends "$2")]" >&2
	return 1
}
# frame_is NAME TEXT: the pane shows TEXT, line for line.
frame_is() { [ "$(e2e_screen "$1")" = "$2" ]; }
lines_fit() { # NAME COLS ROWS: ROWS lines, none wider than COLS
	local screen
	screen=$(e2e_screen "$1")
	[ "$(wc -l <<<"$screen")" = "$3" ] && [ "$(LC_ALL=C.UTF-8 wc -L <<<"$screen")" -le "$2" ]
}

# A fresh citydash at 10x5: the notice, cut to ten columns.
e2e_start tiny 10 5 "$(run tiny)"
check "a fresh citydash at 10x5 says the terminal is too small" e2e_wait tiny 20 "Terminal"
tiny_frame=$(e2e_screen tiny)
tm kill-session -t tiny

# page KEYS TITLE: the keys that open a page, and what its title line says.
pages=(
	"1|Overview"
	"Enter|Overview › Water"
	"2|KPIs"
	"3|Events"
	"4|Tiers"
	"5|Alarms"
	"6|Alarm history"
	"7|Sources"
	"8|Wall"
	"?|Help"
	"5 S|Shelve alarm"
)
e2e_start s 120 40 "$(run s)"
check "citydash draws the city's overview" e2e_wait s 30 "Overview" "Water"
check "... every source answers" eventually 30 fed s
n=0
for p in "${pages[@]}"; do
	keys=${p%%|*} title=${p#*|} n=$((n + 1))
	# shellcheck disable=SC2086 # keys are words
	e2e_keys s $keys
	check "$title: its page opens (key $keys)" e2e_wait s 10 "$title"
	storm s 30
	check "$title: citydash runs after 30 resizes" e2e_running s
	if ((n % 2)); then
		tm resize-window -t s -x 10 -y 5
		check "$title: at 10x5 the notice, as a fresh citydash draws it" \
			eventually 10 frame_is s "$tiny_frame"
		tm resize-window -t s -x 120 -y 40
		check "$title: back at 120x40, the page again" e2e_wait s 10 "$title"
		check "$title: ... and the status bar" eventually 10 fed s
	else
		cols=$((80 + RANDOM % 121)) rows=$((24 + RANDOM % 37))
		tm resize-window -t s -x "$cols" -y "$rows"
		e2e_start ref 120 40 "$(run ref)"
		tm resize-window -t ref -x "$cols" -y "$rows"
		check "(a fresh citydash at ${cols}x${rows})" eventually 30 fed ref
		# shellcheck disable=SC2086
		e2e_keys ref $keys
		check "(... on the $title page)" e2e_wait ref 10 "$title"
		check "$title: at ${cols}x${rows} the same title line and status bar as a fresh one" \
			same_ends s ref
		check "$title: ... $rows lines, none wider than $cols" lines_fit s "$cols" "$rows"
		tm kill-session -t ref
	fi
	[ "$title" = "Shelve alarm" ] && e2e_keys s Escape
done
e2e_keys s q
check "q quits with status 0" test "$(e2e_wait_exit s 10)" = 0

# The wall display rotating (every 2 s) through a storm.
e2e_start k 120 40 "$(run k)" --kiosk --rotate 2
check "the wall display comes up" eventually 30 fed k
storm k 60
check "wall display: citydash runs after 60 resizes" e2e_running k
tm resize-window -t k -x 10 -y 5
check "wall display: at 10x5 the notice" eventually 10 frame_is k "$tiny_frame"
tm resize-window -t k -x 100 -y 30
check "wall display: at 100x30 a page" e2e_wait k 10 "citydash │"
check "wall display: ... and the status bar" eventually 10 fed k
check "wall display: ... 30 lines, none wider than 100" lines_fit k 100 30
e2e_keys k q
check "wall display: q asks" e2e_wait k 10 "Quit the wall display?"
e2e_keys k y
check "wall display: y quits with status 0" test "$(e2e_wait_exit k 10)" = 0

e2e_finish
