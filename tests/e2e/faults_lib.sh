# Helpers for the fault tests of issue 13 (test_faults*.sh): a controllable
# feed (tests/tools/fault_feed.c) under a real citydash in tmux, one source
# polled every second. Source after lib.sh.
# shellcheck shell=bash
#
# The configuration, and what it decides:
#   interval_ms 1000, timeout_ms 2000: a hung or dripping feed is declared
#     failing ("no answer within 2000 ms") at most 1 s + 2 s after it starts;
#   max_body_bytes: the default, 16 MiB: the 40 MiB answer is refused
#     (test_faults_huge.sh sets 64 MiB, and a 10 s timeout, to take it);
#   max_bytes 4 MiB (the feed's good document needs a few KiB).
# Recovery: none of these faults is a server in distress (5xx, 429), so a
# failing source is polled on at its interval (README "Use"), and once the
# feed is healthy it is read again within one interval, 1 s here. The tests
# turn the feed good right after a failed try (the worst moment: the whole
# wait ahead; failed_again), and first check, from the log, that the next
# try was planned within one interval: that part is exact. The time to show
# ok again is bounded by FAULTS_RECOVERY = the interval + FAULTS_TOLERANCE
# (3 s) = 4 s. The tolerance is for what is not citydash's wait: the log
# line read after the failure, the request, parse and redraw of the sources
# page, tmux capturing the pane every 0.1 s, all of it slowed on a loaded
# 2-core CI machine or in the sanitizer build. Measured: 0.8-1.4 s (gcc and
# ASan+UBSan, with other builds running); with the backoff of old (3.2-4 s
# after two failures) 3.2-4.3 s, and the planned wait in the log, 3-4 s,
# fails the check above. FAULTS_TOLERANCE may be set to measure.
# Memory: the citydash process's peak RSS (VmHWM) must stay under the bound
# the README states, 32 MiB + 3 x max_bytes + 2 x max_body_bytes + max_bytes
# (80 MiB here, 176 MiB in test_faults_huge.sh); not checked under
# AddressSanitizer (see faults.cmake).

FAULTS_INTERVAL_S=1
FAULTS_TOLERANCE=${FAULTS_TOLERANCE:-3}
FAULTS_RECOVERY=$((FAULTS_INTERVAL_S + FAULTS_TOLERANCE))
FAULTS_DETECT=20 # a generous limit for a fault to show (expected within 3-5 s)
MiB=$((1024 * 1024))
FAULTS_MAX_BYTES=$((4 * MiB))
FAULTS_MAX_BODY=${FAULTS_MAX_BODY:-$((16 * MiB))} # a test may set these two first
FAULTS_TIMEOUT_MS=${FAULTS_TIMEOUT_MS:-2000}
FAULTS_MEMORY_BOUND=$((32 * MiB + 3 * FAULTS_MAX_BYTES + 2 * FAULTS_MAX_BODY + FAULTS_MAX_BYTES))

# ff_start FAULT_FEED [ARGS...]: starts the feed; sets FF_PID, FF_URL, FF_PORT.
ff_start() {
	local out="$E2E_TMP/ff.out"
	: >"$out"
	"$@" >"$out" 2>&1 &
	FF_PID=$!
	for _ in $(seq 50); do
		grep -q "listening on" "$out" && break
		kill -0 "$FF_PID" 2>/dev/null || break
		sleep 0.1
	done
	FF_URL=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$out")
	FF_PORT=${FF_URL##*:}
	FF_PORT=${FF_PORT%/}
	test -n "$FF_URL"
}
ff_stop() { [ -n "${FF_PID:-}" ] && kill "$FF_PID" 2>/dev/null && wait "$FF_PID" 2>/dev/null; }
trap 'ff_stop; e2e_cleanup' EXIT

# (gzipbomb: the feed gzips 40 MiB first, a second or more.)
ff_mode() { test "$(curl -sS --max-time 30 "${FF_URL}control?mode=$1")" = "mode $1"; }
# ff_count WHAT: the feed's count of requests or dripped bytes.
ff_count() { curl -sS --max-time 5 "${FF_URL}control" | sed -n "s/.* $1 \([0-9]*\).*/\1/p"; }

# faults_start_citydash CITYDASH: writes the configuration and starts
# citydash in session "f" (120x40, every byte it sends kept in f.raw, its
# log in citydash.log); sets CD_PID and FAULTS_TITLE (the pane's title
# before citydash ran, which no feed may change).
faults_start_citydash() {
	cat >"$E2E_TMP/city.json" <<JSON
{ "defaults": { "max_bytes": $FAULTS_MAX_BYTES, "max_body_bytes": $FAULTS_MAX_BODY },
  "sources": [ { "name": "faulty", "url": "${FF_URL}v1/feed",
                 "interval_ms": $((FAULTS_INTERVAL_S * 1000)), "timeout_ms": $FAULTS_TIMEOUT_MS } ] }
JSON
	cat >"$E2E_TMP/run.sh" <<SH
#!/bin/sh
echo \$\$ >"$E2E_TMP/citydash.pid"
exec "$1" --config "$E2E_TMP/city.json" --log "$E2E_TMP/citydash.log"
SH
	chmod +x "$E2E_TMP/run.sh"
	e2e_start_raw f 120 40 "$E2E_TMP/run.sh"
	FAULTS_TITLE=$(e2e_format f '#{pane_title}')
	for _ in $(seq 50); do
		[ -s "$E2E_TMP/citydash.pid" ] && break
		sleep 0.1
	done
	CD_PID=$(cat "$E2E_TMP/citydash.pid" 2>/dev/null)
	test -n "$CD_PID"
}

cd_alive() { kill -0 "$CD_PID" 2>/dev/null && [ ! -s "$E2E_TMP/f.status" ]; }
cd_kib() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$CD_PID/status"; }

# Screens of the sources page (s) with the one source.
SRC_OK="faulty           ✔ ok"
SRC_FAILING="faulty           ✖ failing"
status_bar() { e2e_screen f | tail -1; }

# status_says TEXT...: the status bar (the last line) holds every TEXT.
status_says() {
	local bar p
	bar=$(status_bar)
	for p in "$@"; do
		grep -qF -- "$p" <<<"$bar" || {
			echo "status bar: [$bar], not [$p]" >&2
			return 1
		}
	done
}

# responsive: with the fault on, ? opens help and Backspace leaves it for
# the sources page again.
responsive() {
	e2e_keys f '?' && e2e_wait f 5 "Keys" "Ctrl-L redraws" &&
		e2e_keys f BSpace && e2e_wait f 5 "Sources: 1,"
}

# fault_shows WHAT REASON: the source shows failing with REASON on the
# sources page and in the status bar; citydash is up and answers a key.
fault_shows() {
	local what=$1 reason=$2
	check "$what: the source fails, the sources page says why" \
		e2e_wait f "$FAULTS_DETECT" "$SRC_FAILING" "reason: $reason"
	check "$what: ... and the status bar" status_says "✖ $reason" ": faulty"
	check "$what: citydash is up and answers a key (help and back)" responsive
	check "$what: ... still up" cd_alive
}

# recovers WHAT: the feed is healthy from now; the source must show ok on
# the sources page within FAULTS_RECOVERY seconds, to the millisecond (the
# time taken is printed).
recovers() {
	local what=$1 t0=${EPOCHREALTIME/./} ms
	ok_within() {
		while :; do
			ms=$(((${EPOCHREALTIME/./} - t0) / 1000))
			e2e_screen f | grep -qF -- "$SRC_OK" && return 0
			if ((ms > FAULTS_RECOVERY * 1000)); then
				echo "not ok after ${ms} ms:" >&2
				e2e_screen f >&2
				return 1
			fi
			sleep 0.1
		done
	}
	check "$what: healthy again, the source recovers within ${FAULTS_RECOVERY}s" ok_within
	printf '# %s: ok again %d.%d s after the feed was healthy\n' "$what" $((ms / 1000)) $((ms % 1000 / 100))
	check "$what: ... the status bar says so" status_says "faulty ✔"
}

# failed_again: waits for the log to report a failed try of the source made
# after the call, at least its 2nd in a row (with the backoff of old, the
# one after which it waited its cap); sets FAILED_NEXT to the wait the log
# says it planned ("next try in X s"; empty if the next try had begun).
# The caller turns the feed good at once: right after a failed try, the
# worst moment, with the whole wait to the next try ahead.
failed_again() {
	local log="$E2E_TMP/citydash.log" from line n deadline=$((SECONDS + FAULTS_DETECT))
	from=$(($(stat -c %s "$log") + 1))
	until
		line=$(tail -c +"$from" "$log" | grep -E 'source "faulty": failed [0-9]+ times? in a row' | tail -1)
		n=$(sed -n 's/.* failed \([0-9]*\) time.*/\1/p' <<<"$line")
		[ -n "$n" ] && [ "$n" -ge 2 ]
	do
		((SECONDS < deadline)) || return 1
		sleep 0.05
	done
	FAILED_NEXT=$(sed -n 's/.*next try in \([0-9.]*\) s.*/\1/p' <<<"$line")
}

# planned_within_interval: FAILED_NEXT is at most one interval. None of
# these faults is a server in distress, so the source is not backed off.
planned_within_interval() {
	[ -z "$FAILED_NEXT" ] || awk -v x="$FAILED_NEXT" -v i="$FAULTS_INTERVAL_S" 'BEGIN { exit !(x <= i) }'
}

# feed_fails_twice WHAT: the log reports a failed try of at least the 2nd in
# a row, planned within one interval.
feed_fails_twice() {
	check "$1: a failed try just now, the 2nd in a row or later" failed_again
	check "$1: ... its next try planned within one interval (in ${FAILED_NEXT:-0} s)" \
		planned_within_interval
}

# fault_cycle MODE REASON: the feed turns MODE, the source fails with
# REASON (twice in a row at least), the feed turns good right after a failed
# try, the source recovers.
fault_cycle() {
	check "$1: the feed turns $1" ff_mode "$1"
	fault_shows "$1" "$2"
	feed_fails_twice "$1"
	ff_mode good
	recovers "$1"
}

# memory_bounded: VmHWM of citydash under FAULTS_MEMORY_BOUND; skipped when
# the first argument of the test said so (the sanitizer build).
memory_bounded() {
	local hwm
	hwm=$(cd_kib VmHWM)
	echo "# citydash VmHWM $((hwm / 1024)) MiB, bound $((FAULTS_MEMORY_BOUND / MiB)) MiB"
	if [ "${FAULTS_NO_MEMORY:-0}" = 1 ]; then
		echo "# memory bound not checked (sanitizer build: shadow memory and quarantine)"
		return 0
	fi
	check "peak RSS (VmHWM) under the bound" test $((hwm * 1024)) -lt "$FAULTS_MEMORY_BOUND"
}

# no_escape_reached: nothing a feed sent reached the terminal, checked on the
# bytes citydash sent (pipe-pane), the pane's title and its contents.
no_escape_reached() {
	local raw="$E2E_TMP/f.raw"
	check "bytes were recorded" test -s "$raw"
	check "no OSC (ESC ]), DCS (ESC P) or ESC [2J in the bytes sent" \
		bash -c '! LC_ALL=C grep -aq -e $'"'"'\e]'"'"' -e $'"'"'\eP'"'"' -e $'"'"'\e\[2J'"'"' "$0"' "$raw"
	check "no payload of a removed sequence (HACKED) in the bytes sent" \
		bash -c '! LC_ALL=C grep -aq HACKED "$0"' "$raw"
	check "the bytes sent are valid UTF-8 (no raw 0x9b/0x9d, no invalid byte)" \
		iconv -f UTF-8 -t UTF-8 -o /dev/null "$raw"
	check "no C1 control (U+0080-U+009F) in the bytes sent" \
		bash -c '! LC_ALL=C.UTF-8 grep -aqP "[\x{80}-\x{9f}]" "$0"' "$raw"
	check "the pane's title is unchanged ($FAULTS_TITLE)" \
		test "$(e2e_format f '#{pane_title}')" = "$FAULTS_TITLE"
	check "the pane shows no payload" bash -c '! grep -q HACKED <<<"$0"' "$(e2e_screen f)"
}

# quits: q ends citydash with status 0.
quits() {
	e2e_keys f q
	check "q quits with status 0" test "$(e2e_wait_exit f 10)" = 0
}

# faults_begin CITYDASH FAULT_FEED: the fault feed and citydash started, the
# healthy feed shown, and the sources page open with the source ok: where
# every fault test begins.
faults_begin() {
	check "the fault feed started" ff_start "$2"
	check "citydash started" faults_start_citydash "$1"
	check "the healthy feed is shown" e2e_wait f 10 "Water (3)" "Fault feed level" "faulty ✔"
	e2e_keys f s
	check "sources page: the source is ok" e2e_wait f 5 "Sources: 1, 0 failing" "$SRC_OK"
}
