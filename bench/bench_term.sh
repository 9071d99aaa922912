#!/usr/bin/env bash
# bench_term: what citydash costs the machine and the terminal watching the
# whole simulated city, beside htop in the same run.
#
#   bench_term [SECONDS] [ROUNDS] [CITYDASH] [MOCK]
#     (default 30 s per measurement, 1 round, the citydash and citydash-mock
#     built beside it)
#
# Starts `citydash-mock --scale city` (4,476 readings, 911 KPIs, hundreds of
# events) on a loopback port and citydash watching its eight feeds (the six
# domains every second, events every 2 s, KPIs every 5 s, as
# examples/demo.json), and `htop -d 10` (a redraw a second), each in a
# detached tmux session of its own at 120x40. Once citydash shows the city
# and has settled, for SECONDS, for both processes:
#   CPU       utime+stime from /proc/PID/stat over the window, in % of a core
#   peak RSS  VmHWM from /proc/PID/status at the end (the whole life: the
#             first, whole documents included)
#   terminal  the bytes each writes to its pane over the window, per second
#             (tmux pipe-pane -o 'cat >> FILE', on at the start, off at the end)
# Two modes, each with a fresh mock and citydash (htop runs throughout):
#   since  the mock answers `?since=` with only what changed (its default),
#          which citydash uses: report by exception
#   full   the mock sends whole documents at every poll (`--no-since`)
# Prints a table with each figure's ratio to htop's, the load average and
# the number of processes (htop reads every process: its cost moves with
# them), then one summary line per figure for scripts/bench
# (bench/bench_line.h). The issue's targets, with report by exception: CPU
# at most 2x htop's, peak RSS at most 48 MB, terminal bytes at most 2x
# htop's. Figures, not assertions; ROUNDS > 1 repeats each mode.
set -euo pipefail

seconds=${1:-30}
rounds=${2:-1}
citydash=${3:-@CITYDASH@}
mock=${4:-@MOCK@}
case $seconds in '' | *[!0-9]* | 0) echo "bench_term: SECONDS must be 1 or more" >&2 && exit 2 ;; esac
case $rounds in '' | *[!0-9]* | 0) echo "bench_term: ROUNDS must be 1 or more" >&2 && exit 2 ;; esac
for p in tmux htop; do
	command -v "$p" >/dev/null || { echo "bench_term: needs $p (scripts/setup installs it)" >&2 && exit 1; }
done
if [ ! -x "$citydash" ] || [ ! -x "$mock" ]; then
	echo "bench_term: no $citydash or $mock" >&2
	exit 1
fi

work=$(mktemp -d)
sock="$work/tmux" # tmux leaves its socket behind: in $work, it goes with it
mock_pid=
cleanup() {
	tmux -S "$sock" kill-server 2>/dev/null || true
	[ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
export LC_ALL=C.UTF-8 # the city's names are Chinese: both programs draw them
tick=$(getconf CLK_TCK)

# cpu_ticks PID: utime+stime of the process (all its threads), in ticks.
# The name in field 2 may hold spaces: fields are counted after its ')'.
cpu_ticks() {
	local stat
	stat=$(<"/proc/$1/stat")
	stat=${stat##*) }
	read -r -a f <<<"$stat"
	echo $((f[11] + f[12])) # utime, stime: fields 14 and 15 of the line
}

# peak_kib PID: VmHWM, the peak resident set, in KiB.
peak_kib() { awk '$1 == "VmHWM:" { print $2 }' "/proc/$1/status"; }

now() { date +%s.%N; }

# mock_start [OPTION]...: the city on a free loopback port; sets mock_pid, port.
mock_start() {
	"$mock" --scale city --port 0 "$@" >"$work/mock.out" 2>"$work/mock.err" &
	mock_pid=$!
	for _ in $(seq 1 100); do
		[ -s "$work/mock.out" ] && break
		sleep 0.1
	done
	port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/mock.out")
	[ -n "$port" ] || { echo "bench_term: the mock did not start:" >&2 && cat "$work/mock.err" >&2 && exit 1; }
}

mock_stop() {
	kill "$mock_pid" 2>/dev/null || true
	wait "$mock_pid" 2>/dev/null || true
	mock_pid=
}

config() {
	local base="http://127.0.0.1:$port/v1" d sep=""
	printf '{"defaults": {"interval_ms": 1000, "timeout_ms": 2000}, "sources": [\n'
	for d in water power gas telecom bridge tunnel; do
		printf '%s  {"name": "%s", "url": "%s/feeds/%s"}' "$sep" "$d" "$base" "$d"
		sep=$',\n'
	done
	printf ',\n  {"name": "kpis", "url": "%s/kpis", "interval_ms": 5000}' "$base"
	printf ',\n  {"name": "events", "url": "%s/events", "interval_ms": 2000}\n]}\n' "$base"
}

tm() { tmux -S "$sock" "$@"; }

# pane_pid SESSION: the process the session runs.
pane_pid() { tm list-panes -t "$1" -F '#{pane_pid}'; }

# measure MODE [MOCK OPTION]...: one round; prints a line of the table and
# appends the summary lines to $work/summary.
measure() {
	local mode=$1
	shift
	mock_start "$@"
	config >"$work/city.json"
	tm new-session -d -s citydash -x 120 -y 40 "$citydash --config $work/city.json"
	local cd_pid
	cd_pid=$(pane_pid citydash)
	# Until all six domains are on screen with their readings, then a few
	# seconds more, so the first documents' cost is not counted.
	local shown=
	for _ in $(seq 1 300); do
		if [ "$(tm capture-pane -p -t citydash | grep -o '─ [A-Za-z]* ([1-9]' | wc -l)" -ge 6 ]; then
			shown=1
			break
		fi
		sleep 0.1
	done
	[ -n "$shown" ] || { echo "bench_term: citydash did not show the city" >&2 && exit 1; }
	sleep 3
	: >"$work/out.citydash"
	: >"$work/out.htop"
	local c0 h0 t0 c1 h1 t1
	tm pipe-pane -o -t citydash "cat >> $work/out.citydash"
	tm pipe-pane -o -t htop "cat >> $work/out.htop"
	c0=$(cpu_ticks "$cd_pid")
	h0=$(cpu_ticks "$htop_pid")
	t0=$(now)
	sleep "$seconds"
	c1=$(cpu_ticks "$cd_pid")
	h1=$(cpu_ticks "$htop_pid")
	t1=$(now)
	tm pipe-pane -t citydash
	tm pipe-pane -t htop
	local cd_kib htop_kib cd_bytes htop_bytes
	cd_kib=$(peak_kib "$cd_pid")
	htop_kib=$(peak_kib "$htop_pid")
	sleep 0.2 # the cats' last writes
	cd_bytes=$(stat -c %s "$work/out.citydash")
	htop_bytes=$(stat -c %s "$work/out.htop")
	tm kill-session -t citydash
	mock_stop
	local load procs=0 p
	read -r load _ </proc/loadavg
	for p in /proc/[0-9]*; do
		procs=$((procs + 1))
	done
	local cpu_target=- rss_target=- bytes_target=-
	if [ "$mode" = since ]; then
		cpu_target='<=2x' rss_target='<=48' bytes_target='<=2x'
	fi
	awk -v m="$mode" -v c=$((c1 - c0)) -v h=$((h1 - h0)) -v t0="$t0" -v t1="$t1" -v hz="$tick" \
	    -v ck="$cd_kib" -v hk="$htop_kib" -v cb="$cd_bytes" -v hb="$htop_bytes" \
	    -v load="$load" -v procs="$procs" -v summary="$work/summary" \
	    -v ct="$cpu_target" -v rt="$rss_target" -v bt="$bytes_target" '
	function ratio(a, b) { return b > 0 ? a / b : 0 }
	BEGIN {
		s = t1 - t0
		cc = 100 * c / hz / s; hc = 100 * h / hz / s
		cm = ck / 1024; hm = hk / 1024
		cr = cb / s / 1000; hr = hb / s / 1000
		printf "%-6s %7.2f%% %7.2f%% %6.2fx  %6.1f MB %6.1f MB %6.2fx  %7.2f %7.2f %6.2fx  %5s %5d\n",
		    m, cc, hc, ratio(cc, hc), cm, hm, ratio(cm, hm), cr, hr, ratio(cr, hr), load, procs
		printf "BENCH\tterminal, %s: CPU\t%.2f\t%%\thtop -d 10\t%.2f\t%.3f\t%s\n", m, cc, hc, ratio(cc, hc), ct >>summary
		printf "BENCH\tterminal, %s: peak RSS\t%.1f\tMB\thtop -d 10\t%.1f\t%.3f\t%s\n", m, cm, hm, ratio(cm, hm), rt >>summary
		printf "BENCH\tterminal, %s: bytes out\t%.2f\tkB/s\thtop -d 10\t%.2f\t%.3f\t%s\n", m, cr, hr, ratio(cr, hr), bt >>summary
	}'
}

tm new-session -d -s htop -x 120 -y 40 "env HTOPRC=$work/htoprc htop -d 10"
htop_pid=$(pane_pid htop)
: >"$work/summary"

echo "bench_term: citydash watching citydash-mock --scale city (8 feeds), beside htop -d 10;"
echo "each in tmux at 120x40, ${seconds} s per measurement: CPU in % of a core, peak RSS,"
echo "bytes written to the terminal (kB/s), each with its ratio to htop's"
printf '%-6s %8s %8s %7s  %9s %9s %7s  %7s %7s %7s  %5s %5s\n' mode citydash htop ratio \
	citydash htop ratio citydash htop ratio load procs
for _ in $(seq 1 "$rounds"); do
	measure since
	measure full --no-since
done
echo "(targets with report by exception, since: CPU <= 2x htop's, peak RSS <= 48 MB, bytes <= 2x htop's)"
cat "$work/summary"
