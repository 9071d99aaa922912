#!/usr/bin/env bash
# Signals at seeded random moments: citydash --demo in tmux gets SIGTERM or
# SIGHUP during start-up, while drawing, in the middle of a resize storm,
# with the shelve form open (an acknowledgement just made), or after a burst
# of SIGWINCH; each time the terminal is given back (normal screen, cursor
# shown, echo and line editing on) and the exit is clean: status 0, the log
# closed with "citydash stopped, exit status 0", the acknowledgement in the
# journal. A signal that comes before citydash has taken the terminal may
# end it by the signal's default action (128+N), and then not one byte of
# the alternate screen was sent. Then bursts of SIGWINCH with and without a
# real change of size: citydash runs on, answers keys and draws at the size
# the window has.
# With SIGNAL_SHIM (tests/e2e/signal_shim.c, LD_PRELOAD), SIGHUP and SIGTERM
# raised in the first curs_set(), once newterm(), cbreak() and noecho() took the
# terminal and before
# the event loop: the same clean exit.
#   test_signals.sh CITYDASH [SEED] [ROUNDS] [SIGNAL_SHIM]
set -uo pipefail
citydash=$1
seed=${2:-2613}
rounds=${3:-20}
shim=${4:-}
RANDOM=$seed
. "$(dirname "$0")/lib.sh"
echo "seed $seed, $rounds rounds"
tm start-server \; set-option -g exit-empty off # see test_process.sh

# started NAME: citydash itself runs in the pane (not the shell before it).
started() {
	local pid
	pid=$(e2e_pid "$1") && [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = citydash ]
}
untaken() { ! LC_ALL=C grep -qF $'\e[?1049h' "$E2E_TMP/$1.raw"; } # no alternate screen
# drawn_at NAME ROWS: ROWS lines, the status bar (with the scope) the last.
drawn_at() { [ "$(e2e_screen "$1" | wc -l)" = "$2" ] && e2e_screen "$1" | tail -1 | grep -qF "全市"; }
logged_stop() { tail -n 1 "$E2E_TMP/$1.log" | grep -qF "citydash stopped, exit status 0"; }
ms() { printf '0.%03d' $((RANDOM % $1)); } # a pause of up to $1 ms (< 1000)

storm() {
	local i
	for ((i = 0; i < 40; i++)); do
		tm resize-window -t "$1" -x $((10 + RANDOM % 191)) -y $((5 + RANDOM % 56)) 2>/dev/null
	done
	tm resize-window -t "$1" -x 80 -y 24 2>/dev/null
}

moments=(start-up drawing storm form winch)
for ((round = 1; round <= rounds; round++)); do
	moment=${moments[RANDOM % ${#moments[@]}]}
	sig=$( ((RANDOM % 2)) && echo TERM || echo HUP)
	s="r$round"
	what="round $round, SIG$sig $moment"
	e2e_start_raw "$s" 80 24 "$citydash" --demo --seed 7 --no-bell \
		--journal "$E2E_TMP/$s.jsonl" --log "$E2E_TMP/$s.log"
	# As soon as it runs (start-up's moments are milliseconds apart).
	for ((i = 0; i < 2000; i++)); do started "$s" && break; sleep 0.01; done
	if ! started "$s"; then
		check "$what: citydash starts" false
		continue
	fi
	pid=$(e2e_pid "$s")
	storm_pid=
	case $moment in
	start-up)
		sleep "$(ms 100)"
		;;
	drawing)
		e2e_wait "$s" 20 "Overview" "Alarms:" || check "$what: the overview" false
		sleep "$(ms 1000)"
		;;
	storm)
		e2e_wait "$s" 20 "Overview" "Alarms:" || check "$what: the overview" false
		storm "$s" &
		storm_pid=$!
		sleep "$(ms 300)"
		;;
	form)
		e2e_wait "$s" 20 "Overview" "Alarms:" || check "$what: the overview" false
		e2e_keys "$s" 5
		e2e_wait "$s" 10 "Active alarms:" "UNACK" || check "$what: the alarms page" false
		e2e_keys "$s" A
		check "$what: an alarm acknowledged" e2e_wait "$s" 10 "Acknowledged"
		e2e_keys "$s" Down S
		check "$what: the shelve form open" e2e_wait "$s" 10 "Shelve alarm"
		e2e_keys "$s" Tab Tab
		e2e_keys "$s" -l "half typed"
		sleep "$(ms 500)"
		;;
	winch)
		e2e_wait "$s" 20 "Overview" "Alarms:" || check "$what: the overview" false
		for ((i = 0; i < 50; i++)); do kill -WINCH "$pid"; done
		sleep "$(ms 200)"
		;;
	esac
	kill -"$sig" "$pid"
	[ -n "$storm_pid" ] && wait "$storm_pid"
	status=$(e2e_wait_exit "$s" 20)
	if [ "$status" = 0 ]; then
		check "$what: exit status 0" true
		check "$what: ... the log closed" eventually 5 logged_stop "$s"
	elif [ "$moment" = start-up ] && [ "$status" = $((128 + $(kill -l "$sig"))) ]; then
		check "$what: ended by the signal before the terminal was taken" \
			untaken "$s"
	else
		check "$what: exit status 0, not $status" false
		tail -n 5 "$E2E_TMP/$s.log" >&2
	fi
	check "$what: the terminal is given back" eventually 5 given_back "$s"
	if [ "$moment" = form ]; then
		check "$what: the acknowledgement is in the journal" \
			grep -qF '"action":"ack"' "$E2E_TMP/$s.jsonl"
	fi
	tm kill-session -t "$s"
done

# A signal as the terminal is taken (raised in the first curs_set()). ASan wants to
# come first among the libraries; the shim only wraps a curses call.
if [ -n "$shim" ]; then
	for sig in HUP TERM; do
		s="shim$sig"
		E2E_ENV="SIGNAL_SHIM=$sig LD_PRELOAD=$shim ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
			e2e_start "$s" 80 24 "$citydash" --demo --seed 7 --no-bell \
			--journal "$E2E_TMP/$s.jsonl" --log "$E2E_TMP/$s.log"
		check "SIG$sig as the terminal is taken: exit status 0" test "$(e2e_wait_exit "$s" 20)" = 0
		check "... the terminal is given back" eventually 5 given_back "$s"
		check "... the log closed" eventually 5 logged_stop "$s"
		tm kill-session -t "$s"
	done
fi

# Bursts of SIGWINCH: none changes the size, then with a real change.
e2e_start w 80 24 "$citydash" --demo --seed 7 --no-bell --journal "$E2E_TMP/w.jsonl"
check "winch: the overview" e2e_wait w 20 "Overview" "Alarms:"
pid=$(e2e_pid w)
for ((i = 0; i < 200; i++)); do kill -WINCH "$pid"; done
check "winch: 200 SIGWINCH at the same size: citydash runs" e2e_running w
e2e_keys w 2
check "winch: ... and answers a key (2: the KPI board)" e2e_wait w 10 "KPIs"
check "winch: ... 24 lines, the status bar last" eventually 10 drawn_at w 24
for size in 100x30 10x5 200x60 90x26; do
	tm resize-window -t w -x "${size%x*}" -y "${size#*x}"
	for ((i = 0; i < 50; i++)); do kill -WINCH "$pid"; done
done
check "winch: resized and 200 SIGWINCH more: citydash runs" e2e_running w
e2e_keys w 3
check "winch: ... answers a key (3: events)" e2e_wait w 10 "Events"
check "winch: ... and draws at 90x26: 26 lines, the status bar last" eventually 10 drawn_at w 26
e2e_keys w q
check "winch: q quits with status 0" test "$(e2e_wait_exit w 10)" = 0

e2e_finish
