#!/usr/bin/env bash
# bench_cpu: what citydash costs in CPU watching the whole simulated city,
# beside htop in the same run.
#
#   bench_cpu [SECONDS] [ROUNDS] [CITYDASH] [MOCK]
#     (default 30 s per measurement, 1 round, the citydash and citydash-mock
#     built beside it)
#
# Starts `citydash-mock --scale city` (4476 readings, 911 KPIs) on a loopback
# port and citydash watching its eight feeds (the six domains every second,
# events every 2 s, KPIs every 5 s, as examples/demo.json), in tmux at
# 200x60, and `htop -d 10` (a redraw a second) in tmux at the same size for
# the whole run. Once citydash shows the city it reads both processes'
# utime+stime from /proc/PID/stat, waits SECONDS, reads them again, and
# prints CPU seconds per minute for each and their ratio, with the load
# average and the number of processes at the end (htop reads every process,
# so its cost grows with them). Two modes:
#   full   the mock sends whole documents every poll (`--no-since`)
#   since  the mock answers `?since=` with only what changed (its default),
#          which citydash uses when a feed offers it
# A mock without --no-since (before report by exception) sends whole
# documents anyway: then only `full` is measured, on the plain mock, and
# `since` is reported as not available. Figures, not assertions: other load
# on the machine shows in both columns; ROUNDS > 1 repeats each mode to show
# how much they move.
set -euo pipefail

seconds=${1:-30}
rounds=${2:-1}
citydash=${3:-@CITYDASH@}
mock=${4:-@MOCK@}
case $seconds in '' | *[!0-9]*) echo "bench_cpu: SECONDS must be a whole number" >&2 && exit 2 ;; esac
case $rounds in '' | *[!0-9]* | 0) echo "bench_cpu: ROUNDS must be 1 or more" >&2 && exit 2 ;; esac
for p in tmux htop; do
	command -v "$p" >/dev/null || { echo "bench_cpu: needs $p (scripts/setup installs it)" >&2 && exit 1; }
done
if [ ! -x "$citydash" ] || [ ! -x "$mock" ]; then
	echo "bench_cpu: no $citydash or $mock" >&2
	exit 1
fi

work=$(mktemp -d)
sock="bench_cpu_$$"
mock_pid=
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
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
	[ -n "$port" ] || { echo "bench_cpu: the mock did not start:" >&2 && cat "$work/mock.err" >&2 && exit 1; }
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

# pane_pid SESSION: the process the session runs.
pane_pid() { tmux -L "$sock" list-panes -t "$1" -F '#{pane_pid}'; }

# measure MODE [MOCK OPTION]...: one round; prints a line of the table.
measure() {
	local mode=$1
	shift
	mock_start "$@"
	config >"$work/city.json"
	tmux -L "$sock" new-session -d -s citydash -x 200 -y 60 "$citydash --config $work/city.json"
	local cd_pid
	cd_pid=$(pane_pid citydash)
	# Until all six domains are on screen with their readings, then a few
	# seconds more, so the first documents' cost is not counted.
	local shown=
	for _ in $(seq 1 300); do
		if [ "$(tmux -L "$sock" capture-pane -p -t citydash | grep -o '─ [A-Za-z]* ([1-9]' | wc -l)" -ge 6 ]; then
			shown=1
			break
		fi
		sleep 0.1
	done
	[ -n "$shown" ] || { echo "bench_cpu: citydash did not show the city" >&2 && exit 1; }
	sleep 3
	local c0 h0 t0 c1 h1 t1
	c0=$(cpu_ticks "$cd_pid")
	h0=$(cpu_ticks "$htop_pid")
	t0=$(now)
	sleep "$seconds"
	c1=$(cpu_ticks "$cd_pid")
	h1=$(cpu_ticks "$htop_pid")
	t1=$(now)
	tmux -L "$sock" kill-session -t citydash
	mock_stop
	# htop reads every process of the machine: its cost, so the ratio, moves
	# with what else runs. The load and the number of processes say how much.
	local load procs=0 p
	read -r load _ </proc/loadavg
	for p in /proc/[0-9]*; do
		procs=$((procs + 1))
	done
	awk -v m="$mode" -v c=$((c1 - c0)) -v h=$((h1 - h0)) -v t0="$t0" -v t1="$t1" -v hz="$tick" \
	    -v load="$load" -v procs="$procs" '
	BEGIN {
		per_min = 60 / (t1 - t0) / hz
		ratio = h > 0 ? sprintf("%.2fx", c / h) : "-"
		printf "%-6s %18.2f %16.2f %14s %6s %6d\n", m, c * per_min, h * per_min, ratio, load, procs
	}'
}

tmux -L "$sock" new-session -d -s htop -x 200 -y 60 "env HTOPRC=$work/htoprc htop -d 10"
htop_pid=$(pane_pid htop)

echo "bench_cpu: citydash watching citydash-mock --scale city (8 feeds), beside htop -d 10;"
echo "both in tmux at 200x60, ${seconds} s per measurement, CPU seconds per minute"
printf '%-6s %18s %16s %14s %6s %6s\n' mode citydash htop citydash/htop load procs
since=1
"$mock" --help | grep -q -- '--no-since' || since=
for _ in $(seq 1 "$rounds"); do
	if [ -n "$since" ]; then
		measure full --no-since
		measure since
	else
		measure full
	fi
done
[ -n "$since" ] || echo "since: not measured: this citydash-mock has no --no-since (no report by exception)"
