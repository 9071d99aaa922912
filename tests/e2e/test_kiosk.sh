#!/usr/bin/env bash
# End to end, the wall display (--kiosk): the real citydash in tmux against
# citydash-mock serving a fixed water feed (tests/data/alarm_feed.json,
# polled every 10 s: the unchanged document would make the data stale, and
# raise the feed's communications alarm, after three intervals). The configuration rotates the overview and the wall
# page; --rotate 2 overrides its time: the title's page changes, with no key
# hints, and goes on after the window is resized. The feed then dies: its
# communications alarm (high priority, new) interrupts the rotation with a
# banner naming it, which leaves when `a` `A` acknowledge it. q asks before
# quitting: n goes on, y quits. A second run with "banner_s": 2 sees the
# banner go by itself. A page name that is none is a usage error naming its
# place in the configuration, before any terminal is taken.
#   test_kiosk.sh CITYDASH CITYDASH-MOCK
set -uo pipefail
citydash=$1
mock=$2
. "$(dirname "$0")/lib.sh"

feed="$(cd "$(dirname "$0")/../data" && pwd)/alarm_feed.json"
banner="NEW HIGH-PRIORITY ALARM"

# gone NAME SECONDS TEXT: until TEXT is no longer on the screen.
gone() {
	local deadline=$((SECONDS + $2))
	while e2e_screen "$1" | grep -qF -- "$3"; do
		if ((SECONDS >= deadline)); then
			echo "still there after $2 s: $3" >&2
			e2e_screen "$1" >&2
			return 1
		fi
		sleep 0.2
	done
}
running() { test ! -s "$E2E_TMP/$1.status"; }
stop_mock() { kill "$E2E_MOCK_PID" 2>/dev/null; wait "$E2E_MOCK_PID" 2>/dev/null; true; }

# ---- rotation, resize, the banner until acknowledged, q ----
check "the mock starts" e2e_start_mock "$mock" --seed 3 --serve "/v1/feeds/e2e=$feed"
cfg="$E2E_TMP/wall.json"
cat >"$cfg" <<JSON
{"sources": [{"name": "e2e", "url": "$E2E_MOCK_BASE/v1/feeds/e2e", "interval_ms": 10000}],
 "display": {"kiosk": {"pages": ["overview", "wall"], "rotate_s": 600, "banner_s": 0}}}
JSON
e2e_start k 80 24 "$citydash" --config "$cfg" --journal "$E2E_TMP/j1.jsonl" --no-bell --kiosk --rotate 2
check "the wall starts on its first page" e2e_wait k 20 "│ Overview" "Water (3)"
check "... with no key hints in the title" bash -c '! grep -qE "\? help|q quit" <<<"$1"' "$(e2e_screen k)"
check "--rotate 2: the wall page follows" e2e_wait k 10 "│ Wall" "HIGH unacked"
check "... then the overview again" e2e_wait k 10 "│ Overview"
tm resize-window -t k -x 120 -y 40
check "resized to 120x40: it keeps rotating" e2e_wait k 10 "│ Wall" "HIGH unacknowledged"
check "... and back" e2e_wait k 10 "│ Overview"
tm resize-window -t k -x 80 -y 24
check "... resized back to 80x24" e2e_wait k 10 "│ Wall" "HIGH unacked"

stop_mock
check "the feed dies: a banner names its alarm" e2e_wait k 40 "$banner" "no data from source e2e"
check "... and the wall keeps running" running k
e2e_keys k a
check "a: the alarm list" e2e_wait k 10 "source:e2e" "$banner"
e2e_keys k A
check "A: acknowledged" e2e_wait k 10 "Acknowledged source:e2e"
check "... the banner leaves" gone k 10 "$banner"
check "... and the rotation goes on" e2e_wait k 10 "│ Wall"

e2e_keys k q
check "q asks before quitting" e2e_wait k 10 "Quit the wall display? y/n"
e2e_keys k n
check "... n: it goes on" gone k 10 "Quit the wall display"
check "... still running" running k
e2e_keys k q
check "q again asks" e2e_wait k 10 "Quit the wall display? y/n"
e2e_keys k y
check "... y quits with status 0" test "$(e2e_wait_exit k 10)" = 0

# ---- a banner for banner_s ----
check "a second mock starts" e2e_start_mock "$mock" --seed 3 --serve "/v1/feeds/e2e=$feed"
cfg2="$E2E_TMP/wall2.json"
cat >"$cfg2" <<JSON
{"sources": [{"name": "e2e", "url": "$E2E_MOCK_BASE/v1/feeds/e2e", "interval_ms": 10000}],
 "display": {"kiosk": {"pages": ["wall"], "rotate_s": 2, "banner_s": 2}}}
JSON
e2e_start t 80 24 "$citydash" --config "$cfg2" --journal "$E2E_TMP/j2.jsonl" --no-bell --kiosk
check "the one-page wall starts" e2e_wait t 20 "│ Wall" "HIGH unacked"
stop_mock
check "the feed dies: the banner" e2e_wait t 40 "$banner"
check "... which goes by itself after banner_s, unacknowledged" gone t 15 "$banner"
check "... the wall still running" running t
e2e_keys t q
e2e_wait t 10 "Quit the wall display? y/n" >/dev/null
e2e_keys t y
check "... q y quits" test "$(e2e_wait_exit t 10)" = 0

# ---- a page that is none ----
cfg3="$E2E_TMP/wall3.json"
cat >"$cfg3" <<JSON
{"sources": [{"name": "e2e", "url": "http://127.0.0.1:9/x"}],
 "display": {"kiosk": {"pages": ["overview", "nowhere"]}}}
JSON
"$citydash" --config "$cfg3" --kiosk </dev/null >"$E2E_TMP/out" 2>"$E2E_TMP/err"
check "an unknown kiosk page is a usage error (2)" test $? = 2
check "... naming its place" grep -qF "/display/kiosk/pages/1: no page \"nowhere\"" "$E2E_TMP/err"
"$citydash" --check-config --config "$cfg3" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
check "... also for --check-config" test $? = 2

examples="$(cd "$(dirname "$0")/../../examples" && pwd)"
"$citydash" --check-config --config "$examples/wall.json" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
check "examples/wall.json passes --check-config" test $? = 0

e2e_finish
