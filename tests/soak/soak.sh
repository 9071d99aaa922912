#!/usr/bin/env bash
# The soak (issue 13): citydash watching the simulated city at --scale city
# for a given time, in a real terminal (tmux, 120x40), under ASan+UBSan when
# the binaries are built so or under valgrind, while
#   - a healthy mock serves the city's eight feeds with report by exception,
#     at --speed 60 (a day in 24 minutes), main-burst running at once and a
#     scenario started live (POST /v1/scenarios/NAME) every cycle;
#   - a second, faulty mock (--fault: errors, garbage, truncated documents,
#     hangs, slow drips; --no-since: whole documents every second) serves
#     three more sources, and each cycle is in turn frozen (SIGSTOP for a
#     while), killed (SIGKILL) or stopped (SIGTERM) and restarted on its port;
#   - seeded random keys move across every page (drill down, filter, scope,
#     ack, the shelve form cancelled);
#   - citydash's RSS, open fds and threads are sampled every few seconds and
#     printed as a series.
# At the end q quits it. It fails on: a sanitizer report (ASan, UBSan, LSan
# leaks at exit) or a valgrind error or definite leak; citydash dying or
# exiting with a status other than 0; a log line that means a bug (any
# error or warning but a faulty source failing: see log_problems); a mock's
# sanitizer report or unclean exit; open fds or threads growing; RSS growing
# beyond the bound (see rss_verdict). Prints the series, then one summary
# line, "soak: PASS ..." or "soak: FAIL ...".
#   soak.sh [--valgrind] [--seed N] [--interval S] CITYDASH CITYDASH_MOCK SECONDS
# Run by scripts/soak (MINUTES, building first) and by ctest (soak_short).
set -uo pipefail

valgrind=0
seed=13
interval=
while (($#)); do
	case $1 in
	--valgrind) valgrind=1 ;;
	--seed) seed=$2; shift ;;
	--interval) interval=$2; shift ;;
	--) shift; break ;;
	-*) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
if (($# != 3)); then
	echo "usage: soak.sh [--valgrind] [--seed N] [--interval S] CITYDASH CITYDASH_MOCK SECONDS" >&2
	exit 2
fi
citydash=$1
mock=$2
duration=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../e2e/lib.sh"
RANDOM=$seed # the moves and keys below, seeded

# Samples: every 2 s in a short run, every 5 s from 10 minutes on.
[ -n "$interval" ] || interval=$((duration >= 600 ? 5 : 2))
# One cycle of faults and scenarios: an eighth of the run, 20 s to 5 min.
cycle=$((duration / 8))
((cycle < 20)) && cycle=20
((cycle > 300)) && cycle=300

# RSS bound (see README "### Soak"): the median RSS of the last quarter of
# the run may exceed that of the second quarter (the first is warm-up) by
# at most max(RSS_SLACK_MIB, RSS_SLACK_PCT % of the second quarter's).
RSS_SLACK_MIB=${SOAK_RSS_SLACK_MIB:-8}
RSS_SLACK_PCT=${SOAK_RSS_SLACK_PCT:-10}
# Open fds and threads: the last quarter's highest may exceed the second
# quarter's highest by at most this many (connections come and go with the
# faults; a leak grows with every failure).
FD_SLACK=${SOAK_FD_SLACK:-6}
THREAD_SLACK=${SOAK_THREAD_SLACK:-1}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
failures=()
fail() {
	failures+=("$1")
	echo "FAIL - $1"
}
san="$E2E_TMP/san"
mkdir -p "$san"

# ---- the two mocks --------------------------------------------------------
mock_pids=()
# start_mock NAME PORT ARGS...: starts a mock on PORT (0: a free one), its
# output in $E2E_TMP/NAME.out, sanitizer reports in $san/NAME.*; sets
# mock_pid and mock_port.
start_mock() {
	local name=$1 port=$2
	shift 2
	local out="$E2E_TMP/$name.out"
	: >"$out"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$san/$name" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$san/$name" \
		"$mock" --port "$port" --scale city --seed "$seed" "$@" >>"$out" 2>&1 &
	mock_pid=$!
	mock_pids+=("$mock_pid")
	for _ in $(seq 100); do
		grep -q "listening on" "$out" && break
		kill -0 "$mock_pid" 2>/dev/null || break
		sleep 0.1
	done
	mock_port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$out" | tail -1)
	[ -n "$mock_port" ]
}
# stop_mock PID WHAT: SIGTERM, at most 30 s (LSan's exit check is slow on a
# loaded machine), then SIGKILL; a status other than 0 is a failure.
stop_mock() {
	local pid=$1 what=$2 st
	kill -TERM "$pid" 2>/dev/null || return 0
	for _ in $(seq 300); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		fail "$what did not stop within 30 s of SIGTERM"
		return
	fi
	wait "$pid"
	st=$?
	((st == 0)) || fail "$what exited with status $st on SIGTERM"
}
cleanup() {
	local p
	for p in "${mock_pids[@]}"; do
		kill -CONT "$p" 2>/dev/null
		kill -KILL "$p" 2>/dev/null
	done
	e2e_cleanup
}
trap cleanup EXIT

faults="error=0.1,garbage=0.05,truncate=0.05,hang=0.02,slow=0.05"
start_mock healthy 0 --speed 60 --scenario main-burst ||
	{ echo "soak: FAIL the healthy mock did not start" >&2; cat "$E2E_TMP/healthy.out" >&2; exit 1; }
healthy_pid=$mock_pid healthy_port=$mock_port
faulty_args=(--speed 60 --no-since --fault "$faults")
start_mock faulty 0 "${faulty_args[@]}" ||
	{ echo "soak: FAIL the faulty mock did not start" >&2; cat "$E2E_TMP/faulty.out" >&2; exit 1; }
faulty_pid=$mock_pid faulty_port=$mock_port

H="http://127.0.0.1:$healthy_port"
F="http://127.0.0.1:$faulty_port"
# The healthy sources get a long timeout: on a loaded machine under a
# sanitizer a city-scale answer may take a while, and a healthy source
# failing is counted as a failure (log_problems). The faulty ones time out
# after 3 s, so a hang is a failure soon.
cat >"$E2E_TMP/city.json" <<JSON
{ "defaults": { "interval_ms": 1000, "timeout_ms": 15000 },
  "sources": [
    { "name": "water", "url": "$H/v1/feeds/water" },
    { "name": "power", "url": "$H/v1/feeds/power" },
    { "name": "gas", "url": "$H/v1/feeds/gas" },
    { "name": "telecom", "url": "$H/v1/feeds/telecom" },
    { "name": "bridge", "url": "$H/v1/feeds/bridge" },
    { "name": "tunnel", "url": "$H/v1/feeds/tunnel" },
    { "name": "kpis", "url": "$H/v1/kpis", "interval_ms": 5000 },
    { "name": "events", "url": "$H/v1/events", "interval_ms": 2000 },
    { "name": "f-water", "url": "$F/v1/feeds/water", "timeout_ms": 3000 },
    { "name": "f-power", "url": "$F/v1/feeds/power", "timeout_ms": 3000 },
    { "name": "f-events", "url": "$F/v1/events", "interval_ms": 2000, "timeout_ms": 3000 }
  ] }
JSON

# ---- citydash in tmux -----------------------------------------------------
# Sanitizer reports go to files (log_path), not to the curses screen; a
# small quarantine (16 MB, default 256) so that RSS says something of
# citydash's own memory within the warm-up.
cd_asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16:log_path=$san/citydash"
cd_ubsan="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$san/citydash"
runner=()
if ((valgrind)); then
	runner=(valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
		--log-file="$san/valgrind.%p")
	# shellcheck disable=SC2206 # options, split on blanks on purpose
	runner+=(${SOAK_VALGRIND_ARGS:-})
fi
cat >"$E2E_TMP/run.sh" <<SH
#!/bin/sh
echo \$\$ >"$E2E_TMP/citydash.pid"
export ASAN_OPTIONS='$cd_asan' UBSAN_OPTIONS='$cd_ubsan'
exec ${runner[*]} "$citydash" --config "$E2E_TMP/city.json" --log "$E2E_TMP/citydash.log" \
	--journal "$E2E_TMP/journal.jsonl" --no-bell
SH
chmod +x "$E2E_TMP/run.sh"
e2e_start soak 120 40 "$E2E_TMP/run.sh"
start_limit=$((valgrind ? 180 : 60))
if ! e2e_wait soak "$start_limit" "Water" "Tunnels" "Alarms:"; then
	echo "soak: FAIL citydash did not draw the city within ${start_limit}s" >&2
	cat "$san"/* 2>/dev/null >&2
	exit 1
fi
pid=$(cat "$E2E_TMP/citydash.pid")

# ---- what goes on during the run ------------------------------------------
# A move: tmux key names, "lit:TEXT" for literal text. Never q, Q or F10.
moves=(1 2 3 4 5 6 7 8 9 o K e t a H s w p '?' Escape BSpace Enter Tab BTab j k h l
	Up Down Left Right g G PPage NPage z r n N C-l
	"/ lit:wat Enter" "/ lit:江北 Enter n N" "/ lit:zzz Escape" "5 j A" "5 G A" "5 S Escape"
	"5 * n" "9 j Enter" "9 j j Enter" "4 Enter Enter BSpace" "4 j Enter j Enter Enter"
	"1 Tab Enter j Enter" "2 z Enter" "3 j Enter")
keys_sent=0
show_keys() {
	echo "  the last key moves sent:"
	tail -15 "$E2E_TMP/keys" | sed 's/^/    /'
}
send_move() {
	local m=${moves[RANDOM % ${#moves[@]}]} k ks
	echo "$(elapsed) s: $m" >>"$E2E_TMP/keys"
	read -r -a ks <<<"$m" # split on blanks, no glob: "*" is a key
	for k in "${ks[@]}"; do
		if [[ $k == lit:* ]]; then
			tm send-keys -t soak -l "${k#lit:}"
		else
			tm send-keys -t soak "$k"
		fi
	done
	keys_sent=$((keys_sent + 1))
}
scenarios=(heatwave flood festival main-burst)
scenario_posts=0 scenario_started=0
start_scenario() {
	local name=${scenarios[scenario_posts % ${#scenarios[@]}]} code
	code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$H/v1/scenarios/$name")
	scenario_posts=$((scenario_posts + 1))
	[ "$code" = 200 ] && scenario_started=$((scenario_started + 1))
	echo "# $(elapsed) s: scenario $name: HTTP $code"
}
restarts=0
# One fault action a cycle, in turn: freeze the faulty mock, kill it, stop it.
fault_step=0
pending_restart=0 # when to restart the faulty mock (0: not down)
fault_action() {
	case $((fault_step % 3)) in
	0)
		echo "# $(elapsed) s: faulty mock frozen (SIGSTOP) for $((cycle / 4)) s"
		kill -STOP "$faulty_pid"
		frozen_until=$(($(elapsed) + cycle / 4))
		;;
	1)
		echo "# $(elapsed) s: faulty mock killed (SIGKILL); restarted in $((cycle / 4)) s"
		kill -KILL "$faulty_pid"
		wait "$faulty_pid" 2>/dev/null
		pending_restart=$(($(elapsed) + cycle / 4))
		;;
	2)
		echo "# $(elapsed) s: faulty mock stopped (SIGTERM); restarted in $((cycle / 4)) s"
		stop_mock "$faulty_pid" "the faulty mock"
		pending_restart=$(($(elapsed) + cycle / 4))
		;;
	esac
	fault_step=$((fault_step + 1))
}
restart_faulty() {
	for _ in 1 2 3 4 5; do
		start_mock faulty "$faulty_port" "${faulty_args[@]}" && break
		kill "$mock_pid" 2>/dev/null
		wait "$mock_pid" 2>/dev/null
		sleep 1
	done
	if [ "$mock_port" != "$faulty_port" ]; then
		fail "the faulty mock could not listen again on port $faulty_port"
		return
	fi
	faulty_pid=$mock_pid
	restarts=$((restarts + 1))
	echo "# $(elapsed) s: faulty mock restarted on port $faulty_port"
}

t0=$SECONDS
elapsed() { echo $((SECONDS - t0)); }
kib() { sed -n "s/^$1:[[:space:]]*\([0-9]*\).*/\1/p" "/proc/$pid/status" 2>/dev/null; }
series="$E2E_TMP/series"
: >"$series"
echo "# soak: $duration s, seed $seed, a sample every $interval s, a cycle every $cycle s;" \
	"$(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# healthy mock $H, faulty mock $F ($faults)"
printf '# %6s %9s %5s %7s\n' t_s rss_kib fds threads
next_sample=0 next_key=2 next_cycle=5 frozen_until=0 died=0
while (($(elapsed) < duration)); do
	now=$(elapsed)
	if ! kill -0 "$pid" 2>/dev/null; then
		died=1
		break
	fi
	# The healthy mock ending is no fault of citydash's, but it spoils the
	# run (its sources fail): said at once, with its status.
	if ((healthy_pid)) && ! kill -0 "$healthy_pid" 2>/dev/null; then
		wait "$healthy_pid"
		fail "the healthy mock ended by itself after $now s (status $?; 137: SIGKILL from outside)"
		healthy_pid=0
	fi
	if ((now >= next_sample)); then
		rss=$(kib VmRSS) threads=$(kib Threads)
		fds=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
		if [ -n "$rss" ]; then
			printf '  %6d %9d %5d %7d\n' "$now" "$rss" "$fds" "$threads" | tee -a "$series"
		fi
		next_sample=$((now + interval))
	fi
	if ((now >= next_key)); then
		send_move
		next_key=$((now + 1 + RANDOM % 4))
	fi
	if ((now >= next_cycle)); then
		start_scenario
		((pending_restart == 0 && frozen_until == 0)) && fault_action
		next_cycle=$((now + cycle))
	fi
	if ((frozen_until && now >= frozen_until)); then
		kill -CONT "$faulty_pid"
		frozen_until=0
		echo "# $now s: faulty mock thawed (SIGCONT)"
	fi
	if ((pending_restart && now >= pending_restart)); then
		pending_restart=0
		restart_faulty
	fi
	sleep 0.5
done
((frozen_until)) && kill -CONT "$faulty_pid"
((pending_restart)) && restart_faulty
ran=$(elapsed)

# ---- the end ----------------------------------------------------------------
status=
if ((died)); then
	status=$(e2e_wait_exit soak 10)
	fail "citydash ended by itself after $ran s, status $status"
	show_keys
	echo "  its last screen:"
	e2e_screen soak | sed 's/^/    /'
else
	# Still answering keys: the sources page, then q.
	tm send-keys -t soak Escape Escape 7
	e2e_wait soak 30 "Sources" "f-water" "water" ||
		fail "citydash did not show the sources page after the run"
	tm send-keys -t soak Escape q
	status=$(e2e_wait_exit soak $((valgrind ? 600 : 180)))
fi
[ "$status" = 0 ] || fail "citydash exited with status $status (0 expected)"

((healthy_pid)) && stop_mock "$healthy_pid" "the healthy mock"
stop_mock "$faulty_pid" "the faulty mock"

# Sanitizer and valgrind reports (with the last keys sent, to retrace them).
reports=$(find "$san" -type f -size +0 | sort)
show_keys() {
	echo "  the last key moves sent:"
	tail -15 "$E2E_TMP/keys" | sed 's/^/    /'
}
for r in $reports; do
	case ${r##*/} in
	valgrind.*)
		if grep -qE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]' "$r"; then
			fail "valgrind found errors or a definite leak (${r##*/})"
			sed 's/^/  /' "$r" | tail -60
			show_keys
		fi
		;;
	*)
		fail "sanitizer report from ${r##*/}"
		sed 's/^/  /' "$r" | head -80
		show_keys
		;;
	esac
done
for m in healthy faulty; do
	if grep -qE 'Sanitizer|runtime error' "$E2E_TMP/$m.out"; then
		fail "the $m mock printed a sanitizer report"
		head -40 "$E2E_TMP/$m.out"
	fi
done

# The log: errors and warnings a healthy run can write are a faulty source
# failing ("f-...") and its retries; anything else is a problem: a healthy
# source failing, elements skipped or refused, a journal error, a failed wait.
log_problems() {
	grep -E '^[^ ]+ citydash\[[0-9]+\] (error|warn): ' "$E2E_TMP/citydash.log" |
		grep -vE '(error|warn): source "f-[a-z]+" failing: '
}
problems=$(log_problems)
if [ -n "$problems" ]; then
	fail "the log holds $(grep -c . <<<"$problems") error or warning line(s) that a soak must not cause"
	head -20 <<<"$problems" | sed 's/^/  /'
fi
faulty_failures=$(grep -cE 'error: source "f-[a-z]+" failing: ' "$E2E_TMP/citydash.log")
((faulty_failures > 0)) || fail "the faulty sources never failed: no fault was injected"

# RSS, fds, threads: quarters of the series (the first is warm-up).
verdict=$(awk -v slack_mib="$RSS_SLACK_MIB" -v slack_pct="$RSS_SLACK_PCT" \
	-v fd_slack="$FD_SLACK" -v thread_slack="$THREAD_SLACK" '
	function median(a, lo, hi,   n, i, j, t, b) {
		n = 0
		for (i = lo; i < hi; i++) b[n++] = a[i]
		for (i = 1; i < n; i++) { t = b[i]; for (j = i - 1; j >= 0 && b[j] > t; j--) b[j + 1] = b[j]; b[j + 1] = t }
		return n % 2 ? b[int(n / 2)] : (b[n / 2 - 1] + b[n / 2]) / 2
	}
	function maxof(a, lo, hi,   i, m) { m = a[lo]; for (i = lo; i < hi; i++) if (a[i] > m) m = a[i]; return m }
	BEGIN { n = 0 }
	{ rss[n] = $2; fds[n] = $3; thr[n] = $4; n++ }
	END {
		if (n < 8) { print "FAIL too few samples (" n ")"; exit }
		q = int(n / 4)
		m2 = median(rss, q, 2 * q); m4 = median(rss, 3 * q, n)
		bound = slack_mib * 1024; if (m2 * slack_pct / 100 > bound) bound = m2 * slack_pct / 100
		peak = maxof(rss, 0, n)
		f2 = maxof(fds, q, 2 * q); f4 = maxof(fds, 3 * q, n)
		t2 = maxof(thr, q, 2 * q); t4 = maxof(thr, 3 * q, n)
		printf "rss_start=%d rss_q2=%d rss_q4=%d rss_end=%d rss_peak=%d rss_bound=%d", rss[0], m2, m4, rss[n - 1], peak, bound
		printf " fds_q2=%d fds_q4=%d threads_q2=%d threads_q4=%d", f2, f4, t2, t4
		printf " rss_ok=%d fds_ok=%d threads_ok=%d\n", m4 - m2 <= bound, f4 <= f2 + fd_slack, t4 <= t2 + thread_slack
	}' "$series")
echo "# $verdict"
rss_start=0 rss_q2=0 rss_q4=0 rss_end=0 rss_peak=0 rss_bound=0 rss_ok=0
fds_q2=0 fds_q4=0 threads_q2=0 threads_q4=0 fds_ok=0 threads_ok=0
if [[ $verdict == FAIL* ]]; then
	fail "${verdict#FAIL }"
else
	eval "$verdict"
	((rss_ok)) || fail "RSS grew by $(mib $((rss_q4 - rss_q2))) MiB from the second quarter's median ($(mib "$rss_q2") MiB) to the last quarter's ($(mib "$rss_q4") MiB): bound $(mib "$rss_bound") MiB"
	((fds_ok)) || fail "open fds grew: at most $fds_q2 in the second quarter, $fds_q4 in the last (slack $FD_SLACK)"
	((threads_ok)) || fail "threads grew: at most $threads_q2 in the second quarter, $threads_q4 in the last"
fi

mode=plain
((valgrind)) && mode=valgrind
[ -n "$(nm -D "$citydash" 2>/dev/null | grep -m1 __asan_init)" ] && mode="ASan+UBSan"
summary="$ran s, $mode, seed $seed; RSS MiB start $(mib "${rss_start:-0}"), second quarter $(mib "${rss_q2:-0}"), last quarter $(mib "${rss_q4:-0}"), end $(mib "${rss_end:-0}"), peak $(mib "${rss_peak:-0}") (bound +$(mib "${rss_bound:-0}")); fds $fds_q2->$fds_q4, threads $threads_q2->$threads_q4; $keys_sent key moves, $scenario_started/$scenario_posts scenarios started, $restarts faulty-mock restarts, $faulty_failures faulty-source failures logged; load $(cut -d' ' -f1-3 /proc/loadavg)"
if ((${#failures[@]})); then
	echo "soak: FAIL (${#failures[@]} problem(s)) $summary"
	exit 1
fi
echo "soak: PASS $summary"
